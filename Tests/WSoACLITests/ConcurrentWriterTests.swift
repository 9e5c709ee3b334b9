import Foundation
import Testing
import WSoAEngine

/// Several `wsoa` processes writing one plan at once: the lock must serialise them completely.
@Suite struct ConcurrentWriterTests {
    static let plan = "stockton-on-tees-2019"

    /// Runs each writer's commands one after another, all writers at once, each in its own
    /// process, and returns every outcome by writer. One thread polls them all, so the number of
    /// simultaneous processes does not depend on the test runner's thread pool.
    static func runWriters(_ wsoa: WSoABinary, _ writers: [[[String]]]) throws -> [[ChildProcess.Outcome]] {
        var outcomes = writers.map { _ in [ChildProcess.Outcome]() }
        var running: [ChildProcess?] = try writers.map { commands in
            try commands.first.map { try wsoa.spawn($0) }
        }
        let deadline = ChildProcess.now() + 170
        while running.contains(where: { $0 != nil }) {
            var progressed = false
            for writer in writers.indices {
                guard let child = running[writer], child.hasEnded else { continue }
                outcomes[writer].append(child.wait(timeout: 1))
                let next = outcomes[writer].count
                running[writer] = next < writers[writer].count ? try wsoa.spawn(writers[writer][next]) : nil
                progressed = true
            }
            if ChildProcess.now() > deadline {
                Issue.record("writers still running after 170 s")
                break
            }
            if !progressed { usleep(500) }
        }
        return outcomes
    }

    @Test(.enabled(if: LongTests.enabled, LongTests.skipped))
    func fourProcessesAppendAHundredMixedEventsEach() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStocktonDelivery()
        let start = try PlanStore(directory: wsoa.plans).history(Self.plan).count
        let writers = 4, each = 100
        let commands = (0..<writers).map { writer in
            (0..<each).map { index in WSoABinary.mixedAppend(writer * each + index, tag: "writer \(writer) append \(index)") }
        }
        let started = ChildProcess.now()
        let outcomes = try Self.runWriters(wsoa, commands)
        let seconds = ChildProcess.now() - started
        for (writer, results) in outcomes.enumerated() {
            for (index, result) in results.enumerated() where result.status != 0 {
                Issue.record("writer \(writer) command \(index) exited \(result.code): \(result.stderr)")
            }
            #expect(results.count == each)
        }

