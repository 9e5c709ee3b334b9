extension PlanEvent {
    /// Ofsted's response to the submitted priority action plan: accepted, or feedback asking
    /// for a revised one.
    public struct PriorityActionPlanJudged: EventFacts {
        static let type = EventType.priorityActionPlanJudged
        /// The day of the response.
        public let on: Day
        /// Whether it was accepted; false when Ofsted asked for a revised plan.
        public let accepted: Bool
        /// Ofsted's words, or what must change (required then).
        public let note: String?
        /// Which of its dates are estimates (`on`).
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on"]

        /// Makes a response.
        public init(on: Day, accepted: Bool, note: String? = nil, estimated: [String] = []) {
            self.on = on
            self.accepted = accepted
            self.note = note
            self.estimated = estimated
        }

        var texts: [EventText] { EventText.list(.note, note) }
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var recordID: String? { nil }
        public var summary: String { accepted ? "priority action plan accepted" : "priority action plan returned for revision" }

        init(on: Day, data: inout JSONObjectReader) throws {
            var accepted: Bool?, note: String?, estimated: [String] = []
            while let key = try data.nextKey() {
                switch key {
                case "accepted": accepted = try data.bool(key)
                case "estimated": estimated = try data.estimatedDates(key, Self.estimable)
                case "note": note = try data.optionalString(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, accepted: try data.required(accepted, "accepted"), note: note, estimated: estimated)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["accepted"] = .bool(accepted)
            data.setNote(note, estimated: estimated)
        }
    }
}
