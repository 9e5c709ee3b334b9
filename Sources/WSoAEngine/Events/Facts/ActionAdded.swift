extension PlanEvent {
    /// An action was added to a workstream; its id is `A<n>`, the next in the plan.
    public struct ActionAdded: EventFacts {
        static let type = EventType.actionAdded
        /// The day it was added.
        public let on: Day
        /// `A<n>`.
        public let id: String
        /// The workstream it belongs to.
        public let workstream: String
        /// What will be done.
        public let title: String
        /// Who does it.
        public let lead: String?
        /// When it is due.
        public let due: Day

        /// Makes the addition.
        public init(on: Day, id: String, workstream: String, title: String, lead: String? = nil, due: Day) {
            self.on = on
            self.id = id
            self.workstream = workstream
            self.title = title
            self.lead = lead
            self.due = due
        }

        var note: String? { nil }
        var texts: [EventText] { [EventText(.title, title)] + EventText.list(.lead, lead) }
        var references: [PlanReference] { [.workstream(workstream)] }
        var deliveryDates: [(name: String, day: Day)] { [("date", on), ("due date", due)] }
        var recordID: String? { id }
        public var summary: String { "\(id) [\(workstream)] due \(due): \(title)" }

        init(on: Day, data: inout JSONObjectReader) throws {
            var id: String?, workstream: String?, title: String?, lead: String?, due: Day?
            while let key = try data.nextKey() {
                switch key {
                case "due": due = try data.day(key)
                case "id": id = try data.string(key)
                case "lead": lead = try data.optionalString(key)
                case "title": title = try data.string(key)
                case "workstream": workstream = try data.string(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, id: try data.required(id, "id"), workstream: try data.required(workstream, "workstream"),
                      title: try data.required(title, "title"), lead: lead, due: try data.required(due, "due"))
        }

        func encode(into data: inout [String: JSONValue]) {
            data["id"] = .string(id)
            data["workstream"] = .string(workstream)
            data["title"] = .string(title)
            data["lead"] = lead.map(JSONValue.string)
            data["due"] = .string(due.description)
        }
    }
}
