/// A piece of evidence (`E1…`), always for a workstream and optionally tied to weaknesses.
public struct Evidence: Hashable, Sendable {
    /// `E1`, `E2`, … in the order recorded.
    public let id: String
    /// The workstream it evidences.
    public let workstream: String
    /// The weaknesses it speaks to, `W1…` (none: it counts for every weakness its workstream addresses).
    public internal(set) var weaknesses: [String]
    /// What kind of evidence it is.
    public internal(set) var kind: EvidenceKind
    /// The day it represents (which may be before the day it was recorded).
    public internal(set) var on: Day
    /// What it is.
    public internal(set) var title: String
    /// Where it came from.
    public internal(set) var source: String?
    /// The file's current version, with its hash.
    public internal(set) var file: FileReference?
    /// The file's earlier versions, oldest first: each `evidence revise` moves the current one
    /// here, so the record keeps every version that was ever evidence.
    public internal(set) var earlierFiles: [FileReference]
    /// A link.
    public internal(set) var link: String?
    /// The journal line that recorded it.
    public let line: Int
    /// The day it was withdrawn as recorded in error, if it was: it stays in the history but
    /// counts nowhere.
    public internal(set) var withdrawn: Day?

    /// A piece of evidence as recorded.
    public init(id: String, workstream: String, weaknesses: [String] = [], kind: EvidenceKind, on: Day, title: String,
                source: String? = nil, file: FileReference? = nil, earlierFiles: [FileReference] = [], link: String? = nil,
                line: Int, withdrawn: Day? = nil) {
        self.id = id
        self.workstream = workstream
        self.weaknesses = weaknesses
        self.kind = kind
        self.on = on
        self.title = title
        self.source = source
        self.file = file
        self.earlierFiles = earlierFiles
        self.link = link
        self.line = line
        self.withdrawn = withdrawn
    }

    /// The file's version number: 1 as first recorded, one more for each revision; nil when
    /// the evidence has no file.
    public var fileVersion: Int? { file.map { _ in earlierFiles.count + 1 } }

    /// Every version of the file, oldest first, each with its number.
    public var fileVersions: [(version: Int, file: FileReference)] {
        (earlierFiles + (file.map { [$0] } ?? [])).enumerated().map { ($0.offset + 1, $0.element) }
    }
}
