extension ActionItem {
    /// Whether it is not complete and past its due date in force at `asOf`, a due date on a
    /// weekend or bank holiday being kept by the next working day
    /// (``WorkingCalendar/isOverdue(due:asOf:)``).
    public func isOverdue(asOf: Day, calendar: WorkingCalendar) -> Bool {
        withdrawn == nil && status != .complete && calendar.isOverdue(due: due, asOf: asOf)
    }

    /// Working days past due at `asOf` (0 when not overdue): the one measure of lateness people
    /// are shown.
    public func workingDaysLate(asOf: Day, calendar: WorkingCalendar) -> Int {
        isOverdue(asOf: asOf, calendar: calendar) ? calendar.workingDaysLate(due: due, on: asOf) : 0
    }

    /// Calendar days past the due date in force at `asOf` (0 when not overdue).
    ///
    /// Kept only for the `daysLate` key that the JSON outputs have always carried; text says
    /// ``workingDaysLate(asOf:calendar:)``.
    public func daysLate(asOf: Day, calendar: WorkingCalendar) -> Int {
        isOverdue(asOf: asOf, calendar: calendar) ? due.days(to: asOf) : 0
    }
}
