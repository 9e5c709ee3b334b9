/// The facts that tie a printed report to the exact journal it came from.
public struct RecordFacts: Hashable, Sendable {
    /// SHA-256 of the journal's last line (what `wsoa verify` prints as the head).
    public let head: String
    /// Lines in the whole journal.
    public let events: Int
    /// Lines folded into this view (fewer than `events` for an as-of view).
    public let folded: Int
    /// Whether every line's place in the hash chain was checked when the view was read, so
    /// the head vouches for the whole record.
    public let chainChecked: Bool

    /// Makes the record facts.
    public init(head: String, events: Int, folded: Int, chainChecked: Bool) {
        self.head = head
        self.events = events
        self.folded = folded
        self.chainChecked = chainChecked
    }

    /// The facts of a plan's view.
    public init(_ view: PlanView) {
        self.init(head: view.head, events: view.events, folded: view.folded, chainChecked: view.chainChecked)
    }
}
