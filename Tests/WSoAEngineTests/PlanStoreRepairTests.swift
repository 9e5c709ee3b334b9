import Foundation
import Testing
@testable import WSoAEngine

/// `PlanStore.repair`: it sets aside a torn last line — at every possible cut — and nothing
/// else, keeping the torn bytes beside the journal; it refuses an intact journal and damage
/// before the last line, changing nothing.
@Suite("Plan store: repair")
struct PlanStoreRepairTests {
    static let recorded = "2026-11-23T10:15:00Z"

    /// A plans directory with Stockton's first four lines and a fifth (a visit with a long,
    /// non-ASCII note); the first four lines' bytes and the fifth's.
    static func setUp() throws -> (plans: TemporaryPlans, intact: [UInt8], last: [UInt8]) {
        let plans = try TemporaryPlans()
        try StocktonHistory.record(in: plans.store, lines: 4)
        let intact = try plans.journal(stocktonID)
        try plans.store.record(.holdMonitoringVisit(on: Day(parsing: "2020-01-22"), advisers: ["DfE SEND adviser"], ratings: [:],
                                                    followUps: [], note: "first visit — “quoted”, ünïcode"),
                               in: stocktonID, by: lead, recorded: recorded)
        let all = try plans.journal(stocktonID)
        return (plans, intact, Array(all[intact.count...]))
    }

