import WSoAEngine

/// `wsoa history`: every journal line of a plan, oldest first.
enum HistoryCommand: Command {
    static let spec = CommandSpec(
        "history",
        abstract: "Show every event recorded for a plan, oldest first.",
        discussion: "With --as-of DATE, only events that took effect on or before DATE.",
        usage: ["history PLAN [--as-of DATE] [--json]"],
        arguments: [.plan])

    static func run(_ context: Context) throws {
        let entries = try context.store.entries(context.planID())
            .filter { entry in context.asOf.map { entry.event.on <= $0 } ?? true }
        if context.json {
            context.printJSON(.array(entries.map(\.json)))
            return
        }
        for entry in entries {
            context.output.line("\(entry.seq).  \(entry.event.on)  \(entry.event.type.rawValue)  \(summary(entry.event))")
            context.output.line("      recorded \(entry.recorded) by \(entry.by)")
            if let note = entry.event.note { context.output.line("      note: \(note)") }
        }
    }

    /// The event's facts in a line.
    static func summary(_ event: PlanEvent) -> String {
        switch event {
        case let .planCreated(created):
            return "\(created.area), inspected \(created.visit.longDescription)"
        case let .letterPublished(_, received, required, weaknesses, _):
            let receipt = received.map { "; received \($0.longDescription)" } ?? ""
            return required
                ? "WSoA required for \(weaknesses.count) area\(weaknesses.count == 1 ? "" : "s") of significant weakness\(receipt)"
                : "no WSoA required\(receipt)"
        case .statementSubmitted:
            return "statement submitted"
        case let .statementJudged(_, fit, _):
            return fit ? "fit for purpose" : "not fit for purpose"
        case let .monitoringVisitHeld(_, advisers, ratings, _, _):
            let with = advisers.isEmpty ? "" : " with \(advisers.joined(separator: ", "))"
            let rated = ratings.isEmpty ? "" : "; ratings " + ratings.keys.sorted().map { "\($0) \(ratings[$0]?.rawValue ?? "")" }.joined(separator: ", ")
            return "monitoring visit\(with)\(rated)"
        case let .revisitReported(_, visited, outcomes, _):
            let sufficient = outcomes.filter { $0.value == .sufficient }.keys.sorted { $0.weaknessOrder < $1.weaknessOrder }
            let insufficient = outcomes.filter { $0.value == .insufficient }.keys.sorted { $0.weaknessOrder < $1.weaknessOrder }
            var parts = ["revisited \(visited.longDescription)"]
            if !sufficient.isEmpty { parts.append("sufficient: \(sufficient.joined(separator: ", "))") }
            if !insufficient.isEmpty { parts.append("insufficient: \(insufficient.joined(separator: ", "))") }
            return parts.joined(separator: "; ")
        case .monitoringCeased:
            return "monitoring ceased"
        case let .partnerRenamed(_, role, name, _):
            return "\(role == .la ? "local authority" : "health partner") now called \(name)"
        case let .workstreamAdded(_, workstream):
            return "workstream \(workstream.id): \(workstream.title) (addresses \(workstream.addresses.joined(separator: ", ")))"
        case let .actionAdded(_, id, workstream, title, _, due):
            return "\(id) [\(workstream)] due \(due): \(title)"
        case let .actionUpdated(_, id, status, _):
            return "\(id) is \(status.rawValue)"
        case let .actionRetargeted(_, id, due, reason, agreedWith):
            return "\(id) now due \(due): \(reason)" + (agreedWith.map { " (agreed with \($0))" } ?? "")
        case let .measureAdded(_, measure):
            return "\(measure.id) [\(measure.workstream)] \(measure.title)"
        case let .measureRecorded(_, id, value):
            return "\(id) = \(NumberText.format(value))"
        case let .evidenceAdded(evidence):
            return "\(evidence.id) [\(evidence.workstream)\(evidence.weakness.map { ", \($0)" } ?? "")] \(evidence.kind.rawValue): \(evidence.title)"
        }
    }
}
