extension PlanEvent {
    /// The local authority submitted the priority action plan (area SEND) to Ofsted, first as a
    /// draft or again after feedback.
    public struct PriorityActionPlanSubmitted: EventFacts {
        static let type = EventType.priorityActionPlanSubmitted
        /// The day it was submitted.
        public let on: Day
        /// Where the facts came from.
        public let note: String?
        /// Which of its dates are estimates (`on`).
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on"]

        /// Makes a submission.
        public init(on: Day, note: String? = nil, estimated: [String] = []) {
            self.on = on
            self.note = note
            self.estimated = estimated
        }

        var texts: [EventText] { EventText.list(.note, note) }
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var recordID: String? { nil }
        public var summary: String { "priority action plan submitted to Ofsted" }

        init(on: Day, data: inout JSONObjectReader) throws {
            var note: String?, estimated: [String] = []
            while let key = try data.nextKey() {
                switch key {
                case "estimated": estimated = try data.estimatedDates(key, Self.estimable)
                case "note": note = try data.optionalString(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, note: note, estimated: estimated)
        }

        func encode(into data: inout [String: JSONValue]) {
            data.setNote(note, estimated: estimated)
        }
    }
}
