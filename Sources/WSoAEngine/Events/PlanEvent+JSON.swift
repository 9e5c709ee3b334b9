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
        case let .monitoringVisitHeld(_, advisers, ratings, followUps, _):
            fields["advisers"] = .array(advisers.map(JSONValue.string))
            fields["ratings"] = .object(ratings.mapValues { .string($0.rawValue) })
            fields["followUps"] = .array(followUps.map(JSONValue.string))
        case let .revisitReported(_, visited, outcomes, _):
            fields["visited"] = visited.json
            fields["outcomes"] = .object(outcomes.mapValues { .string($0.rawValue) })
        case let .partnerRenamed(_, role, name, _):
            fields["role"] = .string(role.rawValue)
            fields["name"] = .string(name)
        case let .workstreamAdded(_, workstream):
            fields["id"] = .string(workstream.id)
            fields["title"] = .string(workstream.title)
            fields["lead"] = workstream.lead.map(JSONValue.string)
            fields["accountable"] = workstream.accountable.map(JSONValue.string)
            fields["partner"] = workstream.partner.map { .string($0.rawValue) }
            fields["addresses"] = .array(workstream.addresses.map(JSONValue.string))
        case let .actionAdded(_, id, workstream, title, lead, due):
            fields["id"] = .string(id)
            fields["workstream"] = .string(workstream)
            fields["title"] = .string(title)
            fields["lead"] = lead.map(JSONValue.string)
            fields["due"] = .string(due.description)
        case let .actionUpdated(_, id, status, _):
            fields["id"] = .string(id)
            fields["status"] = .string(status.rawValue)
        case let .actionRetargeted(_, id, due, reason, agreedWith):
            fields["id"] = .string(id)
            fields["due"] = .string(due.description)
            fields["reason"] = .string(reason)
            fields["agreedWith"] = agreedWith.map(JSONValue.string)
        case let .measureAdded(_, measure):
            fields["id"] = .string(measure.id)
            fields["workstream"] = .string(measure.workstream)
            fields["title"] = .string(measure.title)
            fields["unit"] = .string(measure.unit)
            fields["direction"] = .string(measure.direction.rawValue)
            fields["baseline"] = .object(["value": .double(measure.baseline.value), "on": .string(measure.baseline.on.description)])
            fields["target"] = .object(["value": .double(measure.target.value), "by": .string(measure.target.on.description)])
            fields["national"] = measure.national.map(JSONValue.double)
        case let .measureRecorded(_, id, value):
            fields["id"] = .string(id)
            fields["value"] = .double(value)
        case let .evidenceAdded(evidence):
            fields["id"] = .string(evidence.id)
            fields["workstream"] = .string(evidence.workstream)
            fields["weakness"] = evidence.weakness.map(JSONValue.string)
            fields["kind"] = .string(evidence.kind.rawValue)
            fields["title"] = .string(evidence.title)
            fields["source"] = evidence.source.map(JSONValue.string)
            fields["link"] = evidence.link.map(JSONValue.string)
            fields["file"] = evidence.file.map { file in
                .object(["path": .string(file.path), "size": .int(file.size), "sha256": .string(file.sha256)])
            }
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
            var ratings: [String: Rating] = [:]
            if data.object["ratings"] != nil {
                let ratingFields = try data.fields("ratings")
                for key in ratingFields.object.keys { ratings[key] = try ratingFields.enumeration(key, Rating.self) }
            }
            self = .monitoringVisitHeld(on: on, advisers: try data.strings("advisers"), ratings: ratings,
                                        followUps: try data.optionalStrings("followUps"), note: note)
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
        case .partnerRenamed:
            self = .partnerRenamed(on: on, role: try data.enumeration("role", PartnerRole.self), name: try data.string("name"),
                                   note: note)
        case .workstreamAdded:
            self = .workstreamAdded(on: on, workstream: Workstream(
                id: try data.string("id"), title: try data.string("title"), lead: try data.optionalString("lead"),
                accountable: try data.optionalString("accountable"),
                partner: try data.object["partner"].map { _ in try data.enumeration("partner", LeadPartner.self) },
                addresses: try data.strings("addresses")))
        case .actionAdded:
            self = .actionAdded(on: on, id: try data.string("id"), workstream: try data.string("workstream"),
                                title: try data.string("title"), lead: try data.optionalString("lead"), due: try data.day("due"))
        case .actionUpdated:
            self = .actionUpdated(on: on, id: try data.string("id"), status: try data.enumeration("status", ActionStatus.self),
                                  note: note)
        case .actionRetargeted:
            self = .actionRetargeted(on: on, id: try data.string("id"), due: try data.day("due"),
                                     reason: try data.string("reason"), agreedWith: try data.optionalString("agreedWith"))
        case .measureAdded:
            let baseline = try data.fields("baseline"), target = try data.fields("target")
            self = .measureAdded(on: on, measure: Measure(
                id: try data.string("id"), workstream: try data.string("workstream"), title: try data.string("title"),
                unit: try data.string("unit"), direction: try data.enumeration("direction", MeasureDirection.self),
                baseline: Reading(on: try baseline.day("on"), value: try baseline.double("value")),
                national: try data.optionalDouble("national"),
                target: Reading(on: try target.day("by"), value: try target.double("value"))))
        case .measureRecorded:
            self = .measureRecorded(on: on, id: try data.string("id"), value: try data.double("value"))
        case .evidenceAdded:
            var file: FileReference?
            if data.object["file"] != nil {
                let fileFields = try data.fields("file")
                file = FileReference(path: try fileFields.string("path"), size: try fileFields.int("size"),
                                     sha256: try fileFields.string("sha256"))
            }
            self = .evidenceAdded(evidence: Evidence(
                id: try data.string("id"), workstream: try data.string("workstream"),
                weakness: try data.optionalString("weakness"), kind: try data.enumeration("kind", EvidenceKind.self),
                on: on, title: try data.string("title"), source: try data.optionalString("source"), file: file,
                link: try data.optionalString("link")))
        }
        if case let .planCreated(created) = self, created.visit.end != on {
            throw WSoAError.invalidEvent(reason: "'on' is not the last day of the inspection visit")
        }
    }
}
