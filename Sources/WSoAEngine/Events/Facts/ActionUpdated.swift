extension PlanEvent {
    /// An action's status was reported.
    public struct ActionUpdated: EventFacts {
        static let type = EventType.actionUpdated
        /// The day of the report.
        public let on: Day
        /// The action, `A<n>`.
        public let id: String
        /// The status reported.
        public let status: ActionStatus
        /// What the lead said.
        public let note: String?

        /// Makes a status report.
        public init(on: Day, id: String, status: ActionStatus, note: String? = nil) {
            self.on = on
            self.id = id
            self.status = status
            self.note = note
        }

        var texts: [EventText] { EventText.list(.note, note) }
        var references: [PlanReference] { [.action(id)] }
        var deliveryDates: [(name: String, day: Day)] { [("date", on)] }
        var happenedDates: [(name: String, day: Day)] { [("status report date", on)] }
        var recordID: String? { id }
        public var summary: String { "\(id) is \(ReportText.status(status))" }

        init(on: Day, data: inout JSONObjectReader) throws {
            var id: String?, status: ActionStatus?, note: String?
            while let key = try data.nextKey() {
                switch key {
                case "id": id = try data.string(key)
                case "note": note = try data.optionalString(key)
                case "status": status = try data.enumeration(key, ActionStatus.self)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, id: try data.required(id, "id"), status: try data.required(status, "status"), note: note)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["id"] = .string(id)
            data["status"] = .string(status.rawValue)
            data["note"] = note.map(JSONValue.string)
        }
    }
}
