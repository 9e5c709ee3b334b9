/// What a history line is about, for filtering `wsoa history --kind`.
public enum HistoryKind: String, Sendable, CaseIterable {
    /// The plan's own lifecycle: creation, the letter, the statement, the revisit, cessation.
    case lifecycle
    /// A monitoring visit.
    case visit
    /// A partner's new name.
    case partner
    /// A workstream added.
    case workstream
    /// An action added, reported or retargeted.
    case action
    /// A measure added or recorded.
    case measure
    /// Evidence recorded.
    case evidence
    /// A follow-up agreed at a visit, or closed.
    case followUp = "follow-up"
    /// A correction or withdrawal of something recorded earlier.
    case correction
    /// A line a merge of two copies wrote: one naming a line it set aside. Not a correction:
    /// setting aside settles a conflict between copies, and corrects nothing recorded here.
    case merge

    /// The kind of `type`.
    public init(_ type: EventType) {
        switch type {
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .revisitReported, .monitoringCeased,
             .weaknessesReleased, .appRequested, .appSubmitted, .appJudged, .appPublished, .progressReviewHeld, .escalationIssued, .revisitDirected, .reportPublished, .strategicPlanPublished, .priorityActionPlanSubmitted, .priorityActionPlanJudged, .monitoringInspectionReported, .deadlineSet:
            self = .lifecycle
        case .monitoringVisitHeld: self = .visit
        case .partnerRenamed: self = .partner
        case .workstreamAdded: self = .workstream
        case .actionAdded, .actionUpdated, .actionRetargeted: self = .action
        case .measureAdded, .measureRecorded: self = .measure
        case .evidenceAdded: self = .evidence
        case .followUpAdded, .followUpClosed: self = .followUp
        case .recordAmended, .recordWithdrawn: self = .correction
        case .lineSetAside: self = .merge
        }
    }
}
