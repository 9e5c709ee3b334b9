/// The 2016 lifecycle as one table (DESIGN.md §5).
///
/// `decide`, `apply`, "what can happen next" and the diagrams all read this table, so the
/// rules live in exactly one place.
public enum Lifecycle {
    /// The phase every plan starts in (`planCreated` leads here).
    public static let initialPhase: Phase = .inspected

    /// Every transition of the 2016 framework.
    public static let table: [Transition] = [
        // letter-after-visit comes first: the last lifecycle day is the visit's last day, so
        // dates-in-order would otherwise catch an early letter with a vaguer reason.
        Transition(.inspected, .letterPublished, when: .noStatementRequired, to: .noStatementRequired,
                   guards: [.letterAfterVisit, .datesInOrder, .statementNamesWeakness]),
        Transition(.inspected, .letterPublished, when: .statementRequired, to: .statementDue,
                   guards: [.letterAfterVisit, .datesInOrder, .statementNamesWeakness]),
        Transition(.statementDue, .statementSubmitted, to: .statementUnderReview, guards: [.datesInOrder]),
        Transition(.statementUnderReview, .statementJudged, when: .fit, to: .monitoring, guards: [.datesInOrder]),
        Transition(.statementUnderReview, .statementJudged, when: .notFit, to: .statementDue, guards: [.datesInOrder]),
        Transition(.monitoring, .monitoringVisitHeld, to: .monitoring, guards: [.datesInOrder]),
        Transition(.monitoring, .revisitReported, when: .allSufficient, to: .cessationRecommended,
                   guards: [.datesInOrder, .revisitAfterFitForPurpose, .revisitJudgesEveryWeakness]),
        Transition(.monitoring, .revisitReported, when: .someInsufficient, to: .acceleratedProgress,
                   guards: [.datesInOrder, .revisitAfterFitForPurpose, .revisitJudgesEveryWeakness]),
        // A notice or direction can come with no revisit at all (DfE found no sufficient progress at a visit).
        Transition(.monitoring, .escalationIssued, to: .monitoring, guards: [.datesInOrder]),
        Transition(.cessationRecommended, .monitoringCeased, to: .closed, guards: [.datesInOrder]),
        // After a revisit with some weaknesses insufficient: the APP, its formal reviews, partial
        // cessation weakness by weakness, and the Secretary of State's powers.
        Transition(.acceleratedProgress, .monitoringVisitHeld, to: .acceleratedProgress, guards: [.datesInOrder]),
        Transition(.acceleratedProgress, .weaknessesReleased, when: .someStillMonitored, to: .acceleratedProgress,
                   guards: [.datesInOrder, .releaseJudgedSufficient]),
        Transition(.acceleratedProgress, .weaknessesReleased, when: .noneStillMonitored, to: .closed,
                   guards: [.datesInOrder, .releaseJudgedSufficient]),
        Transition(.acceleratedProgress, .appRequested, to: .acceleratedProgress, guards: [.datesInOrder, .appInOrder]),
        Transition(.acceleratedProgress, .appSubmitted, to: .acceleratedProgress, guards: [.datesInOrder, .appInOrder]),
        Transition(.acceleratedProgress, .appJudged, to: .acceleratedProgress, guards: [.datesInOrder, .appInOrder]),
        Transition(.acceleratedProgress, .appPublished, to: .acceleratedProgress, guards: [.datesInOrder, .appInOrder]),
        Transition(.acceleratedProgress, .progressReviewHeld, to: .acceleratedProgress,
                   guards: [.datesInOrder, .reviewJudgesEveryWeakness]),
        Transition(.acceleratedProgress, .escalationIssued, to: .acceleratedProgress, guards: [.datesInOrder]),
        Transition(.acceleratedProgress, .revisitDirected, to: .acceleratedProgress, guards: [.datesInOrder, .revisitDirected]),
        Transition(.acceleratedProgress, .revisitReported, when: .allSufficient, to: .cessationRecommended,
                   guards: [.datesInOrder, .revisitDirected, .revisitAfterFitForPurpose, .revisitJudgesEveryWeakness]),
        Transition(.acceleratedProgress, .revisitReported, when: .someInsufficient, to: .acceleratedProgress,
                   guards: [.datesInOrder, .revisitDirected, .revisitAfterFitForPurpose, .revisitJudgesEveryWeakness]),
        Transition(.acceleratedProgress, .monitoringCeased, to: .closed, guards: [.datesInOrder]),
    ]

    /// The rows that leave `phase`, in table order.
    public static func transitions(from phase: Phase) -> [Transition] {
        table.filter { $0.from == phase }
    }

    /// The row an event takes from `plan`'s phase, or nil when the table has none.
    public static func transition(in plan: Plan, for event: PlanEvent) -> Transition? {
        table.first { $0.from == plan.phase && $0.event == event.type && ($0.condition?.holds(for: event, in: plan) ?? true) }
    }

    /// The phases from which `event` can be recorded at all.
    public static func phases(accepting event: EventType) -> [Phase] {
        var phases: [Phase] = []
        for row in table where row.event == event && !phases.contains(row.from) { phases.append(row.from) }
        return phases
    }
}
