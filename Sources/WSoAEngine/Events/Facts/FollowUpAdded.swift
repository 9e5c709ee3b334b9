extension PlanEvent {
    /// A follow-up agreed at a monitoring visit was recorded, with its owner and due date; its
    /// id is `F<n>`, the next in the plan.
    public struct FollowUpAdded: EventFacts {
        static let type = EventType.followUpAdded
        /// The day it was agreed (the visit's day unless given).
        public let on: Day
        /// `F<n>`.
        public let id: String
        /// The visit it was agreed at, `V<n>`.
        public let visit: String
        /// What was agreed.
        public let title: String
        /// Who owns it.
        public let owner: String
        /// When it is due.
        public let due: Day
        /// The weaknesses it concerns (none: the plan as a whole, so every weakness still monitored).
        public let weaknesses: [String]

        /// A follow-up.
        public init(on: Day, id: String, visit: String, title: String, owner: String, due: Day, weaknesses: [String] = []) {
            self.on = on
            self.id = id
            self.visit = visit
            self.title = title
            self.owner = owner
            self.due = due
            self.weaknesses = weaknesses
        }

        var note: String? { nil }
        var texts: [EventText] { [EventText(.title, title), EventText(.owner, owner)] }
        var references: [PlanReference] { [.visit(visit)] + weaknesses.map(PlanReference.weakness) }
        var deliveryDates: [(name: String, day: Day)] { [("date", on), ("due date", due)] }
        var recordID: String? { id }
        public var summary: String { "\(id) from \(visit), owner \(owner), due \(due): \(title)" }

        init(on: Day, data: inout JSONObjectReader) throws {
            var id: String?, visit: String?, title: String?, owner: String?, due: Day?, weaknesses: [String]?
            while let key = try data.nextKey() {
                switch key {
                case "due": due = try data.day(key)
                case "weaknesses": weaknesses = try data.strings(key)
                case "id": id = try data.string(key)
                case "owner": owner = try data.string(key)
                case "title": title = try data.string(key)
                case "visit": visit = try data.string(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, id: try data.required(id, "id"), visit: try data.required(visit, "visit"),
                      title: try data.required(title, "title"), owner: try data.required(owner, "owner"), due: try data.required(due, "due"),
                      weaknesses: weaknesses ?? [])
        }

        func encode(into data: inout [String: JSONValue]) {
            data["id"] = .string(id)
            data["visit"] = .string(visit)
            data["title"] = .string(title)
            data["owner"] = .string(owner)
            data["due"] = .string(due.description)
            // Written only when given, so a follow-up for the whole plan keeps the line it always had.
            if !weaknesses.isEmpty { data["weaknesses"] = .array(weaknesses.map(JSONValue.string)) }
        }
    }

    /// A follow-up was closed, optionally by a piece of evidence.
    public struct FollowUpClosed: EventFacts {
        static let type = EventType.followUpClosed
        /// The day it was closed.
        public let on: Day
        /// `F<n>`.
        public let id: String
        /// The evidence that closed it, `E<n>`, if named.
        public let evidence: String?
        /// What the closer said.
        public let note: String?

        /// A closure.
        public init(on: Day, id: String, evidence: String? = nil, note: String? = nil) {
            self.on = on
            self.id = id
            self.evidence = evidence
            self.note = note
        }

        var texts: [EventText] { EventText.list(.note, note) }
        var references: [PlanReference] { [.followUp(id)] + (evidence.map { [.evidence($0)] } ?? []) }
        var deliveryDates: [(name: String, day: Day)] { [("date", on)] }
        var happenedDates: [(name: String, day: Day)] { [("closing date", on)] }
        var recordID: String? { id }
        public var summary: String { "\(id) closed" + (evidence.map { " by \($0)" } ?? "") }

        init(on: Day, data: inout JSONObjectReader) throws {
            var id: String?, evidence: String?, note: String?
            while let key = try data.nextKey() {
                switch key {
                case "evidence": evidence = try data.optionalString(key)
                case "id": id = try data.string(key)
                case "note": note = try data.optionalString(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, id: try data.required(id, "id"), evidence: evidence, note: note)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["id"] = .string(id)
            data["evidence"] = evidence.map(JSONValue.string)
            data["note"] = note.map(JSONValue.string)
        }
    }
}
