import Foundation
import Testing
import WSoAEngine
#if canImport(Glibc)
import Glibc
#endif

/// Writers killed with SIGKILL part-way: every earlier event survives, and the worst left behind
/// is one torn last line, which `wsoa repair` sets aside.
@Suite struct CrashSafetyTests {
    /// What one kill left behind, once checked (and repaired).
    enum Aftermath { case intact, tornAndRepaired }

    /// Checks the plan's journal after a kill, given its bytes before the writer started:
    /// those bytes are still its start, and `verify` passes or names exactly one torn last line,
    /// which `repair` then sets aside (keeping the bytes) so that `verify` passes again.
    static func check(_ wsoa: WSoABinary, plan: String, before: [UInt8], context: String,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> (Aftermath, lines: Int) {
        let after = try wsoa.journalBytes(plan)
        #expect(after.starts(with: before), "\(context): earlier bytes changed", sourceLocation: sourceLocation)
        let complete = after.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let lines = after[..<complete].filter { $0 == 0x0A }.count
        let verify = try wsoa.runLimited(["verify", plan])
        if verify.status == 0 {
            #expect(verify.stdout.contains("ok — \(lines) events, every line checked against the hash chain and the rules"), "\(context): \(verify.stdout)",
                    sourceLocation: sourceLocation)
            return (.intact, lines)
        }
        let line = lines + 1
        #expect(verify.status == 1, sourceLocation: sourceLocation)
        #expect(verify.stderr == "Error: The journal \(wsoa.journalPath(plan)) is damaged at line \(line): the last line is incomplete (no newline at its end), as an interrupted write leaves it; 'wsoa repair \(plan)' can set it aside.\n",
                "\(context): verify said \(verify.stderr)", sourceLocation: sourceLocation)
        let tornBefore = Set(try FileManager.default.contentsOfDirectory(atPath: "\(wsoa.plans)/\(plan)")
            .filter { $0.hasPrefix("events.jsonl.torn-") })
        let repair = try wsoa.runLimited(["repair", plan])
        #expect(repair.status == 0, "\(context): repair said \(repair.stderr)", sourceLocation: sourceLocation)
        #expect(try wsoa.journalBytes(plan) == Array(after[..<complete]), "\(context): repair cut the wrong bytes",
                sourceLocation: sourceLocation)
        let kept = Set(try FileManager.default.contentsOfDirectory(atPath: "\(wsoa.plans)/\(plan)")
            .filter { $0.hasPrefix("events.jsonl.torn-") }).subtracting(tornBefore)
        #expect(kept.count == 1, sourceLocation: sourceLocation)
        if let name = kept.first {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(wsoa.plans)/\(plan)/\(name)")))
            #expect(bytes == Array(after[complete...]), "\(context): the torn bytes were not kept", sourceLocation: sourceLocation)
        }
        #expect(try wsoa.runLimited(["verify", plan]).status == 0, "\(context): still damaged after repair",
                sourceLocation: sourceLocation)
        return (.tornAndRepaired, lines)
    }

    /// The days from 20 October 2019 on, space-separated, for a loop that needs a new day each
    /// time: `$(set -- $DAYS; shift N; echo $1)` is the day N days on.
    static let days = (0..<2_000).map { Day(year: 2019, month: 10, day: 20)!.adding(days: $0).description }.joined(separator: " ")

    /// A shell loop running `wsoa` over and over, in its own process group so one SIGKILL takes
    /// the loop and the `wsoa` it is running.
    static func writerLoop(_ wsoa: WSoABinary, body: String, kill: Int, environment: [String: String] = [:]) throws -> ChildProcess {
        let script = "w=\"$0\"; k=\(kill); i=0; while :; do i=$((i+1)); \(body) || exit 3; done"
        return try ChildProcess("/bin/sh", ["-c", script, WSoABinary.executable.path],
                                environment: wsoa.childEnvironment(environment), ownGroup: true)
    }

    @Test(.enabled(if: LongTests.enabled, LongTests.skipped))
    func sigkillAtRandomMomentsLosesNothingEarlier() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStocktonDelivery()
        let plan = "stockton-on-tees-2019"
        // Big lines (50 follow-ups of 2,000 characters, about 300 KB: as big as the text limits
        // allow) take long enough to write that a kill can land mid-write.
        // A fresh one every few kills, so each run does not first re-read megabytes of them.
        var bigPlans: [String] = []
        func newBigPlan() throws -> String {
            let id = "big-\(bigPlans.count + 1)-2019"
            try wsoa.succeed(["new", id, "--area", "Big", "--inspected", "2019-02-04..2019-02-08"])
            try wsoa.succeed(["advance", id, "letter", "--on", "2019-04-24", "--wsoa", "--weakness", "Everything."])
            try wsoa.succeed(["advance", id, "submit", "--on", "2019-08-12"])
            try wsoa.succeed(["advance", id, "judge", "--on", "2019-10-17", "--fit"])
            bigPlans.append(id)
            return id
        }
        var bigPlan = try newBigPlan()
        // 1,998 characters of three bytes each: within the follow-up limit, about 6 KB.
        let chunk = String(repeating: "進捗の確認。", count: 333)
        #expect(chunk.unicodeScalars.count <= TextField.followUp.limit)

        let smallBody = """
            case $((i % 4)) in \
            0) "$w" evidence add \(plan) --workstream coproduction --kind voice --on 2020-01-10 --title "kill $k append $i";; \
            1) "$w" action update \(plan) A1 --status atRisk --on 2020-01-10 --note "kill $k append $i";; \
            2) "$w" action update \(plan) A1 --status onTrack --on 2020-01-10 --note "kill $k append $i";; \
            *) "$w" evidence add \(plan) --workstream coproduction --kind activity --on 2020-01-15 --title "kill $k append $i";; \
            esac
            """
        // A plan has one visit a day, in date order: each big visit a day later than the last
        // (a kill lands within the first one or two, so k × 10 + i only grows).
        let bigBody = "\"$w\" visit \"$BIG\" --on \"$(set -- $DAYS; shift $((k * 10 + i)); echo $1)\" --note \"kill $k append $i\""
            + String(repeating: " --follow-up \"$CHUNK\"", count: TextField.followUp.maximumCount)

        var kills = 0, torn = 0, tornBig = 0, linesChecked = 0, maxDelay = 0
        let started = ChildProcess.now()
        for kill in 0..<64 {
            // Most kills at a random few milliseconds into a loop of small appends; every fifth
            // the moment a big line starts reaching the journal.
            let big = kill % 5 == 4
            if big, try wsoa.journalBytes(bigPlan).count > 1_500_000 { bigPlan = try newBigPlan() }
            let target = big ? bigPlan : plan
            let before = try wsoa.journalBytes(target)
            let writer = try Self.writerLoop(wsoa, body: big ? bigBody : smallBody, kill: kill, environment: ["CHUNK": chunk, "BIG": bigPlan, "DAYS": Self.days])
            if big {
                let deadline = ChildProcess.now() + 20
                var info = stat()
                while ChildProcess.now() < deadline, !writer.hasEnded {
                    if stat(wsoa.journalPath(target), &info) == 0, Int(info.st_size) > before.count { break }
                    usleep(20)
                }
            } else {
                let delay = Int.random(in: 1...120)
                maxDelay = max(maxDelay, delay)
                usleep(useconds_t(delay * 1_000))
            }
            writer.send(SIGKILL)
            let outcome = writer.wait(timeout: 30)
            #expect(outcome.signal == SIGKILL, "kill \(kill): the writer loop ended by itself: \(outcome.stderr)")
            kills += 1
            let (aftermath, lines) = try Self.check(wsoa, plan: target, before: before, context: "kill \(kill)")
            if aftermath == .tornAndRepaired {
                torn += 1
                if big { tornBig += 1 }
            }
            linesChecked += lines
        }
        // Nothing duplicated: each tagged append is in the journal at most once.
        for target in [plan] + bigPlans {
            let notes = try PlanStore(directory: wsoa.plans).history(target).compactMap { entry -> String? in
                switch entry.event {
                case let .evidenceAdded(evidence): return evidence.title
                case let .actionUpdated(update): return update.note
                case let .monitoringVisitHeld(visit): return visit.note
                default: return nil
                }
            }.filter { $0.hasPrefix("kill ") }
            #expect(Set(notes).count == notes.count, "a killed write was recorded twice")
        }
        let seconds = ChildProcess.now() - started
        print("SIGKILL: \(kills) kills (delays up to \(maxDelay) ms, \(kills / 5) on a big line's first bytes), \(torn) torn last lines (\(tornBig) big) repaired, \(linesChecked) journal lines checked, \(String(format: "%.1f", seconds)) s")
        #expect(kills >= 50)
    }

    /// A torn line at a spread of cut points through a real last line, as a kill mid-write
    /// leaves it: reported at its line, set aside exactly, and the event can be recorded again.
    @Test(arguments: [1, 2, 17, 64, 128, 200, -2, -1])
    func aLineCutAnywhereIsReportedAndRepaired(_ cut: Int) throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        let plan = "stockton-on-tees-2019"
        let visit = ["visit", plan, "--on", "2020-01-22", "--adviser", "DfE SEND adviser", "--note", "first support and challenge visit"]
        let before = try wsoa.journalBytes(plan)
        try wsoa.succeed(visit)
        let whole = try wsoa.journalBytes(plan)
        let length = whole.count - before.count
        let keep = cut > 0 ? min(cut, length - 1) : length + cut
        try Data(whole.prefix(before.count + keep)).write(to: URL(fileURLWithPath: wsoa.journalPath(plan)))
        if keep < length {
            #expect(try Self.check(wsoa, plan: plan, before: before, context: "cut \(keep)/\(length)").0 == .tornAndRepaired)
        }
        #expect(try wsoa.journalBytes(plan) == (keep == length ? whole : before))
        if keep < length { try wsoa.succeed(visit) }
        try wsoa.succeed(["verify", plan])
        #expect(try PlanStore(directory: wsoa.plans).history(plan).count == 5)
    }
}
