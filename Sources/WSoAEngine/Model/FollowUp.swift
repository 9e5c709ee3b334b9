/// A follow-up agreed at a monitoring visit (`F1…`): who owns it, when it is due, and when it
/// was closed (with the evidence that closed it, when there is some).
public struct FollowUp: Hashable, Sendable {
    /// `F1`, `F2`, … in the order recorded.
    public let id: String
    /// The visit it was agreed at, `V<n>`.
    public let visit: String
    /// What was agreed.
    public let title: String
    /// Who owns it.
    public let owner: String
    /// When it is due.
    public let due: Day
    /// The day it was recorded as agreed (the visit's day unless given).
    public let agreed: Day
    /// The journal line that recorded it.
    public let line: Int
    /// The weaknesses it concerns; none when it concerns the plan as a whole.
    public let weaknesses: [String]
    /// The day it was closed, once it is.
    public internal(set) var closed: Day?
    /// The evidence that closed it, `E<n>`, if named.
    public internal(set) var closedBy: String?
    /// What the closer said.
    public internal(set) var closingNote: String?

    /// A follow-up as agreed.
    public init(id: String, visit: String, title: String, owner: String, due: Day, agreed: Day, line: Int, weaknesses: [String] = []) {
        self.id = id
        self.visit = visit
        self.title = title
        self.owner = owner
        self.due = due
        self.agreed = agreed
        self.line = line
        self.weaknesses = weaknesses
    }

    /// Whether it concerns `weakness`: tagged with it, or with none (the plan as a whole).
    public func concerns(_ weakness: String) -> Bool { weaknesses.isEmpty || weaknesses.contains(weakness) }

    /// Whether it is still open at `asOf` (closed only from its closing day on).
    public func isOpen(asOf: Day) -> Bool { closed.map { $0 > asOf } ?? true }
}
