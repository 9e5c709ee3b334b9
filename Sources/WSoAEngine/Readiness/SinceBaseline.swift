/// The point "since the last monitoring visit" counts from.
public struct SinceBaseline: Hashable, Sendable {
    /// What the point is.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The latest monitoring visit on or before the as-of day.
        case visit
        /// No visit yet: the day the statement was judged fit for purpose, which starts monitoring.
        case fitForPurpose
    }

    /// What the point is.
    public let kind: Kind
    /// The visit's id (`V8`) for a visit.
    public let visit: String?
    /// The day.
    public let on: Day
    /// The journal line that recorded it (entries after it count as new even when dated
    /// earlier); nil when the journal was not given.
    public let line: Int

    /// Makes a baseline.
    public init(kind: Kind, visit: String?, on: Day, line: Int) {
        self.kind = kind
        self.visit = visit
        self.on = on
        self.line = line
    }
}
