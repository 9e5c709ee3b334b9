/// Lines of the last version two copies shared that one of them no longer holds, as git's merge
/// driver finds them: what reverting (or resetting past) the commit that recorded them leaves.
///
/// A journal is only ever added to, so no merge takes a line out: a line recorded by mistake
/// stays, and is corrected or withdrawn in the open, where every copy sees it.
public struct RemovedLines: Hashable, Sendable, CustomStringConvertible {
    /// The plan.
    public let plan: String
    /// The copy that lacks them: git's current side (`this`) or the other.
    public let copy: MergeCopy
    /// What messages call that copy.
    public let path: String
    /// The lines it lacks, by their numbers in the version both shared: exactly those when
    /// `cut`, else the first it lacks alone.
    public let lines: ClosedRange<Int>
    /// Whether the copy is that version with its last lines cut and nothing added: the
    /// journal a `git revert` of the commit that recorded them asks for.
    public let cut: Bool
    /// The first line it lacks, for people: `evidence added E2 on 2020-01-10, recorded by Jo Smith at …`.
    public let first: String

    /// Makes one.
    public init(plan: String, copy: MergeCopy, path: String, lines: ClosedRange<Int>, cut: Bool, first: String) {
        self.plan = plan
        self.copy = copy
        self.path = path
        self.lines = lines
        self.cut = cut
        self.first = first
    }

    /// The copy, what it lacks and why no merge takes it out (without a final full stop).
    public var description: String {
        let named = lines.count == 1 ? "line \(lines.lowerBound): \(first)" : "lines \(lines.lowerBound)–\(lines.upperBound); line \(lines.lowerBound): \(first)"
        let lacks = cut
            ? "\(path) is plan '\(plan)''s journal as both sides last shared it with its last \(lines.count == 1 ? "line" : "\(lines.count) lines") cut (\(named)), as a git revert of the commit that recorded \(lines.count == 1 ? "it" : "them") makes it"
            : "\(path) does not hold line \(lines.lowerBound) of plan '\(plan)''s journal as both sides last shared it (\(first)), so a line recorded before was changed or removed, as a git revert or reset of the commit that recorded it does"
        return lacks + "; a journal is only added to, so no merge takes a line out: one recorded by mistake stays, and is corrected or withdrawn in the open, where every copy sees it (wsoa evidence withdraw, action withdraw, visit withdraw, measure correct, advance PLAN withdraw SEQ, or an amend)"
    }
}
