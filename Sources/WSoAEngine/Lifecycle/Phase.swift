/// Where a plan stands in its lifecycle: the 2016 framework's or the 2023 framework's
/// (DESIGN.md §5). The first and last phases are shared; the rest belong to one table.
///
/// The raw values are the journal's and `--json`'s names and never change.
public enum Phase: String, Sendable, CaseIterable {
    /// Visit recorded; outcome letter awaited.
    case inspected
    /// The letter required no written statement. Final.
    case noStatementRequired
    /// The statement is being written; the 70-working-day clock runs.
    case statementDue
    /// Submitted; with Ofsted/CQC for judgement.
    case statementUnderReview
    /// Judged fit for purpose; DfE/NHS England visit quarterly; revisit awaited.
    case monitoring
    /// Every weakness sufficient at revisit; HMCI recommends monitoring ceases; DfE/NHSE decide.
    case cessationRecommended
    /// Some weaknesses insufficient: an accelerated progress plan with formal reviews.
    case acceleratedProgress
    /// 2023: the report is out; the partnership updates and publishes its strategic plan.
    case strategicPlanDue
    /// 2023, widespread/systemic failings: the priority action plan (area SEND) is being prepared.
    case priorityActionPlanDue
    /// 2023: the priority action plan is with Ofsted for feedback.
    case priorityActionPlanUnderReview
    /// 2023: the priority action plan is accepted; the monitoring inspection is awaited.
    case monitoringInspectionAwaited
    /// 2023: the strategic plan is published (or the monitoring inspection has reported); the
    /// next full inspection is awaited while DfE and NHS England support and challenge.
    case nextInspectionAwaited
    /// Monitoring has ceased. Final and read-only.
    case closed

    /// Whether nothing more can happen in this phase.
    public var isFinal: Bool {
        switch self {
        case .noStatementRequired, .closed: return true
        case .inspected, .statementDue, .statementUnderReview, .monitoring, .cessationRecommended,
             .acceleratedProgress, .strategicPlanDue, .priorityActionPlanDue, .priorityActionPlanUnderReview,
             .monitoringInspectionAwaited, .nextInspectionAwaited:
            return false
        }
    }

    /// Words for people, e.g. "statement under review".
    public var displayName: String {
        switch self {
        case .inspected: return "inspected, outcome awaited"
        case .noStatementRequired: return "no statement required"
        case .statementDue: return "statement due"
        case .statementUnderReview: return "statement under review"
        case .monitoring: return "monitoring"
        case .cessationRecommended: return "cessation recommended"
        case .acceleratedProgress: return "accelerated progress plan"
        case .strategicPlanDue: return "strategic plan due"
        case .priorityActionPlanDue: return "priority action plan due"
        case .priorityActionPlanUnderReview: return "priority action plan with Ofsted"
        case .monitoringInspectionAwaited: return "monitoring inspection awaited"
        case .nextInspectionAwaited: return "next full inspection awaited"
        case .closed: return "closed"
        }
    }
}
