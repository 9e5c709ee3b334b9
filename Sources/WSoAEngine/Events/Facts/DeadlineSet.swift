extension PlanEvent {
    /// A 2023 plan's deadline as the partnership was actually given it — by Ofsted's covering
    /// letter, DfE or NHS England — in place of the framework's default for that clock.
    public struct DeadlineSet: EventFacts {
        static let type = EventType.deadlineSet
        /// The day the date was given.
        public let on: Day
        /// Which deadline: the strategic plan, the priority action plan, the monitoring
        /// inspection or the next full inspection.
        public let clock: ClockName
        /// The date given.
        public let due: Day
        /// Who gave it, or where it is written.
        public let note: String?
        /// Which of its dates are estimates (`on`).
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on"]

        /// Makes a deadline.
        public init(on: Day, clock: ClockName, due: Day, note: String? = nil, estimated: [String] = []) {
            self.on = on
            self.clock = clock
            self.due = due
            self.note = note
            self.estimated = estimated
        }

        var texts: [EventText] { EventText.list(.note, note) }
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var recordID: String? { nil }
        public var summary: String { "\(clock.displayName) \(due.longDescription), as given" }

        init(on: Day, data: inout JSONObjectReader) throws {
            var clock: ClockName?, due: Day?, note: String?, estimated: [String] = []
            while let key = try data.nextKey() {
                switch key {
                case "clock": clock = try data.enumeration(key, ClockName.self) { "the clock '\($0)' is unknown" }
                case "due": due = try data.day(key)
                case "estimated": estimated = try data.estimatedDates(key, Self.estimable)
                case "note": note = try data.optionalString(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, clock: try data.required(clock, "clock"), due: try data.required(due, "due"), note: note, estimated: estimated)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["clock"] = .string(clock.rawValue)
            data["due"] = .string(due.description)
            data.setNote(note, estimated: estimated)
        }
    }
}
