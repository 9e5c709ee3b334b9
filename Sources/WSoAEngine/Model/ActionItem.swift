/// An action in the statement (`A1…`): who does what by when, and how it stands.
public struct ActionItem: Hashable, Sendable {
    /// A moved due date, kept so the board sees every slip and who agreed it.
    public struct Retarget: Hashable, Sendable {
        /// The day it was agreed.
        public let on: Day
        /// The due date before.
        public let from: Day
        /// The new due date.
        public let to: Day
        /// Why.
        public let reason: String
        /// Who agreed it.
        public let agreedWith: String?
        /// The journal line that recorded it.
        public let line: Int
    }

    /// `A1`, `A2`, … in the order added.
    public let id: String
    /// The workstream it belongs to.
    public let workstream: String
    /// What will be done.
    public internal(set) var title: String
    /// Who does it.
    public internal(set) var lead: String?
    /// The day it was added to the plan.
    public let added: Day
    /// The due date the statement first gave.
    public let originalDue: Day
    /// The due date now in force (after retargets).
    public internal(set) var due: Day
    /// The latest reported status.
    public internal(set) var status: ActionStatus = .notStarted
    /// The day it was reported complete.
    public internal(set) var completed: Day?
    /// The day of the latest status report, if any (each action's reports, like its retargets,
    /// are recorded in date order).
    public internal(set) var lastReported: Day?
    /// Every retarget, oldest first.
    public internal(set) var retargets: [Retarget] = []

    /// The day it was withdrawn as recorded in error, if it was: a withdrawn action stays in
    /// the history but counts nowhere.
    public internal(set) var withdrawn: Day?

    /// Makes a newly added, not-started action.
    public init(id: String, workstream: String, title: String, lead: String?, added: Day, due: Day) {
        self.id = id
        self.added = added
        self.workstream = workstream
        self.title = title
        self.lead = lead
        self.originalDue = due
        self.due = due
    }

    /// The day of its latest status report or retarget, if any.
    public var lastChanged: Day? {
        guard let retargeted = retargets.last?.on else { return lastReported }
        return lastReported.map { max($0, retargeted) } ?? retargeted
    }
}
