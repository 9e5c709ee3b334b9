/// The kinds of event a journal line can hold; the raw value is the line's `type`.
public enum EventType: String, Sendable, CaseIterable {
    /// The plan was opened for an inspection visit.
    case planCreated
    /// The inspection outcome letter was published.
    case letterPublished
    /// The written statement was submitted to Ofsted.
    case statementSubmitted
    /// Ofsted/CQC judged the statement fit or not fit for purpose.
    case statementJudged
    /// DfE/NHS England held a monitoring (support-and-challenge) visit.
    case monitoringVisitHeld
    /// Ofsted/CQC reported the revisit, judging each weakness.
    case revisitReported
    /// DfE/NHS England ended monitoring.
    case monitoringCeased
    /// DfE/NHS England ended monitoring of some weaknesses (partial cessation).
    case weaknessesReleased
    /// DfE/NHS England asked for the accelerated progress plan by a date.
    case appRequested
    /// The accelerated progress plan was submitted to DfE/NHS England.
    case appSubmitted
    /// DfE/NHS England accepted the accelerated progress plan or sent it back.
    case appJudged
    /// The accelerated progress plan was published locally.
    case appPublished
    /// DfE/NHS England held a formal review of the accelerated progress plan.
    case progressReviewHeld
    /// The Secretary of State issued an improvement notice or a statutory direction.
    case escalationIssued
    /// The Secretary of State directed a further revisit.
    case revisitDirected
    /// 2023: the area SEND inspection report was published, with its outcome and findings.
    case reportPublished
    /// 2023: the partnership published its updated strategic plan.
    case strategicPlanPublished
    /// 2023: the priority action plan (area SEND) was submitted to Ofsted.
    case priorityActionPlanSubmitted
    /// 2023: Ofsted accepted the priority action plan or gave feedback for a revised one.
    case priorityActionPlanJudged
    /// 2023: Ofsted/CQC reported the monitoring inspection, judging each area for priority action.
    case monitoringInspectionReported
    /// 2023: the partnership was given a date for one of its deadlines.
    case deadlineSet
    /// A partner's new name took effect.
    case partnerRenamed
    /// A workstream was added.
    case workstreamAdded
    /// An action was added.
    case actionAdded
    /// An action's status was reported.
    case actionUpdated
    /// An action's due date was moved.
    case actionRetargeted
    /// A measure was added.
    case measureAdded
    /// A measure's value was recorded.
    case measureRecorded
    /// Evidence was recorded.
    case evidenceAdded
    /// A follow-up agreed at a monitoring visit was recorded.
    case followUpAdded
    /// A follow-up was closed.
    case followUpClosed
    /// Something recorded earlier was corrected, with the reason.
    case recordAmended
    /// Something recorded earlier was withdrawn as recorded in error, with the reason.
    case recordWithdrawn
    /// A line of another copy of the journal was left out when the copies were merged.
    case lineSetAside

    /// The event in words, for people: "letter published", "action status reported".
    public var words: String {
        switch self {
        case .planCreated: return "plan created"
        case .letterPublished: return "letter published"
        case .statementSubmitted: return "statement submitted"
        case .statementJudged: return "statement judged"
        case .monitoringVisitHeld: return "monitoring visit"
        case .revisitReported: return "revisit reported"
        case .monitoringCeased: return "monitoring ceased"
        case .weaknessesReleased: return "weaknesses released"
        case .appRequested: return "APP asked for"
        case .appSubmitted: return "APP submitted"
        case .appJudged: return "APP decision"
        case .appPublished: return "APP published"
        case .progressReviewHeld: return "formal review"
        case .escalationIssued: return "escalation"
        case .revisitDirected: return "revisit directed"
        case .reportPublished: return "report published"
        case .strategicPlanPublished: return "strategic plan published"
        case .priorityActionPlanSubmitted: return "priority action plan submitted"
        case .priorityActionPlanJudged: return "priority action plan decision"
        case .monitoringInspectionReported: return "monitoring inspection reported"
        case .deadlineSet: return "deadline given"
        case .partnerRenamed: return "partner renamed"
        case .workstreamAdded: return "workstream added"
        case .actionAdded: return "action added"
        case .actionUpdated: return "action status reported"
        case .actionRetargeted: return "action retargeted"
        case .measureAdded: return "measure added"
        case .measureRecorded: return "measure recorded"
        case .evidenceAdded: return "evidence added"
        case .followUpAdded: return "follow-up agreed"
        case .followUpClosed: return "follow-up closed"
        case .recordAmended: return "correction"
        case .recordWithdrawn: return "withdrawal"
        case .lineSetAside: return "line set aside in a merge"
        }
    }

    /// Every type by its name: read from every journal line, so one lookup rather than
    /// comparing the name with each type's in turn.
    static let named = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// Whether the event moves the plan through the lifecycle table (the others keep the phase
    /// as it is); read from the table itself, so the two cannot disagree.
    public var isLifecycle: Bool { EventType.lifecycle.contains(self) }

    /// Whether an event of this type gives a new item its id (`A<n>`, `M<n>`, `E<n>`, `F<n>`, or
    /// a visit's `V<n>`).
    public var givesItem: Bool { [.actionAdded, .measureAdded, .evidenceAdded, .followUpAdded, .monitoringVisitHeld].contains(self) }

    /// The types of the lifecycle table's rows, and `planCreated`, worked out once.
    private static let lifecycle = Set([EventType.planCreated] + Framework.allCases.flatMap { Lifecycle.table(for: $0).map(\.event) })
}
