/// The outcome of a full inspection under the area SEND framework from 2023.
///
/// The report states one of three, each in a fixed sentence; the raw values are the journal's
/// and `--json`'s names and never change.
public enum InspectionOutcome: String, Hashable, Sendable, CaseIterable {
    /// Arrangements "typically lead to positive experiences and outcomes". Next full
    /// inspection within about 5 years.
    case positive
    /// Arrangements "lead to inconsistent experiences and outcomes". Next full inspection
    /// within about 3 years.
    case inconsistent
    /// "Widespread and/or systemic failings leading to significant concerns": areas for
    /// priority action, a priority action plan, a monitoring inspection within about 18 months
    /// and the next full inspection within about 3 years.
    case widespreadSystemic = "widespread-systemic"

    /// The report's own words for the outcome, as its "Inspection outcome" section puts them.
    public var reportWords: String {
        switch self {
        case .positive:
            return "typically lead to positive experiences and outcomes"
        case .inconsistent:
            return "lead to inconsistent experiences and outcomes"
        case .widespreadSystemic:
            return "widespread and/or systemic failings leading to significant concerns"
        }
    }

    /// A short name for people, e.g. "inconsistent experiences and outcomes".
    public var displayName: String {
        switch self {
        case .positive: return "positive experiences and outcomes"
        case .inconsistent: return "inconsistent experiences and outcomes"
        case .widespreadSystemic: return "widespread and/or systemic failings"
        }
    }

    /// Whether the outcome brings areas for priority action, a priority action plan and a
    /// monitoring inspection.
    public var requiresPriorityActionPlan: Bool {
        switch self {
        case .widespreadSystemic: return true
        case .positive, .inconsistent: return false
        }
    }

    /// About how many years until the next full inspection, as the framework sets it.
    public var nextInspectionYears: Int {
        switch self {
        case .positive: return 5
        case .inconsistent, .widespreadSystemic: return 3
        }
    }
}
