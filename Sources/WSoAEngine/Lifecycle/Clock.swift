/// A deadline at an as-of day: when it is due, and how it stands.
public struct Clock: Hashable, Sendable {
    /// Which deadline.
    public let name: ClockName
    /// The day it falls due.
    public let due: Day
    /// How it stands at the as-of day.
    public let state: ClockState
    /// Whether the due day is an estimate (counted from the letter date because the day the
    /// report was received is not recorded).
    public let estimated: Bool
    /// Where the due day comes from, when it is a default or a date given rather than a rule
    /// of the lifecycle: "default: 30 working days from receipt of the final report (…)".
    public let basis: String?
    /// The national pauses the clock overlapped, each with the days it added to the due day.
    public let pauses: [Pause]
    /// The day it was met, when `state == .met`.
    public let met: Day?
    /// Working days from the due day to `met` (negative when early, 0 on the day, positive when
    /// late), counted from the first working day on or after the due day, as
    /// ``WorkingCalendar/workingDaysLate(due:on:)`` says.
    public let workingDaysLate: Int?
    /// Working days from the as-of day to the due day (negative when overdue), when not met;
    /// the same count as `workingDaysLate`, with the sign turned round.
    public let workingDaysLeft: Int?

    /// A clock whose state is worked out from the as-of day.
    ///
    /// A due day on a weekend or bank holiday is kept by the next working day
    /// (``WorkingCalendar/effectiveDue(_:)``): the clock is "due today" (0 left) only on that
    /// day and overdue only after it. `dueSoon` means due within 10 working days, as DESIGN.md
    /// §5 sets.
    public init(name: ClockName, due: Day, estimated: Bool = false, basis: String? = nil, pauses: [Pause] = [], met: Day?, asOf: Day,
                calendar: WorkingCalendar) {
        self.name = name
        self.due = due
        self.basis = basis
        self.pauses = pauses
        self.estimated = estimated
        self.met = met
        if let met {
            state = .met
            workingDaysLate = calendar.workingDaysLate(due: due, on: met)
            workingDaysLeft = nil
        } else {
            let left = -calendar.workingDaysLate(due: due, on: asOf)
            workingDaysLate = nil
            workingDaysLeft = left
            state = left < 0 ? .overdue : (left <= Clock.dueSoonWorkingDays ? .dueSoon : .pending)
        }
    }

    /// How many working days ahead a deadline counts as due soon.
    public static let dueSoonWorkingDays = 10
}

extension Clock {
    /// A national pause a clock overlapped, and the days it added.
    public struct Pause: Hashable, Sendable {
        /// The pause.
        public let pause: NationalPause
        /// The days of it the clock ran through, added to its due day.
        public let days: Int

        /// "paused nationally 17 Mar 2020 – 31 Mar 2021, revisits suspended for COVID-19:
        /// 380 days added".
        public var description: String {
            "paused nationally \(pause.span), \(pause.what): \(days) day\(days == 1 ? "" : "s") added"
        }
    }
}
