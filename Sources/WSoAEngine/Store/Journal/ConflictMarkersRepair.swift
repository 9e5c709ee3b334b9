/// What `wsoa repair` did with a journal holding git's conflict markers
/// (`PlanStore.repairConflictMarkers`): the two copies between them merged into the journal, or,
/// when a line of one cannot stand once the other's are in, each copy put where `wsoa merge`
/// takes it.
public struct ConflictMarkersRepair: Sendable {
    /// The plan's journal.
    public let path: String
    /// The line of its first conflict marker.
    public let firstMarker: Int
    /// What messages call the copy before the markers' `=======` (git's current side) and the one after.
    public let current: String
    public let other: String
    /// The merge made, when the two copies merged; the journal now holds it.
    public let merged: MergeSummary?
    /// The line refused, when they did not: the journal then holds the current side's copy,
    /// and the other's is at `otherPath`, for `wsoa merge --set-aside`.
    public let conflict: MergeConflict?
    /// Where the other side's copy was kept, when the copies did not merge.
    public let otherPath: String?

    /// Makes one.
    public init(path: String, firstMarker: Int, current: String, other: String, merged: MergeSummary?, conflict: MergeConflict?,
                otherPath: String?) {
        self.path = path
        self.firstMarker = firstMarker
        self.current = current
        self.other = other
        self.merged = merged
        self.conflict = conflict
        self.otherPath = otherPath
    }
}
