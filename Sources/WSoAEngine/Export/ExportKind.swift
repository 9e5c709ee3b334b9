/// What `wsoa export` writes a row for: the items officers keep in their spreadsheet trackers.
///
/// The raw values are the words `--what` takes and never change.
public enum ExportKind: String, Hashable, Sendable, CaseIterable {
    /// Actions `A1…`, one row each, as they stand.
    case actions
    /// Measures `M1…`, with baseline, target, national figure and latest value.
    case measures
    /// Every reading of every measure, one row each.
    case readings
    /// Evidence `E1…`, with its file's name and hash (never its content).
    case evidence
    /// DfE/NHS England monitoring visits `V1…`.
    case visits
    /// Follow-ups `F1…` agreed at visits.
    case followups
}
