import WSoAEngine

/// `wsoa deadlines`: the open clocks of every plan, soonest first.
enum DeadlinesCommand: Command {
    static let spec = CommandSpec(
        "deadlines",
        abstract: "List every plan's open deadlines, soonest first.",
        discussion: """
            The plan clocks (statement, monitoring visit, revisit, APP review) and every action not yet \
            complete. Overdue ones are always listed; --within DAYS limits the rest to those due within \
            DAYS calendar days.
            """,
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
        // Only each plan's heading is kept, not the plan, and of each open action only what is shown:
        // a portfolio of long plans would not fit in memory (an `ActionItem` read from a snapshot
        // keeps the whole snapshot's bytes, for its status history).
        var found: [(plan: Heading, clock: Clock)] = []
        var actions: [(plan: Heading, action: OpenAction)] = []
        // Two plans at a time, one on each core.
        try context.store.loadEach(context.store.planIDs(), asOf: context.viewDay) { id, loaded in
            do {
                let plan = try loaded.get().plan
                let heading = Heading(id: plan.id, area: plan.area, phase: plan.phase)
                for clock in plan.clocks(asOf: asOf, calendar: context.calendar) where clock.state != .met {
                    if let within, clock.state != .overdue, asOf.days(to: clock.due) > within { continue }
                    found.append((heading, clock))
                }
                for action in plan.actions where action.status != .complete {
                    if let within, !action.isOverdue(asOf: asOf), asOf.days(to: action.due) > within { continue }
                    actions.append((heading, OpenAction(action)))
                }
            } catch WSoAError.notYetInspected {
                return
            } catch let error as WSoAError {
                context.output.error(error.description)
                context.exitCode = CLI.ExitCode.failure
            }
        }
        // Actions are shown as clocks of their own, so one list reads soonest first.
        let unsorted: [(plan: Heading, clock: Clock, action: OpenAction?)] =
            found.map { ($0.plan, $0.clock, nil) }
            + actions.map { ($0.plan, Clock(name: .action, due: $0.action.due, met: nil, asOf: asOf, calendar: context.calendar), $0.action) }
        // Sorted by index on precomputed keys: moving the rows themselves (each holding a whole
        // plan) costs far more than comparing, with tens of thousands of actions.
        let keys = unsorted.map { ($0.clock.due, $0.plan.id, $0.action?.id.weaknessOrder ?? 0) }
        let rows = unsorted.indices.sorted { keys[$0] < keys[$1] }.map { unsorted[$0] }
        if context.json {
            context.printJSON(.array(rows.map { item in
                var fields = item.clock.json.objectValue ?? [:]
                fields["plan"] = .string(item.plan.id)
                fields["area"] = .string(item.plan.area)
                fields["phase"] = .string(item.plan.phase.rawValue)
                if let action = item.action {
                    fields["action"] = .string(action.id)
                    fields["title"] = .string(action.title)
                    fields["retargets"] = .int(Int64(action.retargets))
                }
                return .object(fields)
            }))
        } else if rows.isEmpty {
            context.output.line("No open deadlines as of \(asOf.longDescription).")
        } else {
            var table = [["DUE", "STATE", "PLAN", "DEADLINE"]]
            for (plan, clock, action) in rows {
                let what = action.map { "\($0.id) \($0.title)" } ?? clock.name.displayName
                table.append([clock.due.description + (clock.estimated ? " (est.)" : ""), clock.stateText, plan.id, what])
            }
            context.output.line("Open deadlines as of \(asOf.longDescription):")
            context.output.write(TextTable.render(table))
        }
    }
}

extension DeadlinesCommand {
    /// What a deadline row shows of its plan.
    struct Heading {
        let id: String
        let area: String
        let phase: Phase
    }

    /// What a deadline row shows of an open action.
    struct OpenAction {
        let id: String
        let title: String
        let due: Day
        /// How many times it was retargeted.
        let retargets: Int

        init(_ action: ActionItem) {
            id = action.id
            title = action.title
            due = action.due
            retargets = action.retargets.count
        }
    }
}
