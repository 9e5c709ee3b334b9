/// What a reason is about, in the order inspectors weigh it: the difference made for children
/// and families first, then whether it will last, then whether the plan is being delivered.
public enum VerdictCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Impact on children and families: impact and voice evidence, measures against their trajectory.
    case impact
    /// Whether the improvement will last: the advisers' ratings and their trend, measures
    /// improving and held at target, impact evidenced in more than one quarter.
    case sustainability
    /// Delivery of the statement: actions due by now complete, how late the late ones are,
    /// follow-ups agreed at visits.
    case delivery

    /// "impact on children and families".
    public var words: String {
        switch self {
        case .impact: return "impact on children and families"
        case .sustainability: return "sustainability"
        case .delivery: return "delivery"
        }
    }

    /// In the order inspectors weigh them.
    public static func < (lhs: VerdictCategory, rhs: VerdictCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
