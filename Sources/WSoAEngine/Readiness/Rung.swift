/// A rung of the evidence ladder (DESIGN.md §7): how far a weakness has got towards a
/// revisit judging it "sufficient progress".
///
/// Inspectors judge impact on children and families, not activity, so the ladder climbs from
/// delivering the actions, through evidencing their impact, to sustaining it. The raw values
/// are the JSON report's names and never change.
public enum Rung: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Below the first rung: actions overdue, or too few complete.
    case notYetDelivering
    /// The weakness's actions are mostly complete and none is overdue.
    case delivering
    /// Recent impact and voice evidence, and a measure moving towards its target.
    case impactEvidenced
    /// A measure held at its target for six months, and impact evidence in two quarters.
    case impactSustained

    /// 0 (not yet delivering) to 3 (impact sustained), for ordering and "rung 2 of 3".
    public var level: Int {
        switch self {
        case .notYetDelivering: return 0
        case .delivering: return 1
        case .impactEvidenced: return 2
        case .impactSustained: return 3
        }
    }

    /// The rung's name for people, e.g. "Impact evidenced".
    public var displayName: String {
        switch self {
        case .notYetDelivering: return "Not yet delivering"
        case .delivering: return "Delivering"
        case .impactEvidenced: return "Impact evidenced"
        case .impactSustained: return "Impact sustained"
        }
    }

    /// The rule for reaching the rung for a plan under `framework`, whose findings are
    /// weaknesses (2016) or areas (2023).
    public func rule(for framework: Framework) -> String {
        guard framework == .areaSEND2023, self == .delivering else { return rule }
        return "At least half of the area’s actions are complete and none is overdue."
    }

    /// The rule for reaching the rung, in one sentence, so every rendering states the test it applied.
    public var rule: String {
        switch self {
        case .notYetDelivering:
            return "The first rung, Delivering, is not yet reached."
        case .delivering:
            return "At least half of the weakness’s actions are complete and none is overdue."
        case .impactEvidenced:
            return "Impact and voice evidence dated in the last 6 months, and at least one measure moving towards its target: read in the last 6 months and improving over its last six months of readings, or already at target."
        case .impactSustained:
            return "A measure at or beyond its target in every reading over at least 6 months up to its latest, and impact evidence in two different calendar quarters."
        }
    }

    /// The rung above, or nil at the top.
    public var next: Rung? {
        switch self {
        case .notYetDelivering: return .delivering
        case .delivering: return .impactEvidenced
        case .impactEvidenced: return .impactSustained
        case .impactSustained: return nil
        }
    }

    /// The rungs that have a test of their own, bottom first (every rung but `notYetDelivering`).
    public static let climbed: [Rung] = [.delivering, .impactEvidenced, .impactSustained]

    /// Orders rungs bottom to top.
    public static func < (lhs: Rung, rhs: Rung) -> Bool {
        lhs.level < rhs.level
    }
}
