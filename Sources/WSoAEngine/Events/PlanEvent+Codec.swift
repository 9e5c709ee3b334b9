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
    /// Every member of `data` must be one the event knows (or one the caller has read already).
    init(type: EventType, on: Day, data: inout JSONFields) throws {
        switch type {
        case .planCreated: self = .planCreated(try PlanCreated(on: on, data: &data))
        case .letterPublished: self = .letterPublished(try LetterPublished(on: on, data: &data))
        case .statementSubmitted: self = .statementSubmitted(try StatementSubmitted(on: on, data: &data))
        case .statementJudged: self = .statementJudged(try StatementJudged(on: on, data: &data))
        case .monitoringVisitHeld: self = .monitoringVisitHeld(try MonitoringVisitHeld(on: on, data: &data))
        case .revisitReported: self = .revisitReported(try RevisitReported(on: on, data: &data))
        case .monitoringCeased: self = .monitoringCeased(try MonitoringCeased(on: on, data: &data))
        case .partnerRenamed: self = .partnerRenamed(try PartnerRenamed(on: on, data: &data))
        case .workstreamAdded: self = .workstreamAdded(try WorkstreamAdded(on: on, data: &data))
        case .actionAdded: self = .actionAdded(try ActionAdded(on: on, data: &data))
        case .actionUpdated: self = .actionUpdated(try ActionUpdated(on: on, data: &data))
        case .actionRetargeted: self = .actionRetargeted(try ActionRetargeted(on: on, data: &data))
        case .measureAdded: self = .measureAdded(try MeasureAdded(on: on, data: &data))
        case .measureRecorded: self = .measureRecorded(try MeasureRecorded(on: on, data: &data))
        case .evidenceAdded: self = .evidenceAdded(try EvidenceAdded(on: on, data: &data))
        }
        try data.requireNoOthers()
    }
}
