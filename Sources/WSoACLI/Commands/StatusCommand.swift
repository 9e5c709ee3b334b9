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
        let loaded = try context.store.load(context.planID(), asOf: context.viewDay)
        let clocks = loaded.plan.clocks(asOf: context.viewDay, calendar: context.calendar)
        if context.json {
            context.printJSON(json(loaded, clocks: clocks, asOf: context.viewDay))
        } else {
            context.output.write(text(loaded, clocks: clocks, asOf: context.viewDay))
        }
        ExitReclaim.keep(loaded.plan, events: loaded.events)
    }

    /// The plan for people, in the order a SEND improvement lead reads it.
    static func text(_ loaded: LoadedPlan, clocks: [Clock], asOf: Day) -> String {
        let plan = loaded.plan
        var lines: [String] = []
        lines.append("\(plan.area) (\(plan.id))")
        let phaseName = plan.phase.displayName == plan.phase.rawValue ? plan.phase.rawValue
            : "\(plan.phase.rawValue) (\(plan.phase.displayName))"
        lines.append("Phase: \(phaseName)   [framework \(plan.framework.rawValue), as of \(asOf.longDescription)]")
        for role in PartnerRole.allCases {
            guard let name = plan.partners.name(role) else { continue }
            let since = plan.partners.renames.last { $0.role == role }.map { " (since \($0.on.longDescription))" } ?? ""
            lines.append("\(role == .la ? "Local authority" : "Health partner"): \(name)\(since)")
        }
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
        lines += deliveryText(plan, asOf: asOf)
        if !plan.visits.isEmpty {
            lines.append("")
            lines.append("Monitoring visits")
            for visit in plan.visits {
                let advisers = visit.advisers.isEmpty ? "" : " — \(visit.advisers.joined(separator: ", "))"
                lines.append("  \(visit.id)  \(visit.on.longDescription)\(advisers)" + (visit.note.map { ": \($0)" } ?? ""))
                if !visit.ratings.isEmpty {
                    let ratings = visit.ratings.keys.sorted().map { "\($0) \(visit.ratings[$0]?.rawValue ?? "")" }
                    lines.append("      ratings: \(ratings.joined(separator: ", "))")
                }
                for followUp in visit.followUps { lines.append("      follow-up: \(followUp)") }
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

extension StatusCommand {
    /// Workstreams, late actions, measures and evidence, for people.
    static func deliveryText(_ plan: Plan, asOf: Day) -> [String] {
        var lines: [String] = []
        if !plan.workstreams.isEmpty {
            lines += ["", "Workstreams"]
            // One pass over the actions: a long plan has thousands, and copying them costs more than counting.
            var tallies: [String: (count: Int, complete: Int, overdue: Int)] = [:]
            for index in plan.actions.indices {
                let isComplete = plan.actions[index].status == .complete
                let isOverdue = plan.actions[index].isOverdue(asOf: asOf)
                tallies[plan.actions[index].workstream, default: (0, 0, 0)].count += 1
                if isComplete { tallies[plan.actions[index].workstream, default: (0, 0, 0)].complete += 1 }
                if isOverdue { tallies[plan.actions[index].workstream, default: (0, 0, 0)].overdue += 1 }
            }
            for workstream in plan.workstreams {
                let (count, complete, overdue) = tallies[workstream.id] ?? (0, 0, 0)
                let people = [workstream.lead.map { "lead \($0)" }, workstream.accountable.map { "accountable \($0)" },
                              workstream.partner.map { "partner \($0.rawValue)" }].compactMap { $0 }
                lines.append("  \(workstream.id)  \(workstream.title) — addresses \(workstream.addresses.joined(separator: ", "))")
                if !people.isEmpty { lines.append("      \(people.joined(separator: "; "))") }
                lines.append("      actions: \(count) (\(complete) complete, \(overdue) overdue)")
            }
        }
        let overdue = plan.actions.filter { $0.isOverdue(asOf: asOf) }
        if !overdue.isEmpty {
            lines += ["", "Overdue actions"]
            for action in overdue {
                let retargets = action.retargets.isEmpty ? "" : ", retargeted \(action.retargets.count)×"
                lines.append("  \(action.id)  due \(action.due.longDescription), \(action.daysLate(asOf: asOf)) days late\(retargets) [\(action.workstream), \(action.status.rawValue)] — \(action.title)")
            }
        }
        if !plan.measures.isEmpty {
            lines += ["", "Measures"]
            for measure in plan.measures {
                let unit = measure.unit
                var line = "  \(measure.id)  \(measure.title): baseline \(NumberText.format(measure.baseline.value, unit: unit))"
                if !measure.readings.isEmpty {
                    line += " → latest \(NumberText.format(measure.latest.value, unit: unit)) (\(measure.latest.on))"
                }
                line += "; target \(NumberText.format(measure.target.value, unit: unit)) by \(measure.target.on)"
                if let national = measure.national { line += "; national \(NumberText.format(national, unit: unit))" }
                lines.append(line)
                let state = [measure.trend?.rawValue, measure.onTrack.map { $0 ? "on track" : "off track" },
                             measure.targetMet ? "target met" : nil].compactMap { $0 }
                lines.append("      \(state.isEmpty ? "no readings yet" : state.joined(separator: ", "))")
            }
        }
        if !plan.evidence.isEmpty {
            // The tally, not the items: a long plan holds tens of thousands, and one read from a
            // snapshot keeps them encoded while the snapshot's own tally says what status shows.
            let tally = plan.evidenceTally
            let counts = EvidenceKind.allCases.map { kind in "\(kind.rawValue) \(tally.counts[kind] ?? 0)" }
            lines += ["", "Evidence: \(plan.evidence.count) item\(plan.evidence.count == 1 ? "" : "s") — \(counts.joined(separator: ", "))"]
            for kind in [EvidenceKind.impact, .voice] {
                if let latest = tally.latest[kind] {
                    lines.append("  latest \(kind.rawValue): \(latest.id) \(latest.on) — \(latest.title)")
                }
            }
        }
        return lines
    }
}

extension String {
    /// Sort key that puts W2 before W10.
    var weaknessOrder: Int { Int(dropFirst()) ?? Int.max }
}
