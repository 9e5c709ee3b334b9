import WSoAEngine

extension StatusCommand {
    /// The stable keys of DESIGN.md §8, plus the delivery record (issue 3) under its own keys.
    static func json(_ loaded: LoadedPlan, clocks: [Clock], asOf: Day) -> JSONValue {
        let plan = loaded.plan
        return .object([
            "id": .string(plan.id),
            "area": .string(plan.area),
            "framework": .string(plan.framework.rawValue),
            "phase": .string(plan.phase.rawValue),
            "asOf": .string(asOf.description),
            "events": .int(Int64(loaded.events)),
            "head": .string(loaded.head),
            "partners": .object(["la": text(plan.partners.la), "health": text(plan.partners.health)]),
            "partnerRenames": .array(plan.partners.renames.map { rename in
                .object(["role": .string(rename.role.rawValue), "name": .string(rename.name), "on": day(rename.on)])
            }),
            "inspection": .object([
                "start": day(plan.inspection.visit.start), "end": day(plan.inspection.visit.end),
                "letter": day(plan.inspection.letter), "received": day(plan.inspection.received),
                "statementRequired": plan.inspection.statementRequired.map(JSONValue.bool) ?? .null,
            ]),
            "weaknesses": .array(plan.weaknesses.map { weakness in
                .object(["id": .string(weakness.id), "statement": .string(weakness.statement),
                         "outcome": .string(weakness.outcome.rawValue), "monitored": .bool(weakness.monitored)])
            }),
            "workstreams": .array(plan.workstreams.map { workstream($0, plan: plan, asOf: asOf) }),
            "actions": .array(plan.actions.map { action($0, asOf: asOf) }),
            "measures": .array(plan.measures.map(measure)),
            "evidence": .array(plan.evidence.map(evidence)),
            "submissions": .array(plan.submissions.map(day)),
            "judgements": .array(plan.judgements.map { judgement in
                .object(["on": day(judgement.on), "fit": .bool(judgement.fit), "note": text(judgement.note)])
            }),
            "visits": .array(plan.visits.map { visit in
                .object(["id": .string(visit.id), "on": day(visit.on), "advisers": .array(visit.advisers.map(JSONValue.string)),
                         "ratings": .object(visit.ratings.mapValues { .string($0.rawValue) }),
                         "followUps": .array(visit.followUps.map(JSONValue.string)), "note": text(visit.note)])
            }),
            "revisit": plan.revisit.map { revisit in
                .object(["start": day(revisit.visited.start), "end": day(revisit.visited.end), "letter": day(revisit.letter),
                         "outcomes": .object(revisit.outcomes.mapValues { .string($0.rawValue) })])
            } ?? .null,
            "ceased": plan.ceased.map(day) ?? .null,
            "clocks": .array(clocks.map(\.json)),
        ])
    }

    private static func day(_ value: Day) -> JSONValue { .string(value.description) }
    private static func day(_ value: Day?) -> JSONValue { value.map(day) ?? .null }
    private static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    private static func workstream(_ workstream: Workstream, plan: Plan, asOf: Day) -> JSONValue {
        let actions = plan.actions.filter { $0.workstream == workstream.id }
        return .object([
            "id": .string(workstream.id), "title": .string(workstream.title), "lead": text(workstream.lead),
            "accountable": text(workstream.accountable), "partner": text(workstream.partner?.rawValue),
            "addresses": .array(workstream.addresses.map(JSONValue.string)),
            "actions": .object([
                "total": .int(Int64(actions.count)),
                "complete": .int(Int64(actions.filter { $0.status == .complete }.count)),
                "overdue": .int(Int64(actions.filter { $0.isOverdue(asOf: asOf) }.count)),
            ]),
        ])
    }

    private static func action(_ action: ActionItem, asOf: Day) -> JSONValue {
        .object([
            "id": .string(action.id), "workstream": .string(action.workstream), "title": .string(action.title),
            "lead": text(action.lead), "status": .string(action.status.rawValue), "due": day(action.due),
            "originalDue": day(action.originalDue), "completed": day(action.completed),
            "overdue": .bool(action.isOverdue(asOf: asOf)), "daysLate": .int(Int64(action.daysLate(asOf: asOf))),
            "retargets": .array(action.retargets.map { retarget in
                .object(["on": day(retarget.on), "from": day(retarget.from), "to": day(retarget.to),
                         "reason": .string(retarget.reason), "agreedWith": text(retarget.agreedWith)])
            }),
            "statusHistory": .array(action.statusHistory.map { change in
                .object(["on": day(change.on), "status": .string(change.status.rawValue), "note": text(change.note)])
            }),
        ])
    }

    private static func measure(_ measure: Measure) -> JSONValue {
        func reading(_ reading: Reading) -> JSONValue { .object(["on": day(reading.on), "value": .double(reading.value)]) }
        return .object([
            "id": .string(measure.id), "workstream": .string(measure.workstream), "title": .string(measure.title),
            "unit": .string(measure.unit), "direction": .string(measure.direction.rawValue),
            "baseline": reading(measure.baseline),
            "target": .object(["by": day(measure.target.on), "value": .double(measure.target.value)]),
            "national": measure.national.map(JSONValue.double) ?? .null,
            "latest": measure.readings.isEmpty ? .null : reading(measure.latest),
            "trend": text(measure.trend?.rawValue),
            "onTrack": measure.onTrack.map(JSONValue.bool) ?? .null,
            "targetMet": .bool(measure.targetMet),
            "readings": .array(measure.readings.map(reading)),
        ])
    }

    private static func evidence(_ evidence: Evidence) -> JSONValue {
        .object([
            "id": .string(evidence.id), "workstream": .string(evidence.workstream), "weakness": text(evidence.weakness),
            "kind": .string(evidence.kind.rawValue), "on": day(evidence.on), "title": .string(evidence.title),
            "source": text(evidence.source), "link": text(evidence.link),
            "file": evidence.file.map { file in
                .object(["path": .string(file.path), "size": .int(file.size), "sha256": .string(file.sha256)])
            } ?? .null,
        ])
    }
}
