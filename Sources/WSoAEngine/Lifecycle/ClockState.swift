/// How a clock stands at the as-of day.
public enum ClockState: String, Sendable, CaseIterable {
    /// Due more than 10 working days away.
    case pending
    /// Due within 10 working days (or today).
    case dueSoon
    /// Not met, and past the first working day on or after the due day (a deadline on a
    /// weekend or bank holiday is kept by the next working day).
    case overdue
    /// Done; `Clock.met` and `Clock.workingDaysLate` say when.
    case met
}
