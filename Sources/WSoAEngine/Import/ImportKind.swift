/// What `wsoa import` reads a tracker of: the items officers keep up to date in spreadsheets.
///
/// The raw values are the words `--what` takes, as `wsoa export` takes them.
public enum ImportKind: String, Hashable, Sendable, CaseIterable {
    /// Actions `A1…`: new ones added, status reports, retargets, amendments and withdrawals.
    case actions
    /// Measures `M1…`: new ones added, amendments, and a latest reading.
    case measures
    /// Readings of measures, one row each.
    case readings
    /// Evidence `E1…`: new pieces added (with their files, found beside the tracker),
    /// amendments and withdrawals.
    case evidence

    /// The columns this kind reads, in the order `wsoa export` writes them.
    public var columns: [ImportColumn] {
        switch self {
        case .actions:
            return [.id, .workstream, .title, .lead, .added, .due, .firstDue, .status, .completed, .lastReported, .timesRetargeted,
                    .withdrawn, .note, .reason, .agreedWith]
        case .measures:
            return [.id, .workstream, .title, .unit, .direction, .baseline, .baselineDate, .target, .targetDate, .national,
                    .latestValue, .latestDate, .reason]
        case .readings:
            return [.id, .measure, .date, .value, .reason]
        case .evidence:
            return [.id, .workstream, .areas, .kind, .date, .title, .source, .link, .file, .sha256, .version, .withdrawn, .reason]
        }
    }

    /// One item, with its article: "an action", "a measure", "a reading", "a piece of evidence".
    var oneItem: String {
        switch self {
        case .actions: return "an action"
        case .measures: return "a measure"
        case .readings: return "a reading"
        case .evidence: return "a piece of evidence"
        }
    }

    /// The word for one item: "action", "measure", "reading", "evidence".
    var itemWord: String {
        switch self {
        case .actions: return "action"
        case .measures: return "measure"
        case .readings: return "reading"
        case .evidence: return "evidence"
        }
    }
}
