import Foundation
import Testing
import WSoAEngine
#if canImport(Glibc)
import Glibc
#endif

/// `wsoa repair`: sets aside a torn last line, and nothing else, ever.
@Suite struct RepairTests {
    static let plan = "stockton-on-tees-2019"

    /// The files beside the journal that hold set-aside bytes.
    static func tornFiles(_ wsoa: WSoABinary) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "\(wsoa.plans)/\(plan)")
            .filter { $0.hasPrefix("events.jsonl.torn-") }.sorted()
    }

    /// Where to cut Stockton's 4th line (the judgement): after 1 byte, half way, all but the
    /// newline (a whole event missing only its newline).
    enum Cut: String, CaseIterable, Sendable { case oneByte, halfWay, allButNewline }

    @Test(arguments: Cut.allCases)
    func aTornLastLineIsSetAsideKeptAndCanBeRecordedAgain(_ cut: Cut) throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        let whole = try wsoa.journalBytes(Self.plan)
        let lines = whole.split(separator: 0x0A, omittingEmptySubsequences: false)
        let intact = Array(lines[0..<3].joined(separator: [0x0A])) + [0x0A]
        let last = Array(lines[3])
        let keep = switch cut {
        case .oneByte: 1
        case .halfWay: last.count / 2
        case .allButNewline: last.count
        }
        let torn = intact + last.prefix(keep)
        try Data(torn).write(to: URL(fileURLWithPath: wsoa.journalPath(Self.plan)))

        let verify = try wsoa.run(["verify", Self.plan])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("damaged at line 4: the last line is incomplete"))
        #expect(verify.stderr.contains("'wsoa repair \(Self.plan)' can set it aside"), "stderr was: \(verify.stderr)")

        let repair = try wsoa.succeed(["repair", Self.plan])
        #expect(repair.stdout.hasPrefix("Set aside the torn line 4 of \(Self.plan) (\(keep) byte"), "stdout was: \(repair.stdout)")
        #expect(repair.stdout.contains("the journal now ends at line 3, chain intact"))
        #expect(repair.stdout.contains("a whole event (statement judged)") == (cut == .allButNewline))
        #expect(try wsoa.journalBytes(Self.plan) == intact, "repair removed more, or less, than the torn line")
        let files = try Self.tornFiles(wsoa)
        try #require(files.count == 1)
        #expect(files[0].wholeMatch(of: /events\.jsonl\.torn-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ/) != nil, "named \(files[0])")
        #expect(repair.stdout.contains(files[0]))
        let kept = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(wsoa.plans)/\(Self.plan)/\(files[0])")))
        #expect(kept == Array(last.prefix(keep)), "the torn bytes were not kept exactly")

        try wsoa.succeed(["verify", Self.plan])
        try wsoa.succeed(["advance", Self.plan, "judge", "--on", "2019-10-17", "--fit", "--note", "Cabinet report date."])
        #expect(try wsoa.succeed(["verify", Self.plan]).stdout.contains("ok — 4 events"))
        let nothing = try wsoa.run(["repair", Self.plan])
        #expect(nothing.status == 1)
    }

    @Test func anIntactJournalHasNothingToRepair() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 3)
        let before = try wsoa.journal(Self.plan)
        let result = try wsoa.run(["repair", Self.plan])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: There is nothing to repair in \(wsoa.journalPath(Self.plan)): every line up to the last, line 3, is complete and the hash chain is intact.\n")
        #expect(result.stdout.isEmpty)
        #expect(try wsoa.journal(Self.plan) == before)
        #expect(try Self.tornFiles(wsoa).isEmpty)
    }

    /// Damage that is not (only) a torn last line: repair must refuse and touch nothing.
    enum Damage: String, CaseIterable, Sendable {
        case editedLineWithTornTail, blankLineInTheMiddle, reorderedLines, emptyJournal, firstLineNotJSON, duplicatedLastLine
    }

    @Test(arguments: Damage.allCases)
    func otherDamageIsRefusedAndLeftAsItIs(_ damage: Damage) throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        var lines = try wsoa.journalBytes(Self.plan).split(separator: 0x0A).map(Array.init)
        let expectedLine: Int
        var tail: [UInt8] = []
        switch damage {
        case .editedLineWithTornTail:
            lines[1] = Array(String(decoding: lines[1], as: UTF8.self).replacingOccurrences(of: "too variable", with: "fine").utf8)
            tail = Array(#"{"by":"tes"#.utf8)
            expectedLine = 3
        case .blankLineInTheMiddle:
            lines.insert([], at: 2)
            expectedLine = 3
        case .reorderedLines:
            lines.swapAt(2, 3)
            expectedLine = 3
        case .emptyJournal:
            lines = []
            expectedLine = 1
        case .firstLineNotJSON:
            lines[0] = Array("not json".utf8)
            expectedLine = 1
        case .duplicatedLastLine:
            lines.append(lines[3])
            tail = Array(#"{"#.utf8)
            expectedLine = 5
        }
        let bytes = lines.flatMap { $0 + [0x0A] } + tail
        try Data(bytes).write(to: URL(fileURLWithPath: wsoa.journalPath(Self.plan)))
        let result = try wsoa.run(["repair", Self.plan])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: Nothing was repaired: the journal \(wsoa.journalPath(Self.plan)) is damaged at line \(expectedLine) ("),
                "stderr was: \(result.stderr)")
        #expect(result.stderr.hasSuffix("only sets aside a torn last line, so the journal is left as it is to be restored from a backup.\n"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try wsoa.journalBytes(Self.plan) == bytes, "repair changed a journal it refused")
        #expect(try Self.tornFiles(wsoa).isEmpty)
    }

    @Test func aTornFirstLineSetsTheJournalAsideSoThePlanCanBeCreatedAgain() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 1)
        let line = try wsoa.journalBytes(Self.plan)
        let torn = Array(line.prefix(line.count / 3))
        try Data(torn).write(to: URL(fileURLWithPath: wsoa.journalPath(Self.plan)))
        #expect(try wsoa.run(["status", Self.plan]).stderr.contains("damaged at line 1: the last line is incomplete"))

        let repair = try wsoa.succeed(["repair", Self.plan])
        #expect(repair.stdout.contains("Set aside the torn line 1 of \(Self.plan) (\(torn.count) bytes) in \(wsoa.plans)/.\(Self.plan).torn-"))
        #expect(repair.stdout.hasSuffix("it was the plan's only line, so the plan's folder was moved aside with it and 'wsoa new \(Self.plan) …' can create the plan again.\n"))
        // The whole plan folder is set aside under a hidden name, the torn bytes kept in it.
        #expect(!FileManager.default.fileExists(atPath: "\(wsoa.plans)/\(Self.plan)"))
        let aside = try FileManager.default.contentsOfDirectory(atPath: wsoa.plans).filter { $0.hasPrefix(".\(Self.plan).torn-") }
        try #require(aside.count == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(wsoa.plans)/\(aside[0])").filter { $0.hasPrefix("events.jsonl.torn-") }
        try #require(files.count == 1)
        #expect(repair.stdout.contains("\(wsoa.plans)/\(aside[0])/\(files[0]);"))
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(wsoa.plans)/\(aside[0])/\(files[0])"))) == torn)
        #expect(try wsoa.succeed(["list"]).stdout.contains(Self.plan) == false)

        try wsoa.succeed(["new", Self.plan, "--area", "Stockton-on-Tees", "--inspected", "2019-02-04..2019-02-08"])
        try wsoa.succeed(["verify", Self.plan])
    }

    @Test func twoRepairsKeepTwoFiles() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 3)
        let intact = try wsoa.journalBytes(Self.plan)
        for (index, tail) in ["{\"by\"", "{\"by\":\"tester\",\"da"].enumerated() {
            try Data(intact + Array(tail.utf8)).write(to: URL(fileURLWithPath: wsoa.journalPath(Self.plan)))
            try wsoa.succeed(["repair", Self.plan])
            #expect(try Self.tornFiles(wsoa).count == index + 1)
            #expect(try wsoa.journalBytes(Self.plan) == intact)
        }
        let kept = try Self.tornFiles(wsoa).map { name in
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: "\(wsoa.plans)/\(Self.plan)/\(name)")), as: UTF8.self)
        }
        #expect(Set(kept) == ["{\"by\"", "{\"by\":\"tester\",\"da"])
    }

    @Test func repairWaitsForTheLockAndGivesUpWithExit75() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 2)
        let torn = try wsoa.journalBytes(Self.plan) + Array("{\"by".utf8)
        try Data(torn).write(to: URL(fileURLWithPath: wsoa.journalPath(Self.plan)))
        let fd = open("\(wsoa.plans)/\(Self.plan)/.lock", O_RDWR | O_CREAT, 0o644)
        try #require(fd >= 0)
        #expect(flock(fd, LOCK_EX) == 0)
        let busy = try wsoa.run(["repair", Self.plan], environment: ["WSOA_LOCK_TIMEOUT": "0.3"])
        #expect(busy.status == 75)
        #expect(try wsoa.journalBytes(Self.plan) == torn)
        #expect(try Self.tornFiles(wsoa).isEmpty)
        flock(fd, LOCK_UN)
        close(fd)
        try wsoa.succeed(["repair", Self.plan])
    }

    @Test func repairNeedsAnExistingPlanAndNoAsOf() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 2)
        #expect(try wsoa.run(["repair", "nowhere-2020"]).status == 1)
        #expect(try wsoa.run(["repair", "../x"]).status == 64)
        #expect(try wsoa.run(["repair"]).status == 64)
        #expect(try wsoa.run(["repair", Self.plan, "--as-of", "2019-05-01"]).status == 64)
        #expect(try wsoa.succeed(["repair", "--help"]).stdout.contains("USAGE: wsoa repair PLAN"))
    }
}
