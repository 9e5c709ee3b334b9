/// What a merge of two copies of a plan's journal did, or would do (`--dry-run`).
public struct MergeSummary: Sendable {
    /// How the two copies stood to each other.
    public enum Kind: String, Sendable {
        /// Byte for byte the same: nothing to do.
        case same
        /// Every line of the other copy is in this one already (it is an earlier state of this
        /// one, or a copy merged into it before): nothing to do.
        case thisAhead
        /// This copy is an earlier state of the other: the other's further lines are taken as they are.
        case otherAhead
        /// Both recorded lines the other has not: their lines are replayed into one journal.
        case merged
    }

    /// An item whose id changed in the merge, because both copies gave the same id to different items.
    public struct Renumbered: Hashable, Sendable {
        /// The copy it was added in.
        public let copy: MergeCopy
        /// Its id there.
        public let old: String
        /// Its id in the merged plan.
        public let new: String
    }

    /// The plan.
    public let plan: String
    /// How the copies stood.
    public let kind: Kind
    /// The lines both copies share from the start, left exactly as they were.
    public let common: Int
    /// Lines of the merged journal.
    public let lines: Int
    /// Lines after the common ones that only this copy had, only the other had, and both had
    /// (kept once).
    public let fromThis: Int
    public let fromOther: Int
    public let inBoth: Int
    /// Items given another id.
    public let renumbered: [Renumbered]
    /// Lines left out at the officers' word, with their exact bytes.
    public let setAside: [(line: SetAsideLine, bytes: [UInt8])]
    /// Lines left out again because an earlier merge set them aside (a line of the journal
    /// names each, `PlanEvent.LineSetAside`).
    public internal(set) var leftOutAgain: [SetAsideLine] = []
    /// SHA-256 of the merged journal's last line.
    public let head: String
    /// The file beside the journal that keeps the lines set aside, once written.
    public internal(set) var setAsidePath: String?
    /// Where a copy a sync tool left in the plan's folder went once merged (`<name>.merged`).
    public internal(set) var mergedCopyPath: String?
    /// Whether the plan's journal changes.
    public var changes: Bool { kind == .otherAhead || kind == .merged }
}
