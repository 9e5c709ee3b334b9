/// The kinds of event a journal line can hold; the raw value is the line's `type`.
public enum EventType: String, Sendable, CaseIterable {
    /// The plan was opened for an inspection visit.
    case planCreated
    /// The inspection outcome letter was published.
    case letterPublished
    /// The written statement was submitted to Ofsted.
    case statementSubmitted
    /// Ofsted/CQC judged the statement fit or not fit for purpose.
    case statementJudged
    /// DfE/NHS England held a monitoring (support-and-challenge) visit.
    case monitoringVisitHeld
    /// Ofsted/CQC reported the revisit, judging each weakness.
    case revisitReported
    /// DfE/NHS England ended monitoring.
    case monitoringCeased
    /// A partner's new name took effect.
    case partnerRenamed
    /// A workstream was added.
    case workstreamAdded
    /// An action was added.
    case actionAdded
    /// An action's status was reported.
    case actionUpdated
    /// An action's due date was moved.
    case actionRetargeted
    /// A measure was added.
    case measureAdded
    /// A measure's value was recorded.
    case measureRecorded
    /// Evidence was recorded.
    case evidenceAdded

    /// Every type by its name: read from every journal line, so one lookup rather than
    /// comparing the name with each type's in turn.
    static let named = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// Whether the event moves the plan through the lifecycle table (the others keep the phase
    /// as it is); read from the table itself, so the two cannot disagree.
    public var isLifecycle: Bool { EventType.lifecycle.contains(self) }

    /// The types of the lifecycle table's rows, and `planCreated`, worked out once.
    private static let lifecycle = Set([.planCreated] + Lifecycle.table.map(\.event))
}
