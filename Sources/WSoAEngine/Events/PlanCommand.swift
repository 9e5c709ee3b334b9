/// What someone asks to record, before it has been checked.
///
/// `Plan.decide(_:on:)` turns a command into events or refuses it; nothing is written for a
/// refused command.
public enum PlanCommand: Hashable, Sendable {
    /// Open a plan for an inspection visit.
    case create(PlanEvent.PlanCreated)
    /// Record the outcome letter.
    case publishLetter(on: Day, received: Day?, statementRequired: Bool, weaknesses: [String], note: String?, estimated: [String] = [])
    /// Record that the statement went to Ofsted.
    case submit(on: Day, note: String?, estimated: [String] = [])
    /// Record Ofsted/CQC's judgement of the statement.
    case judge(on: Day, fit: Bool, note: String?, estimated: [String] = [])
    /// Record a DfE/NHS England monitoring visit with ratings (by weakness or workstream id) and follow-ups.
    case holdMonitoringVisit(on: Day, advisers: [String], attendees: [Attendee] = [], ratings: [String: Rating], followUps: [String],
                             note: String?, estimated: [String] = [])
    /// Record the revisit letter: weakness ids judged sufficient and insufficient.
    case reportRevisit(on: Day, visited: DayRange, sufficient: [String], insufficient: [String], note: String?, estimated: [String] = [])
    /// Record that DfE/NHS England ended monitoring.
    case cease(on: Day, note: String?, estimated: [String] = [])
    /// Record that DfE/NHS England ended monitoring of these weaknesses (partial cessation).
    case release(on: Day, weaknesses: [String], note: String?, estimated: [String] = [])
    /// Record that DfE/NHS England asked for the accelerated progress plan by `due`.
    case requestAPP(on: Day, due: Day, note: String?, estimated: [String] = [])
    /// Record that the accelerated progress plan was submitted, by the date DfE/NHS England set if they set one.
    case submitAPP(on: Day, due: Day?, note: String?, estimated: [String] = [])
    /// Record DfE/NHS England's decision on the accelerated progress plan: accepted, or sent back (with a note why).
    case judgeAPP(on: Day, accepted: Bool, note: String?, estimated: [String] = [])
    /// Record that the accelerated progress plan was published locally, at `link`.
    case publishAPP(on: Day, link: String, note: String?, estimated: [String] = [])
    /// Record a formal review of the accelerated progress plan: weakness ids judged sufficient and insufficient.
    case holdReview(on: Day, sufficient: [String], insufficient: [String], note: String?, estimated: [String] = [])
    /// Record an improvement notice or statutory direction.
    case escalate(on: Day, kind: EscalationKind, issuer: String, link: String?, note: String?, estimated: [String] = [])
    /// Record that the Secretary of State directed a further revisit.
    case directRevisit(on: Day, issuer: String, link: String?, note: String?, estimated: [String] = [])
    /// Record a 2023 area SEND inspection report: its outcome, areas for priority action (with
    /// the responsible partner of each, where named: one entry per action, or none) and areas
    /// for improvement, verbatim.
    case publishReport(on: Day, received: Day?, outcome: InspectionOutcome, priorityActions: [AreaSENDReport.PriorityAction],
                       improvements: [String], previousInspection: String?, nextInspectionYears: Int?, note: String?,
                       estimated: [String] = [])
    /// Record that the updated strategic plan was published.
    case publishStrategicPlan(on: Day, link: String?, note: String?, estimated: [String] = [])
    /// Record that the priority action plan went to Ofsted.
    case submitPriorityActionPlan(on: Day, note: String?, estimated: [String] = [])
    /// Record Ofsted's response to the priority action plan: accepted, or returned for revision (with a note why).
    case judgePriorityActionPlan(on: Day, accepted: Bool, note: String?, estimated: [String] = [])
    /// Record the monitoring inspection letter: areas for priority action judged sufficient and insufficient.
    case reportMonitoringInspection(on: Day, visited: DayRange, sufficient: [String], insufficient: [String], note: String?,
                                    estimated: [String] = [])
    /// Record a deadline as the partnership was given it (2023).
    case setDeadline(on: Day, clock: ClockName, due: Day, note: String?, estimated: [String] = [])
    /// Record a partner's new name from a day on.
    case renamePartner(on: Day, role: PartnerRole, name: String, note: String?)
    /// Add a workstream.
    case addWorkstream(on: Day, workstream: Workstream)
    /// Add an action to a workstream; it gets the next `A<n>`.
    case addAction(on: Day, workstream: String, title: String, lead: String?, due: Day)
    /// Report an action's status.
    case updateAction(on: Day, id: String, status: ActionStatus, note: String?)
    /// Move an action's due date, with the reason and who agreed it.
    case retargetAction(on: Day, id: String, due: Day, reason: String, agreedWith: String?)
    /// Add a measure; it gets the next `M<n>`.
    case addMeasure(on: Day, workstream: String, title: String, unit: String, direction: MeasureDirection,
                    baseline: Reading, national: Double?, target: Reading)
    /// Record a measure's value on a day.
    case recordMeasure(on: Day, id: String, value: Double)
    /// Record evidence for a workstream; it gets the next `E<n>`.
    case addEvidence(on: Day, workstream: String, weaknesses: [String], kind: EvidenceKind, title: String,
                     source: String?, file: FileReference?, link: String?)
    /// Record a follow-up agreed at visit `V<n>`; it gets the next `F<n>`. Without a day it
    /// is dated the visit's day. No weaknesses: it concerns the plan as a whole.
    case addFollowUp(on: Day?, visit: String, title: String, owner: String, due: Day, weaknesses: [String] = [])
    /// Close a follow-up, optionally naming the evidence that closed it.
    case closeFollowUp(on: Day, id: String, evidence: String?, note: String?)
    /// Correct something recorded earlier, on the day the correction is made, with the reason.
    case amend(on: Day, target: RecordTarget, changes: Amendment, reason: String)
    /// Withdraw something recorded in error, on the day the withdrawal is made, with the reason.
    case withdraw(on: Day, target: RecordTarget, reason: String)
}

