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
    /// Every event but `planCreated`, with whether it can happen now and what is missing.
    public var nextSteps: [NextStep] {
        EventType.allCases.filter { $0.isLifecycle && $0 != .planCreated }.map { type in
            let rows = Lifecycle.transitions(from: phase).filter { $0.event == type }
            if phase.isFinal {
                return NextStep(event: type, allowed: false,
                                missing: ["the plan is \(phase.displayName), a final phase"], leadsTo: [])
            }
            if rows.isEmpty {
                return NextStep(event: type, allowed: false, missing: [phaseMismatch(for: type)], leadsTo: [])
            }
            let leadsTo = rows.map { row in
                row.condition.map { "\($0.label) → \(row.to.displayName)" } ?? row.to.displayName
            }
            return NextStep(event: type, allowed: true, missing: [], leadsTo: leadsTo)
        }
    }
}
