/// A plan as read for a view, with the facts that tie the view to the exact record it came from.
public struct PlanView: Sendable {
    /// The plan as it stood at the view's day (or now).
    public let plan: Plan
    /// Its delivery record, item by item, when the view asked for it (`PlanStore.fullView`).
    public let record: DeliveryRecord?
    /// Lines in the whole journal.
    public let events: Int
    /// Lines folded into `plan` (fewer than `events` for an as-of view).
    public let folded: Int
    /// SHA-256 of the journal's last line: the `prev` the next line will carry.
    public let head: String
    /// Whether this read checked every line of the journal and its hash chain (a view that
    /// starts from a snapshot checks the snapshot and the lines after it).
    public let chainChecked: Bool
}

/// What a recording command wrote.
public struct Recorded: Sendable {
    /// The lines written, in order.
    public let entries: [JournalEntry]
    /// The plan's phase before them; nil when they created the plan.
    public let before: Phase?
    /// The plan after them.
    public let plan: Plan
    /// The copies of evidence files kept for them in the plan's folder.
    public internal(set) var copies: [EvidenceCopy] = []
}
