/// How a clock stands at the as-of day.
public enum ClockState: String, Sendable, CaseIterable {
    /// Due more than 10 working days away.
    case pending
    /// Due within 10 working days (or today).
    case dueSoon
    /// Past due and not met.
    case overdue
    /// Done; `Clock.met` and `Clock.workingDaysLate` say when.
    case met
}
