/// An action past its due date and not complete, with what the board needs to challenge it.
public struct OverdueAction: Hashable, Sendable {
    /// `A12`.
    public let id: String
    /// What was to be done.
    public let title: String
    /// Its workstream's id.
    public let workstream: String
    /// Who does it.
    public let lead: String?
    /// The status last reported.
    public let status: ActionStatus
    /// The due date in force.
    public let due: Day
    /// The due date the statement first gave.
    public let originalDue: Day
    /// Calendar days past the due date in force.
    public let daysLate: Int
    /// How many times the due date has been moved.
    public let retargets: Int

    /// The overdue facts of `action` at `asOf` (call only for an overdue action).
    public init(_ action: ActionItem, asOf: Day) {
        id = action.id
        title = action.title
        workstream = action.workstream
        lead = action.lead
        status = action.status
        due = action.due
        originalDue = action.originalDue
        daysLate = action.daysLate(asOf: asOf)
        retargets = action.retargets.count
    }

    /// Most late first, then in id order, so the longest-standing problem heads the list.
    static func precedes(_ a: OverdueAction, _ b: OverdueAction) -> Bool {
        if a.daysLate != b.daysLate { return a.daysLate > b.daysLate }
        return a.id.idNumber < b.id.idNumber
    }
}
