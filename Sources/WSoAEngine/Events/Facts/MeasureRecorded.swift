extension PlanEvent {
    /// A measure's value on a day.
    public struct MeasureRecorded: EventFacts {
        static let type = EventType.measureRecorded
        /// The day the value describes.
        public let on: Day
        /// The measure, `M<n>`.
        public let id: String
        /// The value.
        public let value: Double

        /// Makes a reading.
        public init(on: Day, id: String, value: Double) {
            self.on = on
            self.id = id
            self.value = value
        }

        var note: String? { nil }
        var texts: [EventText] { [] }
        var references: [PlanReference] { [.measure(id)] }
        var deliveryDates: [(name: String, day: Day)] { [("date", on)] }
        var happenedDates: [(name: String, day: Day)] { [("reading date", on)] }
        var recordID: String? { id }
        public var summary: String { "\(id) = \(ReportText.number(value))" }

        init(on: Day, data: inout JSONObjectReader) throws {
            var id: String?, value: Double?
            while let key = try data.nextKey() {
                switch key {
                case "id": id = try data.string(key)
                case "value": value = try data.double(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, id: try data.required(id, "id"), value: try data.required(value, "value"))
        }

        func encode(into data: inout [String: JSONValue]) {
            data["id"] = .string(id)
            data["value"] = .double(value)
        }
    }
}
