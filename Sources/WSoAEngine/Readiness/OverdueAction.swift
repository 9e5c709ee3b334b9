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
    /// Working days past the due date in force, counted from the first working day on or after
    /// it: how late it is, wherever it is shown.
    public let workingDaysLate: Int
    /// How many times the due date has been moved.
    public let retargets: Int

    /// The overdue facts of `action` at `asOf`, counted in `calendar` (call only for an overdue
    /// action).
    public init(_ action: ActionItem, asOf: Day, calendar: WorkingCalendar) {
        id = action.id
        title = action.title
        workstream = action.workstream
        lead = action.lead
        status = action.status
        due = action.due
        originalDue = action.originalDue
        workingDaysLate = action.workingDaysLate(asOf: asOf, calendar: calendar)
        retargets = action.retargets.count
    }

    /// The overdue ones of `actions` at `asOf`, most late first.
    static func all(in actions: [ActionItem], asOf: Day, calendar: WorkingCalendar) -> [OverdueAction] {
        actions.filter { $0.isOverdue(asOf: asOf, calendar: calendar) }
            .map { OverdueAction($0, asOf: asOf, calendar: calendar) }
            .sorted(by: precedes)
    }

    /// Most late first, then in id order, so the longest-standing problem heads the list.
    static func precedes(_ a: OverdueAction, _ b: OverdueAction) -> Bool {
        if a.workingDaysLate != b.workingDaysLate { return a.workingDaysLate > b.workingDaysLate }
        return a.id.idNumber < b.id.idNumber
    }
}
