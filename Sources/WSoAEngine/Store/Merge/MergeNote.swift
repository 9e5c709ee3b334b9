/// Where a journal line came from when a merge of two copies of a plan moved it: the copy it
/// was written in, its line number there, and the id it gave there when the merge gave another.
///
/// Written into the line (`"merged":{"copy":…,"seq":…,"id":…}`), so `history` can say which copy
/// a line came from after officers' copies were merged — and, to an officer whose `E188` is
/// `E189` once she pulls a colleague's merge, which item was hers. A line that a merge leaves exactly where
/// it was keeps its bytes and has no note; a line moved again by a later merge keeps the note
/// it already has, so the note always names the copy the line was first merged from.
public struct MergeNote: Hashable, Sendable, CustomStringConvertible {
    /// SHA-256 (lower-case hex) of the last line of the copy the line came from: what names a
    /// copy, the same on every machine that merges it.
    public let copy: String
    /// The line's number in that copy.
    public let seq: Int
    /// The id the line gave its item (or visit) in that copy, when the merge gave it another;
    /// nil when the id is unchanged or the line gives none.
    public let id: String?

    /// Makes a note.
    public init(copy: String, seq: Int, id: String? = nil) {
        self.copy = copy
        self.seq = seq
        self.id = id
    }

    /// The first eight hex digits of the copy's head, as people quote it.
    public var shortCopy: String { String(copy.prefix(8)) }

    /// The note for people: `merged in from copy 3f2a9c1e, where it was line 45` (`…, line 45
    /// and E41`, when the merge renumbered its item).
    public var description: String {
        "merged in from copy \(shortCopy), where it was line \(seq)" + (id.map { " and \($0)" } ?? "")
    }
}
