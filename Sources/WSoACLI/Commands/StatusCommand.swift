import Foundation
import WSoAEngine

/// `wsoa status`: one plan as it stands (or stood, with `--as-of`).
enum StatusCommand: Command {
    static let spec = CommandSpec(
        "status",
        abstract: "Show a plan: phase, partners, inspection, weaknesses, visits, revisit and clocks.",
        discussion: "With --as-of DATE, shows the plan as it stood that day, with its clocks evaluated then.",
        usage: ["status PLAN [--as-of DATE] [--json]"],
        arguments: [.plan])

    static func run(_ context: Context) throws {
        let loaded = try context.store.load(context.planID(), asOf: context.asOf)
        let clocks = loaded.plan.clocks(asOf: context.viewDay, calendar: context.calendar)
        if context.json {
            context.printJSON(json(loaded, clocks: clocks, asOf: context.viewDay))
        } else {
            context.output.write(text(loaded, clocks: clocks, asOf: context.viewDay))
        }
    }

    /// The stable keys of DESIGN.md §8.
    static func json(_ loaded: LoadedPlan, clocks: [Clock], asOf: Day) -> JSONValue {
        let plan = loaded.plan
        func day(_ value: Day?) -> JSONValue { value.map { .string($0.description) } ?? .null }
        return .object([
            "id": .string(plan.id),
            "area": .string(plan.area),
            "framework": .string(plan.framework.rawValue),
            "phase": .string(plan.phase.rawValue),
            "asOf": .string(asOf.description),
            "events": .int(Int64(loaded.events)),
            "head": .string(loaded.head),
            "partners": .object(["la": plan.partners.la.map(JSONValue.string) ?? .null,
                                 "health": plan.partners.health.map(JSONValue.string) ?? .null]),
            "inspection": .object([
                "start": day(plan.inspection.visit.start), "end": day(plan.inspection.visit.end),
                "letter": day(plan.inspection.letter), "received": day(plan.inspection.received),
                "statementRequired": plan.inspection.statementRequired.map(JSONValue.bool) ?? .null,
            ]),
            "weaknesses": .array(plan.weaknesses.map { weakness in
                .object(["id": .string(weakness.id), "statement": .string(weakness.statement),
                         "outcome": .string(weakness.outcome.rawValue), "monitored": .bool(weakness.monitored)])
            }),
            "workstreams": .array([]),
            "submissions": .array(plan.submissions.map { .string($0.description) }),
            "judgements": .array(plan.judgements.map { judgement in
                .object(["on": .string(judgement.on.description), "fit": .bool(judgement.fit),
                         "note": judgement.note.map(JSONValue.string) ?? .null])
            }),
            "visits": .array(plan.visits.map { visit in
                .object(["id": .string(visit.id), "on": .string(visit.on.description),
                         "advisers": .array(visit.advisers.map(JSONValue.string)),
                         "note": visit.note.map(JSONValue.string) ?? .null])
            }),
            "revisit": plan.revisit.map { revisit in
                .object(["start": .string(revisit.visited.start.description), "end": .string(revisit.visited.end.description),
                         "letter": .string(revisit.letter.description),
                         "outcomes": .object(revisit.outcomes.mapValues { .string($0.rawValue) })])
            } ?? .null,
            "ceased": day(plan.ceased),
            "clocks": .array(clocks.map(\.json)),
        ])
    }

    /// The plan for people, in the order a SEND improvement lead reads it.
    static func text(_ loaded: LoadedPlan, clocks: [Clock], asOf: Day) -> String {
        let plan = loaded.plan
        var lines: [String] = []
        lines.append("\(plan.area) (\(plan.id))")
        let phaseName = plan.phase.displayName == plan.phase.rawValue ? plan.phase.rawValue
            : "\(plan.phase.rawValue) (\(plan.phase.displayName))"
        lines.append("Phase: \(phaseName)   [framework \(plan.framework.rawValue), as of \(asOf.longDescription)]")
        if let la = plan.partners.la { lines.append("Local authority: \(la)") }
        if let health = plan.partners.health { lines.append("Health partner: \(health)") }
        var inspection = "Inspection: \(plan.inspection.visit.longDescription)"
        if let letter = plan.inspection.letter { inspection += "; letter \(letter.longDescription)" }
        if let received = plan.inspection.received { inspection += "; received \(received.longDescription)" }
        lines.append(inspection)
        switch plan.inspection.statementRequired {
        case true?: lines.append("A written statement of action was required.")
        case false?: lines.append("No written statement of action was required.")
        case nil: break
        }
        if !plan.weaknesses.isEmpty {
            lines.append("")
            lines.append("Areas of significant weakness")
            for weakness in plan.weaknesses {
                let monitored = weakness.monitored ? "monitored" : "no longer monitored"
                lines.append("  \(weakness.id)  [\(weakness.outcome.rawValue), \(monitored)]")
                lines.append("      \(weakness.statement)")
            }
        }
        if !plan.submissions.isEmpty || !plan.judgements.isEmpty {
            lines.append("")
            lines.append("Statement")
            for day in plan.submissions { lines.append("  submitted \(day.longDescription)") }
            for judgement in plan.judgements {
                let verdict = judgement.fit ? "judged fit for purpose" : "judged not fit for purpose"
                lines.append("  \(verdict) \(judgement.on.longDescription)" + (judgement.note.map { " — \($0)" } ?? ""))
            }
        }
        if !plan.visits.isEmpty {
            lines.append("")
            lines.append("Monitoring visits")
            for visit in plan.visits {
                let advisers = visit.advisers.isEmpty ? "" : " — \(visit.advisers.joined(separator: ", "))"
                lines.append("  \(visit.id)  \(visit.on.longDescription)\(advisers)" + (visit.note.map { ": \($0)" } ?? ""))
            }
        }
        if let revisit = plan.revisit {
            lines.append("")
            lines.append("Revisit: \(revisit.visited.longDescription); letter \(revisit.letter.longDescription)")
            for id in revisit.outcomes.keys.sorted(by: { $0.weaknessOrder < $1.weaknessOrder }) {
                lines.append("  \(id)  \(revisit.outcomes[id]?.rawValue ?? "")")
            }
        }
        if let ceased = plan.ceased {
            lines.append("")
            lines.append("Monitoring ceased \(ceased.longDescription).")
        }
        if !clocks.isEmpty {
            lines.append("")
            lines.append("Clocks")
            let width = clocks.map(\.name.displayName.count).max() ?? 0
            for clock in clocks {
                let name = clock.name.displayName.padding(toLength: width, withPad: " ", startingAt: 0)
                lines.append("  \(name)  \(clock.dueText) — \(clock.stateText)")
            }
        }
        lines.append("")
        lines.append("Journal: \(loaded.events) events; head \(loaded.head)")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// Sort key that puts W2 before W10.
    var weaknessOrder: Int { Int(dropFirst()) ?? Int.max }
}
