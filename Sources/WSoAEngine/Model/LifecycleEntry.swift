/// One lifecycle event as the plan keeps it: enough to correct its date, or to withdraw it
/// and return the plan to the phase it was in before.
public struct LifecycleEntry: Hashable, Sendable {
    /// The journal line that recorded it.
    public let line: Int
    /// What kind of event it was.
    public let type: EventType
    /// Its date, as corrected.
    public internal(set) var on: Day
    /// The phase the plan was in before it.
    public let phaseBefore: Phase
    /// Whether it was withdrawn as recorded in error.
    public internal(set) var withdrawn: Bool = false
}
