/// The facts of an area SEND inspection report (the framework from 2023).
///
/// Everything `wsoa new --from-letter` needs to open a 2023 plan and record its report: the
/// area, the inspection dates, the previous inspection as the report states it, the outcome,
/// each area for priority action (with the partner responsible, where the report's table names
/// one) and each area for improvement, verbatim, and the stated horizons of the next visits.
/// Fields are `var`s so a front end can fill or override them.
public struct AreaSENDReport: Hashable, Sendable {
    /// An area for priority action: the report's words and, apart from them, the partner the
    /// report's "Responsible body" column names.
    public struct PriorityAction: Hashable, Sendable {
        /// The action, verbatim, whitespace collapsed.
        public var statement: String
        /// The responsible body, e.g. "NHS Greater Manchester ICB and Oldham Metropolitan
        /// Borough Council", or nil when the report names none for it.
        public var partner: String?

        /// Makes an area for priority action.
        public init(statement: String, partner: String? = nil) {
            self.statement = statement
            self.partner = partner
        }
    }

    /// The local area, e.g. "West Northamptonshire" (without "Local Area Partnership").
    public var area: String
    /// The days inspectors were on site ("Inspection dates").
    public var visit: DayRange
    /// The previous inspection exactly as the report states it ("2 to 6 October 2017", "Not
    /// previously inspected", or a sentence), or nil when the report has no such field.
    public var previousInspection: String?
    /// The inspection outcome.
    public var outcome: InspectionOutcome
    /// The areas for priority action, in the report's order (only under widespread/systemic failings).
    public var areasForPriorityAction: [PriorityAction]
    /// The areas for improvement, verbatim, in the report's order.
    public var areasForImprovement: [String]
    /// The next full inspection's stated horizon in years ("within approximately three years"),
    /// or nil when the report states none.
    public var nextInspectionYears: Int?
    /// The monitoring inspection's stated horizon in months ("within approximately 18 months"),
    /// or nil when the report states none.
    public var monitoringInspectionMonths: Int?

    /// Makes the facts of a report.
    public init(area: String, visit: DayRange, previousInspection: String? = nil, outcome: InspectionOutcome,
                areasForPriorityAction: [PriorityAction] = [], areasForImprovement: [String] = [],
                nextInspectionYears: Int? = nil, monitoringInspectionMonths: Int? = nil) {
        self.area = area
        self.visit = visit
        self.previousInspection = previousInspection
        self.outcome = outcome
        self.areasForPriorityAction = areasForPriorityAction
        self.areasForImprovement = areasForImprovement
        self.nextInspectionYears = nextInspectionYears
        self.monitoringInspectionMonths = monitoringInspectionMonths
    }

    /// Every fact as a labelled value, in reading order, for a dry run to print.
    ///
    /// Facts the report does not give say so ("not stated") rather than being left out, so an
    /// officer sees what will be recorded blank. There is one entry per finding, numbered as a
    /// plan numbers them: `P1: … (responsible: …)` for each area for priority action, with its
    /// responsible body where the report names one, and `I1: …` for each area for improvement.
    public var summary: [(field: LetterField, value: String)] {
        var entries: [(field: LetterField, value: String)] = [
            (.area, area), (.visit, visit.longDescription), (.previousInspection, previousInspection ?? "not stated"),
            (.outcome, outcome.displayName),
            (.nextInspection, nextInspectionYears.map { "within approximately \($0) \($0 == 1 ? "year" : "years")" } ?? "not stated"),
            (.monitoringInspection, monitoringInspectionMonths.map { "within approximately \($0) \($0 == 1 ? "month" : "months")" } ?? "none stated"),
        ]
        for (index, action) in areasForPriorityAction.enumerated() {
            let partner = action.partner.map { " (responsible: \($0))" } ?? ""
            entries.append((.areasForPriorityAction, "P\(index + 1): \(action.statement)\(partner)"))
        }
        for (index, improvement) in areasForImprovement.enumerated() {
            entries.append((.areasForImprovement, "I\(index + 1): \(improvement)"))
        }
        return entries
    }
}
