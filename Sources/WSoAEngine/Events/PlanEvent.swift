/// Something that happened to a plan, as recorded in one journal line.
///
/// Events are facts: `Plan.apply(_:line:)` accepts every one of them. Whether a fact may be
/// recorded is decided beforehand by `Plan.decide(_:on:)`, and checked again line by line by
/// `wsoa verify`. Each case carries a value of its own type (in `Facts/`), which says in one
/// place everything particular to that kind of event: its fields, text, references, summary
/// and how it is written in a journal line.
public enum PlanEvent: Hashable, Sendable {
    /// A plan opened for an inspection visit.
    case planCreated(PlanCreated)
    /// The outcome letter: with a statement required (and its weaknesses) or not.
    case letterPublished(LetterPublished)
    /// The statement went to Ofsted.
    case statementSubmitted(StatementSubmitted)
    /// Ofsted/CQC's judgement of the statement.
    case statementJudged(StatementJudged)
    /// A DfE/NHS England monitoring visit.
    case monitoringVisitHeld(MonitoringVisitHeld)
    /// The revisit letter and its judgement per weakness.
    case revisitReported(RevisitReported)
    /// DfE/NHS England ended monitoring.
    case monitoringCeased(MonitoringCeased)
    /// DfE/NHS England ended monitoring of some weaknesses.
    case weaknessesReleased(WeaknessesReleased)
    /// DfE/NHS England asked for the accelerated progress plan by a date.
    case appRequested(APPRequested)
    /// The accelerated progress plan was submitted.
    case appSubmitted(APPSubmitted)
    /// DfE/NHS England accepted the accelerated progress plan or sent it back.
    case appJudged(APPJudged)
    /// The accelerated progress plan was published locally.
    case appPublished(APPPublished)
    /// A formal review of the accelerated progress plan.
    case progressReviewHeld(ProgressReviewHeld)
    /// An improvement notice or a statutory direction.
    case escalationIssued(EscalationIssued)
    /// A further revisit directed by the Secretary of State.
    case revisitDirected(RevisitDirected)
    /// 2023: the area SEND inspection report, with its outcome and findings.
    case reportPublished(ReportPublished)
    /// 2023: the updated strategic plan was published.
    case strategicPlanPublished(StrategicPlanPublished)
    /// 2023: the priority action plan went to Ofsted.
    case priorityActionPlanSubmitted(PriorityActionPlanSubmitted)
    /// 2023: Ofsted accepted the priority action plan or asked for a revised one.
    case priorityActionPlanJudged(PriorityActionPlanJudged)
    /// 2023: the monitoring inspection letter and its judgement per area for priority action.
    case monitoringInspectionReported(MonitoringInspectionReported)
    /// 2023: a deadline as the partnership was given it.
    case deadlineSet(DeadlineSet)
    /// A partner's new name took effect.
    case partnerRenamed(PartnerRenamed)
    /// A workstream was added to the statement.
    case workstreamAdded(WorkstreamAdded)
    /// An action was added.
    case actionAdded(ActionAdded)
    /// An action's status was reported.
    case actionUpdated(ActionUpdated)
    /// An action's due date was moved.
    case actionRetargeted(ActionRetargeted)
    /// A measure was added.
    case measureAdded(MeasureAdded)
    /// A measure's value on a day.
    case measureRecorded(MeasureRecorded)
    /// Evidence was recorded.
    case evidenceAdded(EvidenceAdded)
    /// A follow-up agreed at a monitoring visit.
    case followUpAdded(FollowUpAdded)
    /// A follow-up was closed.
    case followUpClosed(FollowUpClosed)
    /// Something recorded earlier was corrected.
    case recordAmended(RecordAmended)
    /// Something recorded earlier was withdrawn as recorded in error.
    case recordWithdrawn(RecordWithdrawn)
    /// A line of another copy was left out when officers merged the copies.
    case lineSetAside(LineSetAside)

    /// The event's own value, for what every kind of event can say about itself.
    var facts: any EventFacts {
        switch self {
        case let .planCreated(facts): return facts
        case let .letterPublished(facts): return facts
        case let .statementSubmitted(facts): return facts
        case let .statementJudged(facts): return facts
        case let .monitoringVisitHeld(facts): return facts
        case let .revisitReported(facts): return facts
        case let .monitoringCeased(facts): return facts
        case let .weaknessesReleased(facts): return facts
        case let .appRequested(facts): return facts
        case let .appSubmitted(facts): return facts
        case let .appJudged(facts): return facts
        case let .appPublished(facts): return facts
        case let .progressReviewHeld(facts): return facts
        case let .escalationIssued(facts): return facts
        case let .revisitDirected(facts): return facts
        case let .reportPublished(facts): return facts
        case let .strategicPlanPublished(facts): return facts
        case let .priorityActionPlanSubmitted(facts): return facts
        case let .priorityActionPlanJudged(facts): return facts
        case let .monitoringInspectionReported(facts): return facts
        case let .deadlineSet(facts): return facts
        case let .partnerRenamed(facts): return facts
        case let .workstreamAdded(facts): return facts
        case let .actionAdded(facts): return facts
        case let .actionUpdated(facts): return facts
        case let .actionRetargeted(facts): return facts
        case let .measureAdded(facts): return facts
        case let .measureRecorded(facts): return facts
        case let .evidenceAdded(facts): return facts
        case let .followUpAdded(facts): return facts
        case let .followUpClosed(facts): return facts
        case let .recordAmended(facts): return facts
        case let .recordWithdrawn(facts): return facts
        case let .lineSetAside(facts): return facts
        }
    }

