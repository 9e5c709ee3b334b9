import Foundation
import Testing
@testable import WSoAEngine

/// The report's fast path — the changes since the last visit from the plan and only the
/// journal's lines after the visit — must give exactly what the whole journal gives.
@Suite("Since the last visit from the journal's tail")
struct SinceLastVisitTailTests {
    /// The marker line of `plan` in `entries` (searching back from the end), as the store finds it.
    static func marker(_ plan: Plan, in entries: [JournalEntry]) -> Int? {
        guard let line = SinceLastVisit.baselineLine(of: plan) else { return nil }
        var found = 0
        for entry in entries.reversed() where entry.event.type == line.type && line.matches(entry.event) {
            found += 1
            if found == line.occurrence { return entry.seq }
        }
        return nil
    }

    /// Random plans, decided and folded in memory, compared at many points of their lives.
    @Test(arguments: 0..<24)
    func theTailGivesWhatTheWholeJournalGives(seed: UInt64) throws {
        var commands = RandomCommands(random: SeededGenerator(seed: 9_000 + seed), endless: true)
        let visit = try DayRange(start: Day(year: 2019, month: 2, day: 4)!, end: Day(year: 2019, month: 2, day: 8)!)
        let created = PlanEvent.PlanCreated(id: "tail-\(seed)", area: "Area", visit: visit, partners: Partners(la: "LA"))
        var plan = Plan(created: created)
        var entries = [JournalEntry(seq: 1, prev: "", recorded: "", by: "t", event: .planCreated(created))]
        var compared = 0, fast = 0
        for step in 1...600 {
            let command = commands.next(for: plan)
            guard let events = try? Plan.decide(command, on: plan, allowingPersonalData: true) else { continue }
            for event in events {
                plan.apply(event)
                entries.append(JournalEntry(seq: entries.count + 1, prev: "", recorded: "", by: "t", event: event))
            }
            guard step % 15 == 0 else { continue }
            let asOf = entries.map(\.event.on).max()!.adding(days: step % 45)
            let slow = SinceLastVisit(plan: plan, entries: entries, asOf: asOf)
            compared += 1
            guard let seq = Self.marker(plan, in: entries) else {
                #expect(slow.baseline == nil, "seed \(seed) step \(step): a baseline with no marker line")
                continue
            }
            if let tail = SinceLastVisit(plan: plan, baselineSeq: seq, tail: Array(entries[seq...]), asOf: asOf) {
                fast += 1
                // Compared as text: a reading may be NaN, which is never equal to itself.
                #expect(String(reflecting: tail) == String(reflecting: slow), "seed \(seed) step \(step)")
            }
        }
        #expect(compared > 0)
        // The plan can nearly always settle it alone.
        #expect(fast * 10 >= compared * 8, "seed \(seed): fast path in only \(fast) of \(compared)")
    }

    /// A report and a retarget of the same day, both before the visit's line and dated after
    /// it, cannot be ordered from the plan: the fast path declines rather than guess.
    @Test func aSameDayReportAndRetargetBeforeTheVisitLineDecline() throws {
        var fixture = ReadinessTestPlan()
        let id = fixture.action(due: "2024-09-01")
        fixture.retarget(id, to: "2024-10-01", on: "2024-08-10")
        fixture.complete(id, on: "2024-08-10")
        fixture.visit(on: "2024-08-01")
        let asOf = ReadinessTestPlan.day("2024-09-30")
        let plan = fixture.plan(asOf: asOf)
        let entries = fixture.entries
        let seq = try #require(Self.marker(plan, in: entries))
        #expect(SinceLastVisit(plan: plan, baselineSeq: seq, tail: Array(entries[seq...]), asOf: asOf) == nil)
        // Written after the visit, the same two lines are ordered by the tail itself.
        var later = ReadinessTestPlan()
        let other = later.action(due: "2024-09-01")
        later.visit(on: "2024-08-01")
        later.retarget(other, to: "2024-10-01", on: "2024-08-10")
        later.complete(other, on: "2024-08-10")
        let laterPlan = later.plan(asOf: asOf)
        let laterSeq = try #require(Self.marker(laterPlan, in: later.entries))
        let tail = try #require(SinceLastVisit(plan: laterPlan, baselineSeq: laterSeq, tail: Array(later.entries[laterSeq...]), asOf: asOf))
        #expect(tail == SinceLastVisit(plan: laterPlan, entries: later.entries, asOf: asOf))
        #expect(tail.completed.first?.due == ReadinessTestPlan.day("2024-10-01"))
    }

