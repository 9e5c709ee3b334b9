/// What the Secretary of State may issue when an area does not improve.
///
/// The raw values are the journal's and `--json`'s names and never change.
public enum EscalationKind: String, Sendable, CaseIterable {
    /// An improvement notice.
    case improvementNotice
    /// A statutory direction.
    case statutoryDirection

    /// The value `--kind` takes: "improvement-notice", "statutory-direction".
    public var argument: String {
        switch self {
        case .improvementNotice: return "improvement-notice"
        case .statutoryDirection: return "statutory-direction"
        }
    }

    /// Words for people.
    public var words: String {
        switch self {
        case .improvementNotice: return "improvement notice"
        case .statutoryDirection: return "statutory direction"
        }
    }
}