    /// The journal `type` of this event.
    ///
    /// A switch of its own rather than `facts.type`, like `on`: every fold asks both of every
    /// event, and going through `facts` would box the event's value each time.
    public var type: EventType {
        switch self {
        case .planCreated: return .planCreated
        case .letterPublished: return .letterPublished
        case .statementSubmitted: return .statementSubmitted
        case .statementJudged: return .statementJudged
        case .monitoringVisitHeld: return .monitoringVisitHeld
        case .revisitReported: return .revisitReported
        case .monitoringCeased: return .monitoringCeased
        case .weaknessesReleased: return .weaknessesReleased
        case .appRequested: return .appRequested
        case .appSubmitted: return .appSubmitted
        case .appJudged: return .appJudged
        case .appPublished: return .appPublished
        case .progressReviewHeld: return .progressReviewHeld
        case .escalationIssued: return .escalationIssued
        case .revisitDirected: return .revisitDirected
        case .reportPublished: return .reportPublished
        case .strategicPlanPublished: return .strategicPlanPublished
        case .priorityActionPlanSubmitted: return .priorityActionPlanSubmitted
        case .priorityActionPlanJudged: return .priorityActionPlanJudged
        case .monitoringInspectionReported: return .monitoringInspectionReported
        case .deadlineSet: return .deadlineSet
        case .partnerRenamed: return .partnerRenamed
        case .workstreamAdded: return .workstreamAdded
        case .actionAdded: return .actionAdded
        case .actionUpdated: return .actionUpdated
        case .actionRetargeted: return .actionRetargeted
        case .measureAdded: return .measureAdded
        case .measureRecorded: return .measureRecorded
        case .evidenceAdded: return .evidenceAdded
        case .followUpAdded: return .followUpAdded
        case .followUpClosed: return .followUpClosed
        case .recordAmended: return .recordAmended
        case .recordWithdrawn: return .recordWithdrawn
        case .lineSetAside: return .lineSetAside
        }
    }

    /// The business date the event took effect (the journal's `on`).
    public var on: Day {
        switch self {
        case let .planCreated(facts): return facts.on
        case let .letterPublished(facts): return facts.on
        case let .statementSubmitted(facts): return facts.on
        case let .statementJudged(facts): return facts.on
        case let .monitoringVisitHeld(facts): return facts.on
        case let .revisitReported(facts): return facts.on
        case let .monitoringCeased(facts): return facts.on
        case let .weaknessesReleased(facts): return facts.on
        case let .appRequested(facts): return facts.on
        case let .appSubmitted(facts): return facts.on
        case let .appJudged(facts): return facts.on
        case let .appPublished(facts): return facts.on
        case let .progressReviewHeld(facts): return facts.on
        case let .escalationIssued(facts): return facts.on
        case let .revisitDirected(facts): return facts.on
        case let .reportPublished(facts): return facts.on
        case let .strategicPlanPublished(facts): return facts.on
        case let .priorityActionPlanSubmitted(facts): return facts.on
        case let .priorityActionPlanJudged(facts): return facts.on
        case let .monitoringInspectionReported(facts): return facts.on
        case let .deadlineSet(facts): return facts.on
        case let .partnerRenamed(facts): return facts.on
        case let .workstreamAdded(facts): return facts.on
        case let .actionAdded(facts): return facts.on
        case let .actionUpdated(facts): return facts.on
        case let .actionRetargeted(facts): return facts.on
        case let .measureAdded(facts): return facts.on
        case let .measureRecorded(facts): return facts.on
        case let .evidenceAdded(facts): return facts.on
        case let .followUpAdded(facts): return facts.on
        case let .followUpClosed(facts): return facts.on
        case let .recordAmended(facts): return facts.on
        case let .recordWithdrawn(facts): return facts.on
        case let .lineSetAside(facts): return facts.on
        }
    }

    /// Where the facts came from, or what was assumed, when the event records a note.
    public var note: String? { facts.note }

    /// The event's facts in a line, for people reading the history.
    public var summary: String { facts.summary }

    /// The id the event gives or changes (`A3`, `M1`, `E12`, a workstream id), if any.
    public var recordID: String? { facts.recordID }

    /// Every free-text value the event holds, by field.
    public var texts: [EventText] { facts.texts }

    /// The evidence file the event records: a new piece of evidence's, or a new version of one
    /// from `evidence revise`.
    public var evidenceFile: FileReference? {
        switch self {
        case let .evidenceAdded(added): return added.file
        case let .recordAmended(amended): return amended.changes.file
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld, .revisitReported,
             .monitoringCeased, .partnerRenamed, .workstreamAdded, .actionAdded, .actionUpdated, .actionRetargeted,
             .measureAdded, .measureRecorded, .followUpAdded, .followUpClosed, .recordWithdrawn, .lineSetAside, .weaknessesReleased, .appRequested, .appSubmitted,
             .appJudged, .appPublished, .progressReviewHeld, .escalationIssued, .revisitDirected, .reportPublished, .strategicPlanPublished, .priorityActionPlanSubmitted, .priorityActionPlanJudged, .monitoringInspectionReported, .deadlineSet:
            return nil
        }
    }
}
