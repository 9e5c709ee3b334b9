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

}
