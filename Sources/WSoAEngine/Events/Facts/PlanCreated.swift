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
        /// Which of its dates are estimates (`visit`), shown as estimated wherever they appear.
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["visit"]

        /// Makes the facts of a new plan; without a framework, the one in force on the visit's
        /// first day (2023 from 1 January 2023, 2016 before).
        public init(id: String, area: String, framework: Framework? = nil, visit: DayRange,
                    partners: Partners = Partners(), note: String? = nil, estimated: [String] = []) {
            self.id = id
            self.area = area
            self.framework = framework ?? Framework.forInspection(startingOn: visit.start)
            self.visit = visit
            self.partners = partners
            self.note = note
            self.estimated = estimated
        }

        /// The last day of the visit: a plan begins when its inspection ends.
        public var on: Day { visit.end }
        var texts: [EventText] {
            EventText.list(.area, area) + EventText.list(.localAuthority, partners.la)
                + EventText.list(.healthPartner, partners.health) + EventText.list(.note, note)
        }
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var happenedDates: [(name: String, day: Day)] { [("inspection's first day", visit.start)] }
        var recordID: String? { nil }
        public var summary: String { "\(area), inspected \(visit.longDescription) (framework \(framework.rawValue))" }

        init(on: Day, data: inout JSONObjectReader) throws {
            var estimated: [String] = []
            var id: String?, area: String?, framework: Framework?, visit: DayRange?, partners: Partners?, note: String?
            while let key = try data.nextKey() {
                switch key {
                case "area": area = try data.string(key)
                case "framework":
                    framework = try data.enumeration(key, Framework.self) { "the framework '\($0)' is unknown" }
                case "id": id = try data.string(key)
                case "estimated": estimated = try data.estimatedDates(key, Self.estimable)
                case "note": note = try data.optionalString(key)
                case "partners":
                    partners = try data.object(key) { names in
                        var partners = Partners()
                        while let key = try names.nextKey() {
                            switch key {
                            case "health": partners.health = try names.optionalString(key)
                            case "la": partners.la = try names.optionalString(key)
                            default: throw names.unknownField(key)
                            }
                        }
                        return partners
                    }
                case "visit": visit = try data.dayRange(key)
                default: throw data.unknownField(key)
                }
            }
            let planID = try data.required(id, "id")
            guard PlanID.isValid(planID) else { throw WSoAError.invalidEvent(reason: "the plan id '\(planID)' is not valid") }
            self.init(id: planID, area: try data.required(area, "area"), framework: try data.required(framework, "framework"),
                      visit: try data.required(visit, "visit"), partners: try data.required(partners, "partners"), note: note, estimated: estimated)
            guard self.visit.end == on else { throw WSoAError.invalidEvent(reason: "'on' is not the last day of the inspection visit") }
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
            data.setNote(note, estimated: estimated)
        }
    }
}
