extension PlanEvent {
    /// DfE and NHS England asked for the accelerated progress plan by a date: the deadline the
    /// APP submission clock warns of before the plan goes in.
    public struct APPRequested: EventFacts {
        static let type = EventType.appRequested
        /// The day they asked.
        public let on: Day
        /// The date they asked for it by.
        public let due: Day
        /// Where the facts came from.
        public let note: String?
        /// Which of its dates are estimates (`on`).
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on"]

        /// Makes a request.
        public init(on: Day, due: Day, note: String? = nil, estimated: [String] = []) {
            self.on = on
            self.due = due
            self.note = note
            self.estimated = estimated
        }

        var texts: [EventText] { EventText.list(.note, note) }
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var recordID: String? { nil }
        public var summary: String { "accelerated progress plan asked for by \(due.longDescription)" }

        init(on: Day, data: inout JSONObjectReader) throws {
            var due: Day?, note: String?, estimated: [String] = []
            while let key = try data.nextKey() {
                switch key {
                case "due": due = try data.day(key)
                case "estimated": estimated = try data.estimatedDates(key, Self.estimable)
                case "note": note = try data.optionalString(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, due: try data.required(due, "due"), note: note, estimated: estimated)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["due"] = .string(due.description)
            data.setNote(note, estimated: estimated)
        }
    }
}
