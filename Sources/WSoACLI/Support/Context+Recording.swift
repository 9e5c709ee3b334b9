import WSoAEngine

extension Context {
    /// Decides `command` against plan `id` under its lock, appends the events, and says what
    /// was recorded. A refusal writes nothing (and keeps no copy of `files`) and throws the
    /// rule's sentence.
    func record(_ command: PlanCommand, in id: String, keeping files: [EvidenceFile] = []) throws {
        try refuseAsOf()
        let recorded = try store.record(command, in: id, by: by(), recorded: recorded,
                                        personalDataAllowed: arguments.flag("allow-personal-data"), keeping: files)
        report(recorded)
    }

    /// Prints what was just written: JSON lines for machines, a sentence and the open clocks
    /// for people.
    ///
    /// The phase and open clocks are shown only when a lifecycle event moved the plan on.
    func report(_ recorded: Recorded) {
        let plan = recorded.plan
        if json {
            var fields: [String: JSONValue] = [
                "plan": .string(plan.id),
                "phase": .string(plan.phase.rawValue),
                "recorded": .array(recorded.entries.map(\.json)),
            ]
            fields["copies"] = Context.copiesJSON(recorded)
            printJSON(.object(fields))
            return
        }
        for entry in recorded.entries {
            output.line("Recorded \(entry.event.type.rawValue)\(entry.event.recordID.map { " \($0)" } ?? "") for \(plan.id) on \(entry.event.on.longDescription) (line \(entry.seq)).")
        }
        reportFiles(recorded)
        guard plan.phase != recorded.before else { return }
        output.line("\(plan.id) is now \(plan.phase.rawValue) (\(plan.phase.displayName)).")
        for clock in plan.clocks(asOf: today, calendar: calendar) where clock.state != .met {
            output.line("  \(clock.name.displayName): \(clock.dueText) — \(clock.stateText)")
        }
    }
}
