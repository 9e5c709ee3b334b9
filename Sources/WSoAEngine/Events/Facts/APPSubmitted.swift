extension PlanEvent {
    /// The accelerated progress plan went to DfE and NHS England, by the date they set if they
    /// set one.
    public struct APPSubmitted: EventFacts {
        static let type = EventType.appSubmitted
        /// The day it was submitted.
        public let on: Day
        /// The date DfE/NHS England asked for it by, if they gave one.
        public let due: Day?
        /// Where the facts came from.
        public let note: String?
        /// Which of its dates are estimates (`on`).
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on"]

        /// Makes a submission.
        public init(on: Day, due: Day? = nil, note: String? = nil, estimated: [String] = []) {
            self.on = on
            self.due = due
            self.note = note
            self.estimated = estimated
        }

        var texts: [EventText] { EventText.list(.note, note) }
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var recordID: String? { nil }
        public var summary: String { "accelerated progress plan submitted" + (due.map { " (due \($0.longDescription))" } ?? "") }

        init(on: Day, data: inout JSONObjectReader) throws {
            var due: Day?, note: String?, estimated: [String] = []
            while let key = try data.nextKey() {
                switch key {
                case "due": due = try data.optionalDay(key)
                case "estimated": estimated = try data.estimatedDates(key, Self.estimable)
                case "note": note = try data.optionalString(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, due: due, note: note, estimated: estimated)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["due"] = due.map { .string($0.description) }
            data.setNote(note, estimated: estimated)
        }
    }
}
