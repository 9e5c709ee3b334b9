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

        init(on: Day, data: inout JSONFields) throws {
            // In the order a canonical line has them (keys sorted), as `JSONFields` reads fastest.
            let due = try data.day("due"), id = try data.string("id"), lead = try data.optionalString("lead")
            let title = try data.string("title")
            self.init(on: on, id: id, workstream: try data.string("workstream"), title: title, lead: lead, due: due)
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
