/// The rules a tracker's rows are checked against before anything is recorded, beside the
/// record's own (``Rule``), which every row's commands must pass too.
///
/// The raw values are what a refusal names, as `wsoa` names its other rules.
public enum ImportRule: String, Hashable, Sendable, CaseIterable {
    /// Each column the kind needs is there (an action needs its workstream, title and due date),
    /// and no column is there twice.
    case headerRow = "header-row"
    /// A cell holds what its column takes: a date, a number, a status, a kind.
    case validValue = "valid-value"
    /// An id names an item of the plan, or the next one to be added.
    case knownID = "known-id"
    /// A row without an id matches one item at most (by workstream and title).
    case oneMatch = "one-match"
    /// Each item has one row.
    case oneRowEach = "one-row-each"
    /// A column wsoa works out itself (times retargeted, first due date, a file's version) is
    /// left as exported, and an item's workstream does not change.
    case keptByWsoa = "kept-by-wsoa"
    /// A moved due date or a withdrawal of a recorded item says why, in a Reason column.
    case reasonGiven = "reason-given"
    /// A file named in the tracker can be found beside it, with the hash the row gives.
    case fileFound = "file-found"
}
