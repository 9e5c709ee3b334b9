extension PlanEvent {
    /// The Ofsted/CQC monitoring inspection letter (2023 framework), judging the progress made
    /// on each area for priority action.
    public struct MonitoringInspectionReported: EventFacts {
        static let type = EventType.monitoringInspectionReported
        /// The letter's date.
        public let on: Day
        /// The days inspectors were on site.
        public let visited: DayRange
        /// The judgement of each area for priority action, by id.
        public let outcomes: [String: WeaknessOutcome]
        /// Where facts came from, or what was assumed.
        public let note: String?
        /// Which of its dates are estimates (`on`, `visited`).
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on", "visited"]

        /// Makes the monitoring inspection's facts.
        public init(on: Day, visited: DayRange, outcomes: [String: WeaknessOutcome], note: String? = nil, estimated: [String] = []) {
            self.on = on
            self.visited = visited
            self.outcomes = outcomes
            self.note = note
            self.estimated = estimated
        }

        var texts: [EventText] { EventText.list(.note, note) }
        // Checked by the rule monitoring-inspection-judges-every-area, which says more than "unknown".
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var happenedDates: [(name: String, day: Day)] {
            [("monitoring inspection letter date", on), ("monitoring inspection's last day", visited.end)]
        }
        var recordID: String? { nil }
        public var summary: String { "monitoring inspection \(visited.longDescription); " + WeaknessOutcome.summary(of: outcomes) }

        init(on: Day, data: inout JSONObjectReader) throws {
            var estimated: [String] = []
            var visited: DayRange?, outcomes: [String: WeaknessOutcome]?, note: String?
            while let key = try data.nextKey() {
                switch key {
                case "estimated": estimated = try data.estimatedDates(key, Self.estimable)
                case "note": note = try data.optionalString(key)
                case "outcomes": outcomes = try data.outcomes(key)
                case "visited": visited = try data.dayRange(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, visited: try data.required(visited, "visited"), outcomes: try data.required(outcomes, "outcomes"),
                      note: note, estimated: estimated)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["visited"] = .object(["start": .string(visited.start.description), "end": .string(visited.end.description)])
            data["outcomes"] = .object(outcomes.mapValues { .string($0.rawValue) })
            data.setNote(note, estimated: estimated)
        }
    }
}
