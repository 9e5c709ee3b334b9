extension PlanEvent {
    /// The written statement went to Ofsted.
    public struct StatementSubmitted: EventFacts {
        static let type = EventType.statementSubmitted
        /// The day it was submitted.
        public let on: Day
        /// Where facts came from, or what was assumed.
        public let note: String?

        /// Makes a submission.
        public init(on: Day, note: String? = nil) {
            self.on = on
            self.note = note
        }

        var texts: [EventText] { EventText.list(.note, note) }
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var recordID: String? { nil }
        public var summary: String { "statement submitted" }

        init(on: Day, data: inout JSONObjectReader) throws {
            self.init(on: on, note: try data.onlyNote())
        }

        func encode(into data: inout [String: JSONValue]) {
            data["note"] = note.map(JSONValue.string)
        }
    }
}