    /// A tail that does not end the plan's lists is refused, not trusted.
    @Test func aTailThatDoesNotFitThePlanIsRefused() throws {
        var fixture = ReadinessTestPlan()
        _ = fixture.evidence(.impact, on: "2024-05-01")
        fixture.visit(on: "2024-06-01")
        _ = fixture.evidence(.voice, on: "2024-06-10")
        let asOf = ReadinessTestPlan.day("2024-07-01")
        let plan = fixture.plan(asOf: asOf)
        let seq = try #require(Self.marker(plan, in: fixture.entries))
        let stranger = JournalEntry(seq: seq + 1, prev: "", recorded: "", by: "t", event: .actionUpdated(
            on: ReadinessTestPlan.day("2024-06-11"), id: "A99", status: .complete, note: nil))
        #expect(SinceLastVisit(plan: plan, baselineSeq: seq, tail: [stranger], asOf: asOf) == nil)
        let twice = Array(fixture.entries[seq...]) + Array(fixture.entries[seq...])
        #expect(SinceLastVisit(plan: plan, baselineSeq: seq, tail: twice, asOf: asOf) == nil)
    }

    /// The store finds the marker from the journal's end, through windows that grow, and
    /// returns exactly the checked lines after it.
    @Test func theStoreReadsOnlyTheLinesAfterTheMarker() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-tail-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = PlanStore(directory: folder)
        try store.initialize()
        var commands = RandomCommands(random: SeededGenerator(seed: 77), endless: true)
        let visit = try DayRange(start: Day(year: 2019, month: 2, day: 4)!, end: Day(year: 2019, month: 2, day: 8)!)
        _ = try store.create(PlanEvent.PlanCreated(id: "tail", area: "Area", visit: visit, partners: Partners(la: "LA")),
                             by: "t", recorded: "2026-11-23T10:00:00Z")
        var checked = 0
        for step in 1...700 {
            _ = try? store.append("tail", by: "t", recorded: "2026-11-23T10:00:00Z", personalDataAllowed: true) { current in
                try Plan.decide(commands.next(for: current), on: current, allowingPersonalData: true)
            }
            guard step % 50 == 0 else { continue }
            let loaded = try store.load("tail")
            let entries = try store.entries("tail")
            guard let line = SinceLastVisit.baselineLine(of: loaded.plan) else { continue }
            for window in [64, 1_000, PlanStore.tailWindow] {
                let tail = try #require(try store.journalTail("tail", after: line.type, occurrence: line.occurrence, matching: line.matches,
                                                              through: loaded.events, head: loaded.head, window: window))
                #expect(tail.seq == Self.marker(loaded.plan, in: entries))
                #expect(tail.entries == Array(entries[tail.seq...]))
            }
            // A head that is not the journal's is no answer.
            #expect(try store.journalTail("tail", after: line.type, occurrence: line.occurrence, matching: line.matches,
                                          through: loaded.events, head: JournalEntry.genesisHash) == nil)
            checked += 1
        }
        #expect(checked > 3)
    }

    /// Streamed through the builder, the whole journal gives what the held entries give, in
    /// any view: as-of days before, between and after the visits.
    @Test func theStreamedJournalGivesWhatTheHeldEntriesGive() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-stream-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = PlanStore(directory: folder)
        try store.initialize()
        var commands = RandomCommands(random: SeededGenerator(seed: 78), endless: true)
        let visit = try DayRange(start: Day(year: 2019, month: 2, day: 4)!, end: Day(year: 2019, month: 2, day: 8)!)
        _ = try store.create(PlanEvent.PlanCreated(id: "stream", area: "Area", visit: visit, partners: Partners(la: "LA")),
                             by: "t", recorded: "2026-11-23T10:00:00Z")
        for _ in 1...500 {
            _ = try? store.append("stream", by: "t", recorded: "2026-11-23T10:00:00Z", personalDataAllowed: true) { current in
                try Plan.decide(commands.next(for: current), on: current, allowingPersonalData: true)
            }
        }
        let entries = try store.entries("stream")
        let days = Set(entries.map(\.event.on)).sorted()
        var withBaseline = 0
        for index in stride(from: 0, to: days.count, by: max(1, days.count / 40)) + [days.count - 1] {
            let asOf = days[index]
            let loaded = try store.load("stream", asOf: asOf)
            let streamed = try store.sinceLastVisit("stream", plan: loaded.plan, asOf: asOf)
            let held = SinceLastVisit(plan: loaded.plan, entries: entries, asOf: asOf)
            #expect(streamed.events == entries.count)
            #expect(String(reflecting: streamed.since) == String(reflecting: held), "as of \(asOf)")
            if held.baseline?.seq != nil { withBaseline += 1 }
        }
        #expect(withBaseline > 5)
    }
}
