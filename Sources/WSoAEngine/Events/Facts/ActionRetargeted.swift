extension PlanEvent {
    /// An action's due date was moved, with the reason and who agreed it.
    public struct ActionRetargeted: EventFacts {
        static let type = EventType.actionRetargeted
        /// The day it was agreed.
        public let on: Day
        /// The action, `A<n>`.
        public let id: String
        /// The new due date.
        public let due: Day
        /// Why.
        public let reason: String
        /// Who agreed it.
        public let agreedWith: String?

        /// Makes a retarget.
        public init(on: Day, id: String, due: Day, reason: String, agreedWith: String? = nil) {
            self.on = on
            self.id = id
            self.due = due
            self.reason = reason
            self.agreedWith = agreedWith
        }

        var note: String? { nil }
        var texts: [EventText] { [EventText(.reason, reason)] + EventText.list(.agreedWith, agreedWith) }
        var references: [PlanReference] { [.action(id)] }
        var deliveryDates: [(name: String, day: Day)] { [("date", on), ("due date", due)] }
        var recordID: String? { id }
        public var summary: String { "\(id) now due \(due): \(reason)" + (agreedWith.map { " (agreed with \($0))" } ?? "") }

        init(on: Day, data: inout JSONFields) throws {
            // In the order a canonical line has them (keys sorted), as `JSONFields` reads fastest.
            let agreedWith = try data.optionalString("agreedWith"), due = try data.day("due"), id = try data.string("id")
            self.init(on: on, id: id, due: due, reason: try data.string("reason"), agreedWith: agreedWith)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["id"] = .string(id)
            data["due"] = .string(due.description)
            data["reason"] = .string(reason)
            data["agreedWith"] = agreedWith.map(JSONValue.string)
        }
    }
}
