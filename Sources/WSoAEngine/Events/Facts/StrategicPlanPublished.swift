extension PlanEvent {
    /// The partnership published its strategic plan, updated on the report's recommendations
    /// (every outcome under the 2023 framework); a later publication is an update.
    public struct StrategicPlanPublished: EventFacts {
        static let type = EventType.strategicPlanPublished
        /// The day it was published.
        public let on: Day
        /// Where it is published, when known.
        public let link: String?
        /// Where the facts came from.
        public let note: String?
        /// Which of its dates are estimates (`on`).
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on"]

        /// Makes a publication.
        public init(on: Day, link: String? = nil, note: String? = nil, estimated: [String] = []) {
            self.on = on
            self.link = link
            self.note = note
            self.estimated = estimated
        }

        var texts: [EventText] { EventText.list(.link, link) + EventText.list(.note, note) }
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var recordID: String? { nil }
        public var summary: String { "strategic plan published" + (link.map { " at \($0)" } ?? "") }

        init(on: Day, data: inout JSONObjectReader) throws {
            var link: String?, note: String?, estimated: [String] = []
            while let key = try data.nextKey() {
                switch key {
                case "link": link = try data.optionalString(key)
                case "estimated": estimated = try data.estimatedDates(key, Self.estimable)
                case "note": note = try data.optionalString(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, link: link, note: note, estimated: estimated)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["link"] = link.map(JSONValue.string)
            data.setNote(note, estimated: estimated)
        }
    }
}