extension PlanCommand {
    /// The type of event this command would record.
    public var eventType: EventType {
        switch self {
        case .create: return .planCreated
        case .publishLetter: return .letterPublished
        case .submit: return .statementSubmitted
        case .judge: return .statementJudged
        case .holdMonitoringVisit: return .monitoringVisitHeld
        case .reportRevisit: return .revisitReported
        case .cease: return .monitoringCeased
        case .release: return .weaknessesReleased
        case .requestAPP: return .appRequested
        case .submitAPP: return .appSubmitted
        case .judgeAPP: return .appJudged
        case .publishAPP: return .appPublished
        case .holdReview: return .progressReviewHeld
        case .escalate: return .escalationIssued
        case .directRevisit: return .revisitDirected
        case .publishReport: return .reportPublished
        case .publishStrategicPlan: return .strategicPlanPublished
        case .submitPriorityActionPlan: return .priorityActionPlanSubmitted
        case .judgePriorityActionPlan: return .priorityActionPlanJudged
        case .reportMonitoringInspection: return .monitoringInspectionReported
        case .setDeadline: return .deadlineSet
        case .renamePartner: return .partnerRenamed
        case .addWorkstream: return .workstreamAdded
        case .addAction: return .actionAdded
        case .updateAction: return .actionUpdated
        case .retargetAction: return .actionRetargeted
        case .addMeasure: return .measureAdded
        case .recordMeasure: return .measureRecorded
        case .addEvidence: return .evidenceAdded
        case .addFollowUp: return .followUpAdded
        case .closeFollowUp: return .followUpClosed
        case .amend: return .recordAmended
        case .withdraw: return .recordWithdrawn
        }
    }
}
