import WSoAEngine

/// `wsoa history`: every journal line of a plan, in the order things happened.
enum HistoryCommand: Command {
    static let spec = CommandSpec(
        "history",
        abstract: "Show every event recorded for a plan, in the order they took effect.",
        discussion: """
            Lines are in business-date order (the date each took effect), then in the order recorded; each \
            shows its journal line number, and a line corrected or withdrawn later says by which line. A line \
            that a merge of two copies of the plan moved says which copy it came from ('wsoa merge'). \
            KIND is lifecycle, visit, partner, workstream, action, measure, evidence, follow-up, correction or \
            merge (a line naming what a merge set aside, which --workstream shows under the workstream of the \
            item it was about). \
            With --as-of DATE, only events that took effect on or before DATE.
            """,
        usage: ["history PLAN [--since DATE] [--workstream ID] [--kind KIND,…] [--as-of DATE] [--json]"],
        arguments: [.plan],
        options: [
            .value("since", "DATE", help: "Only events that took effect on or after DATE."),
            .value("workstream", "ID", help: "Only events about this workstream, its actions, measures and evidence."),
            .repeated("kind", "KIND,…", help: "Only these kinds of event (repeat or use commas).", choices: HistoryKind.shownSpellings),
        ],
        globals: .viewing)

    static func run(_ context: Context) throws {
        let id = try context.planID()
        let since = try context.optionalDay("since")
        let kinds = Set(try context.choices("kind", HistoryKind.self) ?? [])
        let history = PlanHistory(try context.store.history(id))
        let workstream = context.arguments.value("workstream")
        if let workstream, !history.lines.contains(where: { $0.entry.event.type == .workstreamAdded && $0.workstream == workstream }) {
            throw WSoAError.invalidValue(option: "--workstream", value: workstream, reason: "\(id) has no such workstream")
        }
        let lines = history.lines(since: since, workstream: workstream, kinds: kinds)
            .filter { line in context.asOf.map { line.entry.event.on <= $0 } ?? true }
        if context.json {
            context.printJSON(.array(lines.map(\.entry.json)))
            return
        }
        for line in lines {
            let entry = line.entry
            context.output.line("\(entry.seq).  \(entry.event.on)  \(entry.event.type.words)  \(entry.event.summary)")
            context.output.line("      recorded \(entry.recorded) by \(entry.by)" + (entry.merged.map { "; \($0.description)" } ?? ""))
            if let note = entry.event.note { context.output.line("      note: \(note)") }
            for correction in line.correctedBy {
                switch correction.event {
                case let .recordAmended(amended):
                    context.output.line("      corrected by line \(correction.seq) on \(amended.on): \(amended.changes.descriptions.joined(separator: "; "))")
                default:
                    context.output.line("      withdrawn by line \(correction.seq) on \(correction.event.on)")
                }
            }
        }
    }
}
