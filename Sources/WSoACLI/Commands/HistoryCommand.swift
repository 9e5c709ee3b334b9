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
        let entries = try context.store.history(context.planID())
            .filter { entry in context.asOf.map { entry.event.on <= $0 } ?? true }
        if context.json {
            context.printJSON(.array(entries.map(\.json)))
            return
        }
        for entry in entries {
            context.output.line("\(entry.seq).  \(entry.event.on)  \(entry.event.type.rawValue)  \(entry.event.summary)")
            context.output.line("      recorded \(entry.recorded) by \(entry.by)")
            if let note = entry.event.note { context.output.line("      note: \(note)") }
        }
    }
}
