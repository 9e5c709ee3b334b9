/// Something that happened to a plan, as recorded in one journal line.
///
/// Events are facts: `Plan.apply(_:)` accepts every one of them. Whether a fact may be recorded
/// is decided beforehand by `Plan.decide(_:on:)`.
public enum PlanEvent: Hashable, Sendable {
    /// A plan opened for an inspection visit.
    case planCreated(PlanCreated)
    /// The outcome letter: with a statement required (and its weaknesses) or not.
    case letterPublished(on: Day, received: Day?, statementRequired: Bool, weaknesses: [String], note: String?)
    /// The statement went to Ofsted.
    case statementSubmitted(on: Day, note: String?)
    /// Ofsted/CQC's judgement of the statement.
    case statementJudged(on: Day, fit: Bool, note: String?)
    /// A DfE/NHS England monitoring visit, with ratings per weakness or workstream and follow-ups.
    case monitoringVisitHeld(on: Day, advisers: [String], ratings: [String: Rating], followUps: [String], note: String?)
    /// The revisit letter and its judgement per weakness id.
    case revisitReported(on: Day, visited: DayRange, outcomes: [String: WeaknessOutcome], note: String?)
    /// DfE/NHS England ended monitoring.
    case monitoringCeased(on: Day, note: String?)
    /// A partner's new name took effect.
    case partnerRenamed(on: Day, role: PartnerRole, name: String, note: String?)
    /// A workstream was added to the statement.
    case workstreamAdded(on: Day, workstream: Workstream)
    /// An action was added; its id is `A<n>`.
    case actionAdded(on: Day, id: String, workstream: String, title: String, lead: String?, due: Day)
    /// An action's status was reported.
    case actionUpdated(on: Day, id: String, status: ActionStatus, note: String?)
    /// An action's due date was moved.
    case actionRetargeted(on: Day, id: String, due: Day, reason: String, agreedWith: String?)
    /// A measure was added (its readings start empty); its id is `M<n>`.
    case measureAdded(on: Day, measure: Measure)
    /// A measure's value on a day.
    case measureRecorded(on: Day, id: String, value: Double)
    /// Evidence was recorded; `on` is the day it represents.
    case evidenceAdded(evidence: Evidence)

    /// The facts of a new plan.
    public struct PlanCreated: Hashable, Sendable {
        /// The plan id, e.g. `stockton-on-tees-2019`.
        public var id: String
        /// The local area's name, e.g. "Stockton-on-Tees".
        public var area: String
        /// The inspection framework.
        public var framework: Framework
        /// The inspection visit's days.
        public var visit: DayRange
        /// The partners at the time of the inspection.
        public var partners: Partners
        /// Where facts came from, or what was assumed.
        public var note: String?

        /// Makes the facts of a new plan.
        public init(id: String, area: String, framework: Framework = .send2016, visit: DayRange,
                    partners: Partners = Partners(), note: String? = nil) {
            self.id = id
            self.area = area
            self.framework = framework
            self.visit = visit
            self.partners = partners
            self.note = note
        }
    }

    /// The journal `type` of this event.
    public var type: EventType {
        switch self {
        case .planCreated: return .planCreated
        case .letterPublished: return .letterPublished
        case .statementSubmitted: return .statementSubmitted
        case .statementJudged: return .statementJudged
        case .monitoringVisitHeld: return .monitoringVisitHeld
        case .revisitReported: return .revisitReported
        case .monitoringCeased: return .monitoringCeased
        case .partnerRenamed: return .partnerRenamed
        case .workstreamAdded: return .workstreamAdded
        case .actionAdded: return .actionAdded
        case .actionUpdated: return .actionUpdated
        case .actionRetargeted: return .actionRetargeted
        case .measureAdded: return .measureAdded
        case .measureRecorded: return .measureRecorded
        case .evidenceAdded: return .evidenceAdded
        }
    }

    /// The business date the event took effect (the journal's `on`).
    public var on: Day {
        switch self {
        case let .planCreated(created): return created.visit.end
        case let .letterPublished(on, _, _, _, _),
             let .statementSubmitted(on, _),
             let .statementJudged(on, _, _),
             let .monitoringVisitHeld(on, _, _, _, _),
             let .revisitReported(on, _, _, _),
             let .monitoringCeased(on, _),
             let .partnerRenamed(on, _, _, _),
             let .workstreamAdded(on, _),
             let .actionAdded(on, _, _, _, _, _),
             let .actionUpdated(on, _, _, _),
             let .actionRetargeted(on, _, _, _, _),
             let .measureAdded(on, _),
             let .measureRecorded(on, _, _):
            return on
        case let .evidenceAdded(evidence):
            return evidence.on
        }
    }
}
