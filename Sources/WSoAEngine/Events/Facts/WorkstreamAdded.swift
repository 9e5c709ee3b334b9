extension PlanEvent {
    /// A workstream was added to the statement.
    public struct WorkstreamAdded: EventFacts {
        static let type = EventType.workstreamAdded
        /// The day it was added.
        public let on: Day
        /// The workstream.
        public let workstream: Workstream

        /// Makes the addition.
        public init(on: Day, workstream: Workstream) {
            self.on = on
            self.workstream = workstream
        }

        var note: String? { nil }
        var texts: [EventText] {
            [EventText(.title, workstream.title)] + EventText.list(.lead, workstream.lead)
                + EventText.list(.accountable, workstream.accountable)
        }
        var references: [PlanReference] { workstream.addresses.map(PlanReference.weakness) }
        var deliveryDates: [(name: String, day: Day)] { [("date", on)] }
        var recordID: String? { workstream.id }
        public var summary: String {
            "workstream \(workstream.id): \(workstream.title) (addresses \(workstream.addresses.joined(separator: ", ")))"
        }

        init(on: Day, data: inout JSONFields) throws {
            // In the order a canonical line has them (keys sorted), as `JSONFields` reads fastest.
            let accountable = try data.optionalString("accountable"), addresses = try data.strings("addresses")
            let id = try data.string("id"), lead = try data.optionalString("lead")
            let partner = try data.optionalEnumeration("partner", LeadPartner.self)
            self.init(on: on, workstream: Workstream(id: id, title: try data.string("title"), lead: lead, accountable: accountable,
                                                     partner: partner, addresses: addresses))
        }

        func encode(into data: inout [String: JSONValue]) {
            data["id"] = .string(workstream.id)
            data["title"] = .string(workstream.title)
            data["lead"] = workstream.lead.map(JSONValue.string)
            data["accountable"] = workstream.accountable.map(JSONValue.string)
            data["partner"] = workstream.partner.map { .string($0.rawValue) }
            data["addresses"] = .array(workstream.addresses.map(JSONValue.string))
        }
    }
}
