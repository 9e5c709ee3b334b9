/// What a 2023 plan has recorded since its report — the outcome and findings, the strategic
/// plan, the priority action plan, deadlines given, monitoring inspections and escalations —
/// gathered from a plan once, so that `status`, the report and `--json` say the same.
public struct AreaSENDRecord: Hashable, Sendable {
    /// The plan it was gathered from.
    let plan: Plan
    /// The journal lines whose date (`on`) was recorded as an estimate.
    let estimatedLines: Set<Int>

    /// Gathers it from `plan`.
    public init(_ plan: Plan) {
        self.plan = plan
        estimatedLines = plan.linesWithEstimatedDay
    }

    /// " (estimated)" when the date of journal line `line` was recorded as an estimate.
    func estimated(_ line: Int) -> String { estimatedLines.contains(line) ? " (estimated)" : "" }

    /// The report's outcome in words with its own sentence, e.g. "widespread and/or systemic
    /// failings (the report: "widespread and/or systemic failings leading to significant concerns")".
    public var outcomeLine: String? {
        plan.inspection.outcome.map { "\($0.displayName) (the report: “\($0.reportWords)”)" }
    }

    /// The areas for priority action, `P1…`.
    public var priorityActions: [Weakness] { plan.weaknesses.filter { $0.kind == .priorityAction } }

    /// The areas for improvement, `I1…`.
    public var improvements: [Weakness] { plan.weaknesses.filter { $0.kind == .improvement } }

    /// Where the priority action plan stands: "not yet submitted", "with Ofsted since …",
    /// "accepted by Ofsted on …", "returned for revision on …".
    public var priorityActionPlanStatus: String {
        let submitted = plan.lifecycle.filter { $0.type == .priorityActionPlanSubmitted && !$0.withdrawn }
        guard let last = submitted.last else { return "not yet submitted" }
        guard let decision = plan.judgements.last, decision.line > last.line else {
            return "with Ofsted since \(last.on.longDescription)\(estimated(last.line))"
        }
        return (decision.fit ? "accepted by Ofsted on " : "returned for revision on ") + decision.on.longDescription + estimated(decision.line)
    }

    /// The facts in lines for people, one event a line, in the order recorded, each with its note.
    public var lines: [String] { lines(notes: true) }

    /// The same lines without their notes, for the report's summary, which must stay short.
    public var summaryLines: [String] { lines(notes: false) }

    private func lines(notes: Bool) -> [String] {
        func note(_ text: String?) -> String { notes ? text.map { " — \($0)" } ?? "" : "" }
        var dated: [(line: Int, text: String)] = []
        for publication in plan.strategicPlanPublications {
            let first = publication.line == plan.strategicPlanPublications.first?.line
            dated.append((publication.line, "Strategic plan \(first ? "published" : "updated") \(publication.on.longDescription)\(estimated(publication.line))"
                          + (publication.link.map { " at \($0)" } ?? "") + note(publication.note)))
        }
        for entry in plan.lifecycle where entry.type == .priorityActionPlanSubmitted && !entry.withdrawn {
            dated.append((entry.line, "Priority action plan submitted to Ofsted \(entry.on.longDescription)\(estimated(entry.line))"))
        }
        for decision in plan.judgements {
            let what = decision.fit ? "Priority action plan accepted by Ofsted" : "Priority action plan returned for revision"
            dated.append((decision.line, "\(what) \(decision.on.longDescription)\(estimated(decision.line))" + note(decision.note)))
        }
        for deadline in plan.givenDeadlines {
            dated.append((deadline.line, "Deadline given \(deadline.on.longDescription)\(estimated(deadline.line)): \(deadline.clock.displayName) \(deadline.due.longDescription)"
                          + note(deadline.note)))
        }
        for inspection in plan.revisits {
            dated.append((inspection.line, "Monitoring inspection \(inspection.visited.longDescription); letter \(inspection.letter.longDescription)\(estimated(inspection.line)): "
                          + AreaSENDRecord.judgements(inspection.outcomes)))
        }
        for escalation in plan.escalations {
            dated.append((escalation.line, ReportText.capitalised(escalation.description) + estimated(escalation.line)
                          + (escalation.link.map { " (\($0))" } ?? "") + note(escalation.note)))
        }
        return dated.sorted { $0.line < $1.line }.map(\.text)
    }

    /// "P1 effective action, P2 effective action not taken", in the report's order.
    static func judgements(_ outcomes: [String: WeaknessOutcome]) -> String {
        outcomes.keys.sorted(by: String.idOrder).map { id in
            "\(id) \(outcomes[id] == .sufficient ? "effective action" : "effective action not taken")"
        }.joined(separator: ", ")
    }

    /// The members `--json` gives a 2023 plan beside the plan's others (its escalations are
    /// `EndOfMonitoring`'s, merged first by every caller).
    public var json: [String: JSONValue] {
        func day(_ value: Day?) -> JSONValue { value.map { .string($0.description) } ?? .null }
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return [
            "areasForPriorityAction": .array(priorityActions.map { area in
                var members = area.json
                members["partner"] = text(area.partner)
                return .object(members)
            }),
            "areasForImprovement": .array(improvements.map { .object(["id": .string($0.id), "statement": .string($0.statement)]) }),
            "strategicPlan": .array(plan.strategicPlanPublications.map { .object(["on": day($0.on), "link": text($0.link), "note": text($0.note)]) }),
            "priorityActionPlan": .object([
                "status": .string(priorityActionPlanStatus),
                "submitted": .array(plan.submissions.map { day($0) }),
                "decisions": .array(plan.judgements.map { .object(["on": day($0.on), "accepted": .bool($0.fit), "note": text($0.note)]) }),
            ]),
            "deadlinesGiven": .array(plan.givenDeadlines.map { deadline in
                .object(["clock": .string(deadline.clock.rawValue), "due": day(deadline.due), "on": day(deadline.on), "note": text(deadline.note)])
            }),
            "monitoringInspections": .array(plan.revisits.map { inspection in
                .object(["start": day(inspection.visited.start), "end": day(inspection.visited.end), "letter": day(inspection.letter),
                         "outcomes": .object(inspection.outcomes.mapValues { .string($0 == .sufficient ? "effective" : "notEffective") })])
            }),
            // A monitoring inspection is kept as the plan's revisit, but reads only as itself.
            "revisit": .null,
            "revisits": .array([]),
        ]
    }
}
