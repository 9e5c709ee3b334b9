import WSoAEngine

/// `--file` and `--no-copy` for `evidence add` and `evidence revise`, and what a command that
/// recorded a file says about its copy.
extension Context {
    /// `--file PATH`, opened and hashed, to be copied unless `--no-copy` (nil when no file
    /// was given). Only hashed here: the store copies it once the command has been decided.
    func evidenceFile() throws -> EvidenceFile? {
        guard let path = arguments.value("file") else {
            try refuseUnused(["no-copy"], reason: "it says not to copy the --file given, and no --file was given")
            return nil
        }
        return try EvidenceFile(opening: path, plansDirectory: store.directory, copy: !arguments.flag("no-copy"))
    }

    /// Says, for each evidence file just recorded, whether its copy was kept (or was there
    /// already) or no copy was kept, so the officer knows what the record holds.
    func reportFiles(_ recorded: Recorded) {
        for reference in recorded.entries.compactMap(\.event.evidenceFile) {
            let hash = "SHA-256 \(reference.shortHash)…"
            if let copy = recorded.copies.first(where: { $0.reference == reference }) {
                output.line(copy.alreadyKept
                    ? "  \(reference.name) (\(hash)) is already kept in the plan's folder as \(copy.path): the same content is stored once."
                    : "  A copy of \(reference.name) (\(hash)) is kept in the plan's folder as \(copy.path).")
            } else {
                output.line("  No copy of \(reference.name) (\(hash)) is kept: 'wsoa verify' checks it at \(reference.path) while it is there.")
            }
        }
    }

    /// The copies a command kept, for `--json`; nil (no key) when it recorded no file.
    static func copiesJSON(_ recorded: Recorded) -> JSONValue? {
        guard !recorded.copies.isEmpty else { return nil }
        return .array(recorded.copies.map { copy in
            .object(["path": .string(copy.path), "sha256": .string(copy.reference.sha256), "alreadyKept": .bool(copy.alreadyKept)])
        })
    }
}

extension OptionSpec {
    /// `--no-copy`: record the file's hash alone.
    static let noCopy = OptionSpec.flag("no-copy", help: "Record the file's hash alone and keep no copy (it stays in the council's document store).")
}
