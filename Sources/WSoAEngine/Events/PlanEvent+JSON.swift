extension PlanEvent {
    /// The event's `data` object in its journal line; absent notes and names are left out.
    public var data: JSONValue {
        var fields: [String: JSONValue] = [:]
        switch self {
        case let .planCreated(created):
            fields["id"] = .string(created.id)
            fields["area"] = .string(created.area)
            fields["framework"] = .string(created.framework.rawValue)
            fields["visit"] = created.visit.json
            var partners: [String: JSONValue] = [:]
            partners["la"] = created.partners.la.map(JSONValue.string)
            partners["health"] = created.partners.health.map(JSONValue.string)
            fields["partners"] = .object(partners)
        case let .letterPublished(_, received, required, weaknesses, _):
            fields["statementRequired"] = .bool(required)
            fields["weaknesses"] = .array(weaknesses.map(JSONValue.string))
            fields["received"] = received.map { .string($0.description) }
        case .statementSubmitted, .monitoringCeased:
            break
        case let .statementJudged(_, fit, _):
            fields["fit"] = .bool(fit)
        case let .monitoringVisitHeld(_, advisers, _):
            fields["advisers"] = .array(advisers.map(JSONValue.string))
        case let .revisitReported(_, visited, outcomes, _):
            fields["visited"] = visited.json
            fields["outcomes"] = .object(outcomes.mapValues { .string($0.rawValue) })
        }
        fields["note"] = note.map(JSONValue.string)
        return .object(fields)
    }

    /// Reads an event of `type` from its line's `on` and `data`.
    init(type: EventType, on: Day, data: JSONFields) throws {
        let note = try data.optionalString("note")
        switch type {
        case .planCreated:
            let frameworkName = try data.string("framework")
            guard let framework = Framework(rawValue: frameworkName) else {
                throw WSoAError.invalidEvent(reason: "the framework '\(frameworkName)' is unknown")
            }
            let partners = try JSONFields(data.value("partners"), context: "data 'partners'")
            let id = try data.string("id")
            do { try PlanID.validate(id) } catch { throw WSoAError.invalidEvent(reason: "the plan id '\(id)' is not valid") }
            self = .planCreated(PlanCreated(
                id: id, area: try data.string("area"), framework: framework, visit: try data.range("visit"),
                partners: Partners(la: try partners.optionalString("la"), health: try partners.optionalString("health")),
                note: note))
        case .letterPublished:
            self = .letterPublished(on: on, received: try data.optionalDay("received"),
                                    statementRequired: try data.bool("statementRequired"),
                                    weaknesses: try data.strings("weaknesses"), note: note)
        case .statementSubmitted:
            self = .statementSubmitted(on: on, note: note)
        case .statementJudged:
            self = .statementJudged(on: on, fit: try data.bool("fit"), note: note)
        case .monitoringVisitHeld:
            self = .monitoringVisitHeld(on: on, advisers: try data.strings("advisers"), note: note)
        case .revisitReported:
            let outcomeFields = try JSONFields(data.value("outcomes"), context: "data 'outcomes'")
            var outcomes: [String: WeaknessOutcome] = [:]
            for key in outcomeFields.object.keys {
                let name = try outcomeFields.string(key)
                guard let outcome = WeaknessOutcome(rawValue: name) else {
                    throw WSoAError.invalidEvent(reason: "the outcome '\(name)' for \(key) is unknown")
                }
                outcomes[key] = outcome
            }
            self = .revisitReported(on: on, visited: try data.range("visited"), outcomes: outcomes, note: note)
        case .monitoringCeased:
            self = .monitoringCeased(on: on, note: note)
        }
        if case let .planCreated(created) = self, created.visit.end != on {
            throw WSoAError.invalidEvent(reason: "'on' is not the last day of the inspection visit")
        }
    }
}
