import WSoAEngine

/// `wsoa status`: one plan as it stands (or stood, with `--as-of`).
enum StatusCommand: Command {
    static let spec = CommandSpec(
        "status",
        abstract: "Show a plan: phase, partners, inspection, weaknesses, visits, revisit and clocks.",
        discussion: """
            With --as-of DATE, shows the plan as it stood that day, with its clocks evaluated then. A \
            deadline on a weekend or bank holiday falls due on the next working day, and lateness is \
            counted in working days from then.
            """,
        usage: ["status PLAN [--as-of DATE] [--json]"],
        arguments: [.plan],
        globals: .viewing)

    static func run(_ context: Context) throws {
        let view = try context.store.view(context.planID(), asOf: context.viewDay)
        let status = PlanStatus(plan: view.plan, asOf: context.viewDay, calendar: context.calendar)
        if context.json {
            context.printJSON(json(status, view: view, calendar: context.calendar))
        } else {
            context.output.lines(text(status, view: view))
        }
    }

    /// The plan for people, in the order a SEND improvement lead reads it.
    static func text(_ status: PlanStatus, view: PlanView) -> [String] {
        let plan = status.plan
        var lines: [String] = []
        lines.append("\(plan.area) (\(plan.id))")
        lines.append("Phase: \(plan.phase.displayName)   [framework \(plan.framework.rawValue), as of \(status.asOf.longDescription)]")
        for role in PartnerRole.allCases {
            guard let name = plan.partners.name(role) else { continue }
            let since = plan.partners.renames.last { $0.role == role }.map { " (since \($0.on.longDescription))" } ?? ""
            lines.append("\(role == .la ? "Local authority" : "Health partner"): \(name)\(since)")
        }
        let areaSEND = plan.framework == .areaSEND2023
        let letterLine = plan.lifecycleLine(of: areaSEND ? .reportPublished : .letterPublished) ?? 0
        var inspection = "Inspection: \(plan.inspection.visit.longDescription)\(estimated(plan, 1, "visit"))"
        if let letter = plan.inspection.letter {
            inspection += "; \(areaSEND ? "report" : "letter") \(letter.longDescription)\(estimated(plan, letterLine, "on"))"
        }
        if let received = plan.inspection.received {
            inspection += "; received \(received.longDescription)\(estimated(plan, letterLine, "received"))"
        }
        lines.append(inspection)
        switch plan.inspection.statementRequired {
        case true?: lines.append("A written statement of action was required.")
        case false?: lines.append("No written statement of action was required.")
        case nil: break
        }
        if areaSEND { lines += reportLines(plan) }
        for kind in FindingKind.allCases {
            let found = plan.weaknesses.filter { $0.kind == kind }
            guard !found.isEmpty else { continue }
            lines += ["", ReportText.capitalised(kind.pluralName)]
            for weakness in found {
                lines.append("  \(weakness.id)  [\(weakness.standing.description)]")
                lines.append("      \(weakness.statement)")
                if let partner = weakness.partner { lines.append("      responsible: \(partner)") }
            }
        }
        if !areaSEND && (!plan.submissions.isEmpty || !plan.judgements.isEmpty) {
            lines += ["", "Statement"]
            for entry in plan.lifecycle where entry.type == .statementSubmitted && !entry.withdrawn {
                lines.append("  submitted \(entry.on.longDescription)\(estimated(plan, entry.line, "on"))")
            }
            for judgement in plan.judgements {
                let verdict = judgement.fit ? "judged fit for purpose" : "judged not fit for purpose"
                lines.append("  \(verdict) \(judgement.on.longDescription)\(estimated(plan, judgement.line, "on"))" + (judgement.note.map { " — \($0)" } ?? ""))
            }
        }
        lines += delivery(status)
        let visits = plan.standingVisits
        if !visits.isEmpty {
            lines += ["", "Monitoring visits"]
            for visit in visits {
                let advisers = visit.advisers.isEmpty ? "" : " — \(visit.advisers.joined(separator: ", "))"
                lines.append("  \(visit.id)  \(visit.on.longDescription)\(estimated(plan, visit.line, "on"))\(advisers)\(amended(visit.id, in: plan))" + (visit.note.map { ": \($0)" } ?? ""))
                if !visit.attendees.isEmpty {
                    lines.append("      attended for the area: \(visit.attendees.map(\.description).joined(separator: ", "))")
                }
                if !visit.ratings.isEmpty {
                    let ratings = visit.ratings.keys.sorted().map { "\($0) \(visit.ratings[$0]!.rawValue)" }
                    lines.append("      ratings: \(ratings.joined(separator: ", "))")
                }
                for followUp in visit.followUps { lines.append("      follow-up: \(followUp)") }
            }
        }
        lines += followUps(status)
        if areaSEND {
            let record = AreaSENDRecord(plan).lines
            if !record.isEmpty { lines += ["", "After the report"] + record.map { "  \($0)" } }
        } else if let revisit = plan.revisit {
            let line = revisit.line
            lines += ["", "Revisit: \(revisit.visited.longDescription)\(estimated(plan, line, "visited")); "
                          + "letter \(revisit.letter.longDescription)\(estimated(plan, line, "on"))"]
            for id in revisit.outcomes.keys.sorted(by: { $0.weaknessOrder < $1.weaknessOrder }) {
                lines.append("  \(id)  \(ReportText.outcome(revisit.outcomes[id]!))")
            }
        }
        let after = EndOfMonitoring(plan)
        let afterLines = after.lines.dropFirst(plan.revisit == nil ? 0 : 1)
        if !areaSEND && (!afterLines.isEmpty || plan.phase == .acceleratedProgress) {
            lines += ["", plan.revisit == nil ? "Escalation" : "After the revisit"]
            if plan.phase == .acceleratedProgress { lines.append("  Accelerated progress plan: \(after.appSummary)") }
            lines += afterLines.map { "  \($0)" }
        }
        if let ceased = plan.ceased {
            let closed = areaSEND ? "Plan closed (the next full inspection, or DfE and NHS England's decision)" : "Monitoring ceased"
            lines += ["", "\(closed) \(ceased.longDescription)\(estimated(plan, plan.lifecycleLine(of: .monitoringCeased) ?? 0, "on"))."]
        }
        if !plan.corrections.isEmpty {
            lines += ["", "Corrections (\(plan.corrections.count); the lines corrected stay in the history)"]
            for correction in plan.corrections { lines.append("  line \(correction.line): \(correction.summary)") }
        }
        if !status.clocks.isEmpty {
            lines += ["", "Clocks"]
            let width = status.clocks.map(\.name.displayName.count).max() ?? 0
            for clock in status.clocks {
                let name = clock.name.displayName.padding(toLength: width, withPad: " ", startingAt: 0)
                lines.append("  \(name)  \(clock.dueText) — \(clock.stateText)")
            }
        }
        lines += ["", "Journal: \(view.events) events; head \(view.head)"]
        return lines
    }

