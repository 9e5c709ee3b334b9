/// A piece of evidence (`E1…`), always for a workstream and optionally tied to a weakness.
public struct Evidence: Hashable, Sendable, Codable {
    /// `E1`, `E2`, … in the order recorded.
    public var id: String
    /// The workstream it evidences.
    public var workstream: String
    /// The weakness it speaks to, if one.
    public var weakness: String?
    /// What kind of evidence it is.
    public var kind: EvidenceKind
    /// The day it represents (which may be before the day it was recorded).
    public var on: Day
    /// What it is.
    public var title: String
    /// Where it came from.
    public var source: String?
    /// A file, with its hash.
    public var file: FileReference?
    /// A link.
    public var link: String?

    /// Makes a piece of evidence.
    public init(id: String, workstream: String, weakness: String? = nil, kind: EvidenceKind, on: Day, title: String,
                source: String? = nil, file: FileReference? = nil, link: String? = nil) {
        self.id = id
        self.workstream = workstream
        self.weakness = weakness
        self.kind = kind
        self.on = on
        self.title = title
        self.source = source
        self.file = file
        self.link = link
    }
}
