/// The whole assessment as JSON with stable keys, for dashboards.
///
/// Keys are sorted by `JSONWriter.pretty`, lists keep the report's order, and every
/// dictionary in the model is written as a sorted object or an ordered array, so the bytes
/// depend only on the journal and the as-of day.
public enum JSONReport {
    /// The assessment as pretty JSON, ending with a newline.
    public static func render(_ assessment: ReadinessAssessment) -> String {
        JSONWriter.pretty(value(assessment)) + "\n"
    }

    /// The assessment as a JSON value.
    public static func value(_ a: ReadinessAssessment) -> JSONValue {
        .object([
            "report": .string("revisit-readiness"),
            "plan": plan(a),
            "asOf": day(a.asOf),
            "recentFrom": day(a.recentFrom),
            "calendar": .string(a.calendarName),
            "rules": .object([
                "mostlyCompleteShare": .double(Ladder.mostlyCompleteShare),
                "recentMonths": .int(Int64(Ladder.recentMonths)),
                "sustainedMonths": .int(Int64(Ladder.sustainedMonths)),
                "impactQuarters": .int(Int64(Ladder.impactQuarters)),
                "rungs": .array(Rung.climbed.map { .object(["rung": .string($0.rawValue), "rule": .string($0.rule(for: a.framework))]) }),
            ]),
            "overall": a.overall.map { rung in
                .object(["rung": .string(rung.rawValue), "level": int(rung.level), "name": .string(rung.displayName),
                         "heldBy": strings(a.overallHeldBy)])
            } ?? .null,
            "verdict": .object(["answer": .string(a.verdict.answer.rawValue), "sentence": .string(a.verdict.sentence),
                                "holdingBack": strings(a.verdict.holdingBack)]),
            "clocks": .array(a.clocks.map(clock)),
            "decisions": decisions(a.decisions),
            "weaknesses": .array(a.weaknesses.map(weakness)),
            "sinceLastVisit": since(a.since),
            "record": .object([
                "head": a.record.chainChecked ? .string(a.record.head) : .null, "chainChecked": .bool(a.record.chainChecked),
                "events": int(a.record.events), "folded": int(a.record.folded),
                "asOf": day(a.asOf),
            ]),
        ])
    }

    // MARK: Parts

    private static func plan(_ a: ReadinessAssessment) -> JSONValue {
        .object([
            "id": .string(a.planID), "area": .string(a.area), "framework": .string(a.framework.rawValue),
            "phase": .string(a.phase.rawValue), "phaseName": .string(a.phase.displayName),
            "partners": .object(["la": text(a.partners.la), "health": text(a.partners.health)]),
            "partnerRenames": .array(a.partners.renames.filter { $0.on <= a.asOf }.map { rename in
                .object(["role": .string(rename.role.rawValue), "name": .string(rename.name), "on": day(rename.on)])
            }),
            "inspection": .object([
                "start": day(a.inspection.visit.start), "end": day(a.inspection.visit.end),
                "letter": day(a.inspection.letter), "received": day(a.inspection.received),
                "statementRequired": a.inspection.statementRequired.map(JSONValue.bool) ?? .null,
            ]),
            "fitForPurpose": day(a.fitForPurpose),
            "estimatedFacts": .array(a.estimatedFacts.sorted().map(JSONValue.string)),
            "latestVisit": a.latestVisit.map { visit in
                .object(["id": .string(visit.id), "on": day(visit.on), "advisers": strings(visit.advisers),
                         "ratings": .object(visit.ratings.mapValues { .string($0.rawValue) }),
                         "followUps": strings(visit.followUps), "note": text(visit.note)])
            } ?? .null,
            "revisit": a.revisit.map { revisit in
                .object(["start": day(revisit.visited.start), "end": day(revisit.visited.end), "letter": day(revisit.letter),
                         "outcomes": .object(revisit.outcomes.mapValues { .string($0.rawValue) })])
            } ?? .null,
            "ceased": day(a.ceased),
        ].merging(a.endOfMonitoring.json) { $1 }.merging(areaSEND(a)) { $1 })
    }

    /// A 2023 plan's outcome and findings, and what it has recorded since the report; nothing for a 2016 plan.
    private static func areaSEND(_ a: ReadinessAssessment) -> [String: JSONValue] {
        guard a.framework == .areaSEND2023 else { return [:] }
        var members = a.areaSEND.json
        members["outcome"] = a.inspection.outcome.map { .string($0.rawValue) } ?? .null
        members["previousInspection"] = text(a.inspection.previousInspection)
        members["nextInspectionYears"] = a.inspection.nextInspectionYears.map { int($0) } ?? .null
        return members
    }

