/// The verdict on one area of weakness: would inspectors judge it to have made sufficient
/// progress if they came now? The raw values are the JSON report's names and never change.
public enum Sufficiency: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Two or more serious concerns: the record cannot yet show sufficient progress.
    case notYetSufficient
    /// One serious concern, or several lesser ones: it could go either way.
    case atRisk
    /// No serious concern and at most two lesser ones.
    case likelySufficient

    /// "likely sufficient", as a sentence says it.
    public var words: String {
        switch self {
        case .likelySufficient: return "likely sufficient"
        case .atRisk: return "at risk"
        case .notYetSufficient: return "not yet sufficient"
        }
    }

    /// Worst first: not yet sufficient, at risk, likely sufficient.
    public static func < (lhs: Sufficiency, rhs: Sufficiency) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
