/// A set of actions counted by where they stand at the as-of day.
///
/// Every action is in exactly one bucket, so the buckets add up to `total`: complete first,
/// then overdue (past its due date in force, whatever its reported status, a due date on a
/// weekend or bank holiday being kept by the next working day), then the status its lead
/// last reported.
public struct ActionTally: Hashable, Sendable {
    /// Every action counted.
    public private(set) var total = 0
    /// Reported complete.
    public private(set) var complete = 0
    /// Not complete and past the due date now in force.
    public private(set) var overdue = 0
    /// Not yet due, reported on track.
    public private(set) var onTrack = 0
    /// Not yet due, reported at risk.
    public private(set) var atRisk = 0
    /// Not yet due, reported off track.
    public private(set) var offTrack = 0
    /// Not yet due, not started.
    public private(set) var notStarted = 0

    /// Counts `actions` as they stand at `asOf`, due dates kept by the working days of `calendar`.
    public init(_ actions: [ActionItem], asOf: Day, calendar: WorkingCalendar) {
        for index in actions.indices { add(actions[index], asOf: asOf, calendar: calendar) }
    }

    /// No actions yet; `add` counts them one by one.
    init() {}

    /// Counts `action` as it stands at `asOf`.
    mutating func add(_ action: ActionItem, asOf: Day, calendar: WorkingCalendar) {
        total += 1
        if action.status == .complete {
            complete += 1
        } else if action.isOverdue(asOf: asOf, calendar: calendar) {
            overdue += 1
        } else {
            switch action.status {
            case .notStarted: notStarted += 1
            case .onTrack: onTrack += 1
            case .atRisk: atRisk += 1
            case .offTrack: offTrack += 1
            case .complete: complete += 1
            }
        }
    }

    /// Whether the actions are "mostly complete" by ``Ladder/mostlyCompleteShare``.
    public var mostlyComplete: Bool { Ladder.isMostlyComplete(complete, of: total) }
}
