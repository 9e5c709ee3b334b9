extension PlanEvent {
    /// The facts of a new plan: the local area and its inspection visit.
    public struct PlanCreated: EventFacts {
        static let type = EventType.planCreated
        /// The plan id, e.g. `stockton-on-tees-2019`.
        public let id: String
        /// The local area's name, e.g. "Stockton-on-Tees".
        public let area: String
        /// The inspection framework.
        public let framework: Framework
        /// The inspection visit's days.
        public let visit: DayRange
        /// The partners at the time of the inspection.
        public let partners: Partners
        /// Where facts came from, or what was assumed.
        public let note: String?

        /// Makes the facts of a new plan.
        public init(id: String, area: String, framework: Framework = .send2016, visit: DayRange,
                    partners: Partners = Partners(), note: String? = nil) {
            self.id = id
            self.area = area
            self.framework = framework
            self.visit = visit
            self.partners = partners
            self.note = note
        }

        /// The last day of the visit: a plan begins when its inspection ends.
        public var on: Day { visit.end }
        var texts: [EventText] {
            EventText.list(.area, area) + EventText.list(.localAuthority, partners.la)
                + EventText.list(.healthPartner, partners.health) + EventText.list(.note, note)
        }
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var recordID: String? { nil }
        public var summary: String { "\(area), inspected \(visit.longDescription)" }

        init(on: Day, data: inout JSONFields) throws {
            // In the order a canonical line has them (keys sorted), as `JSONFields` reads fastest.
            let area = try data.string("area")
            let frameworkName = try data.string("framework")
            guard let framework = Framework(rawValue: frameworkName) else {
                throw WSoAError.invalidEvent(reason: "the framework '\(frameworkName)' is unknown")
            }
            let id = try data.string("id")
            guard PlanID.isValid(id) else { throw WSoAError.invalidEvent(reason: "the plan id '\(id)' is not valid") }
            let note = try data.optionalString("note")
            var partners = try data.fields("partners")
            let health = try partners.optionalString("health"), la = try partners.optionalString("la")
            try partners.requireNoOthers()
            self.init(id: id, area: area, framework: framework, visit: try data.range("visit"),
                      partners: Partners(la: la, health: health), note: note)
            guard visit.end == on else { throw WSoAError.invalidEvent(reason: "'on' is not the last day of the inspection visit") }
        }

        func encode(into data: inout [String: JSONValue]) {
            data["id"] = .string(id)
            data["area"] = .string(area)
            data["framework"] = .string(framework.rawValue)
            data["visit"] = .object(["start": .string(visit.start.description), "end": .string(visit.end.description)])
            var names: [String: JSONValue] = [:]
            names["la"] = partners.la.map(JSONValue.string)
            names["health"] = partners.health.map(JSONValue.string)
            data["partners"] = .object(names)
            data["note"] = note.map(JSONValue.string)
        }
    }
}
