extension PlanEvent {
    /// DfE and NHS England's decision on the submitted accelerated progress plan: accepted
    /// ("deemed fit for purpose") or sent back.
    public struct APPJudged: EventFacts {
        static let type = EventType.appJudged
        /// The day of the decision.
        public let on: Day
        /// Whether it was accepted; false when sent back.
        public let accepted: Bool
        /// The decision's words, or why it was sent back (required then).
        public let note: String?
        /// Which of its dates are estimates (`on`).
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on"]

        /// Makes a decision.
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
        public var summary: String { accepted ? "accelerated progress plan accepted" : "accelerated progress plan sent back" }

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
