extension PlanEvent {
    /// A partner's new name took effect, e.g. a CCG becoming an ICB on 1 July 2022.
    public struct PartnerRenamed: EventFacts {
        static let type = EventType.partnerRenamed
        /// The day the new name took effect.
        public let on: Day
        /// Which partner.
        public let role: PartnerRole
        /// The new name.
        public let name: String
        /// Where facts came from, or what was assumed.
        public let note: String?

        /// Makes a rename.
        public init(on: Day, role: PartnerRole, name: String, note: String? = nil) {
            self.on = on
            self.role = role
            self.name = name
            self.note = note
        }

        var texts: [EventText] { [EventText(role.textField, name)] + EventText.list(.note, note) }
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [("date", on)] }
        // A new name is often announced before it takes effect (an ICB from 1 July).
        var happenedDates: [(name: String, day: Day)] { [] }
        var recordID: String? { nil }
        public var summary: String { "\(role == .la ? "local authority" : "health partner") now called \(name)" }

        init(on: Day, data: inout JSONObjectReader) throws {
            var role: PartnerRole?, name: String?, note: String?
            while let key = try data.nextKey() {
                switch key {
                case "name": name = try data.string(key)
                case "note": note = try data.optionalString(key)
                case "role": role = try data.enumeration(key, PartnerRole.self)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, role: try data.required(role, "role"), name: try data.required(name, "name"), note: note)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["role"] = .string(role.rawValue)
            data["name"] = .string(name)
            data["note"] = note.map(JSONValue.string)
        }
    }
}

extension PartnerRole {
    /// The text field that holds this partner's name.
    var textField: TextField {
        switch self {
        case .la: return .localAuthority
        case .health: return .healthPartner
        }
    }
}
