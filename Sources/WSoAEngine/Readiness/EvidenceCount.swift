/// How much evidence of one kind a weakness has: all of it, and in the last 6 months.
public struct EvidenceCount: Hashable, Sendable {
    /// The kind counted.
    public let kind: EvidenceKind
    /// Items dated on or before the as-of day.
    public let total: Int
    /// Items dated in the last 6 months.
    public let recent: Int

    /// Makes a count.
    public init(kind: EvidenceKind, total: Int, recent: Int) {
        self.kind = kind
        self.total = total
        self.recent = recent
    }
}
