/// What `PlanStore.repair(_:by:recorded:)` did to a journal whose last line was torn.
public struct JournalRepair: Hashable, Sendable {
    /// The journal that was repaired.
    public let path: String
    /// The line number the torn bytes stood at (one more than the complete lines).
    public let line: Int
    /// How many bytes were set aside.
    public let bytes: Int
    /// The file beside the journal that now holds those bytes, e.g. `events.jsonl.torn-2026-11-23T10-15-00Z`.
    public let tornPath: String
    /// The complete lines left in the journal. 0 when the torn line was the first: then the
    /// journal itself was set aside, so the plan can be created again.
    public let events: Int
    /// SHA-256 of the journal's last line after the repair (64 zeros when none is left).
    public let head: String
    /// When the set-aside bytes are a whole, valid next event that lacked only its newline, its
    /// type, so the person repairing knows to record it again if it should stand.
    public let wholeEvent: EventType?

    /// Makes a repair record.
    public init(path: String, line: Int, bytes: Int, tornPath: String, events: Int, head: String, wholeEvent: EventType?) {
        self.path = path
        self.line = line
        self.bytes = bytes
        self.tornPath = tornPath
        self.events = events
        self.head = head
        self.wholeEvent = wholeEvent
    }
}
