extension PlanEvent {
    /// DfE and NHS England ended monitoring.
    public struct MonitoringCeased: EventFacts {
        static let type = EventType.monitoringCeased
        /// The day monitoring ceased.
        public let on: Day
        /// Where facts came from, or what was assumed.
        public let note: String?
        /// Which of its dates are estimates (`on`), shown as estimated wherever they appear.
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on"]

        /// Makes a cessation.
        public init(on: Day, note: String? = nil, estimated: [String] = []) {
            self.on = on
            self.note = note
            self.estimated = estimated
        }

        var texts: [EventText] { EventText.list(.note, note) }
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var recordID: String? { nil }
        public var summary: String { "monitoring ceased" }

        init(on: Day, data: inout JSONObjectReader) throws {
            let (note, estimated) = try data.noteAndEstimated(Self.estimable)
            self.init(on: on, note: note, estimated: estimated)
        }

        func encode(into data: inout [String: JSONValue]) {
            data.setNote(note, estimated: estimated)
        }
    }
}
