/// The accelerated progress plan (APP) the area writes for the weaknesses a revisit found
/// insufficient: submitted to DfE/NHS England (by a date they may set), accepted ("deemed fit
/// for purpose") or sent back, and published locally.
public struct AcceleratedProgressPlan: Hashable, Sendable {
    /// One step in the APP's life, as recorded.
    public struct Step: Hashable, Sendable {
        /// What happened.
        public enum Kind: Hashable, Sendable {
            /// Asked for by DfE/NHS England, by a date.
            case requested(due: Day)
            /// Submitted to DfE/NHS England, by the date they set if they set one.
            case submitted(due: Day?)
            /// Accepted by DfE/NHS England.
            case accepted
            /// Sent back by DfE/NHS England for changes.
            case returned
            /// Published locally, at this address.
            case published(link: String)
        }

        /// What happened.
        public let kind: Kind
        /// The day it happened.
        public internal(set) var on: Day
        /// Where the facts came from, or why it was sent back.
        public let note: String?
        /// The journal line that recorded it.
        public let line: Int
    }

    /// Every step, in the order recorded.
    public internal(set) var steps: [Step] = []

    /// Where the APP stands, in words: "not yet submitted", "submitted on 1 April 2022,
    /// awaiting DfE/NHS England's decision", "accepted on 8 April 2022".
    public var status: String {
        guard let decisive = steps.last(where: \.isSubmissionOrDecision) else { return "not yet submitted" }
        switch decisive.kind {
        case .submitted: return "submitted on \(decisive.on.longDescription), awaiting DfE and NHS England's decision"
        case .accepted: return "accepted on \(decisive.on.longDescription)"
        case .returned: return "sent back for changes on \(decisive.on.longDescription)"
        case .requested, .published: return "not yet submitted"
        }
    }

    /// The latest submission, if any.
    public var latestSubmission: Step? { steps.last(where: \.isSubmission) }

    /// Whether the latest submission awaits DfE/NHS England's decision.
    public var awaitingDecision: Bool {
        if case .submitted? = steps.last(where: \.isSubmissionOrDecision)?.kind { return true }
        return false
    }

    /// The day it was accepted, if it was (the latest decision).
    public var accepted: Day? {
        guard let last = steps.last(where: \.isSubmissionOrDecision), case .accepted = last.kind else { return nil }
        return last.on
    }

    /// The date DfE/NHS England asked for the plan by, and the submission that met it: the
    /// latest request, or else the latest submission that gave its own date.
    public var deadline: (due: Day, met: Day?)? {
        guard let index = steps.lastIndex(where: { $0.requestedBy != nil }) else {
            guard let submission = latestSubmission, case let .submitted(due?) = submission.kind else { return nil }
            return (due, submission.on)
        }
        guard let due = steps[index].requestedBy else { return nil }
        return (due, steps[(index + 1)...].first(where: \.isSubmission)?.on)
    }

    /// The latest local publication, if any.
    public var published: (on: Day, link: String, line: Int)? {
        steps.last { $0.publishedAt != nil }.map { ($0.on, $0.publishedAt!, $0.line) }
    }
}

extension AcceleratedProgressPlan.Step {
    /// Whether the step is a submission.
    var isSubmission: Bool {
        if case .submitted = kind { return true }
        return false
    }

    /// The date asked for, when the step is DfE/NHS England's request.
    var requestedBy: Day? {
        if case let .requested(due) = kind { return due }
        return nil
    }

    /// The address, when the step is the local publication.
    var publishedAt: String? {
        if case let .published(link) = kind { return link }
        return nil
    }

    /// Whether the step is a submission or a decision on one (not a request or a publication).
    var isSubmissionOrDecision: Bool {
        switch kind {
        case .submitted, .accepted, .returned: return true
        case .requested, .published: return false
        }
    }
}
