/// What an event must say for one of several transitions from the same phase to apply.
///
/// Two rows of the table may share a phase and an event only when their conditions exclude
/// each other (a test checks this), so every event leads to exactly one phase.
public enum TransitionCondition: String, Sendable, CaseIterable {
    /// The letter requires a written statement of action.
    case statementRequired
    /// The letter requires no statement.
    case noStatementRequired
    /// The statement was judged fit for purpose.
    case fit
    /// The statement was judged not fit for purpose.
    case notFit
    /// The revisit judged every weakness sufficient.
    case allSufficient
    /// The revisit judged at least one weakness insufficient.
    case someInsufficient
    /// A release leaves at least one weakness still monitored.
    case someStillMonitored
    /// A release ends monitoring of the last weakness still monitored.
    case noneStillMonitored
    /// A 2023 report found widespread and/or systemic failings.
    case systemicFailings
    /// A 2023 report found positive or inconsistent experiences and outcomes.
    case noSystemicFailings
    /// Ofsted accepted the priority action plan.
    case planAccepted
    /// Ofsted asked for a revised priority action plan.
    case planReturned

    /// Whether the event, recorded in `plan`, says what this condition asks.
    public func holds(for event: PlanEvent, in plan: Plan) -> Bool {
        switch (self, event) {
        case let (.statementRequired, .letterPublished(letter)): return letter.statementRequired
        case let (.noStatementRequired, .letterPublished(letter)): return !letter.statementRequired
        case let (.fit, .statementJudged(judged)): return judged.fit
        case let (.notFit, .statementJudged(judged)): return !judged.fit
        case let (.allSufficient, .revisitReported(revisit)): return revisit.allSufficient
        case let (.someInsufficient, .revisitReported(revisit)): return revisit.outcomes.values.contains(.insufficient)
        case let (.someStillMonitored, .weaknessesReleased(release)):
            return plan.weaknesses.contains { $0.monitored && !release.weaknesses.contains($0.id) }
        case let (.noneStillMonitored, .weaknessesReleased(release)):
            return !plan.weaknesses.contains { $0.monitored && !release.weaknesses.contains($0.id) }
        case let (.systemicFailings, .reportPublished(report)): return report.outcome.requiresPriorityActionPlan
        case let (.noSystemicFailings, .reportPublished(report)): return !report.outcome.requiresPriorityActionPlan
        case let (.planAccepted, .priorityActionPlanJudged(judged)): return judged.accepted
        case let (.planReturned, .priorityActionPlanJudged(judged)): return !judged.accepted
        case (.statementRequired, _), (.noStatementRequired, _), (.fit, _), (.notFit, _),
             (.allSufficient, _), (.someInsufficient, _), (.someStillMonitored, _), (.noneStillMonitored, _),
             (.systemicFailings, _), (.noSystemicFailings, _), (.planAccepted, _), (.planReturned, _):
            return false
        }
    }

    /// Words for diagrams and `advance`, e.g. "fit for purpose".
    public var label: String {
        switch self {
        case .statementRequired: return "WSoA required"
        case .noStatementRequired: return "no WSoA"
        case .fit: return "fit for purpose"
        case .notFit: return "not fit for purpose"
        case .allSufficient: return "all sufficient"
        case .someInsufficient: return "some insufficient"
        case .someStillMonitored: return "some still monitored"
        case .noneStillMonitored: return "none left in monitoring"
        case .systemicFailings: return "widespread/systemic failings"
        case .noSystemicFailings: return "positive or inconsistent"
        case .planAccepted: return "accepted"
        case .planReturned: return "returned for revision"
        }
    }
}
