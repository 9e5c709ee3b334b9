/// What an inspection found that a plan must address: under the 2016 framework an area of
/// significant weakness (`W1…`); under the 2023 framework an area for priority action (`P1…`)
/// or an area for improvement (`I1…`).
///
/// All three are kept as ``Weakness`` values, because workstreams, evidence, visits and the
/// readiness report address each the same way, by id; the kind is read from the id's letter,
/// so it can never disagree with it.
public enum FindingKind: String, Hashable, Sendable, CaseIterable {
    /// An area of significant weakness (2016), `W…`.
    case significantWeakness
    /// An area for priority action (2023, widespread/systemic failings), `P…`.
    case priorityAction
    /// An area for improvement (2023, any outcome), `I…`.
    case improvement

    /// The kind of the finding with this id.
    public init(id: String) {
        switch id.first {
        case "P": self = .priorityAction
        case "I": self = .improvement
        default: self = .significantWeakness
        }
    }

    /// The letter its ids start with.
    public var prefix: String {
        switch self {
        case .significantWeakness: return "W"
        case .priorityAction: return "P"
        case .improvement: return "I"
        }
    }

    /// "area for priority action": one, in words.
    public var displayName: String {
        switch self {
        case .significantWeakness: return "area of significant weakness"
        case .priorityAction: return "area for priority action"
        case .improvement: return "area for improvement"
        }
    }

    /// "areas for priority action": several, in words.
    public var pluralName: String {
        switch self {
        case .significantWeakness: return "areas of significant weakness"
        case .priorityAction: return "areas for priority action"
        case .improvement: return "areas for improvement"
        }
    }
}
