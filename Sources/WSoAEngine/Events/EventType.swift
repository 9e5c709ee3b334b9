/// The kinds of event a journal line can hold; the raw value is the line's `type`.
public enum EventType: String, Sendable, Codable, CaseIterable {
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

    /// Whether the event belongs to the lifecycle table (the others keep the phase as it is).
    public var isLifecycle: Bool {
        switch self {
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld,
             .revisitReported, .monitoringCeased:
            return true
        case .partnerRenamed, .workstreamAdded, .actionAdded, .actionUpdated, .actionRetargeted, .measureAdded,
             .measureRecorded, .evidenceAdded:
            return false
        }
    }

    /// The `wsoa advance` word that records this event, if there is one.
    public var commandWord: String {
        switch self {
        case .planCreated: return "new"
        case .letterPublished: return "letter"
        case .statementSubmitted: return "submit"
        case .statementJudged: return "judge"
        case .monitoringVisitHeld: return "visit"
        case .revisitReported: return "revisit"
        case .monitoringCeased: return "cease"
        case .partnerRenamed: return "partner"
        case .workstreamAdded: return "workstream add"
        case .actionAdded: return "action add"
        case .actionUpdated: return "action update"
        case .actionRetargeted: return "action retarget"
        case .measureAdded: return "measure add"
        case .measureRecorded: return "measure record"
        case .evidenceAdded: return "evidence add"
        }
    }
}
