/// An action in the statement (`A1…`): who does what by when, and how it went.
public struct ActionItem: Hashable, Sendable, Codable {
    /// A status report with its date.
    public struct StatusChange: Hashable, Sendable, Codable {
        /// The day of the report.
        public var on: Day
        /// The status reported.
        public var status: ActionStatus
        /// What the lead said.
        public var note: String?
    }

    /// A moved due date, kept so the board sees every slip and who agreed it.
    public struct Retarget: Hashable, Sendable, Codable {
        /// The day it was agreed.
        public var on: Day
        /// The due date before.
        public var from: Day
        /// The new due date.
        public var to: Day
        /// Why.
        public var reason: String
        /// Who agreed it.
        public var agreedWith: String?
    }

    /// `A1`, `A2`, … in the order added.
    public var id: String
    /// The workstream it belongs to.
    public var workstream: String
    /// What will be done.
    public var title: String
    /// Who does it.
    public var lead: String?
    /// The due date the statement first gave.
    public var originalDue: Day
    /// The due date now in force (after retargets).
    public var due: Day
    /// The latest reported status.
    public var status: ActionStatus
    /// Every status report, oldest first (kept encoded until first read when it came from a snapshot).
    public var statusHistory: DeferredList<StatusChange>
    /// The day it was reported complete.
    public var completed: Day?
    /// Every retarget, oldest first (kept encoded until first read when it came from a snapshot).
    public var retargets: DeferredList<Retarget>

    /// Makes a newly added, not-started action.
    public init(id: String, workstream: String, title: String, lead: String?, due: Day) {
        self.id = id
        self.workstream = workstream
        self.title = title
        self.lead = lead
        self.originalDue = due
        self.due = due
        self.status = .notStarted
        self.statusHistory = []
        self.completed = nil
        self.retargets = []
    }

    /// Whether it is past its due date (as now retargeted) and not complete at `asOf`.
    public func isOverdue(asOf: Day) -> Bool {
        status != .complete && due < asOf
    }

    /// Calendar days past due at `asOf` (0 when not overdue).
    public func daysLate(asOf: Day) -> Int {
        isOverdue(asOf: asOf) ? due.days(to: asOf) : 0
    }
}
