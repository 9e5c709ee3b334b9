/// One line of a plan's journal: an event with its place in the chain and who wrote it.
public struct JournalEntry: Hashable, Sendable {
    /// 1, 2, 3… with no gaps.
    public let seq: Int
    /// SHA-256 (lower-case hex) of the previous line's bytes; 64 zeros on line 1.
    public let prev: String
    /// The UTC instant the line was written, e.g. `2026-11-22T18:30:00Z`.
    public let recorded: String
    /// Who recorded it (`--by`, `$WSOA_USER` or `$USER`).
    public let by: String
    /// What happened.
    public let event: PlanEvent
    /// Whether the recorder confirmed that text which looks like personal data may be kept;
    /// written into the line so the record shows it.
    public let personalDataAllowed: Bool
    /// Where the line came from when a merge of two copies of the plan moved it; nil for a
    /// line written here, or left where it was by a merge.
    public let merged: MergeNote?

    /// `prev` on the first line.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Makes an entry.
    public init(seq: Int, prev: String, recorded: String, by: String, event: PlanEvent, personalDataAllowed: Bool = false,
                merged: MergeNote? = nil) {
        self.seq = seq
        self.prev = prev
        self.recorded = recorded
        self.by = by
        self.event = event
        self.personalDataAllowed = personalDataAllowed
        self.merged = merged
    }

    /// The line's exact bytes, without the newline.
    public var lineBytes: [UInt8] { JournalLine.encode(self) }

    /// The line as JSON, for `--json` output.
    public var json: JSONValue { JournalLine.json(self) }
}
