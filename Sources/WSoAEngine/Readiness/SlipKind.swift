/// How an action slipped; the raw value is the JSON report's name.
public enum SlipKind: String, Sendable, Hashable, CaseIterable {
    /// Its due date was moved later.
    case retargeted
    /// Its lead reported it at risk, having reported it better before.
    case reportedAtRisk
    /// Its lead reported it off track, having reported it better before.
    case reportedOffTrack
    /// Its due date passed without it being complete.
    case fellOverdue

    /// The order slips of one action on one day are listed in.
    var order: Int {
        switch self {
        case .retargeted: return 0
        case .reportedAtRisk: return 1
        case .reportedOffTrack: return 2
        case .fellOverdue: return 3
        }
    }
}
