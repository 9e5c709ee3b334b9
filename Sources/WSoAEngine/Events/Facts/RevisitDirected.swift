extension PlanEvent {
    /// The Secretary of State directed Ofsted and CQC to revisit an area in an accelerated
    /// progress plan: the only way a further revisit happens.
    public struct RevisitDirected: EventFacts {
        static let type = EventType.revisitDirected
        /// The day of the direction.
        public let on: Day
        /// Who directed it.
        public let issuer: String
        /// Where it is published, if given.
        public let link: String?
        /// Where the facts came from.
        public let note: String?
        /// Which of its dates are estimates (`on`).
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on"]

        /// Makes a direction.
        public init(on: Day, issuer: String, link: String? = nil, note: String? = nil, estimated: [String] = []) {
            self.on = on
            self.issuer = issuer
            self.link = link
            self.note = note
            self.estimated = estimated
        }

        var texts: [EventText] { [EventText(.issuer, issuer)] + EventText.list(.link, link) + EventText.list(.note, note) }
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var recordID: String? { nil }
        public var summary: String { "further revisit directed by \(issuer)" }

        init(on: Day, data: inout JSONObjectReader) throws {
            var issuer: String?, link: String?, note: String?, estimated: [String] = []
            while let key = try data.nextKey() {
                switch key {
                case "issuer": issuer = try data.string(key)
                case "link": link = try data.optionalString(key)
                case "estimated": estimated = try data.estimatedDates(key, Self.estimable)
                case "note": note = try data.optionalString(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, issuer: try data.required(issuer, "issuer"), link: link, note: note, estimated: estimated)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["issuer"] = .string(issuer)
            data["link"] = link.map(JSONValue.string)
            data.setNote(note, estimated: estimated)
        }
    }
}
