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

        init(on: Day, data: inout JSONObjectReader) throws {
            var id: String?, due: Day?, reason: String?, agreedWith: String?
            while let key = try data.nextKey() {
                switch key {
                case "agreedWith": agreedWith = try data.optionalString(key)
                case "due": due = try data.day(key)
                case "id": id = try data.string(key)
                case "reason": reason = try data.string(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, id: try data.required(id, "id"), due: try data.required(due, "due"),
                      reason: try data.required(reason, "reason"), agreedWith: agreedWith)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["id"] = .string(id)
            data["due"] = .string(due.description)
            data["reason"] = .string(reason)
            data["agreedWith"] = agreedWith.map(JSONValue.string)
        }
    }
}
