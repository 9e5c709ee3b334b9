import WSoAEngine

extension Context {
    /// Decides `command` against plan `id` under its lock, appends the events, and says what
    /// was recorded. A refusal writes nothing (and keeps no copy of `files`) and throws the
    /// rule's sentence.
    func record(_ command: PlanCommand, in id: String, keeping files: [EvidenceFile] = []) throws {
        try refuseAsOf()
        let recorded = try store.record(command, in: id, by: by(), recorded: recorded,
                                        personalDataAllowed: arguments.flag("allow-personal-data"), today: today, keeping: files)
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
            output.line("Recorded \(Self.recordedWords(entry.event.type, id: entry.event.recordID)) for \(plan.id) on \(entry.event.on.longDescription) (line \(entry.seq)).")
        }
        reportFiles(recorded)
        guard plan.phase != recorded.before else { return }
        output.line("\(plan.id) is now in the phase '\(plan.phase.displayName)'.")
        if plan.phase == .acceleratedProgress, recorded.entries.last?.event.type == .revisitReported {
            let sufficient = plan.weaknesses.filter { $0.monitored && $0.outcome == .sufficient }.map(\.id)
            let release = sufficient.isEmpty ? "" : ", and DfE and NHS England's release of \(sufficient.joined(separator: ", ")) from monitoring, "
                + "when they decide it, with 'wsoa advance \(plan.id) release --on DATE --weakness \(sufficient.joined(separator: ","))'"
            output.line("Next: record the accelerated progress plan with 'wsoa advance \(plan.id) app-submit --on DATE'\(release).")
        }
        let open = plan.clocks(asOf: today, calendar: calendar).filter { $0.state != .met }
        guard !open.isEmpty else { return }
        // Said plainly, because a back-filled event (--on months ago) did not have these clocks on its day.
        output.line("Open clocks as of today (\(today.longDescription)):")
        for clock in open {
            output.line("  \(clock.name.displayName): \(clock.dueText) — \(clock.stateText)")
        }
    }

    /// The event's words, with the id it gives or changes, as the object of "Recorded …":
    /// "letter published", "action added A3", "a monitoring visit V2", "a correction of A3".
    ///
    /// The words that name a thing take "a"; the others say what happened, as a heading does.
    static func recordedWords(_ type: EventType, id: String?) -> String {
        switch type {
        case .monitoringVisitHeld:
            return "a " + type.words + (id.map { " \($0)" } ?? "")
        case .recordAmended, .recordWithdrawn:
            return "a " + type.words + (id.map { " of \($0)" } ?? "")
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .revisitReported, .monitoringCeased,
             .partnerRenamed, .workstreamAdded, .actionAdded, .actionUpdated, .actionRetargeted, .measureAdded,
             .measureRecorded, .evidenceAdded, .followUpAdded, .followUpClosed, .weaknessesReleased, .appRequested, .appSubmitted, .appJudged,
             .appPublished, .progressReviewHeld, .escalationIssued, .revisitDirected, .reportPublished, .strategicPlanPublished, .priorityActionPlanSubmitted, .priorityActionPlanJudged, .monitoringInspectionReported, .deadlineSet,
             .lineSetAside:
            return type.words + (id.map { " \($0)" } ?? "")
        }
    }
}
