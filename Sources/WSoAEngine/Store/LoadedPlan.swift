/// A plan read from its journal, with the facts that tie a view to the exact record.
public struct LoadedPlan: Sendable {
    /// The plan as it stood at the as-of day (or now).
    public let plan: Plan
    /// Lines in the whole journal.
    public let events: Int
    /// SHA-256 of the journal's last line: the `prev` the next line will carry.
    public let head: String
    /// Lines folded into `plan` (fewer than `events` for an as-of view).
    public let folded: Int
}
