extension PlanEvent {
    /// DfE and NHS England ended monitoring of some weaknesses (partial cessation), each judged
    /// sufficient at the revisit or at a formal review.
    public struct WeaknessesReleased: EventFacts {
        static let type = EventType.weaknessesReleased
        /// The day of the decision.
        public let on: Day
        /// The weaknesses released, in the order given.
        public let weaknesses: [String]
        /// The decision as recorded, or where the facts came from.
        public let note: String?
        /// Which of its dates are estimates (`on`).
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on"]

        /// Makes a release.
        public init(on: Day, weaknesses: [String], note: String? = nil, estimated: [String] = []) {
            self.on = on
            self.weaknesses = weaknesses
            self.note = note
            self.estimated = estimated
        }

        var texts: [EventText] { EventText.list(.note, note) }
        var references: [PlanReference] { weaknesses.map(PlanReference.weakness) }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var recordID: String? { nil }
        public var summary: String { "released from monitoring: \(weaknesses.joined(separator: ", "))" }

        init(on: Day, data: inout JSONObjectReader) throws {
            var weaknesses: [String]?, note: String?, estimated: [String] = []
            while let key = try data.nextKey() {
                switch key {
                case "weaknesses": weaknesses = try data.strings(key)
                case "estimated": estimated = try data.estimatedDates(key, Self.estimable)
                case "note": note = try data.optionalString(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, weaknesses: try data.required(weaknesses, "weaknesses"), note: note, estimated: estimated)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["weaknesses"] = .array(weaknesses.map(JSONValue.string))
            data.setNote(note, estimated: estimated)
        }
    }
}
