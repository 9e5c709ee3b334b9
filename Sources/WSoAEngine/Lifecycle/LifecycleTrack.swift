/// Which dates a lifecycle event is kept in order with (rule dates-in-order).
///
/// The inspection's own steps — the letter, the statement, its judgement, a revisit, the
/// cessation; under the 2023 framework the report, the priority action plan and the monitoring
/// inspection — come in order with everything. Monitoring visits and DfE/NHS England's decisions
/// after a revisit (releases, the APP's steps, formal reviews, escalations; the 2023 strategic
/// plan's publications, which run beside the priority action plan) each come in order
/// among themselves and with those steps, but not with each other: a decision letter that
/// arrives after a later visit was logged can still be recorded on its own date.
public enum LifecycleTrack: Hashable, Sendable {
    /// The inspection's own steps, in order with every lifecycle event.
    case main
    /// DfE/NHS England monitoring visits.
    case visit
    /// DfE/NHS England's and the Secretary of State's decisions after a revisit or in monitoring.
    case decision
    /// 2023: the partnership's publications of its strategic plan, which run beside the
    /// priority action plan and the visits; each comes after the report (checked by the rule
    /// dates-in-order) and after the one before.
    case publication

    /// Whether an event on this track must come on or after one on `other`.
    func follows(_ other: LifecycleTrack) -> Bool {
        switch (self, other) {
        case (.publication, .publication): return true
        case (.publication, _), (_, .publication): return false
        case (.main, _), (_, .main), (.visit, .visit), (.decision, .decision): return true
        case (.visit, .decision), (.decision, .visit): return false
        }
    }
}

extension EventType {
    /// Which dates the event is kept in order with.
    public var lifecycleTrack: LifecycleTrack {
        switch self {
        case .monitoringVisitHeld: return .visit
        case .weaknessesReleased, .appRequested, .appSubmitted, .appJudged, .appPublished, .progressReviewHeld, .escalationIssued, .revisitDirected,
             .deadlineSet:
            return .decision
        case .strategicPlanPublished:
            return .publication
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .revisitReported, .monitoringCeased,
             .reportPublished, .priorityActionPlanSubmitted, .priorityActionPlanJudged, .monitoringInspectionReported, .partnerRenamed, .workstreamAdded, .actionAdded, .actionUpdated, .actionRetargeted, .measureAdded, .measureRecorded,
             .evidenceAdded, .followUpAdded, .followUpClosed, .recordAmended, .recordWithdrawn, .lineSetAside:
            return .main
        }
    }
}

/// The latest lifecycle date on each track, and the event that set it.
public struct LifecycleDays: Hashable, Sendable {
    /// A date and the lifecycle event that set it.
    public struct Latest: Hashable, Sendable {
        /// The date.
        public let day: Day
        /// The event.
        public let event: EventType
    }

    /// The inspection visit's last day, where every track starts.
    let start: Latest
    /// The latest of the inspection's own steps (the visit's last day, before the letter).
    var main: Latest
    /// The latest monitoring visit, if any.
    var visit: Latest?
    /// The latest decision, if any.
    var decision: Latest?
    /// The latest publication of the strategic plan, if any.
    var publication: Latest?

    /// Starts from the inspection visit's last day.
    init(visitEnd: Day) {
        start = Latest(day: visitEnd, event: .planCreated)
        main = start
    }

    /// The latest date an event on `track` must not come before, and what set it.
    ///
    /// Asked for every lifecycle line `verify` checks, so it compares in place rather than
    /// gathering the tracks into an array; on a tie the earlier track (main, visit, decision) wins.
    func bound(for track: LifecycleTrack) -> Latest {
        // A publication follows only the one before; the report it must follow is checked by the rule itself.
        var bound = track == .publication ? start : main
        if let visit, track.follows(.visit), visit.day > bound.day { bound = visit }
        if let decision, track.follows(.decision), decision.day > bound.day { bound = decision }
        if let publication, track.follows(.publication), publication.day > bound.day { bound = publication }
        return bound
    }

    /// The latest date on any track.
    var latest: Latest { bound(for: .main) }

    /// Takes in a lifecycle event dated `day`.
    mutating func record(_ event: EventType, on day: Day) {
        let latest = Latest(day: day, event: event)
        switch event.lifecycleTrack {
        case .main: if day > main.day { main = latest }
        case .visit: if visit.map({ day > $0.day }) ?? true { visit = latest }
        case .decision: if decision.map({ day > $0.day }) ?? true { decision = latest }
        case .publication: if publication.map({ day > $0.day }) ?? true { publication = latest }
        }
    }
}
