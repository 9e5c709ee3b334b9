/// A workstream as one weakness's section shows it: who leads it, its actions, its latest rating.
public struct WorkstreamSummary: Hashable, Sendable {
    /// The workstream.
    public let workstream: Workstream
    /// Its actions at the as-of day.
    public let actions: ActionTally
    /// The latest rating a monitoring visit gave the workstream itself, if any.
    public let latestRating: VisitRating?

    /// Makes a summary.
    public init(workstream: Workstream, actions: ActionTally, latestRating: VisitRating?) {
        self.workstream = workstream
        self.actions = actions
        self.latestRating = latestRating
    }
}
