/// A plan's journal as people read it: in business-date order (then the order recorded), each
/// line with the later lines that corrected or withdrew it, and what it is about.
///
/// Nothing is hidden or rewritten: a corrected line shows as recorded, with a pointer to its
/// correction.
public struct PlanHistory: Sendable {
    /// One journal line and what the history knows about it.
    public struct Line: Sendable {
        /// The line as recorded.
        public let entry: JournalEntry
        /// What it is about.
        public let kind: HistoryKind
        /// The workstream it concerns, if any (an action's, a measure's, evidence's, a correction's
        /// target's, or that of the item a line a merge set aside was about).
        public let workstream: String?
        /// The later lines that amended or withdrew what this line recorded, in journal order.
        public internal(set) var correctedBy: [JournalEntry] = []
    }

    /// Every line, in business-date order then journal order.
    public let lines: [Line]

    /// The history of `entries` (a whole journal, in journal order).
    public init(_ entries: [JournalEntry]) {
        var workstreamOf: [String: String] = [:]     // A/M/E id → workstream; a workstream's id → itself
        var lineOf: [String: Int] = [:]              // item id → index of the line that added it
        var readingLines: [String: [Int]] = [:]      // "M2 2025-01-31" → indices of its readings
        var lifecycleIndex: [Int: Int] = [:]         // journal seq → index, for lifecycle lines
        var visits = 0
        var lines: [Line] = []
        for entry in entries {
            let event = entry.event
            let index = lines.count
            var workstream: String?
            switch event {
            case let .workstreamAdded(added):
                workstream = added.workstream.id
                workstreamOf[added.workstream.id] = added.workstream.id
                lineOf[added.workstream.id] = index
            case let .actionAdded(added):
                (workstream, workstreamOf[added.id], lineOf[added.id]) = (added.workstream, added.workstream, index)
            case let .measureAdded(added):
                (workstream, workstreamOf[added.id], lineOf[added.id]) = (added.workstream, added.workstream, index)
            case let .evidenceAdded(added):
                (workstream, workstreamOf[added.id], lineOf[added.id]) = (added.workstream, added.workstream, index)
            case let .actionUpdated(update):
                workstream = workstreamOf[update.id]
            case let .actionRetargeted(retarget):
                workstream = workstreamOf[retarget.id]
            case let .measureRecorded(recorded):
                workstream = workstreamOf[recorded.id]
                readingLines["\(recorded.id) \(recorded.on)", default: []].append(index)
            case .monitoringVisitHeld:
                visits += 1
                lineOf["V\(visits)"] = index
                lifecycleIndex[entry.seq] = index
            case .letterPublished, .statementSubmitted, .statementJudged, .revisitReported, .monitoringCeased,
                 .weaknessesReleased, .appRequested, .appSubmitted, .appJudged, .appPublished, .progressReviewHeld, .escalationIssued, .revisitDirected, .reportPublished, .strategicPlanPublished, .priorityActionPlanSubmitted, .priorityActionPlanJudged, .monitoringInspectionReported, .deadlineSet:
                lifecycleIndex[entry.seq] = index
            case let .lineSetAside(setAside):
                workstream = PlanHistory.workstream(of: setAside, workstreamOf)
            case .planCreated, .partnerRenamed, .followUpAdded, .followUpClosed:
                break
            case let .recordAmended(amended):
                workstream = PlanHistory.workstream(of: amended.target, workstreamOf)
                for corrected in PlanHistory.lines(of: amended.target, lineOf, readingLines, lifecycleIndex) {
                    lines[corrected].correctedBy.append(entry)
                }
            case let .recordWithdrawn(withdrawal):
                workstream = PlanHistory.workstream(of: withdrawal.target, workstreamOf)
                for corrected in PlanHistory.lines(of: withdrawal.target, lineOf, readingLines, lifecycleIndex) {
                    lines[corrected].correctedBy.append(entry)
                }
            }
            lines.append(Line(entry: entry, kind: HistoryKind(event.type), workstream: workstream))
        }
        // Stable: lines of the same day keep the order they were recorded in.
        self.lines = lines.enumerated().sorted { ($0.element.entry.event.on, $0.offset) < ($1.element.entry.event.on, $1.offset) }.map(\.element)
    }

    /// The lines on or after `since`, about `workstream`, of one of `kinds` (each filter only when given).
    public func lines(since: Day? = nil, workstream: String? = nil, kinds: Set<HistoryKind> = []) -> [Line] {
        lines.filter { line in
            (since.map { line.entry.event.on >= $0 } ?? true)
                && (workstream.map { line.workstream == $0 } ?? true)
                && (kinds.isEmpty || kinds.contains(line.kind))
        }
    }

    /// The workstream of the item a line set aside was about: the one its id names in the plan
    /// (a workstream it added, or the action, measure or evidence it reported, recorded,
    /// corrected or withdrew). A line that added an action, a measure or evidence gave an id of
    /// its own copy, which the merged plan never took in or gave to another item, so where it
    /// belonged is not known.
    private static func workstream(of setAside: PlanEvent.LineSetAside, _ workstreamOf: [String: String]) -> String? {
        guard let id = setAside.setAsideID, !setAside.setAsideType.givesItem else { return nil }
        return workstreamOf[id]
    }

    private static func workstream(of target: RecordTarget, _ workstreamOf: [String: String]) -> String? {
        switch target {
        case let .workstream(id): return id
        case let .action(id), let .measure(id), let .evidence(id), let .reading(id, _): return workstreamOf[id]
        case .visit, .lifecycle: return nil
        }
    }

    private static func lines(of target: RecordTarget, _ lineOf: [String: Int], _ readingLines: [String: [Int]],
                              _ lifecycleIndex: [Int: Int]) -> [Int] {
        switch target {
        case let .workstream(id), let .action(id), let .measure(id), let .evidence(id), let .visit(id):
            return lineOf[id].map { [$0] } ?? []
        case let .reading(id, on):
            return readingLines["\(id) \(on)"] ?? []
        case let .lifecycle(line):
            return lifecycleIndex[line].map { [$0] } ?? []
        }
    }
}