    /// A 2023 report's outcome, the previous inspection and the next inspection's horizon.
    private static func reportLines(_ plan: Plan) -> [String] {
        var lines: [String] = []
        if let outcome = AreaSENDRecord(plan).outcomeLine { lines.append("Outcome: \(outcome)") }
        if let previous = plan.inspection.previousInspection { lines.append("Previous inspection: \(previous)") }
        if plan.inspection.outcome?.requiresPriorityActionPlan == true {
            lines.append("A priority action plan (area SEND) is required: \(AreaSENDRecord(plan).priorityActionPlanStatus).")
        }
        if let years = plan.inspection.nextInspectionYears { lines.append("Next full inspection: within about \(years) years.") }
        return lines
    }

    /// Workstreams, late actions, measures and evidence, for people.
    private static func delivery(_ status: PlanStatus) -> [String] {
        var lines: [String] = []
        if !status.workstreams.isEmpty {
            lines += ["", "Workstreams"]
            for summary in status.workstreams {
                let workstream = summary.workstream
                let people = [workstream.lead.map { "lead \($0)" }, workstream.accountable.map { "accountable \($0)" },
                              workstream.partners.isEmpty ? nil : "partner \(workstream.partners.map(\.rawValue).joined(separator: ", "))"]
                    .compactMap { $0 }
                lines.append("  \(workstream.id)  \(workstream.title) — addresses \(workstream.addresses.joined(separator: ", "))"
                             + amended(workstream.id, in: status.plan))
                if !people.isEmpty { lines.append("      \(people.joined(separator: "; "))") }
                let actions = summary.actions
                lines.append("      actions: \(actions.total) (\(actions.complete) complete, \(actions.overdue) overdue)")
            }
        }
        if !status.overdue.isEmpty {
            lines += ["", "Overdue actions"]
            for action in status.overdue {
                let retargets = action.retargets == 0 ? "" : ", retargeted \(action.retargets)×"
                lines.append("  \(action.id)  due \(action.due.longDescription), \(ReportText.workingDays(action.workingDaysLate)) late\(retargets) [\(action.workstream), \(ReportText.status(action.status))] — \(action.title)")
            }
        }
        if !status.measures.isEmpty {
            lines += ["", "Measures"]
            for standing in status.measures {
                let measure = standing.measure
                var line = "  \(measure.id)  \(measure.title): baseline \(ReportText.value(measure.baseline.value, unit: measure.unit))"
                if let latest = standing.latest {
                    line += " → latest \(ReportText.value(latest.value, unit: measure.unit)) (\(latest.on))"
                }
                line += "; target \(ReportText.value(measure.target.value, unit: measure.unit)) by \(measure.target.on)"
                if let national = measure.national { line += "; national \(ReportText.value(national, unit: measure.unit))" }
                lines.append(line)
                let state = [standing.trend?.rawValue, standing.onTrack.map { $0 ? "on track" : "off track" },
                             standing.targetMet ? "target met" : nil].compactMap { $0 }
                lines.append("      \(state.isEmpty ? "no readings yet" : state.joined(separator: ", "))")
            }
        }
        let evidence = EvidenceTally(status.plan.standingEvidence)
        let withdrawn = status.plan.evidence.count - evidence.count
        if evidence.count > 0 || withdrawn > 0 {
            let counts = EvidenceKind.allCases.map { "\($0.rawValue) \(evidence.counts[$0] ?? 0)" }
            let also = withdrawn == 0 ? "" : " (and \(withdrawn) withdrawn)"
            lines += ["", "Evidence: \(evidence.count) item\(evidence.count == 1 ? "" : "s")\(also) — \(counts.joined(separator: ", "))"]
            for kind in [EvidenceKind.impact, .voice] {
                if let latest = evidence.latest[kind] { lines.append("  latest \(kind.rawValue): \(latest.id) \(latest.on) — \(latest.title)") }
            }
        }
        return lines
    }

