extension WorkingCalendar {
    /// The day a deadline on `due` really falls: `due` itself when it is a working day, else
    /// the first working day after it.
    ///
    /// Nobody can be expected to deliver on a Saturday or a bank holiday, so a deadline on one
    /// is kept by the next working day: a statement due on Saturday is "due today" on the
    /// Monday, and late only from the Tuesday. Every clock and action goes through this rule,
    /// so a deadline reads the same in `status`, `deadlines` and the report.
    public func effectiveDue(_ due: Day) -> Day {
        isWorkingDay(due) ? due : adding(workingDays: 1, to: due)
    }

    /// Whether a deadline on `due`, not yet met, is overdue at `asOf`: only once its
    /// ``effectiveDue(_:)`` day has passed.
    public func isOverdue(due: Day, asOf: Day) -> Bool {
        asOf > effectiveDue(due)
    }

    /// How late `day` is for a deadline on `due`, in working days counted from its
    /// ``effectiveDue(_:)`` day: negative when early (the working days still left), 0 on
    /// that day, positive when late.
    ///
    /// Late is at least 1 on any day after the effective due day, so the Saturday after a
    /// Friday deadline (no working day since) is 1 working day late, never "on the due day";
    /// early is always at least 1 before it, because the effective due day is a working day.
    public func workingDaysLate(due: Day, on day: Day) -> Int {
        let effective = effectiveDue(due)
        let count = workingDays(from: effective, to: day)
        return day > effective ? max(1, count) : count
    }
}
