extension PlanEvent {
    /// The inspection outcome letter: whether a written statement is required, and the areas
    /// of significant weakness it names, verbatim.
    public struct LetterPublished: EventFacts {
        static let type = EventType.letterPublished
        /// The letter's date (publication).
        public let on: Day
        /// The day the area received the report, when known; the statement clock starts there.
        public let received: Day?
        /// Whether the letter requires a written statement of action.
        public let statementRequired: Bool
        /// The areas of significant weakness, in the letter's order (they become `W1…`).
        public let weaknesses: [String]
        /// Where facts came from, or what was assumed.
        public let note: String?
        /// Which of its dates are estimates (`on`, `received`), shown as estimated wherever they appear.
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on", "received"]

        /// Makes the letter's facts.
        public init(on: Day, received: Day? = nil, statementRequired: Bool, weaknesses: [String], note: String? = nil, estimated: [String] = []) {
            self.on = on
            self.received = received
            self.statementRequired = statementRequired
            self.weaknesses = weaknesses
            self.note = note
            self.estimated = estimated
        }

        var texts: [EventText] { weaknesses.map { EventText(.weakness, $0) } + EventText.list(.note, note) }
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var happenedDates: [(name: String, day: Day)] { [("letter date", on)] + (received.map { [("received date", $0)] } ?? []) }
        var recordID: String? { nil }
        public var summary: String {
            let receipt = received.map { "; received \($0.longDescription)" } ?? ""
            guard statementRequired else { return "no written statement required\(receipt)" }
            return "written statement required for \(weaknesses.count) area\(weaknesses.count == 1 ? "" : "s") of significant weakness\(receipt)"
        }

        init(on: Day, data: inout JSONObjectReader) throws {
            var estimated: [String] = []
            var received: Day?, required: Bool?, weaknesses: [String]?, note: String?
            while let key = try data.nextKey() {
                switch key {
                case "estimated": estimated = try data.estimatedDates(key, Self.estimable)
                case "note": note = try data.optionalString(key)
                case "received": received = try data.optionalDay(key)
                case "statementRequired": required = try data.bool(key)
                case "weaknesses": weaknesses = try data.strings(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, received: received, statementRequired: try data.required(required, "statementRequired"),
                      weaknesses: try data.required(weaknesses, "weaknesses"), note: note, estimated: estimated)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["statementRequired"] = .bool(statementRequired)
            data["weaknesses"] = .array(weaknesses.map(JSONValue.string))
            data["received"] = received.map { .string($0.description) }
            data.setNote(note, estimated: estimated)
        }
    }
}
