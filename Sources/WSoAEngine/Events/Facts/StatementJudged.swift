extension PlanEvent {
    /// Ofsted/CQC's judgement of the submitted statement.
    public struct StatementJudged: EventFacts {
        static let type = EventType.statementJudged
        /// The day of the judgement.
        public let on: Day
        /// Whether the statement was judged fit for purpose.
        public let fit: Bool
        /// Why, or where the date came from.
        public let note: String?
        /// Which of its dates are estimates (`on`), shown as estimated wherever they appear.
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on"]

        /// Makes a judgement.
        public init(on: Day, fit: Bool, note: String? = nil, estimated: [String] = []) {
            self.on = on
            self.fit = fit
            self.note = note
            self.estimated = estimated
        }

        var texts: [EventText] { EventText.list(.note, note) }
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var recordID: String? { nil }
        public var summary: String { fit ? "fit for purpose" : "not fit for purpose" }

        init(on: Day, data: inout JSONObjectReader) throws {
            var estimated: [String] = []
            var fit: Bool?, note: String?
            while let key = try data.nextKey() {
                switch key {
                case "fit": fit = try data.bool(key)
                case "estimated": estimated = try data.estimatedDates(key, Self.estimable)
                case "note": note = try data.optionalString(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, fit: try data.required(fit, "fit"), note: note, estimated: estimated)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["fit"] = .bool(fit)
            data.setNote(note, estimated: estimated)
        }
    }
}
