/// One row of the lifecycle table: in phase `from`, event `event` (when `condition` holds)
/// leads to phase `to`, provided every guard passes.
public struct Transition: Hashable, Sendable {
    /// The phase the plan must be in.
    public let from: Phase
    /// The event that moves it.
    public let event: EventType
    /// What the event must say, when several rows share `from` and `event`.
    public let condition: TransitionCondition?
    /// The phase the plan moves to.
    public let to: Phase
    /// The named rules the event must also pass.
    public let guards: [Rule]

    /// Makes a row of the table.
    public init(_ from: Phase, _ event: EventType, when condition: TransitionCondition? = nil,
                to: Phase, guards: [Rule] = []) {
        self.from = from
        self.event = event
        self.condition = condition
        self.to = to
        self.guards = guards
    }

    /// "statementJudged (fit for purpose)" — the event with its condition, for people.
    public var label: String {
        condition.map { "\(event.rawValue) (\($0.label))" } ?? event.rawValue
    }
}