    @Test("every cut through the last line is set aside exactly, and nothing else is touched")
    func everyCut() throws {
        let (plans, intact, last) = try Self.setUp()
        defer { plans.remove() }
        let path = plans.journalPath(stocktonID)
        let head = SHA256.hexDigest(try #require(TestJournals.lines(intact).last))
        // Every length from one byte to all but the newline.
        for keep in 1..<last.count {
            try plans.writeJournal(stocktonID, intact + last.prefix(keep))
            #expect(throws: WSoAError.self) { try plans.store.view(stocktonID) }
            let repair = try plans.store.repair(stocktonID, by: lead, recorded: Self.recorded)
            #expect(repair.path == path)
            #expect(repair.line == 5 && repair.bytes == keep && repair.events == 4 && repair.head == head, "cut at \(keep)")
            // Only a whole line that lacked its newline is named, so it can be recorded again.
            #expect(repair.wholeEvent == (keep == last.count - 1 ? .monitoringVisitHeld : nil), "cut at \(keep)")
            #expect(try plans.journal(stocktonID) == intact, "cut at \(keep)")
            #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: repair.tornPath))) == Array(last.prefix(keep)))
            #expect(repair.tornPath == path + ".torn-2026-11-23T10-15-00Z")
            #expect(try plans.store.verify(stocktonID).head == repair.head)
            try FileManager.default.removeItem(atPath: repair.tornPath)
        }
    }

    @Test("a second repair with the same stamp keeps both torn files")
    func tornFilesAreNeverOverwritten() throws {
        let (plans, intact, last) = try Self.setUp()
        defer { plans.remove() }
        var paths: [String] = []
        for keep in [10, 20] {
            try plans.writeJournal(stocktonID, intact + last.prefix(keep))
            paths.append(try plans.store.repair(stocktonID, by: lead, recorded: Self.recorded).tornPath)
        }
        #expect(paths[1] == paths[0] + "-2")
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: paths[0]))) == Array(last.prefix(10)))
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: paths[1]))) == Array(last.prefix(20)))
    }

    @Test("an intact journal, and damage before the last line, are refused and left alone")
    func refusals() throws {
        let (plans, intact, last) = try Self.setUp()
        defer { plans.remove() }
        let path = plans.journalPath(stocktonID)
        #expect(throws: WSoAError.nothingToRepair(path: path, lines: 5)) {
            try plans.store.repair(stocktonID, by: lead, recorded: Self.recorded)
        }
        // Line 2 edited and a torn tail: the edit is what must be reported, and nothing is cut.
        var edited = intact + last.prefix(10)
        edited[try position(of: "Co-production", inLine: 2, of: edited)] = UInt8(ascii: "K")
        try plans.writeJournal(stocktonID, edited)
        let error = try #require(throws: WSoAError.self) { try plans.store.repair(stocktonID, by: lead, recorded: Self.recorded) }
        guard case let .repairRefused(refusedPath, line, reason) = error else {
            Issue.record("expected repairRefused, got \(error)")
            return
        }
        #expect(refusedPath == path && line == 3, "\(error)")
        #expect(reason.contains("line 2 was changed"))
        #expect(try plans.journal(stocktonID) == edited)
        #expect(try !FileManager.default.contentsOfDirectory(atPath: plans.folder(stocktonID)).contains { $0.contains(".torn-") })

        try plans.writeJournal(stocktonID, [])
        #expect(throws: WSoAError.repairRefused(path: path, line: 1, reason: "the journal is empty")) {
            try plans.store.repair(stocktonID, by: lead, recorded: Self.recorded)
        }
        #expect(throws: WSoAError.invalidPlanID(id: "../x")) { try plans.store.repair("../x", by: lead, recorded: Self.recorded) }
        #expect(throws: WSoAError.planNotFound(id: "middlesbrough-2017", directory: plans.path)) {
            try plans.store.repair("middlesbrough-2017", by: lead, recorded: Self.recorded)
        }
    }

    @Test("a torn first line sets the whole plan folder aside, so the plan can be created again")
    func tornFirstLine() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store, lines: 1)
        let first = try plans.journal(stocktonID)
        try plans.writeJournal(stocktonID, Array(first.prefix(40)))
        let repair = try plans.store.repair(stocktonID, by: lead, recorded: Self.recorded)
        #expect(repair.line == 1 && repair.events == 0 && repair.bytes == 40)
        #expect(repair.head == JournalEntry.genesisHash)
        #expect(!FileManager.default.fileExists(atPath: plans.folder(stocktonID)))
        // Set aside under a hidden name, which no list of plans shows.
        #expect(repair.tornPath.hasPrefix("\(plans.path)/.\(stocktonID).torn-2026-11-23T10-15-00Z-"))
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: repair.tornPath))) == Array(first.prefix(40)))
        #expect(try plans.store.portfolio().isEmpty)
        try StocktonHistory.record(in: plans.store, lines: 1)
        #expect(try plans.journal(stocktonID) == first)
    }

    @Test("repair waits for the plan's lock like any writer")
    func repairTakesTheLock() throws {
        let (plans, intact, last) = try Self.setUp()
        defer { plans.remove() }
        try plans.writeJournal(stocktonID, intact + last.prefix(10))
        var holder: PlanLock? = try PlanLock(in: plans.store.folder(stocktonID), plan: stocktonID, holder: "dco", timeout: 1)
        let impatient = PlanStore(directory: plans.path, lockTimeout: 0.1)
        let error = try #require(throws: WSoAError.self) { try impatient.repair(stocktonID, by: lead, recorded: Self.recorded) }
        guard case .lockTimeout(stocktonID, _, _) = error else {
            Issue.record("expected lockTimeout, got \(error)")
            return
        }
        #expect(try plans.journal(stocktonID) == intact + last.prefix(10))
        withExtendedLifetime(holder) {}
        holder = nil
        #expect(try impatient.repair(stocktonID, by: lead, recorded: Self.recorded).events == 4)
    }

    @Test("git's conflict markers are not a torn line: repairing one refuses them, naming the merge to make again, and changes nothing")
    func conflictMarkers() throws {
        let (plans, intact, last) = try Self.setUp()
        defer { plans.remove() }
        let path = plans.journalPath(stocktonID)
        let unmerged = intact + Array("<<<<<<< HEAD\n".utf8) + last + Array("=======\n>>>>>>> 3f2a9c1 (Sam's records)\n".utf8)
        try plans.writeJournal(stocktonID, unmerged)
        let error = try #require(throws: WSoAError.self) { try plans.store.repair(stocktonID, by: lead, recorded: Self.recorded) }
        guard case let .unmergedJournal(refusedPath, line, reason) = error else {
            Issue.record("expected unmergedJournal, got \(error)")
            return
        }
        #expect(refusedPath == path && line == 5, "\(error)")
        #expect(reason.hasSuffix("run: wsoa git setup && wsoa repair \(stocktonID)"), "\(reason)")
        #expect(!error.description.contains("backup"), "\(error)")
        #expect(try plans.journal(stocktonID) == unmerged)
    }
}
