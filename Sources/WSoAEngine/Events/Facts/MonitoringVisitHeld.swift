extension PlanEvent {
    /// A DfE/NHS England support-and-challenge visit, with ratings per weakness or workstream.
    public struct MonitoringVisitHeld: EventFacts {
        static let type = EventType.monitoringVisitHeld
        /// The day of the visit.
        public let on: Day
        /// The advisers present.
        public let advisers: [String]
        /// A red-amber-green rating per weakness id or workstream id.
        /// Who attended for the area, in name order.
        public let attendees: [Attendee]
        public let ratings: [String: Rating]
        /// Actions agreed at the visit, to follow up.
        public let followUps: [String]
        /// What was said.
        public let note: String?
        /// Which of its dates are estimates (`on`), shown as estimated wherever they appear.
        public let estimated: [String]
        /// The dates an event of this kind can mark as estimates.
        static let estimable = ["on"]

        /// Makes a visit.
        public init(on: Day, advisers: [String] = [], attendees: [Attendee] = [], ratings: [String: Rating] = [:], followUps: [String] = [],
                    note: String? = nil, estimated: [String] = []) {
            self.on = on
            self.advisers = advisers
            self.attendees = attendees
            self.ratings = ratings
            self.followUps = followUps
            self.note = note
            self.estimated = estimated
        }

        var texts: [EventText] {
            advisers.map { EventText(.adviser, $0) } + attendees.flatMap { [EventText(.attendee, $0.name)] + EventText.list(.attendee, $0.role) }
                + followUps.map { EventText(.followUp, $0) } + EventText.list(.note, note)
        }
        var references: [PlanReference] { ratings.keys.sorted().map(PlanReference.weaknessOrWorkstream) }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var happenedDates: [(name: String, day: Day)] { [("visit date", on)] }
        var recordID: String? { nil }
        public var summary: String {
            let with = advisers.isEmpty ? "" : " with \(advisers.joined(separator: ", "))"
            let rated = ratings.isEmpty ? "" : "; ratings " + ratings.keys.sorted(by: String.idOrder).map { "\($0) \(ratings[$0]!.rawValue)" }
                .joined(separator: ", ")
            return "monitoring visit\(with)\(rated)"
        }

        init(on: Day, data: inout JSONObjectReader) throws {
            var estimated: [String] = []
            var advisers: [String]?, attendees: [Attendee] = [], ratings: [String: Rating] = [:], followUps: [String] = [], note: String?
            while let key = try data.nextKey() {
                switch key {
                case "advisers": advisers = try data.strings(key)
                case "attendees": attendees = try data.attendees(key)
                case "followUps": followUps = try data.optionalStrings(key)
                case "estimated": estimated = try data.estimatedDates(key, Self.estimable)
                case "note": note = try data.optionalString(key)
                case "ratings":
                    if try data.readNull() { continue }
                    for (id, name) in try data.stringEntries(key) {
                        guard let rating = Rating(rawValue: name) else {
                            throw WSoAError.invalidEvent(reason: "data 'ratings' '\(id)' has the unknown value '\(name)'")
                        }
                        ratings[id] = rating
                    }
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, advisers: try data.required(advisers, "advisers"), attendees: attendees, ratings: ratings, followUps: followUps, note: note, estimated: estimated)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["advisers"] = .array(advisers.map(JSONValue.string))
            data["ratings"] = .object(ratings.mapValues { .string($0.rawValue) })
            if !attendees.isEmpty { data["attendees"] = Attendee.encoded(attendees) }
            data["followUps"] = .array(followUps.map(JSONValue.string))
            data.setNote(note, estimated: estimated)
        }
    }
}
