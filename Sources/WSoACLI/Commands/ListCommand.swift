import WSoAEngine

/// `wsoa list`: every plan in the plans directory.
enum ListCommand: Command {
    static let spec = CommandSpec(
        "list",
        abstract: "List the plans with their phase and next deadline.",
        discussion: "A plan whose journal is damaged is listed as damaged and the command exits 1; run 'wsoa verify' for details.",
        usage: ["list [--as-of DATE] [--json]"])

    static func run(_ context: Context) throws {
        var rows: [[String]] = [["PLAN", "AREA", "PHASE", "NEXT DEADLINE"]]
        var objects: [JSONValue] = []
        // Two plans at a time, one on each core.
        try context.store.loadEach(context.store.planIDs(), asOf: context.viewDay) { id, loaded in
            do {
                let plan = try loaded.get().plan
                let next = plan.clocks(asOf: context.viewDay, calendar: context.calendar)
                    .filter { $0.state != .met }.min { $0.due < $1.due }
                rows.append([id, plan.area, plan.phase.rawValue,
                             next.map { "\($0.name.rawValue) \($0.due) (\($0.state.rawValue))" } ?? "—"])
                objects.append(.object([
                    "id": .string(id), "area": .string(plan.area), "phase": .string(plan.phase.rawValue),
                    "nextDeadline": next.map(\.json) ?? .null,
                ]))
            } catch WSoAError.notYetInspected {
                return
            } catch let error as WSoAError {
                context.output.error(error.description)
                context.exitCode = CLI.ExitCode.failure
                rows.append([id, "?", "damaged", "—"])
                objects.append(.object(["id": .string(id), "phase": .string("damaged"), "error": .string(error.description)]))
            }
        }
        if context.json {
            context.printJSON(.array(objects))
        } else if rows.count == 1 {
            context.output.line("No plans in \(context.store.directory) yet; open one with 'wsoa new'.")
        } else {
            context.output.write(TextTable.render(rows))
        }
    }
}
