/// How much a reason counts towards a weakness's verdict.
public enum VerdictWeight: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A gap that on its own would make inspectors doubt sufficient progress.
    case serious
    /// A gap that weakens the case without deciding it.
    case concern
    /// Something in the record that supports sufficient progress.
    case strength

    /// "serious concern", "concern", "strength".
    public var words: String {
        switch self {
        case .serious: return "serious concern"
        case .concern: return "concern"
        case .strength: return "strength"
        }
    }

    /// Serious first, strengths last.
    public static func < (lhs: VerdictWeight, rhs: VerdictWeight) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
