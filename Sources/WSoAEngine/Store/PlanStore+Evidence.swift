/// Evidence files: keeping their copies when a command is recorded, and checking them in `verify`.
extension PlanStore {
    /// The file references `events` record that are to be kept as copies: a new piece of
    /// evidence's file, or a new version from `evidence revise`.
    static func copiesNeeded(by events: [PlanEvent]) -> [FileReference] {
        events.compactMap(\.evidenceFile).filter(\.copied)
    }

    /// Keeps a copy of every file `events` record as copied, from the matching `files`, in
    /// the plan's evidence folder. Called under the plan's lock, after the events were decided
    /// and their lines made (a refused command never gets here) and before the lines are
    /// appended.
    ///
    /// Returns the copies, and the names of those newly made, which the caller removes if the
    /// append then fails. A crash between a copy and the append leaves only a file that no
    /// line names: harmless, as nothing reads a copy but `verify` for the lines that name it,
    /// and recording the same content again finds it there and keeps it.
    func keepCopies(for events: [PlanEvent], from files: [EvidenceFile], in folder: OpenFile,
                    plan: String) throws -> (copies: [EvidenceCopy], made: [String], folder: OpenFile?) {
        let needed = PlanStore.copiesNeeded(by: events)
        guard !needed.isEmpty, let evidence = try EvidenceCopies.folder(in: folder, creating: true) else { return ([], [], nil) }
        var copies: [EvidenceCopy] = [], made: [String] = []
        do {
            for reference in needed {
                let source = files.first { $0.reference.sha256 == reference.sha256 && $0.reference.size == reference.size }
                let new = try EvidenceCopies.keep(reference, from: source?.file, in: evidence)
                if new { made.append(reference.sha256) }
                copies.append(EvidenceCopy(reference: reference, path: EvidenceCopies.path(of: reference, plan: plan), alreadyKept: !new))
            }
        } catch {
            for name in made { EvidenceCopies.remove(name, in: evidence) }
            throw error
        }
        return (copies, made, evidence)
    }

    /// Checks every version of every file recorded as evidence in `plan` (folded from the
    /// whole journal): a copy in the plan's folder, else the file where it was recorded.
    func checkEvidenceFiles(of plan: Plan, in folder: OpenFile, plans: PlansDirectory) -> [EvidenceFileCheck] {
        let versions = plan.evidence.flatMap { item in item.fileVersions.map { (item, $0.version, $0.file) } }
        let copies: (folder: OpenFile?, problem: String?) = versions.contains { $0.2.copied } ? PlanStore.evidenceFolder(in: folder) : (nil, nil)
        let keptElsewhere = shareThroughGitKeepsCopiesLocal(plans)
        // The same bytes are one copy, however many versions name them: hashed once.
        var found: [String: (EvidenceFileCheck.Outcome, String?)] = [:]
        return versions.map { item, version, file in
            var outcome: EvidenceFileCheck.Outcome, reason: String?
            if file.copied {
                (outcome, reason) = found[file.sha256] ?? PlanStore.check(copyOf: file, in: copies.folder, unusable: copies.problem)
                found[file.sha256] = (outcome, reason)
                if outcome == .missing && item.withdrawn != nil { outcome = .removed }
                if outcome == .missing && keptElsewhere { outcome = .elsewhere }
            } else {
                (outcome, reason) = PlanStore.check(original: file, plans: plans)
            }
            return EvidenceFileCheck(evidence: item.id, version: version, file: file,
                                     path: file.copied ? EvidenceCopies.path(of: file, plan: plan.id) : file.path,
                                     outcome: outcome, reason: reason)
        }
    }

    /// The plan's evidence folder for `verify`, open; or why its copies cannot be read (a link
    /// in its place is never followed); neither when there is no folder.
    private static func evidenceFolder(in folder: OpenFile) -> (folder: OpenFile?, problem: String?) {
        // Said of the folder rather than of each copy: "its folder is a symbolic link, …".
        if let problem = EvidenceCopies.problem(in: folder) { return (nil, "its folder " + problem) }
        do {
            return (try EvidenceCopies.folder(in: folder, creating: false), nil)
        } catch let WSoAError.fileSystem(_, reason) {
            return (nil, "its folder could not be opened: \(reason)")
        } catch {
            return (nil, "its folder could not be opened: \(error)")
        }
    }

    /// What is at the copy of `file` in the plan's evidence folder (`evidence`, nil when there
    /// is none, or `unusable` with why).
    private static func check(copyOf file: FileReference, in evidence: OpenFile?, unusable: String?) -> (EvidenceFileCheck.Outcome, String?) {
        if let unusable { return (.unreadable, unusable) }
        guard let evidence, FileReference.isHash(file.sha256), FileSystem.kind(file.sha256, in: evidence) != .missing else {
            return (.missing, nil)
        }
        return compare(file) { try FileSystem.openRegularFile(file.sha256, in: evidence) }
    }

    /// What is at the path where `file`, recorded without a copy, was recorded: inside the
    /// plans directory opened without following a link at any step.
    private static func check(original file: FileReference, plans: PlansDirectory) -> (EvidenceFileCheck.Outcome, String?) {
        if file.path.hasPrefix("/") {
            guard FileSystem.kind(file.path) != .missing else { return (.notFound, nil) }
            return compare(file) { try FileSystem.openRegularFile(file.path) }
        }
        guard FileSystem.kind(file.path, in: plans.handle) != .missing else { return (.notFound, nil) }
        return compare(file) { try FileSystem.openRegularFile(file.path, beneath: plans.handle) }
    }

    /// Whether the file `open` opens holds `file`'s bytes.
    private static func compare(_ file: FileReference, open: () throws -> OpenFile) -> (EvidenceFileCheck.Outcome, String?) {
        do {
            let found = try FileSystem.digest(of: open())
            return found.size == file.size && found.digest.hex == file.sha256 ? (.intact, nil) : (.changed, nil)
        } catch let WSoAError.fileSystem(_, reason) {
            return (.unreadable, reason)
        } catch {
            return (.unreadable, "\(error)")
        }
    }
}
