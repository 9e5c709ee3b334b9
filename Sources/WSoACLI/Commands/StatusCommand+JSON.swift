import WSoAEngine

extension StatusCommand {
    /// The stable keys of DESIGN.md §8, plus the delivery record (issue 3) under its own keys;
    /// actions' lateness is counted in `calendar`.
    static func json(_ status: PlanStatus, view: PlanView, calendar: WorkingCalendar) -> JSONValue {
        let plan = status.plan
        let asOf = status.asOf
        var members: [String: JSONValue] = [
            "id": .string(plan.id),
            "area": .string(plan.area),
            "framework": .string(plan.framework.rawValue),
            "phase": .string(plan.phase.rawValue),
            "asOf": .string(asOf.description),
            "events": .int(Int64(view.events)),
            "head": .string(view.head),
            "partners": .object(["la": text(plan.partners.la), "health": text(plan.partners.health)]),
            "partnerRenames": .array(plan.partners.renames.map { rename in
                .object(["role": .string(rename.role.rawValue), "name": .string(rename.name), "on": day(rename.on)])
            }),
            "inspection": .object([
                "start": day(plan.inspection.visit.start), "end": day(plan.inspection.visit.end),
                "letter": day(plan.inspection.letter), "received": day(plan.inspection.received),
                "statementRequired": plan.inspection.statementRequired.map(JSONValue.bool) ?? .null,
                "outcome": plan.inspection.outcome.map { .string($0.rawValue) } ?? .null,
                "previousInspection": text(plan.inspection.previousInspection),
                "nextInspectionYears": plan.inspection.nextInspectionYears.map { .int(Int64($0)) } ?? .null,
            ]),
            "weaknesses": .array(plan.weaknesses.map { .object($0.json) }),
            "workstreams": .array(status.workstreams.map { workstream($0, plan: plan) }),
            "actions": .array(plan.standingActions.map { action($0, asOf: asOf, calendar: calendar, plan: plan) }),
            "measures": .array(status.measures.map(measure)),
            "evidence": evidence(EvidenceTally(plan.standingEvidence)),
            "submissions": .array(plan.submissions.map(day)),
            "judgements": .array(plan.judgements.map { judgement in
                .object(["on": day(judgement.on), "fit": .bool(judgement.fit), "note": text(judgement.note)])
            }),
            "visits": .array(plan.standingVisits.map { visit in
                .object(["id": .string(visit.id), "on": day(visit.on), "advisers": .array(visit.advisers.map(JSONValue.string)),
                         "attendees": .array(visit.attendees.map { .object(["name": .string($0.name), "role": text($0.role)]) }),
                         "ratings": .object(visit.ratings.mapValues { .string($0.rawValue) }),
                         "followUps": .array(visit.followUps.map(JSONValue.string)), "note": text(visit.note),
                         "amended": .bool(!plan.corrections(of: visit.id).isEmpty)])
            }),
            "followUps": .array(status.followUps.map { standing in
                let followUp = standing.followUp, clock = standing.clock
                return .object(["id": .string(followUp.id), "visit": .string(followUp.visit), "title": .string(followUp.title),
                         "owner": .string(followUp.owner), "due": day(followUp.due), "agreed": day(followUp.agreed),
                         "closed": day(clock.met), "closedBy": text(clock.met == nil ? nil : followUp.closedBy),
                         "overdue": .bool(clock.state == .overdue)])
            }),
            "estimatedDates": .array(plan.estimates.map { .object(["line": .int(Int64($0.line)), "field": .string($0.field)]) }),
            "corrections": .array(plan.corrections.map { correction in
                .object(["line": .int(Int64(correction.line)), "kind": .string(correction.kind.rawValue),
                         "item": .string(correction.target.item), "target": .string(correction.target.description),
                         "subject": .string(correction.subject), "fields": .array(correction.fields.map(JSONValue.string)),
                         "on": day(correction.on), "changes": .array(correction.changes.map(JSONValue.string)),
                         "reason": .string(correction.reason)])
            }),
            "revisit": plan.revisit.map { revisit in
                .object(["start": day(revisit.visited.start), "end": day(revisit.visited.end), "letter": day(revisit.letter),
                         "outcomes": .object(revisit.outcomes.mapValues { .string($0.rawValue) })])
            } ?? .null,
            "ceased": plan.ceased.map(day) ?? .null,
            "clocks": .array(status.clocks.map(\.json)),
        ]
        members.merge(EndOfMonitoring(plan).json) { $1 }
        if plan.framework == .areaSEND2023 { members.merge(AreaSENDRecord(plan).json) { $1 } }
        return .object(members)
    }

