import WSoAEngine

extension Context {
    /// Decides `command` against plan `id` under its lock, appends the events, and says what
    /// was recorded. A refusal writes nothing and throws the rule's sentence.
    func record(_ command: PlanCommand, in id: String) throws {
        try refuseAsOf()
        var before: Phase?
        var after: Plan?
        let allowed = arguments.flag("allow-personal-data")
        let entries = try store.append(id, by: by, recorded: recorded, personalDataAllowed: allowed) { plan in
            let events = try Plan.decide(command, on: plan, allowingPersonalData: allowed)
            before = plan.phase
            // Only lifecycle events change what `report` shows (the phase and clocks); folding the
            // others would copy a long plan's lists for nothing.
            var next = plan
            for event in events where event.type.isLifecycle { next.apply(event) }
            after = next
            return events
        }
        guard let plan = after else { return }
        report(entries, plan: plan, phaseBefore: before)
        // A copy of the plan the append read, sharing its storage: kept, it spares freeing that.
        ExitReclaim.keep(plan, events: entries.last?.seq ?? 0)
    }

    /// Prints what was just written: JSON lines for machines, a sentence and the open clocks
    /// for people.
    ///
    /// The phase and open clocks are shown only when a lifecycle event moved the plan on.
    func report(_ entries: [JournalEntry], plan: Plan, phaseBefore: Phase? = nil) {
        if json {
            printJSON(.object([
                "plan": .string(plan.id),
                "phase": .string(plan.phase.rawValue),
                "recorded": .array(entries.map(\.json)),
            ]))
            return
        }
        for entry in entries {
            output.line("Recorded \(entry.event.type.rawValue)\(entry.event.recordID.map { " \($0)" } ?? "") for \(plan.id) on \(entry.event.on.longDescription) (line \(entry.seq)).")
        }
        guard plan.phase != phaseBefore else { return }
        output.line("\(plan.id) is now \(plan.phase.rawValue) (\(plan.phase.displayName)).")
        for clock in plan.clocks(asOf: today, calendar: calendar) where clock.state != .met {
            output.line("  \(clock.name.displayName): \(clock.dueText) — \(clock.stateText)")
        }
    }
}
