/// A correction made in the open: a later journal line that amends or withdraws something
/// recorded earlier, with the reason. The original line stays; views show the corrected state
/// and flag it with this.
public struct Correction: Hashable, Sendable {
    /// Whether the thing was changed or withdrawn.
    public enum Kind: String, Hashable, Sendable {
        /// Some of its facts were changed.
        case amended
        /// It was withdrawn as recorded in error: it stays in the history but counts nowhere.
        case withdrawn
    }

    /// Amended or withdrawn.
    public let kind: Kind
    /// What was corrected.
    public let target: RecordTarget
    /// The day the correction was recorded.
    public let on: Day
    /// What was corrected, for people: `A3`, or `line 4 (statement judged)`.
    public let subject: String
    /// The fields that changed (`title`, `on`), as the journal names them; none for a withdrawal.
    public let fields: [String]
    /// Each change in words (`date 2019-10-10`, `title “…”`); none for a withdrawal.
    public let changes: [String]
    /// Why.
    public let reason: String
    /// The journal line that recorded the correction.
    public let line: Int

    /// A line for people: `A3 amended on 2026-12-03 (title “…”): reason`.
    public var summary: String {
        let what = kind == .amended ? "amended on \(on) (\(changes.joined(separator: "; ")))" : "withdrawn on \(on)"
        return "\(subject) \(what): \(reason)"
    }
}
