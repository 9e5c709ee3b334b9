/// Where a plan stands in the 2016 lifecycle (DESIGN.md §5).
///
/// The raw values are the journal's and `--json`'s names and never change.
public enum Phase: String, Sendable, CaseIterable {
    /// Visit recorded; outcome letter awaited.
    case inspected
    /// The letter required no written statement. Final.
    case noStatementRequired
    /// The statement is being written; the 70-working-day clock runs.
    case statementDue
    /// Submitted; with Ofsted/CQC for judgement.
    case statementUnderReview
    /// Judged fit for purpose; DfE/NHS England visit quarterly; revisit awaited.
    case monitoring
    /// Every weakness sufficient at revisit; HMCI recommends monitoring ceases; DfE/NHSE decide.
    case cessationRecommended
    /// Some weaknesses insufficient: an accelerated progress plan with formal reviews.
    case acceleratedProgress
    /// Monitoring has ceased. Final and read-only.
    case closed

    /// Whether nothing more can happen in this phase.
    public var isFinal: Bool {
        switch self {
        case .noStatementRequired, .closed: return true
        case .inspected, .statementDue, .statementUnderReview, .monitoring, .cessationRecommended,
             .acceleratedProgress:
            return false
        }
    }

    /// Words for people, e.g. "statement under review".
    public var displayName: String {
        switch self {
        case .inspected: return "inspected, letter awaited"
        case .noStatementRequired: return "no statement required"
        case .statementDue: return "statement due"
        case .statementUnderReview: return "statement under review"
        case .monitoring: return "monitoring"
        case .cessationRecommended: return "cessation recommended"
        case .acceleratedProgress: return "accelerated progress plan"
        case .closed: return "closed"
        }
    }
}
