extension TrackerImport.Importer {
    /// What a row of an actions tracker asks for.
    ///
    /// A new action is added on its "Added on" day (else today) with its first due date, moved
    /// to its due date when the two differ, then given its status on the day it was reported
    /// (completed), and withdrawn when the tracker says so. An existing action gets the
    /// amendments, the retarget (with the row's reason), the status report and the withdrawal
    /// its row asks for; columns wsoa works out must be left as they are.
    mutating func actionRequest(_ row: TrackerRow) throws -> (String, [Pending]) {
        let match = try match(row)
        let status = try row.choice(.status, ActionStatus.allCases.map { ($0, Self.words(for: $0)) }, what: "an action's status")
        switch match {
        case let .new(id):
            return (id, try newAction(id, row, status: status))
        case let .existing(index):
            return (plan.actions[index].id, try changes(to: plan.actions[index], row, status: status))
        }
    }

    /// Every word a status is known by: the report's ("at risk"), the command line's and the
    /// journal's, and "completed".
    static func words(for status: ActionStatus) -> [String] {
        [ReportText.status(status), status.rawValue] + (status == .complete ? ["completed", "done"] : [])
    }

    /// The commands that add action `id` as its row describes it, with the history the row
    /// holds (a moved due date, a status report, a withdrawal).
    private func newAction(_ id: String, _ row: TrackerRow, status: ActionStatus?) throws -> [Pending] {
        let workstream = try row.required(.workstream, for: "action")
        let title = try row.required(.title, for: "action")
        guard let due = try row.day(.due) else { throw row.problem(.due, .validValue, "a new action needs its due date, and the cell is empty") }
        let added = try row.day(.added) ?? today
        let first = try row.day(.firstDue) ?? due
        let lead = row.text(.lead)
        var pending = [Pending(words: "added to workstream '\(workstream.collapsingWhitespace)', due \(first)", command:
                                .addAction(on: added, workstream: workstream.collapsingWhitespace, title: title, lead: lead, due: first),
                               column: nil, dated: .added, referenced: .workstream)]
        if first != due {
            let reason = row.reason(or: "Due date moved from \(first) to \(due) before the action was imported from the tracker \(file), row \(row.row).")
            pending.append(Pending(words: "due date moved to \(due)", command:
                                    .retargetAction(on: added, id: id, due: due, reason: reason, agreedWith: row.text(.agreedWith)),
                                   column: .due, dated: .added))
        }
        let reported = try row.day(.lastReported), completed = try row.day(.completed)
        if completed != nil, status != .complete {
            throw row.problem(.completed, .validValue, "the row gives a completion date, and its status is \(ReportText.status(status ?? .notStarted)), not complete")
        }
        let reportedStatus = status ?? .notStarted
        if reportedStatus != .notStarted || reported != nil {
            let on = completed ?? reported ?? today
            pending.append(Pending(words: "status \(ReportText.status(reportedStatus)), reported \(on)", command:
                                    .updateAction(on: on, id: id, status: reportedStatus, note: row.text(.note)), column: .status,
                                   dated: completed == nil ? .lastReported : .completed))
        }
        return pending + (try withdrawal(row, target: .action(id), recorded: nil, since: added, new: true))
    }

    /// The commands that bring `action` to what its row says, nothing when it says what the
    /// record holds.
    private func changes(to action: ActionItem, _ row: TrackerRow, status given: ActionStatus?) throws -> [Pending] {
        let id = action.id
        try keep(row, .workstream, as: action.workstream, id, what: "the workstream of an action, which stays in the workstream it was added to")
        try keep(row, .added, day: action.added, id, what: "the day the action was added")
        try keep(row, .firstDue, day: action.originalDue, id, what: "its first due date")
        var pending: [Pending] = []
        var changes = Amendment()
        if let title = row.text(.title)?.collapsingWhitespace, title != action.title { changes.title = title }
        if let lead = row.text(.lead)?.collapsingWhitespace, lead != action.lead { changes.lead = lead }
        if !changes.fieldNames.isEmpty {
            pending.append(Pending(words: "amended: " + changes.descriptions.joined(separator: ", "), command:
                                    .amend(on: today, target: .action(id), changes: changes, reason: importedReason(row)), column: nil))
        }
        let status = given ?? action.status
        let reported = try row.day(.lastReported), completed = try row.day(.completed)
        // A report date no later than the record's latest is the tracker's copy of a report
        // already recorded (or of one since superseded), not a new report.
        let reportChanged = reported.map { day in action.lastReported.map { day > $0 } ?? true } ?? false
        let statusChanged = status != action.status
        if let completed, !statusChanged, completed != action.completed {
            let recorded = action.completed.map { "\(id) was reported complete on \($0)" } ?? "\(id) is not complete"
            throw row.problem(.completed, .keptByWsoa, recorded + "; a completion date comes from the status report, which 'wsoa advance PLAN correct' corrects")
        }
        let on = reportChanged ? reported! : (statusChanged && status == .complete ? completed : nil) ?? today
        let dated: ImportColumn = reportChanged || completed == nil ? .lastReported : .completed
        if let due = try row.day(.due), due != action.due {
            guard let reason = row.text(.reason) else {
                throw row.problem(.due, .reasonGiven, "\(id)'s due date would move from \(action.due) to \(due), and the row gives no reason "
                                    + "(add a \"Reason\" column: the board sees every moved date and why)")
            }
            pending.append(Pending(words: "due date moved from \(action.due) to \(due)", command:
                                    .retargetAction(on: on, id: id, due: due, reason: reason, agreedWith: row.text(.agreedWith)), column: .due,
                                   dated: dated))
        }
        if statusChanged || reportChanged {
            pending.append(Pending(words: "status \(ReportText.status(status)), reported \(on)", command:
                                    .updateAction(on: on, id: id, status: status, note: row.text(.note)), column: .status, dated: dated))
        }
        pending += try withdrawal(row, target: .action(id), recorded: action.withdrawn, since: action.added)
        return pending
    }
}
