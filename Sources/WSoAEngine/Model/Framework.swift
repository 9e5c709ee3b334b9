/// The inspection framework a plan was made under.
///
/// Every plan records its framework so that a second lifecycle (the 2023 area SEND framework,
/// with priority action plans) can be added beside the first without migrating journals.
public enum Framework: String, Sendable, CaseIterable {
    /// The 2016 local area SEND inspection framework: written statement of action, revisit.
    case send2016 = "2016"
    /// The area SEND framework for inspections from 1 January 2023: an outcome, areas for
    /// priority action and for improvement, a strategic plan, a priority action plan and a
    /// monitoring inspection under the third outcome.
    case areaSEND2023 = "2023"

    /// The first day inspected under the 2023 framework.
    public static let areaSEND2023Start = Day(year: 2023, month: 1, day: 1)!

    /// The framework in words, e.g. "area SEND framework (2023)".
    public var displayName: String {
        switch self {
        case .send2016: return "local area SEND inspection framework (2016)"
        case .areaSEND2023: return "area SEND framework (2023)"
        }
    }

    /// The framework an inspection that began on `firstDay` was carried out under.
    public static func forInspection(startingOn firstDay: Day) -> Framework {
        firstDay < areaSEND2023Start ? .send2016 : .areaSEND2023
    }
}
