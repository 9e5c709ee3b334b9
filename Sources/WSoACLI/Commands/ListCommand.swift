import WSoAEngine

/// `wsoa list`: every plan in the plans directory.
enum ListCommand: Command {
    static let spec = CommandSpec(
        "list",
        abstract: "List the plans with their phase and next deadline.",
        discussion: """
            Every folder in the plans directory is listed: a plan whose journal is damaged, or a folder that \
            is not a plan wsoa can read, is named with its problem and the command exits 1; run 'wsoa verify' \
            for details. A plan with a copy of its journal that a sync tool left beside it \
            (events (… conflicted copy).jsonl and the like) is pointed out, to take in with 'wsoa merge'.
            """,
        usage: ["list [--as-of DATE] [--json]"],
        globals: .viewing)

    static func run(_ context: Context) throws {
        var rows: [[String]] = [["PLAN", "AREA", "FRAMEWORK", "PHASE", "NEXT DEADLINE"]]
        var objects: [JSONValue] = []
        var notes: [String] = []
        for entry in try context.store.portfolio(asOf: context.viewDay) {
            let copies = (try? context.store.conflictedCopies(of: entry.id)) ?? []
            notes += copies.map { "\(entry.id): \(VerifyCommand.conflictedCopyNote($0, plan: entry.id))." }
            switch entry.view {
            case let .success(view):
                let plan = view.plan
                let next = plan.nextDeadline(asOf: context.viewDay, calendar: context.calendar)
                rows.append([entry.id, plan.area, plan.framework.rawValue, plan.phase.displayName,
                             next.map { "\($0.name.displayName) \($0.due) (\(ReportText.clockState($0.state).lowercased()))" } ?? "—"])
                var fields: [String: JSONValue] = [
                    "id": .string(entry.id), "area": .string(plan.area), "framework": .string(plan.framework.rawValue),
                    "phase": .string(plan.phase.rawValue),
                    "nextDeadline": next.map(\.json) ?? .null,
                ]
                if !copies.isEmpty { fields["conflictedCopies"] = .array(copies.map(JSONValue.string)) }
                objects.append(.object(fields))
            case .failure(.notYetInspected):
                continue
            case let .failure(error):
                context.output.error(CLI.explained(error))
                context.exitCode = CLI.ExitCode.failure
                rows.append([entry.id, "?", "?", "unreadable", "—"])
                objects.append(.object(["id": .string(entry.id), "phase": .string("unreadable"), "error": .string(error.description)]))
            }
        }
        if context.json {
            context.printJSON(.array(objects))
        } else if rows.count == 1 {
            context.output.line("No plans in \(context.store.directory) yet; open one with 'wsoa new'.")
        } else {
            context.output.lines(TextTable.render(rows))
            if !notes.isEmpty { context.output.line() }
            context.output.lines(notes)
        }
    }
}
