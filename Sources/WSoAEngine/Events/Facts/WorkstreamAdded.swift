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

        init(on: Day, data: inout JSONObjectReader) throws {
            var id: String?, title: String?, lead: String?, accountable: String?, partners: [LeadPartner]?, addresses: [String]?
            while let key = try data.nextKey() {
                switch key {
                case "accountable": accountable = try data.optionalString(key)
                case "addresses": addresses = try data.strings(key)
                case "id": id = try data.string(key)
                case "lead": lead = try data.optionalString(key)
                case "partner": partners = try data.singularOrPlural(key, given: partners) { try $0.optionalEnumeration(key, LeadPartner.self).map { [$0] } ?? [] }
                case "partners": partners = try data.singularOrPlural(key, given: partners) { try $0.enumerations(key, LeadPartner.self) }
                case "title": title = try data.string(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, workstream: Workstream(
                id: try data.required(id, "id"), title: try data.required(title, "title"), lead: lead, accountable: accountable,
                partners: partners ?? [], addresses: try data.required(addresses, "addresses")))
        }

        func encode(into data: inout [String: JSONValue]) {
            data["id"] = .string(workstream.id)
            data["title"] = .string(workstream.title)
            data["lead"] = workstream.lead.map(JSONValue.string)
            data["accountable"] = workstream.accountable.map(JSONValue.string)
            data.setListOrOne("partner", "partners", workstream.partners.map(\.rawValue))
            data["addresses"] = .array(workstream.addresses.map(JSONValue.string))
        }
    }
}
