extension PlanEvent {
    /// The Ofsted/CQC revisit letter, judging each open weakness sufficient or insufficient.
    public struct RevisitReported: EventFacts {
        static let type = EventType.revisitReported
        /// The revisit letter's date.
        public let on: Day
        /// The days inspectors were on site.
        public let visited: DayRange
        /// The judgement of each weakness, by id.
        public let outcomes: [String: WeaknessOutcome]
        /// Where facts came from, or what was assumed.
        public let note: String?
        /// Which of its dates are estimates (`on`, `visited`), shown as estimated wherever they appear.
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on", "visited"]

        /// Makes the revisit's facts.
        public init(on: Day, visited: DayRange, outcomes: [String: WeaknessOutcome], note: String? = nil, estimated: [String] = []) {
            self.on = on
            self.visited = visited
            self.outcomes = outcomes
            self.note = note
            self.estimated = estimated
        }

        /// Whether every weakness judged was judged sufficient.
        public var allSufficient: Bool { outcomes.values.allSatisfy { $0 == .sufficient } }

        var texts: [EventText] { EventText.list(.note, note) }
        // Checked by the rule revisit-judges-every-weakness, which says more than "unknown".
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var happenedDates: [(name: String, day: Day)] { [("revisit letter date", on), ("revisit's last day", visited.end)] }
        var recordID: String? { nil }
        public var summary: String { "revisited \(visited.longDescription); " + WeaknessOutcome.summary(of: outcomes) }

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
