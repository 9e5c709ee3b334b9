extension PlanEvent {
    /// A measure (a key performance indicator) was added; its id is `M<n>`, the next in the plan.
    public struct MeasureAdded: EventFacts {
        static let type = EventType.measureAdded
        /// The day it was added.
        public let on: Day
        /// `M<n>`.
        public let id: String
        /// The workstream it belongs to.
        public let workstream: String
        /// What is measured.
        public let title: String
        /// The unit, e.g. `%` or `days`.
        public let unit: String
        /// Which way is better.
        public let direction: MeasureDirection
        /// Where it started (often before the inspection: the figures it was judged on).
        public let baseline: Reading
        /// The national figure to compare with, if there is one.
        public let national: Double?
        /// Where it should be, and by when.
        public let target: Reading

        /// Makes the addition.
        public init(on: Day, id: String, workstream: String, title: String, unit: String, direction: MeasureDirection,
                    baseline: Reading, national: Double? = nil, target: Reading) {
            self.on = on
            self.id = id
            self.workstream = workstream
            self.title = title
            self.unit = unit
            self.direction = direction
            self.baseline = baseline
            self.national = national
            self.target = target
        }

        var note: String? { nil }
        var texts: [EventText] { [EventText(.title, title), EventText(.unit, unit)] }
        var references: [PlanReference] { [.workstream(workstream)] }
        // The baseline often predates the inspection, so only the day added and the target are checked.
        var deliveryDates: [(name: String, day: Day)] { [("date", on), ("target date", target.on)] }
        var happenedDates: [(name: String, day: Day)] { [("date", on), ("baseline date", baseline.on)] }
        var recordID: String? { id }
        public var summary: String { "\(id) [\(workstream)] \(title)" }

        init(on: Day, data: inout JSONObjectReader) throws {
            var id: String?, workstream: String?, title: String?, unit: String?, direction: MeasureDirection?
            var baseline: Reading?, national: Double?, target: Reading?
            while let key = try data.nextKey() {
                switch key {
                case "baseline": baseline = try data.reading(key, dayKey: "on")
                case "direction": direction = try data.enumeration(key, MeasureDirection.self)
                case "id": id = try data.string(key)
                case "national": national = try data.optionalDouble(key)
                case "target": target = try data.reading(key, dayKey: "by")
                case "title": title = try data.string(key)
                case "unit": unit = try data.string(key)
                case "workstream": workstream = try data.string(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, id: try data.required(id, "id"), workstream: try data.required(workstream, "workstream"),
                      title: try data.required(title, "title"), unit: try data.required(unit, "unit"),
                      direction: try data.required(direction, "direction"), baseline: try data.required(baseline, "baseline"),
                      national: national, target: try data.required(target, "target"))
        }

        func encode(into data: inout [String: JSONValue]) {
            data["id"] = .string(id)
            data["workstream"] = .string(workstream)
            data["title"] = .string(title)
            data["unit"] = .string(unit)
            data["direction"] = .string(direction.rawValue)
            data["baseline"] = .object(["value": .double(baseline.value), "on": .string(baseline.on.description)])
            data["target"] = .object(["value": .double(target.value), "by": .string(target.on.description)])
            data["national"] = national.map(JSONValue.double)
        }
    }
}
