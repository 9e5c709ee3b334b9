#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PlanStore {
    /// Makes again the merge git made as text in a clone without wsoa's merge driver: the two
    /// copies between the conflict markers in plan `id`'s journal (`ConflictedJournal`) are
    /// merged as the driver would have merged them, and the journal replaced by the result.
    ///
    /// It does not matter whether git still reports the journal in conflict or the markers were
    /// committed, pushed and pulled since: the markers hold both copies. When a line of one copy
    /// cannot stand once the other's are in (`MergeConflict`), the journal is replaced by the
    /// current side's copy and the other side's is written to `otherName` beside it, as the
    /// driver leaves a refused merge, for `wsoa merge --set-aside`. A journal whose markers do
    /// not hold two whole copies of the plan (edited by hand) is refused with
    /// `WSoAError.unmergedJournal`, changing nothing; one without markers with
    /// `WSoAError.nothingToRepair`. `by` and `recorded` name the lock's holder.
    /// The way back when the markers cannot be taken apart: git's merge done again, with the
    /// driver. Putting the journal back and committing it as git suggests mid-merge would leave
    /// the other side's lines out, so the merge is aborted first.
    private static let mergeAgain = "while git still reports the journal in conflict, run git merge --abort (or git rebase --abort) and 'wsoa git setup', then pull again, and wsoa's merge driver merges it; if the markers were committed, put the journal back as it was before that merge (git log shows its commits), commit it and pull again"

    public func repairConflictMarkers(_ id: String, otherName: String, by: String, recorded: String) throws -> ConflictMarkersRepair {
        let folder = try folder(id)
        let lock = try PlanLock(in: folder, plan: id, holder: "\(by), repairing, recorded \(recorded)", timeout: lockTimeout)
        return try withExtendedLifetime(lock) {
            let file = try FileSystem.open(Journal.fileName, in: folder, flags: O_RDONLY)
            let journal = Journal(path: file.path, bytes: try FileSystem.read(file))
            guard let first = journal.conflictMarkerLine else { throw WSoAError.nothingToRepair(path: journal.path, lines: journal.count) }
            guard let conflicted = ConflictedJournal(journal.bytes) else {
                throw WSoAError.unmergedJournal(path: journal.path, line: first, reason: "its conflict markers do not pair up as one merge of git's writes them (<<<<<<<, =======, >>>>>>>): markers within markers, as a merge of a journal that already held them leaves, or an edit by hand; \(Self.mergeAgain)")
            }
            let names = (current: ConflictedJournal.currentName(journal.path, label: conflicted.currentLabel),
                         other: ConflictedJournal.otherName(journal.path, label: conflicted.otherLabel))
            let mode = try file.status().st_mode & 0o7777
            do {
                let outcome = try conflicted.merged(path: journal.path, planID: id)
                try writeMerged(outcome, over: journal.path, in: folder, mode: mode)
                return ConflictMarkersRepair(path: journal.path, firstMarker: first, current: names.current, other: names.other,
                                             merged: outcome.summary, conflict: nil, otherPath: nil)
            } catch let WSoAError.mergeRefused(conflict) {
                // Each copy is whole (the merge read both before refusing a line): the journal
                // takes the current side's, as the driver leaves it, and the other goes beside it.
                try FileSystem.replace(otherName, in: folder, with: conflicted.other)
                try FileSystem.replace(Journal.fileName, in: folder, mode: mode) { try FileSystem.writeAll($0, conflicted.current) }
                unlinkat(folder.fd, Snapshot.fileName, 0)
                return ConflictMarkersRepair(path: journal.path, firstMarker: first, current: names.current, other: names.other,
                                             merged: nil, conflict: conflict, otherPath: "\(folder.path)/\(otherName)")
            } catch let error as WSoAError {
                throw WSoAError.unmergedJournal(path: journal.path, line: first, reason: "the two copies between its conflict markers are not both whole journals of the plan (\(error.description.dropLast())), so it was edited after git's merge; \(Self.mergeAgain)")
            }
        }
    }
}
