extension SinceLastVisit {
    /// Works out the changes since the last visit from `plan` (folded at `asOf`) and its
    /// journal `entries` (the whole journal, or empty to go by dates alone).
    public init(plan: Plan, entries: [JournalEntry], asOf: Day) {
        let visible = entries.filter { $0.event.on <= asOf }
        guard let baseline = SinceLastVisit.baseline(plan: plan, entries: visible) else {
            self.init(baseline: nil, completed: [], slipped: [], evidence: [], readings: [])
            return
        }
        var builder = SinceLastVisitBuilder(plan: plan, asOf: asOf, baseline: baseline)
        // No journal: rebuild what the plan itself records, all of it dated.
        for entry in visible.isEmpty ? SinceLastVisit.syntheticEntries(plan) : visible { builder.add(entry) }
        self = builder.result()
    }

    /// The record from what both ways of working it out find: adds the actions that fell
    /// overdue since the baseline, turns the new readings into changes, and sorts each list.
    static func assemble(plan: Plan, baseline: SinceBaseline, asOf: Day, completed: [ActionCompletion],
                         slipped found: [ActionSlip], evidence: [Evidence], readings: [String: [Day: Double]]) -> SinceLastVisit {
        var slipped = found
        for action in plan.actions where action.status != .complete && action.due >= baseline.on && action.due < asOf {
            slipped.append(ActionSlip(id: action.id, title: action.title, workstream: action.workstream,
                                      on: action.due.adding(days: 1), kind: .fellOverdue, from: action.due, to: nil, reason: nil))
        }
        let changes: [ReadingChange] = plan.measures.compactMap { measure in
            guard let days = readings[measure.id], !days.isEmpty else { return nil }
            let fresh = days.keys.sorted().map { Reading(on: $0, value: days[$0] ?? 0) }
            let earlier = measure.readings.last { $0.on <= baseline.on && !days.keys.contains($0.on) }
            return ReadingChange(id: measure.id, title: measure.title, unit: measure.unit, direction: measure.direction,
                                 readings: fresh, before: earlier ?? measure.baseline, beforeIsBaseline: earlier == nil)
        }
        return SinceLastVisit(
            baseline: baseline,
            completed: completed.sorted { ($0.on, $0.id.idNumber) < ($1.on, $1.id.idNumber) },
            slipped: slipped.sorted { ($0.on, $0.id.idNumber, $0.kind.order) < ($1.on, $1.id.idNumber, $1.kind.order) },
            evidence: evidence.sorted { ($0.on, $0.id.idNumber) < ($1.on, $1.id.idNumber) },
            readings: changes)
    }

    /// The latest visit on or before the as-of day, else fit for purpose, else nil.
    private static func baseline(plan: Plan, entries: [JournalEntry]) -> SinceBaseline? {
        if let visit = plan.visits.last {
            // Visits are numbered in journal order, so the Nth visit line (within the view) is this one.
            let lines = entries.filter { $0.event.type == .monitoringVisitHeld }
            let seq = lines.count >= visit.number ? lines[visit.number - 1].seq : nil
            return SinceBaseline(kind: .visit, visit: visit.id, on: visit.on, seq: seq)
        }
        if let fit = plan.fitForPurpose {
            let seq = entries.first { entry in
                if case let .statementJudged(on, true, _) = entry.event { return on == fit }
                return false
            }?.seq
            return SinceBaseline(kind: .fitForPurpose, visit: nil, on: fit, seq: seq)
        }
        return nil
    }

    /// How bad a reported status is, so only a change for the worse counts as a slip.
    static func severity(_ status: ActionStatus) -> Int {
        switch status {
        case .notStarted, .onTrack, .complete: return 0
        case .atRisk: return 1
        case .offTrack: return 2
        }
    }

    /// Entries rebuilt from the plan's own dated records, for callers with no journal (tests,
    /// previews): the same facts, in date order, with no line numbers.
    private static func syntheticEntries(_ plan: Plan) -> [JournalEntry] {
        var events: [PlanEvent] = []
        for action in plan.actions {
            let added = ([action.originalDue] + action.statusHistory.map(\.on) + action.retargets.map(\.on)).min() ?? action.originalDue
            events.append(.actionAdded(on: added, id: action.id,
                                       workstream: action.workstream, title: action.title, lead: action.lead, due: action.originalDue))
            for change in action.statusHistory {
                events.append(.actionUpdated(on: change.on, id: action.id, status: change.status, note: change.note))
            }
            for retarget in action.retargets {
                events.append(.actionRetargeted(on: retarget.on, id: action.id, due: retarget.to, reason: retarget.reason,
                                                agreedWith: retarget.agreedWith))
            }
        }
        for item in plan.evidence { events.append(.evidenceAdded(evidence: item)) }
        for measure in plan.measures {
            for reading in measure.readings { events.append(.measureRecorded(on: reading.on, id: measure.id, value: reading.value)) }
        }
        // Stable by date; adds stay before their own updates because they were appended first.
        let ordered = events.enumerated().sorted { ($0.element.on, $0.offset) < ($1.element.on, $1.offset) }
        return ordered.map { JournalEntry(seq: 0, prev: "", recorded: "", by: "", event: $0.element) }
    }
}
