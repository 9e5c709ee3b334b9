extension PlanEvent {
    /// An area SEND inspection report (the framework from 2023): its outcome, the areas for
    /// priority action (with the partner responsible, where the report names one) and the areas
    /// for improvement, verbatim.
    public struct ReportPublished: EventFacts {
        static let type = EventType.reportPublished
        /// The day the report was published.
        public let on: Day
        /// The day the partnership received the final report, when known; the strategic plan,
        /// priority action plan and monitoring inspection clocks count from it.
        public let received: Day?
        /// The inspection outcome.
        public let outcome: InspectionOutcome
        /// The areas for priority action, in the report's order (they become `P1…`).
        public let priorityActions: [String]
        /// The responsible body the report names for an area for priority action, by its id (`P2`).
        public let responsible: [String: String]
        /// The areas for improvement, in the report's order (they become `I1…`).
        public let improvements: [String]
        /// The previous inspection as the report states it, if it does.
        public let previousInspection: String?
        /// The next full inspection's horizon in years as the report states it, when it differs
        /// from the framework's for the outcome or is worth keeping as read.
        public let nextInspectionYears: Int?
        /// Where facts came from, or what was assumed.
        public let note: String?
        /// Which of its dates are estimates (`on`, `received`).
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on", "received"]

        /// Makes the report's facts.
        public init(on: Day, received: Day? = nil, outcome: InspectionOutcome, priorityActions: [String] = [],
                    responsible: [String: String] = [:], improvements: [String] = [], previousInspection: String? = nil,
                    nextInspectionYears: Int? = nil, note: String? = nil, estimated: [String] = []) {
            self.on = on
            self.received = received
            self.outcome = outcome
            self.priorityActions = priorityActions
            self.responsible = responsible
            self.improvements = improvements
            self.previousInspection = previousInspection
            self.nextInspectionYears = nextInspectionYears
            self.note = note
            self.estimated = estimated
        }

        /// The next full inspection's horizon: as the report states it, or the framework's for the outcome.
        public var nextInspectionHorizon: Int { nextInspectionYears ?? outcome.nextInspectionYears }

        var texts: [EventText] {
            priorityActions.map { EventText(.priorityAction, $0) }
                + responsible.keys.sorted().compactMap { responsible[$0].map { EventText(.partner, $0) } }
                + improvements.map { EventText(.improvement, $0) }
                + EventText.list(.previousInspection, previousInspection) + EventText.list(.note, note)
        }
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var happenedDates: [(name: String, day: Day)] { [("report date", on)] + (received.map { [("received date", $0)] } ?? []) }
        var recordID: String? { nil }
        public var summary: String {
            var parts = ["outcome: \(outcome.displayName)"]
            if !priorityActions.isEmpty {
                parts.append("\(priorityActions.count) area\(priorityActions.count == 1 ? "" : "s") for priority action")
            }
            parts.append("\(improvements.count) area\(improvements.count == 1 ? "" : "s") for improvement")
            if let received { parts.append("received \(received.longDescription)") }
            return parts.joined(separator: "; ")
        }

        init(on: Day, data: inout JSONObjectReader) throws {
            var estimated: [String] = [], received: Day?, outcome: InspectionOutcome?, priorityActions: [String] = []
            var responsible: [(key: String, value: String)] = [], improvements: [String] = [], previous: String?
            var years: Int64?, note: String?
            while let key = try data.nextKey() {
                switch key {
                case "estimated": estimated = try data.estimatedDates(key, Self.estimable)
                case "improvements": improvements = try data.strings(key)
                case "nextInspectionYears": years = try data.int(key)
                case "note": note = try data.optionalString(key)
                case "outcome": outcome = try data.enumeration(key, InspectionOutcome.self) { "the outcome '\($0)' is unknown" }
                case "previousInspection": previous = try data.optionalString(key)
                case "priorityActions": priorityActions = try data.strings(key)
                case "received": received = try data.optionalDay(key)
                case "responsible": responsible = try data.stringEntries(key)
                default: throw data.unknownField(key)
                }
            }
            if let years, !(1...10).contains(years) {
                throw WSoAError.invalidEvent(reason: "\(data.context) 'nextInspectionYears' is \(years), and must be 1 to 10")
            }
            for (id, _) in responsible where !priorityActions.indices.contains((Int(id.dropFirst()) ?? 0) - 1) || !id.hasPrefix("P") {
                throw WSoAError.invalidEvent(reason: "\(data.context) names a responsible body for '\(id)', which is not one of its areas for priority action")
            }
            self.init(on: on, received: received, outcome: try data.required(outcome, "outcome"), priorityActions: priorityActions,
                      responsible: Dictionary(responsible, uniquingKeysWith: { $1 }), improvements: improvements,
                      previousInspection: previous, nextInspectionYears: years.map { Int($0) }, note: note, estimated: estimated)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["outcome"] = .string(outcome.rawValue)
            data["received"] = received.map { .string($0.description) }
            if !priorityActions.isEmpty { data["priorityActions"] = .array(priorityActions.map(JSONValue.string)) }
            if !responsible.isEmpty { data["responsible"] = .object(responsible.mapValues(JSONValue.string)) }
            data["improvements"] = .array(improvements.map(JSONValue.string))
            data["previousInspection"] = previousInspection.map(JSONValue.string)
            data["nextInspectionYears"] = nextInspectionYears.map { .int(Int64($0)) }
            data.setNote(note, estimated: estimated)
        }
    }
}
