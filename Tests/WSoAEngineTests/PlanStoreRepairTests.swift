import Foundation
import Testing
import WSoAEngine

/// `PlanStore.repair` at every possible cut through a last line, and its refusals.
@Suite("Plan store repair")
struct PlanStoreRepairTests {
    static let id = "stockton-on-tees-2019"
    static let recorded = "2026-11-23T10:15:00Z"

    /// A plans directory with Stockton's first five lines (the fifth a visit with a long note);
    /// returns the store, the first four lines' bytes and the fifth line's.
    static func setUp() throws -> (store: PlanStore, folder: String, intact: [UInt8], last: [UInt8]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-repair-\(UUID().uuidString)").path
        let store = PlanStore(directory: folder)
        try store.initialize()
        let created = PlanEvent.PlanCreated(id: id, area: "Stockton-on-Tees", visit: try DayRange(parsing: "2019-02-04..2019-02-08"))
        let commands: [PlanCommand] = [
            .publishLetter(on: try Day(parsing: "2019-04-24"), received: nil, statementRequired: true,
                           weaknesses: ["Co-production is underdeveloped."], note: nil),
            .submit(on: try Day(parsing: "2019-08-12"), note: nil),
            .judge(on: try Day(parsing: "2019-10-17"), fit: true, note: nil),
        ]
        _ = try store.create(created, then: commands, by: "lead", recorded: recorded)
        let intact = [UInt8](try Data(contentsOf: URL(fileURLWithPath: store.journalPath(id))))
        _ = try store.append(id, by: "lead", recorded: recorded) { plan in
            try Plan.decide(.holdMonitoringVisit(on: Day(parsing: "2020-01-22"), advisers: ["DfE SEND adviser"], ratings: [:],
                                                 followUps: [], note: "first visit — “quoted”, ünïcode"), on: plan)
        }
        let all = [UInt8](try Data(contentsOf: URL(fileURLWithPath: store.journalPath(id))))
        return (store, folder, intact, Array(all[intact.count...]))
    }

    @Test("every cut through the last line is set aside exactly, and nothing else is touched")
    func everyCut() throws {
        let (store, folder, intact, last) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = store.journalPath(Self.id)
        // Every length from one byte to all but the newline.
        for keep in 1..<last.count {
            let torn = intact + last.prefix(keep)
            try Data(torn).write(to: URL(fileURLWithPath: path))
            #expect(throws: WSoAError.self) { try store.load(Self.id) }
            let repair = try store.repair(Self.id, by: "lead", recorded: Self.recorded)
            #expect(repair.line == 5 && repair.bytes == keep && repair.events == 4)
            #expect(repair.wholeEvent == (keep == last.count - 1 ? .monitoringVisitHeld : nil), "cut at \(keep)")
            #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == intact, "cut at \(keep)")
            #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: repair.tornPath))) == Array(last.prefix(keep)))
            #expect(repair.tornPath.hasPrefix(path + ".torn-2026-11-23T10-15-00Z"))
            #expect(try store.verify(Self.id).head == repair.head)
            try FileManager.default.removeItem(atPath: repair.tornPath)
        }
    }

    @Test("an intact journal, and damage before the last line, are refused and left alone")
    func refusals() throws {
        let (store, folder, intact, last) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = store.journalPath(Self.id)
        #expect(throws: WSoAError.nothingToRepair(path: path, lines: 5)) {
            try store.repair(Self.id, by: "lead", recorded: Self.recorded)
        }
        // Line 2 edited and a torn tail: the edit is what must be reported, and nothing is cut.
        var edited = intact + last.prefix(10)
        let marker = Array("Co-production".utf8)
        let at = try #require(edited.indices.first { Array(edited[$0..<min($0 + marker.count, edited.count)]) == marker })
        edited[at] = UInt8(ascii: "K")  // line 2's weakness: the chain breaks at line 3
        try Data(edited).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: WSoAError.self) { try store.repair(Self.id, by: "lead", recorded: Self.recorded) }
        guard case let .repairRefused(refusedPath, line, _) = error else {
            Issue.record("expected repairRefused, got \(error)")
            return
        }
        #expect(refusedPath == path && line == 3, "\(error)")
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == edited)
        let files = try FileManager.default.contentsOfDirectory(atPath: store.folder(Self.id))
        #expect(!files.contains { $0.contains(".torn-") })
        #expect(throws: WSoAError.invalidPlanID(id: "../x")) { try store.repair("../x", by: "lead", recorded: Self.recorded) }
    }

    @Test("an unreadable event is refused before it reaches the disk")
    func unreadableEventsAreNotWritten() throws {
        let (store, folder, intact, last) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = [UInt8](try Data(contentsOf: URL(fileURLWithPath: store.journalPath(Self.id))))
        #expect(before == intact + last)
        let beyond = try Day(parsing: "2100-12-31").adding(days: 1)
        let events: [PlanEvent] = [
            .monitoringVisitHeld(on: beyond, advisers: [], ratings: [:], followUps: [], note: nil),
            .monitoringVisitHeld(on: try Day(parsing: "2020-02-01"), advisers: [], ratings: [:], followUps: [], note: nil),
        ]
        for event in events.prefix(1) {
            let error = try #require(throws: WSoAError.self) {
                try store.append(Self.id, by: "lead", recorded: Self.recorded) { _ in [event] }
            }
            #expect(error.description.hasPrefix("Rule readable-record refuses monitoringVisitHeld for \(Self.id): its journal line could not be read back"))
        }
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: store.journalPath(Self.id)))) == before)
        _ = try store.append(Self.id, by: "lead", recorded: Self.recorded) { _ in [events[1]] }
        #expect(try store.verify(Self.id).events == 6)
    }
}
