/// One answer to "what can happen next?": an event, whether the plan's phase allows it, and
/// what is missing when it does not.
public struct NextStep: Hashable, Sendable {
    /// The event.
    public let event: EventType
    /// Whether the event can be recorded now (its own data is still checked when it is).
    public let allowed: Bool
    /// What must change first, one clause each; empty when allowed.
    public let missing: [String]
    /// Where the event leads from here, one entry per condition (e.g. "fit for purpose → monitoring").
    public let leadsTo: [String]
}

extension Plan {
    /// Every event of the plan's framework but `planCreated`, with whether it can happen now and
    /// what is missing.
    public var nextSteps: [NextStep] {
        let table = Lifecycle.table(for: framework)
        return EventType.allCases.filter { type in type != .planCreated && table.contains { $0.event == type } }.map { type in
            let rows = Lifecycle.transitions(from: phase, in: framework).filter { $0.event == type }
            if phase.isFinal {
                return NextStep(event: type, allowed: false,
                                missing: ["the plan is \(phase.displayName), a final phase"], leadsTo: [])
            }
            if rows.isEmpty {
                return NextStep(event: type, allowed: false, missing: [phaseMismatch(for: type)], leadsTo: [])
            }
            if let blocked = stateBlock(for: type) {
                return NextStep(event: type, allowed: false, missing: [blocked], leadsTo: [])
            }
            let leadsTo = rows.map { row in
                row.condition.map { "\($0.label) → \(row.to.displayName)" } ?? row.to.displayName
            }
            return NextStep(event: type, allowed: true, missing: [], leadsTo: leadsTo)
        }
    }
}

extension Plan {
    /// Why no event of `type` can be recorded now, whatever it says, though the phase allows
    /// it: the rules after a revisit that read the plan's state (a revisit needs a direction, the
    /// APP's steps come in order, a review or release needs a weakness to act on). Nil when
    /// one could be.
    func stateBlock(for type: EventType) -> String? {
        let inPlan = weaknessesInAcceleratedProgressPlan
        switch type {
        case .revisitReported where phase == .acceleratedProgress:
            guard directedRevisitAwaited != nil else {
                return "Ofsted and CQC revisit an area in an accelerated progress plan only when the Secretary of State directs it; record the direction first with 'wsoa advance \(id) revisit-directed --on DATE'"
            }
            return inPlan.isEmpty ? "no weakness is left in the accelerated progress plan to judge" : nil
        case .weaknessesReleased:
            return weaknesses.contains { $0.monitored && $0.outcome == .sufficient } ? nil
                : "no weakness still monitored has been judged sufficient, so DfE and NHS England cannot yet release one"
        case .appSubmitted:
            return appStepOutOfOrder(.appSubmitted(PlanEvent.APPSubmitted(on: lastLifecycleDay)))
        case .appRequested:
            return appStepOutOfOrder(.appRequested(PlanEvent.APPRequested(on: lastLifecycleDay, due: lastLifecycleDay)))
        case .appJudged:
            return appStepOutOfOrder(.appJudged(PlanEvent.APPJudged(on: lastLifecycleDay, accepted: true)))
        case .appPublished:
            return appStepOutOfOrder(.appPublished(PlanEvent.APPPublished(on: lastLifecycleDay, link: "https://example.org")))
        case .progressReviewHeld:
            return inPlan.isEmpty ? "no weakness is left in the accelerated progress plan to review" : nil
        case .revisitDirected:
            if let direction = directedRevisitAwaited { return "a further revisit was already directed on \(direction.on) and has not yet been reported" }
            return inPlan.isEmpty ? "no weakness is left in the accelerated progress plan to revisit" : nil
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld, .revisitReported,
             .monitoringCeased, .escalationIssued, .partnerRenamed, .workstreamAdded, .actionAdded, .actionUpdated,
             .actionRetargeted, .measureAdded, .measureRecorded, .evidenceAdded, .followUpAdded, .followUpClosed,
             .recordAmended, .recordWithdrawn, .lineSetAside, .reportPublished, .strategicPlanPublished, .priorityActionPlanSubmitted,
             .priorityActionPlanJudged, .monitoringInspectionReported, .deadlineSet:
            return nil
        }
    }
}
