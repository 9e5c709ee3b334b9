import WSoAEngine

/// `wsoa deadlines`: the open clocks of every plan, soonest first.
enum DeadlinesCommand: Command {
    static let spec = CommandSpec(
        "deadlines",
        abstract: "List every plan's open deadlines, soonest first.",
        discussion: """
            The plan clocks (statement, monitoring visit, revisit, APP review), every open follow-up and every action not yet \
            complete. A deadline on a weekend or bank holiday falls due on the next working day, and \
            lateness is counted in working days from then. Overdue ones are always listed; --within DAYS \
            limits the rest to those due within DAYS calendar days. A plan that cannot be read is named \
            and the command exits 1. --format ics writes an iCalendar file to import into Outlook or another \
            calendar: an all-day event per deadline, with a stable UID (so importing a newer file updates \
            rather than duplicates), a description naming the plan, the rule and the owner, and a reminder \
            5 working days before.
            """,
        usage: ["deadlines [--within DAYS] [--as-of DATE] [--json]", "deadlines --format ics [--output FILE] [--within DAYS] [--as-of DATE]"],
        options: [.value("within", "DAYS", help: "Only deadlines due within DAYS calendar days (and any overdue)."),
                  .value("format", "FORMAT", help: "text (default) or ics (iCalendar).", choices: DeadlinesCommand.Format.shownSpellings),
                  .value("output", "FILE", help: "With --format ics: write to FILE (replaced atomically; never inside a plan's folder).")],
        globals: .viewing)

    static func run(_ context: Context) throws {
        var within: Int?
        if let text = context.arguments.value("within") {
            guard let days = Int(text), days >= 0, days <= 36_600 else {
                throw WSoAError.invalidValue(option: "--within", value: text, reason: "give a whole number of days from 0 to 36600")
            }
            within = days
        }
        let asOf = context.viewDay
        var plans: [Plan] = []
        for entry in try context.store.portfolio(asOf: asOf) {
            switch entry.view {
            case let .success(view): plans.append(view.plan)
            case .failure(.notYetInspected): continue
            case let .failure(error):
                context.output.error(CLI.explained(error))
                context.exitCode = CLI.ExitCode.failure
            }
        }
        let deadlines = Deadline.open(in: plans, asOf: asOf, within: within, calendar: context.calendar)
        let format = try context.optionalChoice("format", Format.self) ?? .text
        if format == .ics {
            guard !context.json else { throw WSoAError.invalidValue(option: "--json", value: "--format ics", reason: "give one of --json and --format ics") }
            let ics = ICalendar.document(deadlines, asOf: asOf, calendar: context.calendar)
            guard let path = context.arguments.value("output") else { return context.output.write(ics) }
            try context.store.export(Array(ics.utf8), to: path)
            context.output.line("Wrote \(deadlines.count) deadline\(deadlines.count == 1 ? "" : "s") as of \(asOf.longDescription) to \(path).")
            return
        }
        try context.refuseUnused(["output"], reason: "it only applies with --format ics")
        if context.json {
            context.printJSON(.array(deadlines.map { deadline in
                var fields = deadline.clock.json.objectValue ?? [:]
                fields["plan"] = .string(deadline.plan)
                fields["area"] = .string(deadline.area)
                fields["phase"] = .string(deadline.phase.rawValue)
                if let action = deadline.action {
                    fields["action"] = .string(action.id)
                    fields["title"] = .string(action.title)
                    fields["retargets"] = .int(Int64(action.retargets.count))
                }
                if let followUp = deadline.followUp {
                    fields["followUp"] = .string(followUp.id)
                    fields["title"] = .string(followUp.title)
                    fields["owner"] = .string(followUp.owner)
                    fields["visit"] = .string(followUp.visit)
                }
                return .object(fields)
            }))
        } else if deadlines.isEmpty {
            context.output.line("No open deadlines as of \(asOf.longDescription).")
        } else {
            var table = [["DUE", "STATE", "PLAN", "DEADLINE"]]
            for deadline in deadlines {
                let what = deadline.item.map { "\($0.id) \($0.title)" } ?? deadline.clock.name.displayName
                table.append([deadline.clock.due.description + (deadline.clock.estimated ? " (est.)" : ""), deadline.clock.stateText,
                              deadline.plan, what])
            }
            context.output.line("Open deadlines as of \(asOf.longDescription):")
            context.output.lines(TextTable.render(table))
        }
    }
}

extension DeadlinesCommand {
    /// `--format`: the listing (as text or, with `--json`, JSON) or an iCalendar file.
    enum Format: String, ChoiceValue {
        case text
        case ics
    }
}
