/// A follow-up agreed at a visit and how its due date stands at a day (met once it is closed).
public struct FollowUpStanding: Hashable, Sendable {
    /// The follow-up.
    public let followUp: FollowUp
    /// Its due date as a clock named `followUp`, met on the day it was closed.
    public let clock: Clock

    /// The follow-ups of `plan` agreed by `asOf`, in id order, with their due dates counted in `calendar`.
    public static func all(in plan: Plan, asOf: Day, calendar: WorkingCalendar) -> [FollowUpStanding] {
        plan.followUps.filter { $0.agreed <= asOf }.map { followUp in
            let closed = followUp.closed.flatMap { $0 <= asOf ? $0 : nil }
            return FollowUpStanding(followUp: followUp, clock: Clock(name: .followUp, due: followUp.due, met: closed, asOf: asOf,
                                                                     calendar: calendar))
        }
    }

    /// Whether it is still open.
    public var isOpen: Bool { clock.met == nil }
}