        let verify = try wsoa.succeed(["verify", Self.plan, "--json"]).stdout
        #expect(try JSONReader.parse(verify).arrayValue?.first?["events"]?.intValue == Int64(start + writers * each))
        let entries = try PlanStore(directory: wsoa.plans).history(Self.plan)
        #expect(entries.map(\.seq) == Array(1...(start + writers * each)), "seq has gaps or repeats")
        let added = entries.dropFirst(start)
        // Every tag (and every reading's own day) exactly once: nothing lost, nothing duplicated.
        var tags: [String: Int] = [:]
        for entry in added {
            switch entry.event {
            case let .evidenceAdded(evidence): tags[evidence.title, default: 0] += 1
            case let .actionUpdated(update): tags[update.note ?? "?", default: 0] += 1
            case let .monitoringVisitHeld(visit): tags[visit.note ?? "?", default: 0] += 1
            case let .measureRecorded(reading): tags["reading \(reading.on)", default: 0] += 1
            default: Issue.record("unexpected \(entry.event.type.rawValue) at line \(entry.seq)")
            }
        }
        var expected: [String: Int] = [:]
        for writer in 0..<writers {
            for index in 0..<each {
                let serial = writer * each + index
                expected[serial % 4 == 2 ? "reading \(WSoABinary.readingDay(serial))" : "writer \(writer) append \(index)"] = 1
            }
        }
        #expect(tags == expected)
        let view = try PlanStore(directory: wsoa.plans).fullView(Self.plan)
        let plan = view.plan
        #expect(plan.evidence.count == writers * each / 2)
        #expect(plan.evidence.map(\.id) == (1...(writers * each / 2)).map { "E\($0)" })
        #expect(plan.measures[0].readings.count == writers * each / 4)
        print("4 writers × 100 mixed appends: \(writers * each) events in \(String(format: "%.1f", seconds)) s, \(entries.count) lines checked")
    }

    /// One lifecycle step raced by two processes: exactly one records it, the other is refused
    /// by the lifecycle rule (the winner has already moved the plan on).
    struct Race: CustomStringConvertible, Sendable {
        let steps: Int
        let arguments: [String]
        let refusal: String
        var description: String { arguments[2] }
    }

    static let races: [Race] = [
        Race(steps: 2, arguments: ["advance", plan, "submit", "--on", "2019-08-12"],
             refusal: "Rule lifecycle refuses 'statement submitted' for \(plan): it needs the plan to be statement due, and the plan is statement under review."),
        Race(steps: 3, arguments: ["advance", plan, "judge", "--on", "2019-10-17", "--fit"],
             refusal: "Rule lifecycle refuses 'statement judged' for \(plan): it needs the plan to be statement under review, and the plan is monitoring."),
        Race(steps: 4, arguments: ["advance", plan, "revisit", "--on", "2022-09-26", "--visited", "2022-07-11..2022-07-13",
                                   "--sufficient", "W1,W2,W3,W4"],
             refusal: "Rule lifecycle refuses 'revisit reported' for \(plan): it needs the plan to be monitoring or accelerated progress plan, and the plan is cessation recommended."),
        Race(steps: 5, arguments: ["advance", plan, "cease", "--on", "2022-10-14"],
             refusal: "Rule final-phase refuses 'monitoring ceased' for \(plan): the plan is closed, a final phase, so nothing more can be recorded."),
    ]

    @Test(arguments: races)
    func twoProcessesRacingOneTransitionGiveOneWinner(_ race: Race) throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: race.steps)
        for round in 0..<3 {
            if round > 0 {
                // Start again from the same step in a fresh plans directory.
                try FileManager.default.removeItem(atPath: wsoa.plans)
                try wsoa.recordStockton(through: race.steps)
            }
            let before = try wsoa.journalBytes(Self.plan)
            let racers = try (0..<2).map { _ in try wsoa.spawn(race.arguments) }
            let results = racers.map { $0.wait(timeout: 60) }
            let winners = results.filter { $0.status == 0 }
            let losers = results.filter { $0.status != 0 }
            #expect(winners.count == 1, "round \(round): \(results.map { "\($0.code): \($0.stderr)" })")
            if let loser = losers.first {
                #expect(loser.status == 1)
                #expect(loser.stderr == "Error: \(race.refusal)\n")
            }
            let after = try wsoa.journalBytes(Self.plan)
            #expect(after.starts(with: before))
            #expect(after.split(separator: 0x0A).count == race.steps + 1, "exactly one line added")
            try wsoa.succeed(["verify", Self.plan])
        }
    }

    @Test func twoProcessesCreatingOnePlanGiveOneWinner() throws {
        let wsoa = try WSoABinary()
        try wsoa.succeed(["init"])
        for round in 0..<3 {
            let id = "race-\(round)-2019"
            let racers = try (0..<2).map { racer in
                try wsoa.spawn(["new", id, "--area", "Racer \(racer)", "--inspected", "2019-02-04..2019-02-08"])
            }
            let results = racers.map { $0.wait(timeout: 60) }
            #expect(results.filter { $0.status == 0 }.count == 1, "\(results.map(\.stderr))")
            #expect(results.contains { $0.status == 1 && $0.stderr.contains("A plan called '\(id)' already exists") })
            #expect(try wsoa.journalBytes(id).split(separator: 0x0A).count == 1)
        }
        try wsoa.succeed(["verify"])
    }
}