    private static func clock(_ clock: Clock) -> JSONValue {
        .object([
            "name": .string(clock.name.rawValue), "due": day(clock.due), "state": .string(clock.state.rawValue),
            "estimated": .bool(clock.estimated), "met": day(clock.met),
            "workingDaysLate": clock.workingDaysLate.map { int($0) } ?? .null,
            "workingDaysLeft": clock.workingDaysLeft.map { int($0) } ?? .null,
            "pauses": clock.pausesJSON,
        ].merging(clock.basis.map { ["basis": .string($0)] } ?? [:]) { $1 })
    }

    private static func decisions(_ d: BoardDecisions) -> JSONValue {
        .object([
            "monitoringEnded": .bool(d.monitoringEnded),
            "measuresWithReadings": int(d.measuresWithReadings),
            "overdueActions": .array(d.overdueActions.map(overdue)),
            "offTrackMeasures": .array(d.offTrackMeasures.map(measure)),
            "evidenceGaps": .array(d.evidenceGaps.map { gap in
                .object(["weakness": .string(gap.weakness), "missing": .array(gap.missing.map { .string($0.rawValue) }),
                         "latestImpact": day(gap.latestImpact), "latestVoice": day(gap.latestVoice)])
            }),
            "clocks": .array(d.clocks.map(clock)),
            "openFollowUps": .array(d.openFollowUps.map(followUp)),
        ])
    }

    private static func weakness(_ w: WeaknessReadiness) -> JSONValue {
        .object(w.weakness.json.merging([
            "verdict": verdict(w.verdict),
            "followUps": .array(w.followUps.map(followUp)),
            "rung": .string(w.rung.rawValue), "level": int(w.rung.level), "rungName": .string(w.rung.displayName),
            "checks": .array(w.checks.map { check in
                .object(["rung": .string(check.rung.rawValue), "met": .bool(check.met), "findings": strings(check.findings),
                         "reasons": .array(check.reasons.map(reason))])
            }),
            "reasons": .array(w.reasons.map(reason)),
            "workstreams": .array(w.workstreams.map { summary in
                let stream = summary.workstream
                let partners = stream.partners.map(\.rawValue)
                // `partner` (the first) stays beside `partners` for readers written before there could be several.
                let members: [String: JSONValue] = [
                    "id": .string(stream.id), "title": .string(stream.title), "lead": text(stream.lead),
                    "accountable": text(stream.accountable), "partner": text(partners.first), "partners": strings(partners),
                    "addresses": strings(stream.addresses), "actions": tally(summary.actions),
                    "latestRating": summary.latestRating.map(rating) ?? .null,
                ]
                return .object(members)
            }),
            "actions": tally(w.actions),
            "overdueActions": .array(w.overdue.map(overdue)),
            "measures": .array(w.measures.map(measure)),
            "evidence": evidence(w.evidence),
            "ratings": .array(w.ratings.map(rating)),
            "latestRating": w.latestRating.map(rating) ?? .null,
        ]) { $1 })
    }

    private static func evidence(_ summary: EvidenceSummary) -> JSONValue {
        let items: [JSONValue] = summary.items.map { item in
            .object(["id": .string(item.id), "on": day(item.on), "kind": .string(item.kind.rawValue), "title": .string(item.title),
                     "source": text(item.source), "link": text(item.link), "file": text(item.file?.name), "fileVersion": file(item)])
        }
        return .object([
            "recentFrom": day(summary.recentFrom),
            "total": int(summary.total),
            "counts": .object(Dictionary(uniqueKeysWithValues: summary.counts.map { count in
                (count.kind.rawValue, JSONValue.object(["total": int(count.total), "recent": int(count.recent)]))
            })),
            "latestImpact": summary.latestImpact.map(evidence) ?? .null,
            "latestVoice": summary.latestVoice.map(evidence) ?? .null,
            "impactQuarters": .array(summary.impactQuarters.map { .string($0.description) }),
            "items": .array(items),
        ])
    }

    private static func since(_ s: SinceLastVisit) -> JSONValue {
        .object([
            "baseline": s.baseline.map { baseline in
                .object(["kind": .string(baseline.kind.rawValue), "visit": text(baseline.visit), "on": day(baseline.on)])
            } ?? .null,
            "completed": .array(s.completed.map { done in
                .object(["id": .string(done.id), "title": .string(done.title), "workstream": .string(done.workstream),
                         "on": day(done.on), "due": day(done.due),
                         "workingDaysLate": done.workingDaysLate.map { int($0) } ?? .null])
            }),
            "slipped": .array(s.slipped.map { slip in
                .object(["id": .string(slip.id), "title": .string(slip.title), "workstream": .string(slip.workstream),
                         "on": day(slip.on), "kind": .string(slip.kind.rawValue), "from": day(slip.from), "to": day(slip.to),
                         "reason": text(slip.reason)])
            }),
            "evidence": .array(s.evidence.map(evidence)),
            "corrections": .array(s.corrections.map { correction in
                .object(["line": int(correction.line), "kind": .string(correction.kind.rawValue), "item": .string(correction.target.item),
                         "subject": .string(correction.subject), "on": day(correction.on),
                         "changes": .array(correction.changes.map(JSONValue.string)), "reason": .string(correction.reason)])
            }),
            "readings": .array(s.readings.map { change in
                .object(["id": .string(change.id), "title": .string(change.title), "unit": .string(change.unit),
                         "readings": .array(change.readings.map(reading)), "before": reading(change.before),
                         "beforeIsBaseline": .bool(change.beforeIsBaseline), "trend": .string(change.trend.rawValue)])
            }),
        ])
    }

