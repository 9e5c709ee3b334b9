import Testing
@testable import WSoAEngine

/// "Since the last monitoring visit" (`SinceLastVisit(plan:record:asOf:)`), the one way the
/// report works out what changed for the next support-and-challenge meeting.
///
/// The baseline is the last visit in view, else the first fit-for-purpose judgement, else
/// none. An item counts as new when it is dated after the baseline's day or was recorded on a
/// later journal line than the baseline's, so evidence back-dated after a visit (which the
/// advisers cannot have seen) still shows. Pinned by scenarios, and on random plans against a
/// reference worked out here from the journal's events line by line.
@Suite("Since the last visit")
struct SinceLastVisitTests {
    static func day(_ text: String) -> Day { ReadinessTestPlan.day(text) }

    // MARK: The baseline

    @Test("before fit for purpose there is no baseline and nothing is listed, whatever was recorded")
    func noBaselineBeforeFitForPurpose() {
        var fixture = ReadinessTestPlan()
        fixture.evidence(.impact, on: "2024-03-01")
        let before = fixture.since(asOf: "2024-03-31")  // the statement was judged fit on 1 April 2024
        #expect(before.baseline == nil)
        #expect(before.isEmpty && before.evidence.isEmpty)
        #expect(fixture.since(asOf: "2024-04-01").baseline?.kind == .fitForPurpose)
        #expect(SinceLastVisit(plan: ReadinessTestPlan.justInspected().plan, record: DeliveryRecord(), asOf: Self.day("2027-01-01"),
                              calendar: .englandAndWales).baseline == nil)
    }

    @Test("the baseline is fit for purpose until the first visit, then the last visit in view, each with its own line")
    func baselines() {
        var fixture = ReadinessTestPlan()
        // Fit for purpose on 1 April 2024 (line 4) starts monitoring.
        #expect(fixture.since(asOf: "2024-06-30").baseline == SinceBaseline(kind: .fitForPurpose, visit: nil, on: Self.day("2024-04-01"), line: 4))
        fixture.visit(on: "2024-07-10")
        let first = fixture.lastLine
        fixture.evidence(.activity, on: "2024-08-01")
        fixture.visit(on: "2024-10-10")
        let second = fixture.lastLine
        #expect(fixture.since(asOf: "2024-07-09").baseline?.kind == .fitForPurpose)
        #expect(fixture.since(asOf: "2024-07-10").baseline == SinceBaseline(kind: .visit, visit: "V1", on: Self.day("2024-07-10"), line: first))
        #expect(fixture.since(asOf: "2024-10-09").baseline?.visit == "V1")
        #expect(fixture.since(asOf: "2024-10-09").evidence.map(\.id) == ["E1"])
        #expect(fixture.since(asOf: "2030-01-01").baseline == SinceBaseline(kind: .visit, visit: "V2", on: Self.day("2024-10-10"), line: second))
        #expect(fixture.since(asOf: "2030-01-01").evidence.isEmpty)
    }

    // MARK: What counts as new

    @Test("evidence counts as new when dated after the visit or recorded after its line")
    func newEvidence() {
        var fixture = ReadinessTestPlan()
        fixture.evidence(.impact, on: "2025-03-01")                 // E1: dated and recorded before: not new
        fixture.evidence(.voice, on: "2025-03-12")                  // E2: recorded before the visit's line, dated after it
        fixture.evidence(.data, on: "2025-03-10")                   // E3: the visit's own day, recorded before it: not new
        fixture.visit(on: "2025-03-10")                             //     (the visit recorded two days late)
        fixture.evidence(.activity, on: "2025-03-10")               // E4: the visit's day, recorded after it
        fixture.evidence(.qualityAssurance, on: "2025-02-01")       // E5: back-dated, recorded after the visit
        fixture.evidence(.external, on: "2025-04-01")               // E6: plainly new
        let since = fixture.since(asOf: "2025-06-30")
        #expect(since.evidence.map(\.id) == ["E5", "E4", "E2", "E6"], "in date order")
        // Each item is the record's, with the line that recorded it.
        #expect(since.evidence.first?.line == fixture.lastLine - 1)
    }

    @Test("an action counts as completed when its last report since the baseline is complete, with the due date then in force")
    func completions() {
        var fixture = ReadinessTestPlan()
        let before = fixture.action(due: "2025-02-28", completed: "2025-02-20")   // completed before the visit
        let done = fixture.action(due: "2025-04-30")
        let reopened = fixture.action(due: "2025-05-31")
        fixture.visit(on: "2025-03-10")
        fixture.complete(done, on: "2025-04-02")
        fixture.retarget(done, to: "2025-09-30", on: "2025-04-20")                 // after it was done: not its due then
        fixture.complete(reopened, on: "2025-04-03")
        fixture.status(reopened, .onTrack, on: "2025-04-25")
        let since = fixture.since(asOf: "2025-06-30")
        #expect(since.completed.map(\.id) == [done])
        #expect(since.completed.first?.due == Self.day("2025-04-30"))
        #expect(since.completed.first?.on == Self.day("2025-04-02"))
        #expect(!since.completed.contains { $0.id == before })
    }

    @Test("a completion is late in working days, a Saturday due date being kept by the Monday", arguments: [
        ("2025-04-11", -1),  // the Friday before
        ("2025-04-12", -1),  // the Saturday itself: Monday was still to come
        ("2025-04-14", 0),   // the Monday: in time
        ("2025-04-15", 1),   // the Tuesday: 1 working day late
        ("2025-04-22", 4),   // Good Friday 18 and Easter Monday 21 April 2025 are not counted
    ])
    func completionLateness(completed: String, late: Int) {
        var fixture = ReadinessTestPlan()
        fixture.visit(on: "2025-03-10")
        let id = fixture.action(due: "2025-04-12", completed: completed)
        let since = fixture.since(asOf: "2025-06-30")
        #expect(since.completed.map(\.id) == [id])
        #expect(since.completed.first?.workingDaysLate == late)
        let markdown = MarkdownReport.render(fixture.assessment(asOf: "2025-06-30"))
        // The "Actions completed" row names the workstream; the workstream's own actions table does not.
        let row = markdown.split(separator: "\n").first { $0.hasPrefix("| \(id) ") && $0.contains("| ws |") && $0.contains("12 Apr 2025") }
        let words = late > 0 ? "completed \(late == 1 ? "1 working day" : "\(late) working days") late" : nil
        #expect(row.map { words.map($0.contains) ?? !$0.contains("late") } == true)
    }

    @Test("an action completed and then reported at risk since the visit is not listed as completed")
    func completedThenAtRisk() {
        var fixture = ReadinessTestPlan()
        let id = fixture.action(due: "2025-12-31")
        fixture.visit(on: "2025-03-10")
        fixture.complete(id, on: "2025-04-02")
        fixture.status(id, .atRisk, on: "2025-05-02")
        let since = fixture.since(asOf: "2025-06-30")
        #expect(fixture.plan.action(id)?.status == .atRisk)
        #expect(since.slipped.map(\.kind) == [.reportedAtRisk])
        // The last report since the baseline decides whether an action counts as completed.
        #expect(since.completed.isEmpty)
    }

    @Test("slips: a retarget to a later day, a report worse than the one before, a due date passed since the baseline")
    func slips() {
        var fixture = ReadinessTestPlan()
        let later = fixture.action(due: "2025-05-31")
        let earlier = fixture.action(due: "2025-08-31")
        let worse = fixture.action(due: "2025-12-31")
        let same = fixture.action(due: "2025-12-31")
        let dueOnVisit = fixture.action(due: "2025-03-10")
        let dueBefore = fixture.action(due: "2025-03-07")
        let dueAsOf = fixture.action(due: "2025-06-30")
        let dueDone = fixture.action(due: "2025-04-30")
        // Sunday 9 March 2025 is kept by Monday 10 March, the visit's day: it fell overdue after it.
        let dueSunday = fixture.action(due: "2025-03-09")
        fixture.status(worse, .atRisk, on: "2025-02-01")
        fixture.status(same, .offTrack, on: "2025-02-01")
        fixture.visit(on: "2025-03-10")
        fixture.retarget(later, to: "2025-09-30", on: "2025-04-10")
        fixture.retarget(earlier, to: "2025-07-31", on: "2025-04-11")     // brought forward: not a slip
        fixture.status(worse, .offTrack, on: "2025-05-20")
        fixture.status(same, .atRisk, on: "2025-05-21")                   // better than off track: not a slip
        fixture.complete(dueDone, on: "2025-05-02")
        let since = fixture.since(asOf: "2025-06-30")
        #expect(since.slipped.map { "\($0.id) \($0.kind.rawValue)" } == [
            "\(dueOnVisit) fellOverdue", "\(dueSunday) fellOverdue", "\(later) retargeted", "\(worse) reportedOffTrack",
        ])
        #expect(since.slipped[0].on == Self.day("2025-03-11") && since.slipped[0].from == Self.day("2025-03-10"))
        #expect(since.slipped[1].on == Self.day("2025-03-11") && since.slipped[1].from == Self.day("2025-03-09"))
        #expect(since.slipped[2].from == Self.day("2025-05-31") && since.slipped[2].to == Self.day("2025-09-30"))
        #expect(since.slipped[2].reason == "Slipped.")
        // Overdue from before the baseline was already overdue at the visit; due on the as-of day is not yet overdue.
        #expect(!since.slipped.contains { [dueBefore, dueAsOf, dueDone, earlier, same].contains($0.id) })
        // The day after, the action due on the as-of day has fallen overdue.
        #expect(fixture.since(asOf: "2025-07-01").slipped.contains { $0.id == dueAsOf && $0.kind == .fellOverdue })
    }

    @Test("readings: the new ones by day (a later one for a day replacing it), against the last reading before the baseline")
    func readings() {
        var fixture = ReadinessTestPlan()
        let m1 = fixture.measure(baseline: 40, "2024-01-31", target: 60, "2026-01-31")
        let m2 = fixture.measure(baseline: 30, "2024-01-31", target: 10, "2026-01-31", lower: true)
        let m3 = fixture.measure(baseline: 5, "2024-01-31", target: 9, "2026-01-31")
        fixture.reading(m1, "2025-01-31", 44)
        fixture.reading(m1, "2025-02-28", 45)
        fixture.reading(m3, "2025-02-28", 6)
        fixture.visit(on: "2025-03-10")
        fixture.reading(m1, "2025-04-30", 46)
        fixture.reading(m1, "2025-02-28", 43)      // back-dated correction of February's reading
        fixture.reading(m1, "2025-04-30", 47)      // replaces April's
        fixture.reading(m2, "2025-05-31", 28)
        let since = fixture.since(asOf: "2025-06-30")
        #expect(since.readings.map(\.id) == [m1, m2])
        #expect(since.readings[0].readings == [Reading(on: Self.day("2025-02-28"), value: 43), Reading(on: Self.day("2025-04-30"), value: 47)])
        // February's old reading was corrected since, so the comparison is with January's.
        #expect(since.readings[0].before == Reading(on: Self.day("2025-01-31"), value: 44))
        #expect(!since.readings[0].beforeIsBaseline)
        #expect(since.readings[1].before == Reading(on: Self.day("2024-01-31"), value: 30))
        #expect(since.readings[1].beforeIsBaseline)
        #expect(since.readings[1].trend == .improving)
    }

    @Test("an as-of view sees neither later items nor a later visit")
    func asOfViews() {
        var fixture = ReadinessTestPlan()
        let id = fixture.action(due: "2025-12-31")
        fixture.visit(on: "2025-01-10")
        fixture.evidence(.impact, on: "2025-02-01")
        fixture.complete(id, on: "2025-02-15")
        fixture.visit(on: "2025-04-10")
        fixture.evidence(.voice, on: "2025-05-01")
        let between = fixture.since(asOf: "2025-03-31")
        #expect(between.baseline?.visit == "V1")
        #expect(between.evidence.map(\.id) == ["E1"])
        #expect(between.completed.map(\.id) == [id])
        let after = fixture.since(asOf: "2025-06-30")
        #expect(after.baseline?.visit == "V2")
        #expect(after.evidence.map(\.id) == ["E2"])
        #expect(after.completed.isEmpty)
    }

    // MARK: Random plans against a reference

    /// What changed since the last visit, worked out from the journal's events one line at a
    /// time as the description says, independently of the plan's and record's folding (and of
    /// its lookups by position: actions and measures are found here by id).
    static func reference(_ events: [PlanEvent], asOf: Day) -> SinceLastVisit {
        let plan = TestJournals.fold(events, asOf: asOf).plan
        let calendar = WorkingCalendar.englandAndWales
        let view = events.enumerated().map { (line: $0.offset + 1, event: $0.element) }.filter { $0.line == 1 || $0.event.on <= asOf }
        var visitBaseline: SinceBaseline?, fitBaseline: SinceBaseline?
        var visits = 0
        for (line, event) in view {
            switch event {
            case let .monitoringVisitHeld(visit):
                visits += 1
                visitBaseline = SinceBaseline(kind: .visit, visit: "V\(visits)", on: visit.on, line: line)
            case let .statementJudged(judged) where judged.fit && fitBaseline == nil:
                fitBaseline = SinceBaseline(kind: .fitForPurpose, visit: nil, on: judged.on, line: line)
            default: break
            }
        }
        guard let baseline = visitBaseline ?? fitBaseline else {
            return SinceLastVisit(baseline: nil, completed: [], slipped: [], evidence: [], readings: [])
        }
        func isNew(_ on: Day, _ line: Int) -> Bool { on > baseline.on || line > baseline.line }
        func number(_ id: String) -> Int { Int(id.dropFirst()) ?? 0 }
        func severity(_ status: ActionStatus) -> Int { status == .offTrack ? 2 : status == .atRisk ? 1 : 0 }

        var actions: [String: (title: String, workstream: String, due: Day)] = [:]
        var status: [String: ActionStatus] = [:]
        var completed: [String: ActionCompletion] = [:]
        var slipped: [ActionSlip] = []
        var evidence: [Evidence] = []
        var all: [String: [Day: Double]] = [:], fresh: [String: [Day: Double]] = [:]
        for (line, event) in view {
            switch event {
            case let .actionAdded(added):
                actions[added.id] = (added.title, added.workstream, added.due)
            case let .actionRetargeted(retarget):
                guard let action = actions[retarget.id] else { continue }
                actions[retarget.id]?.due = retarget.due
                if isNew(retarget.on, line), retarget.due > action.due {
                    slipped.append(ActionSlip(id: retarget.id, title: action.title, workstream: action.workstream, on: retarget.on,
                                              kind: .retargeted, from: action.due, to: retarget.due, reason: retarget.reason))
                }
            case let .actionUpdated(update):
                guard let action = actions[update.id] else { continue }
                let previous = status[update.id] ?? .notStarted
                status[update.id] = update.status
                guard isNew(update.on, line) else { continue }
                switch update.status {
                case .complete:
                    completed[update.id] = ActionCompletion(id: update.id, title: action.title, workstream: action.workstream,
                                                            on: update.on, due: action.due,
                                                            workingDaysLate: calendar.workingDaysLate(due: action.due, on: update.on))
                case .notStarted, .onTrack:
                    completed[update.id] = nil
                case .atRisk, .offTrack:
                    // The last report since the baseline decides whether it counts as completed.
                    completed[update.id] = nil
                    if severity(update.status) > severity(previous) {
                        slipped.append(ActionSlip(id: update.id, title: action.title, workstream: action.workstream, on: update.on,
                                                  kind: update.status == .atRisk ? .reportedAtRisk : .reportedOffTrack,
                                                  from: nil, to: nil, reason: update.note))
                    }
                }
            case let .evidenceAdded(added):
                if isNew(added.on, line) { evidence.append(Evidence(added, line: line)) }
            case let .measureRecorded(recorded):
                all[recorded.id, default: [:]][recorded.on] = recorded.value
                if isNew(recorded.on, line) { fresh[recorded.id, default: [:]][recorded.on] = recorded.value }
            default: break
            }
        }
        // Overdue from the day after the first working day on or after the due date.
        for action in plan.actions where action.status != .complete {
            let firstDayOverdue = calendar.effectiveDue(action.due).adding(days: 1)
            guard firstDayOverdue > baseline.on && firstDayOverdue <= asOf else { continue }
            slipped.append(ActionSlip(id: action.id, title: action.title, workstream: action.workstream, on: firstDayOverdue,
                                      kind: .fellOverdue, from: action.due, to: nil, reason: nil))
        }
        let changes: [ReadingChange] = plan.measures.compactMap { measure in
            guard let days = fresh[measure.id] else { return nil }
            let earlier = (all[measure.id] ?? [:]).filter { $0.key <= baseline.on && days[$0.key] == nil }.max { $0.key < $1.key }
            return ReadingChange(id: measure.id, title: measure.title, unit: measure.unit, direction: measure.direction,
                                 readings: days.keys.sorted().map { Reading(on: $0, value: days[$0]!) },
                                 before: earlier.map { Reading(on: $0.key, value: $0.value) } ?? measure.baseline,
                                 beforeIsBaseline: earlier == nil)
        }
        return SinceLastVisit(
            baseline: baseline,
            completed: completed.values.sorted { ($0.on, number($0.id)) < ($1.on, number($1.id)) },
            slipped: slipped.sorted { ($0.on, number($0.id), $0.kind.order) < ($1.on, number($1.id), $1.kind.order) },
            evidence: evidence.sorted { ($0.on, number($0.id)) < ($1.on, number($1.id)) },
            readings: changes)
    }

    /// Whether the view of `events` at `asOf` leaves out an action or measure while keeping a
    /// later-numbered one (added on an earlier day), or holds a report, retarget or reading for
    /// one it leaves out: views where ids and positions differ, which must come out right too.
    static func hasGaps(_ events: [PlanEvent], asOf: Day) -> Bool {
        var actions = Set<String>(), measures = Set<String>(), referenced = Set<String>()
        for event in events where event.on <= asOf {
            switch event {
            case let .actionAdded(added): actions.insert(added.id)
            case let .measureAdded(added): measures.insert(added.id)
            case let .actionUpdated(update): referenced.insert(update.id)
            case let .actionRetargeted(retarget): referenced.insert(retarget.id)
            case let .measureRecorded(recorded): referenced.insert(recorded.id)
            default: break
            }
        }
        let dense = actions == Set((0..<actions.count).map { "A\($0 + 1)" }) && measures == Set((0..<measures.count).map { "M\($0 + 1)" })
        return !dense || !referenced.isSubset(of: actions.union(measures))
    }

    @Test("random plans at many as-of days give what the journal, read line by line, gives", arguments: 0..<24)
    func randomPlans(seed: UInt64) throws {
        // Without corrections, which the line-by-line reference does not model (CorrectionTests and
        // the property tests cover them).
        let events = TestJournals.randomEvents(seed: 9_000 + seed, steps: 600, corrections: false)
        let days = Set(events.map(\.on)).sorted()
        var compared = 0, withBaseline = 0, withChanges = 0
        for index in stride(from: 0, to: days.count, by: max(1, days.count / 30)) {
            for asOf in [days[index], days[index].adding(days: 20)] {
                let (plan, record) = TestJournals.fold(events, asOf: asOf)
                let since = SinceLastVisit(plan: plan, record: record, asOf: asOf, calendar: .englandAndWales)
                #expect(since == Self.reference(events, asOf: asOf), "seed \(seed) as of \(asOf)")
                compared += 1
                if since.baseline != nil { withBaseline += 1 }
                if !since.isEmpty { withChanges += 1 }
            }
        }
        // The runs reach monitoring and find changes, or the comparison proves little.
        #expect(compared > 20, "seed \(seed)")
        #expect(withBaseline > 5, "seed \(seed)")
        #expect(withChanges > 3, "seed \(seed)")
    }

    @Test("random plans give as-of views with gaps between ids, so the comparison above covers them")
    func randomPlansHaveGaps() {
        let seeds = (UInt64(0)..<24).filter { seed in
            let events = TestJournals.randomEvents(seed: 9_000 + seed, steps: 600)
            return Set(events.map(\.on)).contains { Self.hasGaps(events, asOf: $0) }
        }
        #expect(seeds.count >= 6, "only seeds \(seeds) have views with gaps")
    }

    @Test("an as-of view that leaves out an earlier-numbered action keeps each report with its own action")
    func asOfViewWithAGap() {
        var fixture = ReadinessTestPlan()
        fixture.visit(on: "2025-01-05")
        let later = fixture.action(due: "2025-12-31", added: "2025-06-01")       // A1, added in June
        let early = fixture.action(due: "2025-02-28", added: "2025-01-10")       // A2, back-dated to January
        fixture.complete(early, on: "2025-02-01")
        let asOf = ReadinessTestPlan.day("2025-03-31")
        let view = fixture.plan(asOf: asOf)
        #expect(view.actions.map(\.id) == [early])
        let since = fixture.since(asOf: "2025-03-31")
        #expect(view.action(later) == nil, "A1 is not in this view, but the lookup finds \(String(describing: view.action(later)?.id))")
        #expect(view.action(early)?.status == .complete, "A2's completion was not applied to it")
        #expect(since.completed.map(\.id) == [early])
        #expect(!since.slipped.contains { $0.id == early }, "a completed action does not fall overdue")
        // The full view is right: every action is there, so positions and ids agree.
        #expect(fixture.plan.action(early)?.status == .complete)
        #expect(fixture.plan.action(later)?.status == .notStarted)
    }

    @Test("the report's assessment holds exactly these changes")
    func assessmentUsesIt() {
        let fixture = ReadinessTestPlan.sustained()
        let assessment = fixture.assessment(asOf: "2025-06-30")
        #expect(assessment.since == fixture.since(asOf: "2025-06-30"))
        #expect(assessment.since.baseline?.kind == .fitForPurpose)
        #expect(!assessment.since.evidence.isEmpty)
    }
}
