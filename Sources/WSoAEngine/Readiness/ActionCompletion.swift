/// An action reported complete since the last monitoring visit.
public struct ActionCompletion: Hashable, Sendable {
    /// `A12`.
    public let id: String
    /// What was done.
    public let title: String
    /// Its workstream's id.
    public let workstream: String
    /// The day it was reported complete.
    public let on: Day
    /// The due date in force when it was completed, if known.
    public let due: Day?
    /// Working days from `due` to `on` (negative when early, positive when late), counted as
    /// ``WorkingCalendar/workingDaysLate(due:on:)`` counts, when the due date is known.
    public let workingDaysLate: Int?

    /// Makes a completion record.
    public init(id: String, title: String, workstream: String, on: Day, due: Day?, workingDaysLate: Int?) {
        self.id = id
        self.title = title
        self.workstream = workstream
        self.on = on
        self.due = due
        self.workingDaysLate = workingDaysLate
    }
}