    // MARK: Leaves

    private static func verdict(_ v: WeaknessVerdict) -> JSONValue {
        .object([
            "answer": .string(v.answer.rawValue), "answerName": .string(v.answer.words),
            "reasons": .array(v.reasons.map { reason in
                .object(["category": .string(reason.category.rawValue), "weight": .string(reason.weight.rawValue),
                         "signal": .string(reason.signal), "text": .string(reason.text)])
            }),
            "nextSteps": .array(v.nextSteps.map { step in
                .object(["text": .string(step.text), "owner": text(step.owner), "due": day(step.due)])
            }),
        ])
    }

    private static func followUp(_ standing: FollowUpStanding) -> JSONValue {
        .object(["id": .string(standing.followUp.id), "visit": .string(standing.followUp.visit),
                 "title": .string(standing.followUp.title), "owner": .string(standing.followUp.owner),
                 "due": day(standing.followUp.due), "state": .string(standing.clock.state.rawValue),
                 "closed": day(standing.clock.met), "weaknesses": strings(standing.followUp.weaknesses)])
    }

    private static func reason(_ r: ReadinessReason) -> JSONValue {
        .object(["rung": .string(r.rung.rawValue), "kind": .string(r.kind.rawValue), "subject": text(r.subject), "text": .string(r.text)])
    }

    private static func tally(_ t: ActionTally) -> JSONValue {
        .object(["total": int(t.total), "complete": int(t.complete), "overdue": int(t.overdue), "onTrack": int(t.onTrack),
                 "atRisk": int(t.atRisk), "offTrack": int(t.offTrack), "notStarted": int(t.notStarted),
                 "mostlyComplete": .bool(t.mostlyComplete)])
    }

    private static func overdue(_ o: OverdueAction) -> JSONValue {
        .object(["id": .string(o.id), "title": .string(o.title), "workstream": .string(o.workstream), "lead": text(o.lead),
                 "status": .string(o.status.rawValue), "due": day(o.due), "originalDue": day(o.originalDue),
                 "workingDaysLate": int(o.workingDaysLate), "retargets": int(o.retargets)])
    }

    private static func measure(_ s: MeasureStanding) -> JSONValue {
        let m = s.measure
        return .object([
            "id": .string(m.id), "workstream": .string(m.workstream), "title": .string(m.title), "unit": .string(m.unit),
            "direction": .string(m.direction.rawValue), "baseline": reading(m.baseline),
            "target": .object(["by": day(m.target.on), "value": .double(m.target.value)]),
            "national": m.national.map(JSONValue.double) ?? .null,
            "latest": s.latest.map(reading) ?? .null,
            "expected": s.expected.map(JSONValue.double) ?? .null,
            "trend": text(s.trend?.rawValue), "onTrack": s.onTrack.map(JSONValue.bool) ?? .null,
            "targetMet": .bool(s.targetMet), "moving": .bool(s.moving), "atTargetSince": day(s.atTargetSince),
            "sustained": .bool(s.sustained), "readings": .array(m.readings.map(reading)),
        ])
    }

    private static func evidence(_ e: Evidence) -> JSONValue {
        .object([
            "id": .string(e.id), "workstream": .string(e.workstream), "weakness": text(e.weaknesses.first), "weaknesses": strings(e.weaknesses),
            "kind": .string(e.kind.rawValue), "on": day(e.on), "title": .string(e.title), "source": text(e.source),
            // `file` stays a string, as readers have it (the file's name, never where a copy is);
            // its version and hash are beside it.
            "link": text(e.link), "file": text(e.file?.name), "fileVersion": file(e),
        ])
    }

    /// The evidence's file: its name, hash, size and version, never its path or where a copy
    /// is kept (either can say more than a paper should).
    private static func file(_ e: Evidence) -> JSONValue {
        guard let file = e.file, let version = e.fileVersion else { return .null }
        return .object(["sha256": .string(file.sha256), "size": .int(file.size),
                        "version": int(version), "earlierVersions": int(e.earlierFiles.count)])
    }

    private static func rating(_ r: VisitRating) -> JSONValue {
        .object(["visit": .string(r.visit), "on": day(r.on), "rating": .string(r.rating.rawValue)])
    }

    private static func reading(_ r: Reading) -> JSONValue {
        .object(["on": day(r.on), "value": .double(r.value)])
    }

    private static func day(_ value: Day?) -> JSONValue { value.map { .string($0.description) } ?? .null }
    private static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    private static func int(_ value: Int) -> JSONValue { .int(Int64(value)) }
    private static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}
