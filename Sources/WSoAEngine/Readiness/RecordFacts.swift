/// The facts that tie a printed report to the exact journal it came from.
public struct RecordFacts: Hashable, Sendable {
    /// SHA-256 of the journal's last line (what `wsoa verify` prints as the head).
    public let head: String
    /// Lines in the whole journal.
    public let events: Int
    /// Lines folded into this view (fewer than `events` for an as-of view).
    public let folded: Int

    /// Makes the record facts.
    public init(head: String, events: Int, folded: Int) {
        self.head = head
        self.events = events
        self.folded = folded
    }

    /// The facts of a loaded plan.
    public init(_ loaded: LoadedPlan) {
        self.init(head: loaded.head, events: loaded.events, folded: loaded.folded)
    }
}
