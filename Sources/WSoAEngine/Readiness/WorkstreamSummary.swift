/// A workstream at the as-of day: who leads it, its actions, its overdue actions, its
/// measures and its latest rating. The report shows each workstream once, in its own part,
/// and each weakness it addresses refers to it there.
public struct WorkstreamSummary: Hashable, Sendable {
    /// The workstream.
    public let workstream: Workstream
    /// Its actions still standing, in id order.
    public let actionItems: [ActionItem]
    /// Its actions at the as-of day, counted.
    public let actions: ActionTally
    /// Its overdue actions, most late first.
    public let overdue: [OverdueAction]
    /// Its measures, in id order.
    public let measures: [MeasureStanding]
    /// The latest rating a monitoring visit gave the workstream itself, if any.
    public let latestRating: VisitRating?

    /// Every workstream of `plan` at `asOf`, in plan order, due dates kept by the working days
    /// of `calendar`.
    ///
    /// The actions and measures are grouped by workstream in one pass, each read in place: a
    /// long plan has thousands of actions, and filtering them once per workstream was the
    /// cost of its status and report.
    public static func all(in plan: Plan, asOf: Day, calendar: WorkingCalendar) -> [WorkstreamSummary] {
        var actions: [String: [ActionItem]] = [:]
        for index in plan.actions.indices where plan.actions[index].withdrawn == nil {
            actions[plan.actions[index].workstream, default: []].append(plan.actions[index])
        }
        var measures: [String: [MeasureStanding]] = [:]
        for measure in plan.measures { measures[measure.workstream, default: []].append(MeasureStanding(measure, asOf: asOf)) }
        return plan.workstreams.map { workstream in
            let own = actions[workstream.id] ?? []
            return WorkstreamSummary(workstream: workstream, actionItems: own, actions: ActionTally(own, asOf: asOf, calendar: calendar),
                                     overdue: OverdueAction.all(in: own, asOf: asOf, calendar: calendar),
                                     measures: measures[workstream.id] ?? [],
                                     latestRating: VisitRating.history(of: workstream.id, in: plan.standingVisits, asOf: asOf).last)
        }
    }

    /// Makes a summary.
    public init(workstream: Workstream, actionItems: [ActionItem], actions: ActionTally, overdue: [OverdueAction],
                measures: [MeasureStanding], latestRating: VisitRating?) {
        self.workstream = workstream
        self.actionItems = actionItems
        self.actions = actions
        self.overdue = overdue
        self.measures = measures
        self.latestRating = latestRating
    }
}
