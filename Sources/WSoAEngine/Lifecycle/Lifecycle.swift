/// Each framework's lifecycle as one table (DESIGN.md §5): the 2016 framework's (`table`) and
/// the 2023 area SEND framework's (`table2023`).
///
/// `decide`, `apply`, "what can happen next" and the diagrams all read these tables, so the
/// rules live in exactly one place. A plan follows the table of its framework; the two share
/// only their first and last phases.
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

    /// Every transition of the 2023 area SEND framework: the report and its outcome, the
    /// strategic plan, and under widespread/systemic failings the priority action plan and the
    /// monitoring inspection; then the next full inspection, which closes the plan.
    public static let table2023: [Transition] = {
        // DfE/NHS England's support and challenge continue, and the strategic plan may be
        // published or updated, in every phase after the report.
        func alongside(_ phase: Phase) -> [Transition] {
            [
                Transition(phase, .monitoringVisitHeld, to: phase, guards: [.datesInOrder]),
                Transition(phase, .escalationIssued, to: phase, guards: [.datesInOrder]),
                Transition(phase, .deadlineSet, to: phase, guards: [.datesInOrder, .deadlineApplies]),
                // The next full inspection (or DfE and NHS England's decision) ends the plan.
                Transition(phase, .monitoringCeased, to: .closed, guards: [.datesInOrder]),
            ]
        }
        let reportGuards: [Rule] = [.letterAfterVisit, .datesInOrder, .outcomeMatchesFindings]
        return [
            Transition(.inspected, .reportPublished, when: .systemicFailings, to: .priorityActionPlanDue, guards: reportGuards),
            Transition(.inspected, .reportPublished, when: .noSystemicFailings, to: .strategicPlanDue, guards: reportGuards),
            Transition(.strategicPlanDue, .strategicPlanPublished, to: .nextInspectionAwaited, guards: [.datesInOrder]),
        ] + alongside(.strategicPlanDue) + [
            Transition(.priorityActionPlanDue, .priorityActionPlanSubmitted, to: .priorityActionPlanUnderReview, guards: [.datesInOrder]),
            Transition(.priorityActionPlanDue, .strategicPlanPublished, to: .priorityActionPlanDue, guards: [.datesInOrder]),
        ] + alongside(.priorityActionPlanDue) + [
            Transition(.priorityActionPlanUnderReview, .priorityActionPlanJudged, when: .planAccepted, to: .monitoringInspectionAwaited,
                       guards: [.datesInOrder]),
            Transition(.priorityActionPlanUnderReview, .priorityActionPlanJudged, when: .planReturned, to: .priorityActionPlanDue,
                       guards: [.datesInOrder, .returnedWithReason]),
            Transition(.priorityActionPlanUnderReview, .strategicPlanPublished, to: .priorityActionPlanUnderReview, guards: [.datesInOrder]),
        ] + alongside(.priorityActionPlanUnderReview) + [
            Transition(.monitoringInspectionAwaited, .monitoringInspectionReported, to: .nextInspectionAwaited,
                       guards: [.datesInOrder, .monitoringInspectionJudgesEveryArea]),
            Transition(.monitoringInspectionAwaited, .strategicPlanPublished, to: .monitoringInspectionAwaited, guards: [.datesInOrder]),
        ] + alongside(.monitoringInspectionAwaited) + [
            Transition(.nextInspectionAwaited, .strategicPlanPublished, to: .nextInspectionAwaited, guards: [.datesInOrder]),
        ] + alongside(.nextInspectionAwaited)
    }()

    /// The phases of `framework`'s lifecycle, in declaration order: the initial phase and every
    /// phase its table leads from or to.
    public static func phases(in framework: Framework) -> [Phase] {
        let rows = table(for: framework)
        return Phase.allCases.filter { phase in phase == initialPhase || rows.contains { $0.from == phase || $0.to == phase } }
    }

    /// The table a plan under `framework` follows.
    public static func table(for framework: Framework) -> [Transition] {
        switch framework {
        case .send2016: return table
        case .areaSEND2023: return table2023
        }
    }

    /// The rows of `framework`'s table that leave `phase`, in table order.
    public static func transitions(from phase: Phase, in framework: Framework = .send2016) -> [Transition] {
        table(for: framework).filter { $0.from == phase }
    }

    /// The row an event takes from `plan`'s phase, or nil when its framework's table has none.
    public static func transition(in plan: Plan, for event: PlanEvent) -> Transition? {
        table(for: plan.framework).first {
            $0.from == plan.phase && $0.event == event.type && ($0.condition?.holds(for: event, in: plan) ?? true)
        }
    }

    /// The phases of `framework`'s table from which `event` can be recorded at all.
    public static func phases(accepting event: EventType, in framework: Framework = .send2016) -> [Phase] {
        var phases: [Phase] = []
        for row in table(for: framework) where row.event == event && !phases.contains(row.from) { phases.append(row.from) }
        return phases
    }
}
