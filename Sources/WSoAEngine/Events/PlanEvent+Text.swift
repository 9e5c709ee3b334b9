extension PlanEvent {
    /// Every free-text field the event records, named as the command line names it, so the
    /// personal-data rule can say where it found something.
    public var textFields: [(field: String, text: String)] {
        var fields: [(field: String, text: String)] = []
        func add(_ field: String, _ text: String?) { if let text { fields.append((field, text)) } }
        switch self {
        case let .planCreated(created):
            add("--area", created.area)
            add("--la", created.partners.la)
            add("--health", created.partners.health)
        case let .letterPublished(_, _, _, weaknesses, _):
            for weakness in weaknesses { add("--weakness", weakness) }
        case .statementSubmitted, .statementJudged, .revisitReported, .monitoringCeased, .measureRecorded:
            break
        case let .monitoringVisitHeld(_, advisers, _, followUps, _):
            for adviser in advisers { add("--adviser", adviser) }
            for followUp in followUps { add("--follow-up", followUp) }
        case let .partnerRenamed(_, role, name, _):
            add("--\(role.rawValue)", name)
        case let .workstreamAdded(_, workstream):
            add("--title", workstream.title)
            add("--lead", workstream.lead)
            add("--accountable", workstream.accountable)
        case let .actionAdded(_, _, _, title, lead, _):
            add("--title", title)
            add("--lead", lead)
        case .actionUpdated:
            break
        case let .actionRetargeted(_, _, _, reason, agreedWith):
            add("--reason", reason)
            add("--agreed-with", agreedWith)
        case let .measureAdded(_, measure):
            add("--title", measure.title)
            add("--unit", measure.unit)
        case let .evidenceAdded(evidence):
            add("--title", evidence.title)
            add("--source", evidence.source)
            add("--link", evidence.link)
            add("--file", evidence.file?.path)
        }
        add("--note", note)
        return fields
    }

    /// The plan the event belongs to, when the event itself says (only `planCreated` does).
    var planID: String {
        if case let .planCreated(created) = self { return created.id }
        return "the plan"
    }
}

extension PlanEvent {
    /// The id a record event gives or changes (`A3`, `M1`, `E12`, a workstream id), if any.
    public var recordID: String? {
        switch self {
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld,
             .revisitReported, .monitoringCeased, .partnerRenamed:
            return nil
        case let .workstreamAdded(_, workstream): return workstream.id
        case let .actionAdded(_, id, _, _, _, _), let .actionUpdated(_, id, _, _), let .actionRetargeted(_, id, _, _, _),
             let .measureRecorded(_, id, _):
            return id
        case let .measureAdded(_, measure): return measure.id
        case let .evidenceAdded(evidence): return evidence.id
        }
    }
}
