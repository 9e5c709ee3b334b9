/// An action that slipped since the last monitoring visit.
public struct ActionSlip: Hashable, Sendable {
    /// `A12`.
    public let id: String
    /// What is to be done.
    public let title: String
    /// Its workstream's id.
    public let workstream: String
    /// The day of the slip (the report or retarget, or the first day overdue).
    public let on: Day
    /// How it slipped.
    public let kind: SlipKind
    /// For a retarget: the due date before; for falling overdue: the due date missed.
    public let from: Day?
    /// For a retarget: the new due date.
    public let to: Day?
    /// For a retarget: why; for a status report: the lead's note.
    public let reason: String?

    /// Makes a slip record.
    public init(id: String, title: String, workstream: String, on: Day, kind: SlipKind, from: Day?, to: Day?, reason: String?) {
        self.id = id
        self.title = title
        self.workstream = workstream
        self.on = on
        self.kind = kind
        self.from = from
        self.to = to
        self.reason = reason
    }

    /// What happened, in a few plain words, e.g. "retargeted from 30 Jun 2026 to 31 Dec 2026".
    public var summary: String {
        switch kind {
        case .retargeted:
            let moved = [from.map { "from \($0.shortDescription)" }, to.map { "to \($0.shortDescription)" }].compactMap { $0 }
            return (["retargeted"] + moved).joined(separator: " ")
        case .reportedAtRisk: return "reported at risk"
        case .reportedOffTrack: return "reported off track"
        case .fellOverdue: return "fell overdue" + (from.map { " (due \($0.shortDescription))" } ?? "")
        }
    }
}
