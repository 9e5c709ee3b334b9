/// What `wsoa status` shows of a plan at an as-of day, worked out here so that the command line
/// only lays it out.
public struct PlanStatus: Sendable {
    /// The plan, folded at `asOf`.
    public let plan: Plan
    /// The day the status describes.
    public let asOf: Day
    /// The plan's clocks at `asOf`.
    public let clocks: [Clock]
    /// Each workstream with its actions counted and its latest rating.
    public let workstreams: [WorkstreamSummary]
    /// The actions overdue at `asOf`, in id order.
    public let overdue: [OverdueAction]
    /// Each measure's standing at `asOf`, in id order.
    public let measures: [MeasureStanding]
    /// The follow-ups agreed by `asOf`, in id order, each with its due date as a clock.
    public let followUps: [FollowUpStanding]

    /// The status of `plan` at `asOf`, its clocks and due dates counted in `calendar`.
    public init(plan: Plan, asOf: Day, calendar: WorkingCalendar) {
        self.plan = plan
        self.asOf = asOf
        followUps = FollowUpStanding.all(in: plan, asOf: asOf, calendar: calendar)
        clocks = plan.clocks(asOf: asOf, calendar: calendar)
        let workstreams = WorkstreamSummary.all(in: plan, asOf: asOf, calendar: calendar)
        self.workstreams = workstreams
        // Each workstream has already worked out its overdue actions and measures; here they are in id order.
        overdue = workstreams.flatMap(\.overdue).sorted { $0.id.idNumber < $1.id.idNumber }
        measures = workstreams.flatMap(\.measures).sorted { $0.measure.id.idNumber < $1.measure.id.idNumber }
    }
}
