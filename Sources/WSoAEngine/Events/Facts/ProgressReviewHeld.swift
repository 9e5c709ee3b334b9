extension PlanEvent {
    /// DfE and NHS England's formal review of the accelerated progress plan, judging each
    /// weakness still in it.
    public struct ProgressReviewHeld: EventFacts {
        static let type = EventType.progressReviewHeld
        /// The day of the review meeting.
        public let on: Day
        /// The judgement of each weakness, by id.
        public let outcomes: [String: WeaknessOutcome]
        /// Where the facts came from.
        public let note: String?
        /// Which of its dates are estimates (`on`).
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on"]

        /// Makes a review.
        public init(on: Day, outcomes: [String: WeaknessOutcome], note: String? = nil, estimated: [String] = []) {
            self.on = on
            self.outcomes = outcomes
            self.note = note
            self.estimated = estimated
        }

        var texts: [EventText] { EventText.list(.note, note) }
        // Checked by the rule review-judges-every-weakness, which says more than "unknown".
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var recordID: String? { nil }
        public var summary: String { "formal review; " + (outcomes.isEmpty ? "outcome not recorded" : WeaknessOutcome.summary(of: outcomes)) }

        init(on: Day, data: inout JSONObjectReader) throws {
            var outcomes: [String: WeaknessOutcome]?, note: String?, estimated: [String] = []
            while let key = try data.nextKey() {
                switch key {
                case "outcomes": outcomes = try data.outcomes(key)
                case "estimated": estimated = try data.estimatedDates(key, Self.estimable)
                case "note": note = try data.optionalString(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, outcomes: try data.required(outcomes, "outcomes"), note: note, estimated: estimated)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["outcomes"] = .object(outcomes.mapValues { .string($0.rawValue) })
            data.setNote(note, estimated: estimated)
        }
    }
}
