/// One open deadline of a plan: a plan clock not yet met, or an action not yet complete.
public struct Deadline: Sendable {
    /// The plan's id.
    public let plan: String
    /// The local area.
    public let area: String
    /// The plan's phase.
    public let phase: Phase
    /// The deadline and how it stands (an action's due date is a clock named `action`).
    public let clock: Clock
    /// The action, when the deadline is one.
    public let action: ActionItem?
    /// The follow-up, when the deadline is one.
    public var followUp: FollowUp? = nil

    /// The item the deadline is for, as "A3 Title" or "F1 Title", or nil for a plan clock.
    public var item: (id: String, title: String)? {
        action.map { ($0.id, $0.title) } ?? followUp.map { ($0.id, $0.title) }
    }

    /// The open deadlines of `plans` at `asOf`, soonest first (then by plan, then by action):
    /// every overdue one (past the first working day on or after its due date), and the rest
    /// only when due within `days` calendar days (all of them when `days` is nil).
    public static func open(in plans: [Plan], asOf: Day, within days: Int?, calendar: WorkingCalendar) -> [Deadline] {
        func inView(_ clock: Clock) -> Bool {
            clock.state == .overdue || days.map { asOf.days(to: clock.due) <= $0 } ?? true
        }
        var found: [Deadline] = []
        for plan in plans {
            for clock in plan.clocks(asOf: asOf, calendar: calendar) where clock.state != .met && inView(clock) {
                found.append(Deadline(plan: plan.id, area: plan.area, phase: plan.phase, clock: clock, action: nil))
            }
            for action in plan.actions where action.status != .complete && action.withdrawn == nil {
                let clock = Clock(name: .action, due: action.due, met: nil, asOf: asOf, calendar: calendar)
                guard inView(clock) else { continue }
                found.append(Deadline(plan: plan.id, area: plan.area, phase: plan.phase, clock: clock, action: action))
            }
            for standing in FollowUpStanding.all(in: plan, asOf: asOf, calendar: calendar) where standing.isOpen && inView(standing.clock) {
                found.append(Deadline(plan: plan.id, area: plan.area, phase: plan.phase, clock: standing.clock, action: nil,
                                      followUp: standing.followUp))
            }
        }
        // Plan clocks first on a day, then actions, then follow-ups, each in id order.
        func order(_ deadline: Deadline) -> (Day, String, Int, Int) {
            let kind = deadline.action != nil ? 1 : deadline.followUp != nil ? 2 : 0
            return (deadline.clock.due, deadline.plan, kind, deadline.item?.id.idNumber ?? 0)
        }
        return found.sorted { order($0) < order($1) }
    }
}
