extension TrackerImport.Importer {
    /// Refuses a row whose `column` differs from `recorded`, a value wsoa keeps as it was
    /// first recorded or works out itself; an empty cell leaves it be.
    func keep(_ row: TrackerRow, _ column: ImportColumn, as recorded: String?, _ id: String, what: String) throws {
        guard let text = row.text(column)?.collapsingWhitespace, text != recorded else { return }
        throw row.problem(column, .keptByWsoa, "\(id) has \(recorded.map { "'\($0)'" } ?? "nothing") as \(what), and the row has '\(text)'")
    }

    /// `keep(_:_:as:_:what:)` for a date.
    func keep(_ row: TrackerRow, _ column: ImportColumn, day recorded: Day?, _ id: String, what: String) throws {
        guard let day = try row.day(column), day != recorded else { return }
        throw row.problem(column, .keptByWsoa, "\(id) has \(recorded.map(\.description) ?? "no date") as \(what), and the row has \(day)")
    }

    /// The withdrawal a row asks for when it gives a "Withdrawn on" day for an item still
    /// standing, with the row's reason; `since` is the day the item was added (or is dated),
    /// which the withdrawal cannot come before.
    ///
    /// For an item the same row adds (`new`), the withdrawal is history the tracker already
    /// holds, and without a reason it says where it came from; withdrawing an item already
    /// recorded needs the row's reason.
    func withdrawal(_ row: TrackerRow, target: RecordTarget, recorded: Day?, since: Day, new: Bool = false) throws -> [Pending] {
        guard let withdrawn = try row.day(.withdrawn), withdrawn != recorded else { return [] }
        if let recorded {
            throw row.problem(.withdrawn, .keptByWsoa, "\(target.description) was withdrawn on \(recorded), and the row says \(withdrawn)")
        }
        try checkWithdrawn(withdrawn, row, since: since, target.description)
        let history = "Withdrawn on \(withdrawn) in the tracker \(file), row \(row.row), from which it was imported."
        guard let reason = row.text(.reason) ?? (new ? history : nil) else {
            throw row.problem(.withdrawn, .reasonGiven, "\(target.description) would be withdrawn, and the row gives no reason (add a \"Reason\" column)")
        }
        return [Pending(words: "withdrawn on \(withdrawn)", command: .withdraw(on: withdrawn, target: target, reason: reason), column: .withdrawn,
                        dated: .withdrawn)]
    }

    /// Refuses a withdrawal on `day` of `item`, added (or dated) on `since`, when it comes
    /// first: the record's rules do not check a withdrawal's day, which a person's
    /// `withdraw` never chooses (it is today), so a tracker's is checked here.
    private func checkWithdrawn(_ day: Day, _ row: TrackerRow, since: Day, _ item: String) throws {
        guard day < since else { return }
        throw row.problem(.withdrawn, .validValue, "\(item) would be withdrawn on \(day), before \(since), the day it was added or is dated; "
                            + "give the day it was withdrawn")
    }
}
