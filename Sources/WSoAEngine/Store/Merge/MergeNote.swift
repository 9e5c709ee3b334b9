/// Where a journal line came from when a merge of two copies of a plan moved it: the copy it
/// was written in, and its line number there.
///
/// Written into the line (`"merged":{"copy":…,"seq":…}`), so `history` can say which copy a
/// line came from after officers' copies were merged. A line that a merge leaves exactly where
/// it was keeps its bytes and has no note; a line moved again by a later merge keeps the note
/// it already has, so the note always names the copy the line was first merged from.
public struct MergeNote: Hashable, Sendable, CustomStringConvertible {
    /// SHA-256 (lower-case hex) of the last line of the copy the line came from: what names a
    /// copy, the same on every machine that merges it.
    public let copy: String
    /// The line's number in that copy.
    public let seq: Int

    /// Makes a note.
    public init(copy: String, seq: Int) {
        self.copy = copy
        self.seq = seq
    }

    /// The first eight hex digits of the copy's head, as people quote it.
    public var shortCopy: String { String(copy.prefix(8)) }

    /// The note for people: `merged in from copy 3f2a9c1e, where it was line 45`.
    public var description: String { "merged in from copy \(shortCopy), where it was line \(seq)" }
}
