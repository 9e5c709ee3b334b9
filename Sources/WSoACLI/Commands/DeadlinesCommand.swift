import WSoAEngine

/// `wsoa deadlines`: the open clocks of every plan, soonest first.
enum DeadlinesCommand: Command {
    static let spec = CommandSpec(
        "deadlines",
        abstract: "List every plan's open deadlines, soonest first.",
        discussion: "Overdue clocks are always listed; --within DAYS limits the rest to those due within DAYS calendar days.",
        usage: ["deadlines [--within DAYS] [--as-of DATE] [--json]"],
        options: [.value("within", "DAYS", help: "Only deadlines due within DAYS calendar days (and any overdue).")])

    static func run(_ context: Context) throws {
        var within: Int?
        if let text = context.arguments.value("within") {
            guard let days = Int(text), days >= 0, days <= 36_600 else {
                throw WSoAError.invalidValue(option: "--within", value: text, reason: "give a whole number of days from 0 to 36600")
            }
            within = days
        }
        let asOf = context.viewDay
        var found: [(plan: Plan, clock: Clock)] = []
        for id in try context.store.planIDs() {
            do {
                let plan = try context.store.load(id, asOf: context.viewDay).plan
                for clock in plan.clocks(asOf: asOf, calendar: context.calendar) where clock.state != .met {
                    if let within, clock.state != .overdue, asOf.days(to: clock.due) > within { continue }
                    found.append((plan, clock))
                }
            } catch WSoAError.notYetInspected {
                continue
            } catch let error as WSoAError {
                context.output.error(error.description)
                context.exitCode = CLI.ExitCode.failure
            }
        }
        found.sort { ($0.clock.due, $0.plan.id) < ($1.clock.due, $1.plan.id) }
        if context.json {
            context.printJSON(.array(found.map { item in
                var fields = item.clock.json.objectValue ?? [:]
                fields["plan"] = .string(item.plan.id)
                fields["area"] = .string(item.plan.area)
                fields["phase"] = .string(item.plan.phase.rawValue)
                return .object(fields)
            }))
        } else if found.isEmpty {
            context.output.line("No open deadlines as of \(asOf.longDescription).")
        } else {
            var rows = [["DUE", "STATE", "PLAN", "DEADLINE"]]
            for (plan, clock) in found {
                rows.append([clock.due.description + (clock.estimated ? " (est.)" : ""), clock.stateText, plan.id,
                             clock.name.displayName])
            }
            context.output.line("Open deadlines as of \(asOf.longDescription):")
            context.output.write(TextTable.render(rows))
        }
    }
}
