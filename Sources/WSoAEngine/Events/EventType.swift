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
        }
    }
}