    /// Open follow-ups from visits, with owner, due date and how they stand; a count of closed ones.
    private static func followUps(_ status: PlanStatus) -> [String] {
        guard !status.followUps.isEmpty else { return [] }
        let open = status.followUps.filter(\.isOpen)
        var lines = ["", "Follow-ups from visits (\(open.count) open, \(status.followUps.count - open.count) closed)"]
        for standing in open {
            let followUp = standing.followUp, clock = standing.clock
            lines.append("  \(followUp.id)  \(followUp.title) [\(followUp.visit), owner \(followUp.owner)] — due \(followUp.due.longDescription), \(clock.stateText)")
        }
        return lines
    }

    /// " (estimated)" when the date `field` of the event at `line` was recorded as an estimate.
    private static func estimated(_ plan: Plan, _ line: Int, _ field: String) -> String {
        plan.isEstimated(line: line, field) ? " (estimated)" : ""
    }

    /// " (amended)" when the item with `id` has been corrected, so a reader knows to look at the history.
    private static func amended(_ id: String, in plan: Plan) -> String {
        plan.corrections(of: id).isEmpty ? "" : " (amended)"
    }
}

extension String {
    /// Sort key that puts W2 before W10.
    var weaknessOrder: Int { Int(dropFirst()) ?? Int.max }
}
