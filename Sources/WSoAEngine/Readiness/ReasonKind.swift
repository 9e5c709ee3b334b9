/// What kind of gap keeps a weakness off a rung; the raw value is the JSON report's `kind`.
public enum ReasonKind: String, Sendable, Hashable, CaseIterable {
    /// No workstream addresses the weakness, or its workstreams have no actions.
    case noActions
    /// An action is past its due date and not complete (the subject names it).
    case actionOverdue
    /// Fewer than half of the actions are complete.
    case actionsIncomplete
    /// No impact or no voice evidence in the last 6 months (the subject names the kind).
    case noRecentEvidence
    /// No measure belongs to the weakness's workstreams.
    case noMeasures
    /// A measure is not moving towards its target (the subject names it).
    case measureNotMoving
    /// A measure has not been held at its target for 6 months (the subject names it).
    case measureNotSustained
    /// Impact evidence falls in fewer than two different quarters.
    case impactInTooFewQuarters
}
