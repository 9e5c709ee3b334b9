extension PlanStore {
    /// The copies of plan `id`'s journal that a sync tool (OneDrive, SharePoint, Dropbox,
    /// Nextcloud, Syncthing, Google Drive) left beside it when two people changed the plan at
    /// once, as paths, in name order: each holds lines the journal may lack, for `wsoa merge`.
    ///
    /// Each tool names its copy its own way — `events (Jo's conflicted copy).jsonl`,
    /// `events-LAPTOP-7Q2.jsonl`, `events.sync-conflict-20261201-101010-ABC.jsonl`,
    /// `events (1).jsonl` — but all keep the journal's name at the start and `.jsonl` at the
    /// end, which is what is looked for.
    public func conflictedCopies(of id: String) throws -> [String] {
        let folder = try folder(id)
        return try FileSystem.contents(of: folder).filter { PlanStore.isConflictedCopy($0) && FileSystem.kind($0, in: folder) == .file }
            .sorted().map { "\(folder.path)/\($0)" }
    }

    /// Whether a file called `name` in a plan's folder looks like a sync tool's copy of the journal.
    static func isConflictedCopy(_ name: String) -> Bool {
        name != Journal.fileName && !name.hasPrefix(".") && name.hasPrefix("events") && name.hasSuffix(".jsonl")
    }

    /// The name of `path` when it is a conflicted copy in `folder` itself, else nil.
    static func syncCopyName(_ path: String, in folder: OpenFile) -> String? {
        guard let resolved = realPath(path), let folderPath = realPath(folder.path) else { return nil }
        let name = String(resolved.split(separator: "/").last ?? "")
        guard resolved == "\(folderPath)/\(name)", isConflictedCopy(name) else { return nil }
        return name
    }
}
