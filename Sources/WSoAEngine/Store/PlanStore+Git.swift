/// Whether the copies of evidence files a plan keeps travel with a git repository of the plans.
public enum EvidenceCopiesSetting: String, Sendable, CaseIterable {
    /// Each machine keeps its own copies; the repository holds the journals, whose hashes let
    /// anyone who has a file check it. The default: a copy may hold personal data.
    case local
    /// The copies are committed with the journals (content-addressed, so they never conflict).
    case shared
}

/// What `PlanStore.shareThroughGit(evidenceCopies:)` wrote.
public struct GitSharing: Sendable {
    /// `.gitattributes` and `.gitignore` in the plans directory.
    public let attributesPath: String
    public let ignorePath: String
    /// The setting now in force.
    public let evidenceCopies: EvidenceCopiesSetting
    /// Whether either file changed.
    public let changed: Bool
}

extension PlanStore {
    /// The lines wsoa keeps in each file begin and end with these, so that what people write
    /// there themselves is kept as it is.
    static let gitBlockStart = "# >>> wsoa: written by 'wsoa git setup'; change the setting with it, not by hand"
    static let gitBlockEnd = "# <<< wsoa"
    /// The line of `.gitignore` that keeps evidence copies off the repository.
    static let evidenceIgnored = "*/\(EvidenceCopies.folderName)/"

    /// Writes wsoa's part of `.gitattributes` and `.gitignore` in the plans directory, so that a
    /// git repository holding it merges journals with wsoa's driver (`merge=wsoa`) and keeps
    /// caches, locks and files set aside on each machine. Evidence copies are binary and named
    /// by their content, so they never conflict; whether they travel is `evidenceCopies`, and
    /// when that is nil the setting already written stands (else `local`, the default). Text
    /// outside wsoa's block is kept. Safe to run again.
    public func shareThroughGit(evidenceCopies: EvidenceCopiesSetting?) throws -> GitSharing {
        let plans = try plans()
        let current = try PlanStore.gitBlock(in: ".gitignore", of: plans)
        let setting = evidenceCopies ?? (current.block?.contains(PlanStore.evidenceIgnored) == false ? .shared : .local)
        let attributes = [
            "*/\(Journal.fileName) -text merge=wsoa",
            "*/\(EvidenceCopies.folderName)/* binary",
        ]
        var ignored = [
            "# Caches, locks and files set aside stay on each machine.",
            "*/\(Snapshot.fileName)", "*/\(Snapshot.formerFileName)", "*/\(PlanLock.fileName)",
            "*/\(Journal.fileName).torn-*", "*/\(Journal.fileName).set-aside-*",
            "# Copies of a journal a sync tool or a refused merge left, until 'wsoa merge' takes them in.",
            "*/events?*.jsonl", "*/events?*.jsonl.merged", ".new-*/",
        ]
        switch setting {
        case .local:
            ignored += ["# Evidence copies stay on each machine ('wsoa git setup --evidence-copies shared' shares them).", PlanStore.evidenceIgnored]
        case .shared:
            ignored += ["# Evidence copies are shared ('wsoa git setup --evidence-copies local' keeps them on each machine)."]
        }
        let wroteAttributes = try PlanStore.writeGitBlock(attributes, in: ".gitattributes", of: plans)
        let wroteIgnore = try PlanStore.writeGitBlock(ignored, in: ".gitignore", of: plans)
        return GitSharing(attributesPath: "\(plans.path)/.gitattributes", ignorePath: "\(plans.path)/.gitignore",
                          evidenceCopies: setting, changed: wroteAttributes || wroteIgnore)
    }

    /// Whether the plans directory is shared through git with evidence copies kept on each
    /// machine, so a copy recorded on another machine is rightly not here.
    func shareThroughGitKeepsCopiesLocal(_ plans: PlansDirectory) -> Bool {
        (try? PlanStore.gitBlock(in: ".gitignore", of: plans).block?.contains(PlanStore.evidenceIgnored)) == true
    }

    /// The text of file `name` in the plans directory, and wsoa's block in it (its lines
    /// between the markers), if it has one.
    private static func gitBlock(in name: String, of plans: PlansDirectory) throws -> (text: String, block: [String]?) {
        guard FileSystem.kind(name, in: plans.handle) != .missing else { return ("", nil) }
        let file = try FileSystem.openRegularFile(name, in: plans.handle)
        let text = String(decoding: try FileSystem.read(file), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: gitBlockStart), let end = lines[start...].firstIndex(of: gitBlockEnd) else { return (text, nil) }
        return (text, Array(lines[(start + 1)..<end]))
    }

    /// Puts `block` between wsoa's markers in file `name` of the plans directory, replacing the
    /// block there or adding it at the end; true when the file changed.
    private static func writeGitBlock(_ block: [String], in name: String, of plans: PlansDirectory) throws -> Bool {
        let (text, _) = try gitBlock(in: name, of: plans)
        var lines = text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let wanted = [gitBlockStart] + block + [gitBlockEnd]
        if let start = lines.firstIndex(of: gitBlockStart), let end = lines[start...].firstIndex(of: gitBlockEnd) {
            lines.replaceSubrange(start...end, with: wanted)
        } else {
            if !lines.isEmpty { lines.append("") }
            lines += wanted
        }
        let updated = lines.joined(separator: "\n") + "\n"
        guard updated != text else { return false }
        try FileSystem.replace(name, in: plans.handle, with: Array(updated.utf8))
        return true
    }
}
