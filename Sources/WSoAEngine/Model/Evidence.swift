/// A piece of evidence (`E1…`), always for a workstream and optionally tied to a weakness.
public struct Evidence: Hashable, Sendable {
    /// `E1`, `E2`, … in the order recorded.
    public let id: String
    /// The workstream it evidences.
    public let workstream: String
    /// The weakness it speaks to, if one.
    public let weakness: String?
    /// What kind of evidence it is.
    public let kind: EvidenceKind
    /// The day it represents (which may be before the day it was recorded).
    public let on: Day
    /// What it is.
    public let title: String
    /// Where it came from.
    public let source: String?
    /// A file, with its hash.
    public let file: FileReference?
    /// A link.
    public let link: String?
    /// The journal line that recorded it.
    public let line: Int
}
