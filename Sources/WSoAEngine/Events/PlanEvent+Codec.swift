extension PlanEvent {
    /// The event's `data` object in its journal line.
    var data: [String: JSONValue] {
        var data: [String: JSONValue] = [:]
        facts.encode(into: &data)
        return data
    }

    /// Reads an event of `type` from its line's `on` and `data`: the one table from a line's
    /// `type` to the code that reads it.
    ///
    /// Every member of `data` must be one the event knows.
    init(type: EventType, on: Day, data: inout JSONObjectReader) throws {
        switch type {
        case .planCreated: self = .planCreated(try PlanCreated(on: on, data: &data))
        case .letterPublished: self = .letterPublished(try LetterPublished(on: on, data: &data))
        case .statementSubmitted: self = .statementSubmitted(try StatementSubmitted(on: on, data: &data))
        case .statementJudged: self = .statementJudged(try StatementJudged(on: on, data: &data))
        case .monitoringVisitHeld: self = .monitoringVisitHeld(try MonitoringVisitHeld(on: on, data: &data))
        case .revisitReported: self = .revisitReported(try RevisitReported(on: on, data: &data))
        case .monitoringCeased: self = .monitoringCeased(try MonitoringCeased(on: on, data: &data))
        case .weaknessesReleased: self = .weaknessesReleased(try WeaknessesReleased(on: on, data: &data))
        case .appRequested: self = .appRequested(try APPRequested(on: on, data: &data))
        case .appSubmitted: self = .appSubmitted(try APPSubmitted(on: on, data: &data))
        case .appJudged: self = .appJudged(try APPJudged(on: on, data: &data))
        case .appPublished: self = .appPublished(try APPPublished(on: on, data: &data))
        case .progressReviewHeld: self = .progressReviewHeld(try ProgressReviewHeld(on: on, data: &data))
        case .escalationIssued: self = .escalationIssued(try EscalationIssued(on: on, data: &data))
        case .revisitDirected: self = .revisitDirected(try RevisitDirected(on: on, data: &data))
        case .reportPublished: self = .reportPublished(try ReportPublished(on: on, data: &data))
        case .strategicPlanPublished: self = .strategicPlanPublished(try StrategicPlanPublished(on: on, data: &data))
        case .priorityActionPlanSubmitted: self = .priorityActionPlanSubmitted(try PriorityActionPlanSubmitted(on: on, data: &data))
        case .priorityActionPlanJudged: self = .priorityActionPlanJudged(try PriorityActionPlanJudged(on: on, data: &data))
        case .monitoringInspectionReported: self = .monitoringInspectionReported(try MonitoringInspectionReported(on: on, data: &data))
        case .deadlineSet: self = .deadlineSet(try DeadlineSet(on: on, data: &data))
        case .partnerRenamed: self = .partnerRenamed(try PartnerRenamed(on: on, data: &data))
        case .workstreamAdded: self = .workstreamAdded(try WorkstreamAdded(on: on, data: &data))
        case .actionAdded: self = .actionAdded(try ActionAdded(on: on, data: &data))
        case .actionUpdated: self = .actionUpdated(try ActionUpdated(on: on, data: &data))
        case .actionRetargeted: self = .actionRetargeted(try ActionRetargeted(on: on, data: &data))
        case .measureAdded: self = .measureAdded(try MeasureAdded(on: on, data: &data))
        case .measureRecorded: self = .measureRecorded(try MeasureRecorded(on: on, data: &data))
        case .evidenceAdded: self = .evidenceAdded(try EvidenceAdded(on: on, data: &data))
        case .followUpAdded: self = .followUpAdded(try FollowUpAdded(on: on, data: &data))
        case .followUpClosed: self = .followUpClosed(try FollowUpClosed(on: on, data: &data))
        case .recordAmended: self = .recordAmended(try RecordAmended(on: on, data: &data))
        case .recordWithdrawn: self = .recordWithdrawn(try RecordWithdrawn(on: on, data: &data))
        case .lineSetAside: self = .lineSetAside(try LineSetAside(on: on, data: &data))
        }
    }
}

extension JSONObjectReader {
    /// The value of `key`, a `{"end":…,"start":…}` range of days.
    mutating func dayRange(_ key: JSONKey) throws -> DayRange {
        let context = self.context
        return try object(key) { range in
            var start: Day?, end: Day?
            while let key = try range.nextKey() {
                switch key {
                case "end": end = try range.day(key)
                case "start": start = try range.day(key)
                default: throw range.unknownField(key)
                }
            }
            let first = try range.required(start, "start"), last = try range.required(end, "end")
            guard first <= last else { throw WSoAError.invalidEvent(reason: "\(context) '\(key.text)' ends before it starts") }
            return try DayRange(start: first, end: last)
        }
    }

    /// The value of `key`, a `{"value":…, dayKey:…}` reading.
    mutating func reading(_ key: JSONKey, dayKey: StaticString) throws -> Reading {
        try object(key) { reading in
            var on: Day?, value: Double?
            while let key = try reading.nextKey() {
                switch key {
                case dayKey: on = try reading.day(key)
                case "value": value = try reading.double(key)
                default: throw reading.unknownField(key)
                }
            }
            return Reading(on: try reading.required(on, dayKey), value: try reading.required(value, "value"))
        }
    }
}

extension JSONObjectReader {
    /// A list kept under one of two keys: the singular (`partner`, one value or null, as lines
    /// were first written) or the plural (a list, for several). `read` reads this key's value
    /// as a list; a line that gives both keys is refused.
    mutating func singularOrPlural<T>(_ key: JSONKey, given list: [T]?, _ read: (inout JSONObjectReader) throws -> [T]) throws -> [T] {
        guard list == nil else { throw WSoAError.invalidEvent(reason: "\(context) gives '\(key.text)' beside its singular or plural") }
        return try read(&self)
    }

    /// The value of `key`, a list of the names of `type`'s cases.
    mutating func enumerations<E: RawRepresentable>(_ key: JSONKey, _ type: E.Type) throws -> [E] where E.RawValue == String {
        try strings(key).map { name in
            guard let value = E(rawValue: name) else { throw WSoAError.invalidEvent(reason: "\(context) '\(key.text)' has the unknown value '\(name)'") }
            return value
        }
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// Writes an event's `note` (left out when absent) and `estimated` (left out when no date
    /// is an estimate), as every event with them writes them.
    mutating func setNote(_ note: String?, estimated: [String]) {
        self["note"] = note.map(JSONValue.string)
        if !estimated.isEmpty { self["estimated"] = .array(estimated.map(JSONValue.string)) }
    }

    /// Writes a list under the singular key when it has one value (as lines were first
    /// written, so a line with one reads as it always did) and the plural when it has more.
    mutating func setListOrOne(_ singular: String, _ plural: String, _ values: [String]) {
        switch values.count {
        case 0: return
        case 1: self[singular] = .string(values[0])
        default: self[plural] = .array(values.map(JSONValue.string))
        }
    }
}
