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
    /// A DfE/NHS England monitoring visit.
    case monitoringVisitHeld(on: Day, advisers: [String], note: String?)
    /// The revisit letter and its judgement per weakness id.
    case revisitReported(on: Day, visited: DayRange, outcomes: [String: WeaknessOutcome], note: String?)
    /// DfE/NHS England ended monitoring.
    case monitoringCeased(on: Day, note: String?)

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
        }
    }

    /// The business date the event took effect (the journal's `on`).
    public var on: Day {
        switch self {
        case let .planCreated(created): return created.visit.end
        case let .letterPublished(on, _, _, _, _),
             let .statementSubmitted(on, _),
             let .statementJudged(on, _, _),
             let .monitoringVisitHeld(on, _, _),
             let .revisitReported(on, _, _, _),
             let .monitoringCeased(on, _):
            return on
        }
    }
}
