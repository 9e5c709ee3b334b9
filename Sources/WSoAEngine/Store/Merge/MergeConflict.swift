/// Why two copies of a plan could not be merged: a line of one copy that the rules refuse once
/// the other copy's lines are in the record, and the line of the other copy that stands in
/// its way.
public struct MergeConflict: Hashable, Sendable {
    /// One journal line of one copy, as the conflict names it.
    public struct Line: Hashable, Sendable, CustomStringConvertible {
        /// Which copy: `this` (the plan's own journal, or git's current side) or `other`.
        public let copy: MergeCopy
        /// The copy's file, for people.
        public let path: String
        /// Its number in that copy.
        public let seq: Int
        /// Who recorded it.
        public let by: String
        /// When (UTC).
        public let recorded: String
        /// What it records.
        public let event: PlanEvent

        /// Makes a line.
        public init(copy: MergeCopy, path: String, seq: Int, by: String, recorded: String, event: PlanEvent) {
            self.copy = copy
            self.path = path
            self.seq = seq
            self.by = by
            self.recorded = recorded
            self.event = event
        }

        /// `line 45 of this copy (plans/demo/events.jsonl; statement submitted on 2026-11-30, recorded by Jo Smith at 2026-12-01T10:00:00Z)`.
        public var description: String {
            "line \(seq) of \(copy.words) (\(path); \(event.type.words) on \(event.on), recorded by \(by) at \(recorded))"
        }
    }

    /// The plan.
    public let plan: String
    /// The line refused.
    public let refused: Line
    /// The other copy's line that stands in its way; nil when the refused line breaks a rule on
    /// its own, as no journal wsoa wrote does.
    public let against: Line?
    /// The rule that refuses it.
    public let rule: Rule
    /// What the rule found, completing "rule R refuses it: …".
    public let reason: String

    /// `rule R refuses <the line> once <the other copy's line> is in the record`: what every
    /// message about the conflict says of it, before its reason.
    public var refusal: String {
        "rule \(rule.rawValue) refuses \(refused.description)" + (against.map { " once \($0.description) is in the record" } ?? "")
    }

    /// Makes a conflict.
    public init(plan: String, refused: Line, against: Line?, rule: Rule, reason: String) {
        self.plan = plan
        self.refused = refused
        self.against = against
        self.rule = rule
        self.reason = reason
    }
}

/// The two copies a merge takes: the plan's own journal (or, for git, the current branch's)
/// and the other one.
public enum MergeCopy: String, Hashable, Sendable, CaseIterable {
    /// The plan's own journal, which the merge writes.
    case this
    /// The copy merged into it.
    case other

    /// `this copy`, `the other copy`.
    public var words: String {
        switch self {
        case .this: return "this copy"
        case .other: return "the other copy"
        }
    }
}

/// One line of one copy that the officers decided to leave out of a merge
/// (`wsoa merge --set-aside other:44`): it is kept in a file beside the journal instead.
public struct SetAsideLine: Hashable, Sendable, CustomStringConvertible {
    /// The copy it is in.
    public let copy: MergeCopy
    /// Its number there.
    public let seq: Int

    /// Makes one.
    public init(copy: MergeCopy, seq: Int) {
        self.copy = copy
        self.seq = seq
    }

    /// `other:44`, as `--set-aside` takes it.
    public var description: String { "\(copy.rawValue):\(seq)" }
}
