/// The deadlines a plan runs against (DESIGN.md §5).
public enum ClockName: String, Sendable, CaseIterable {
    /// The statement is due 70 working days after the report was received.
    case statement
    /// The next DfE/NHS England visit, 3 months after the last one (or fit for purpose).
    case monitoringVisit
    /// The revisit, usually within 18 months of fit for purpose.
    case revisit
    /// The accelerated progress plan's submission, by the date DfE/NHS England set.
    case appSubmission
    /// The accelerated progress plan's formal review, within 6 months of the revisit letter,
    /// and every 6 months after while weaknesses remain in it.
    case appReview
    /// 2023: the updated strategic plan's publication, by default 30 working days after the
    /// final report was received.
    case strategicPlan
    /// 2023, widespread/systemic failings: the priority action plan's submission to Ofsted, by
    /// default 30 working days after the final report was received.
    case priorityActionPlan
    /// 2023, widespread/systemic failings: the monitoring inspection, about 18 months after the
    /// final report was received.
    case monitoringInspection
    /// 2023: the next full inspection, about 3 years after the report (5 after a positive one).
    case nextInspection
    /// An action's due date (as retargeted).
    case action
    /// A follow-up agreed at a monitoring visit is due.
    case followUp

    /// The clocks a 2023 plan's deadline can be set for, with the date the partnership was given.
    public static let settable: [ClockName] = [.strategicPlan, .priorityActionPlan, .monitoringInspection, .nextInspection]

    /// Words for people.
    public var displayName: String {
        switch self {
        case .statement: return "written statement due"
        case .monitoringVisit: return "next monitoring visit"
        case .revisit: return "revisit expected"
        case .appSubmission: return "APP submission due"
        case .appReview: return "APP formal review"
        case .strategicPlan: return "strategic plan publication due"
        case .priorityActionPlan: return "priority action plan submission due"
        case .monitoringInspection: return "monitoring inspection expected"
        case .nextInspection: return "next full inspection expected"
        case .action: return "action due"
        case .followUp: return "follow-up due"
        }
    }
}