    private static func day(_ value: Day) -> JSONValue { .string(value.description) }
    private static func day(_ value: Day?) -> JSONValue { value.map(day) ?? .null }
    private static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    private static func workstream(_ summary: WorkstreamSummary, plan: Plan) -> JSONValue {
        let workstream = summary.workstream
        let partners = workstream.partners.map(\.rawValue)
        // `partner` (the first) stays beside `partners` for readers written before there could be several.
        return .object([
            "id": .string(workstream.id), "title": .string(workstream.title), "lead": text(workstream.lead),
            "accountable": text(workstream.accountable), "partner": text(partners.first),
            "partners": .array(partners.map(JSONValue.string)), "amended": .bool(!plan.corrections(of: workstream.id).isEmpty),
            "addresses": .array(workstream.addresses.map(JSONValue.string)),
            "actions": .object([
                "total": .int(Int64(summary.actions.total)),
                "complete": .int(Int64(summary.actions.complete)),
                "overdue": .int(Int64(summary.actions.overdue)),
            ]),
        ])
    }

    /// An action; its lateness in working days, the one unit lateness is counted in.
    private static func action(_ action: ActionItem, asOf: Day, calendar: WorkingCalendar, plan: Plan) -> JSONValue {
        .object([
            "amended": .bool(!plan.corrections(of: action.id).isEmpty),
            "id": .string(action.id), "workstream": .string(action.workstream), "title": .string(action.title),
            "lead": text(action.lead), "status": .string(action.status.rawValue), "due": day(action.due),
            "originalDue": day(action.originalDue), "completed": day(action.completed),
            "overdue": .bool(action.isOverdue(asOf: asOf, calendar: calendar)),
            "workingDaysLate": .int(Int64(action.workingDaysLate(asOf: asOf, calendar: calendar))),
            "retargets": .array(action.retargets.map { retarget in
                .object(["on": day(retarget.on), "from": day(retarget.from), "to": day(retarget.to),
                         "reason": .string(retarget.reason), "agreedWith": text(retarget.agreedWith)])
            }),
            "lastReported": day(action.lastReported),
        ])
    }

    private static func measure(_ standing: MeasureStanding) -> JSONValue {
        let measure = standing.measure
        func reading(_ reading: Reading) -> JSONValue { .object(["on": day(reading.on), "value": .double(reading.value)]) }
        return .object([
            "id": .string(measure.id), "workstream": .string(measure.workstream), "title": .string(measure.title),
            "unit": .string(measure.unit), "direction": .string(measure.direction.rawValue),
            "baseline": reading(measure.baseline),
            "target": .object(["by": day(measure.target.on), "value": .double(measure.target.value)]),
            "national": measure.national.map(JSONValue.double) ?? .null,
            "latest": standing.latest.map(reading) ?? .null,
            "trend": text(standing.trend?.rawValue),
            "onTrack": standing.onTrack.map(JSONValue.bool) ?? .null,
            "targetMet": .bool(standing.targetMet),
            "readings": .array(measure.readings.map(reading)),
        ])
    }

    /// The evidence as status shows it: counted, with the latest of each kind (the items
    /// themselves are in the report).
    private static func evidence(_ tally: EvidenceTally) -> JSONValue {
        .object([
            "total": .int(Int64(tally.count)),
            "counts": .object(Dictionary(uniqueKeysWithValues: EvidenceKind.allCases.map { ($0.rawValue, JSONValue.int(Int64(tally.counts[$0] ?? 0))) })),
            "latest": .object(Dictionary(uniqueKeysWithValues: tally.latest.map { kind, item in
                (kind.rawValue, JSONValue.object(["id": .string(item.id), "on": day(item.on), "title": .string(item.title)]))
            })),
        ])
    }
}
