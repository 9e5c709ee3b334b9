import Foundation
import Testing
@testable import WSoAEngine

/// The store's snapshots: written after a fold that read many lines, used only while they
/// prove themselves against the journal (else the journal is read in full, with a notice, and
/// the snapshot rebuilt), never used by a full view, and compared with a fresh fold by verify.
/// Deleting or spoiling one changes nothing but speed. And long journals, read in parallel
/// blocks, give what a line-by-line replay gives.
@Suite("Plan store: snapshots and long journals")
struct PlanStoreSnapshotTests {
    /// A plans directory holding Stockton's journal of `count` lines, written directly.
    static func longPlan(_ count: Int = 300, every days: Int = 7) throws -> (plans: TemporaryPlans, events: [PlanEvent], bytes: [UInt8]) {
        let plans = try TemporaryPlans()
        let events = TestJournals.longEvents(count, every: days)
        let bytes = TestJournals.bytes(events)
        try plans.writeJournal(stocktonID, bytes)
        return (plans, events, bytes)
    }

    /// The snapshot in `plans`, read.
    static func snapshot(_ plans: TemporaryPlans) throws -> Snapshot {
        try Snapshot(bytes: plans.snapshot(stocktonID), planID: stocktonID)
    }

    /// Rewrites the snapshot with the local authority renamed, so a view that starts from it
    /// shows the marker; its checksum is valid, as a forger's would be.
    static let marker = "Stockton-on-Tees Borough Council (from the snapshot)"
    static func markSnapshot(_ plans: TemporaryPlans) throws {
        let snapshot = try Self.snapshot(plans)
        var plan = snapshot.plan
        plan.partners.la = marker
        try plans.writeSnapshot(stocktonID, Snapshot(plan: plan, seq: snapshot.seq, lineHash: snapshot.lineHash,
                                                     lineStart: snapshot.lineStart, lastOn: snapshot.lastOn).bytes)
    }

    @Test("a view that read many lines leaves a snapshot of its last line; the next view starts from it")
    func writtenAndUsed() throws {
        let (plans, events, bytes) = try Self.longPlan()
        defer { plans.remove() }
        let replayed = try #require(Plan.replay(events))
        let first = try plans.store.view(stocktonID)
        #expect(first.plan == replayed && first.events == 300 && first.folded == 300 && first.chainChecked)
        #expect(plans.hasSnapshot(stocktonID), "no snapshot after reading 300 lines")

        let snapshot = try Self.snapshot(plans)
        let lines = TestJournals.lines(bytes)
        #expect(snapshot.seq == 300)
        #expect(snapshot.lineHash == SHA256.Digest(of: lines[299][...]))
        #expect(snapshot.lineStart == lines.prefix(299).reduce(0) { $0 + $1.count + 1 })
        #expect(snapshot.lastOn == events.map(\.on).max())
        #expect(snapshot.plan == replayed)

        let second = try plans.store.view(stocktonID)
        #expect(second.plan == replayed && second.head == first.head && second.events == 300 && second.folded == 300)
        #expect(!second.chainChecked, "a view from a snapshot has not read every line")
        #expect(try plans.journal(stocktonID) == bytes, "reading changed the journal")
        #expect(plans.notices.all.isEmpty)

        // The marker shows the snapshot really is what the view starts from; a full view never
        // uses it, and verify finds that it differs from a fresh fold.
        try Self.markSnapshot(plans)
        #expect(try plans.store.view(stocktonID).plan.partners.la == Self.marker)
        let full = try plans.store.fullView(stocktonID)
        #expect(full.plan == replayed && full.chainChecked)
        #expect(full.plan.partners.la == "Stockton-on-Tees Borough Council")
        // (A full view leaves a snapshot of its own, as any fold of every line does.)
        try Self.markSnapshot(plans)
        let error = try #require(throws: WSoAError.self) { try plans.store.verify(stocktonID) }
        guard case let .damagedSnapshot(path, reason) = error else {
            Issue.record("expected damagedSnapshot, got \(error)")
            return
        }
        #expect(path == plans.snapshotPath(stocktonID))
        #expect(reason.contains("differs from a fresh fold of the journal through line 300"))
    }

    @Test("records after a snapshot read only the tail, and a writer leaves a new snapshot 256 lines on")
    func recordsAfterASnapshot() throws {
        let (plans, events, _) = try Self.longPlan()
        defer { plans.remove() }
        _ = try plans.store.view(stocktonID)
        var all = events
        var on = try Day(parsing: "2030-01-01")
        for number in 1...256 {
            let recorded = try plans.store.record(.holdMonitoringVisit(on: on, advisers: [], ratings: [:], followUps: [], note: "tail \(number)"),
                                                  in: stocktonID, by: lead, recorded: TestJournals.recorded)
            all += recorded.entries.map(\.event)
            on = on.adding(days: 1)
            if number == 1 {
                #expect(recorded.plan == Plan.replay(all))
                #expect(try Self.snapshot(plans).seq == 300, "a writer leaves a snapshot only 256 lines on")
                #expect(try plans.store.verify(stocktonID).snapshotLine == 300)
            }
        }
        #expect(try Self.snapshot(plans).seq == 556)
        #expect(try Self.snapshot(plans).plan == Plan.replay(all))
        let view = try plans.store.view(stocktonID)
        #expect(view.plan == Plan.replay(all) && view.events == 556)
        #expect(try plans.store.verify(stocktonID).snapshotLine == 556)
    }

    @Test("a snapshot whose line was changed or cut from the journal is not used: the journal is read, with a notice")
    func lineChangedOrCut() throws {
        let (plans, events, bytes) = try Self.longPlan()
        defer { plans.remove() }
        _ = try plans.store.view(stocktonID)
        try Self.markSnapshot(plans)

        // The snapshot's own line (the last) edited.
        var edited = bytes
        edited[try position(of: "DfE SEND adviser", inLine: 300, of: bytes)] = UInt8(ascii: "d")
        try plans.writeJournal(stocktonID, edited)
        let view = try plans.store.view(stocktonID)
        #expect(view.plan.partners.la != Self.marker && view.chainChecked)
        #expect(view.plan.visits.last?.advisers == ["dfE SEND adviser"])
        #expect(plans.notices.all.count == 1)
        #expect(plans.notices.all.first?.contains("no longer holds its last line as it was") == true)

        // Lines cut from the end.
        plans.notices.removeAll()
        try Self.markSnapshot(plans)
        try plans.writeJournal(stocktonID, TestJournals.bytes(Array(TestJournals.lines(bytes).prefix(250))))
        let cut = try plans.store.view(stocktonID)
        #expect(cut.plan == Plan.replay(Array(events.prefix(250))) && cut.events == 250)
        #expect(plans.notices.all.first?.contains("folded 300 lines, but the journal (250 lines)") == true)
        // verify says why.
        expectDamage(at: 251, in: plans, mentioning: "its snapshot folded 300 lines, but the journal has only 250") {
            _ = try plans.store.verify(stocktonID)
        }
    }

    @Test("a snapshot naming another line than its own is not used", arguments: [1, 299, 301, 10_000])
    func impossibleSeq(seq: Int) throws {
        let (plans, events, _) = try Self.longPlan()
        defer { plans.remove() }
        _ = try plans.store.view(stocktonID)
        let real = try Self.snapshot(plans)
        var plan = real.plan
        plan.partners.la = Self.marker
        try plans.writeSnapshot(stocktonID, Snapshot(plan: plan, seq: seq, lineHash: real.lineHash, lineStart: real.lineStart,
                                                     lastOn: real.lastOn).bytes)
        let view = try plans.store.view(stocktonID)
        #expect(view.plan == Plan.replay(events), "seq \(seq)")
        #expect(view.folded == 300 && view.chainChecked)
    }

    @Test("a snapshot starting mid-line, or at another line, is not used", arguments: [-1, 1, 50])
    func wrongLineStart(shift: Int) throws {
        let (plans, events, bytes) = try Self.longPlan()
        defer { plans.remove() }
        _ = try plans.store.view(stocktonID)
        let real = try Self.snapshot(plans)
        var plan = real.plan
        plan.partners.la = Self.marker
        let lines = TestJournals.lines(bytes)
        let start = shift == 50 ? lines.prefix(249).reduce(0) { $0 + $1.count + 1 } : real.lineStart + shift
        try plans.writeSnapshot(stocktonID, Snapshot(plan: plan, seq: real.seq, lineHash: real.lineHash, lineStart: start,
                                                     lastOn: real.lastOn).bytes)
        #expect(try plans.store.view(stocktonID).plan == Plan.replay(events))
    }

    @Test("a damaged snapshot is reported by verify, and by a view with a notice; the view rebuilds it")
    func damagedSnapshot() throws {
        let (plans, events, _) = try Self.longPlan()
        defer { plans.remove() }
        _ = try plans.store.view(stocktonID)
        var bytes = try plans.snapshot(stocktonID)
        bytes[bytes.count / 2] ^= 0x20
        try plans.writeSnapshot(stocktonID, bytes)

        #expect(throws: WSoAError.damagedSnapshot(path: plans.snapshotPath(stocktonID),
                                                  reason: "it does not match its checksum, so it was changed after it was written (it is ignored and rebuilt by the next command that reads the plan)")) {
            try plans.store.verify(stocktonID)
        }
        #expect(try plans.store.view(stocktonID).plan == Plan.replay(events))
        #expect(plans.notices.all == ["The snapshot of plan '\(stocktonID)' does not match its checksum, so it was changed after it was written; the plan was read from its journal instead and the snapshot rebuilt."])
        #expect(try Self.snapshot(plans).plan == Plan.replay(events), "not rebuilt")
        #expect(try plans.store.verify(stocktonID).snapshotLine == 300)
    }

    @Test("garbage, an old version, or no snapshot at all: the same plan, and a snapshot written anew")
    func deletedOrSpoiled() throws {
        let (plans, events, bytes) = try Self.longPlan(320)
        defer { plans.remove() }
        let replayed = try #require(Plan.replay(events))
        _ = try plans.store.view(stocktonID)
        let good = try plans.snapshot(stocktonID)

        try FileManager.default.removeItem(atPath: plans.snapshotPath(stocktonID))
        #expect(try plans.store.view(stocktonID).plan == replayed)
        #expect(try plans.snapshot(stocktonID) == good, "the full replay wrote it again")

        for garbage in ["", "{", "wsoa snapshot\n", "not a snapshot at all", String(repeating: "x", count: 5_000)] {
            try plans.writeSnapshot(stocktonID, Array(garbage.utf8))
            #expect(try plans.store.view(stocktonID).plan == replayed)
            #expect(try plans.snapshot(stocktonID) == good)
        }
        #expect(plans.notices.all.count == 5 && plans.notices.all.allSatisfy { $0.contains("is not a wsoa snapshot") })

        // Another version's snapshot is rebuilt without a notice; verify passes it by.
        plans.notices.removeAll()
        var body = Array(good.dropLast(8))
        body[14] = UInt8(Snapshot.version + 1)
        try plans.writeSnapshot(stocktonID, body + SnapshotTests.checksum(body))
        #expect(try plans.store.verify(stocktonID).snapshotLine == nil)
        #expect(try plans.store.view(stocktonID).plan == replayed)
        #expect(plans.notices.all.isEmpty)
        #expect(try plans.snapshot(stocktonID) == good)
        #expect(try plans.journal(stocktonID) == bytes)
    }

    @Test("a snapshot larger than its journal could make is not read: passed by with a notice, named by verify, rebuilt")
    func oversizedSnapshot() throws {
        let (plans, events, bytes) = try Self.longPlan(320)
        defer { plans.remove() }
        let replayed = try #require(Plan.replay(events))
        _ = try plans.store.view(stocktonID)
        let good = try plans.snapshot(stocktonID)
        let limit = Snapshot.maximumBytes(forJournalOf: bytes.count)
        #expect(good.count * 8 < limit, "a genuine snapshot is far from the limit")

        // The genuine snapshot with its length padded past the limit (a sparse file, never read).
        for size in [limit + 1, 1 << 40] {
            try plans.writeSnapshot(stocktonID, good)
            let handle = try #require(FileHandle(forWritingAtPath: plans.snapshotPath(stocktonID)))
            try handle.truncate(atOffset: UInt64(size))
            try handle.close()
            let error = try #require(throws: WSoAError.self) { try plans.store.verify(stocktonID) }
            #expect(error == .damagedSnapshot(path: plans.snapshotPath(stocktonID), reason: "it is \(size) bytes, more than a snapshot of its journal of \(bytes.count) bytes can be (it is ignored and rebuilt by the next command that reads the plan)"))
            plans.notices.removeAll()
            #expect(try plans.store.view(stocktonID).plan == replayed)
            #expect(plans.notices.all == ["The snapshot of plan '\(stocktonID)' is \(size) bytes, more than a snapshot of its journal of \(bytes.count) bytes can be; the plan was read from its journal instead and the snapshot rebuilt."])
            #expect(try plans.snapshot(stocktonID) == good)
        }
    }

    @Test("a snapshot that cannot be read as a file (a folder, a symbolic link) is passed by with a notice")
    func unreadableSnapshot() throws {
        let (plans, events, _) = try Self.longPlan()
        defer { plans.remove() }
        _ = try plans.store.view(stocktonID)
        let good = try plans.snapshot(stocktonID)
        try FileManager.default.removeItem(atPath: plans.snapshotPath(stocktonID))
        try FileManager.default.createDirectory(atPath: plans.snapshotPath(stocktonID), withIntermediateDirectories: false)
        #expect(try plans.store.view(stocktonID).plan == Plan.replay(events))
        #expect(plans.notices.all.count == 1 && plans.notices.all.first?.contains("could not be read") == true)

        // A link to a good snapshot elsewhere is not followed.
        plans.notices.removeAll()
        try FileManager.default.removeItem(atPath: plans.snapshotPath(stocktonID))
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-snapshot-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        var plan = try Snapshot(bytes: good, planID: stocktonID).plan
        plan.partners.la = Self.marker
        let real = try Snapshot(bytes: good, planID: stocktonID)
        try Data(Snapshot(plan: plan, seq: real.seq, lineHash: real.lineHash, lineStart: real.lineStart, lastOn: real.lastOn).bytes)
            .write(to: URL(fileURLWithPath: elsewhere))
        try FileManager.default.createSymbolicLink(atPath: plans.snapshotPath(stocktonID), withDestinationPath: elsewhere)
        let view = try plans.store.view(stocktonID)
        #expect(view.plan == Plan.replay(events) && view.chainChecked)
        #expect(plans.notices.all.count == 1 && plans.notices.all.first?.contains("could not be read") == true)
    }

    @Test("the JSON cache earlier versions wrote goes when a snapshot is written")
    func formerSnapshotRemoved() throws {
        let (plans, _, _) = try Self.longPlan()
        defer { plans.remove() }
        let former = "\(plans.folder(stocktonID))/\(Snapshot.formerFileName)"
        try Data("{\"seq\":1}".utf8).write(to: URL(fileURLWithPath: former))
        _ = try plans.store.view(stocktonID)
        #expect(plans.hasSnapshot(stocktonID))
        #expect(!FileManager.default.fileExists(atPath: former))
    }

    @Test("an as-of view starts from the snapshot only when the snapshot folded nothing after the day")
    func asOfAndTheSnapshot() throws {
        let (plans, events, _) = try Self.longPlan()
        defer { plans.remove() }
        _ = try plans.store.view(stocktonID)
        try Self.markSnapshot(plans)
        let lastOn = try Self.snapshot(plans).lastOn

        let before = try Day(parsing: "2020-06-30")
        let early = try plans.store.view(stocktonID, asOf: before)
        let expected = events.filter { $0.on <= before }
        #expect(early.plan == Plan.replay(expected) && early.folded == expected.count)
        #expect(early.plan.visits.last?.on == (try Day(parsing: "2020-06-24")))

        let later = try plans.store.view(stocktonID, asOf: lastOn)
        #expect(later.plan.partners.la == Self.marker, "a view as of the snapshot's last day may start from it")
        #expect(later.folded == 300)
    }

    @Test("damage under a snapshot's line: a view trusts the snapshot, a full view and verify find it")
    func damageUnderTheSnapshot() throws {
        let (plans, _, bytes) = try Self.longPlan()
        defer { plans.remove() }
        _ = try plans.store.view(stocktonID)
        var edited = bytes
        edited[try position(of: "\"note\":\"visit 96", inLine: 100, of: bytes) + 8] = UInt8(ascii: "V")
        try plans.writeJournal(stocktonID, edited)
        let view = try plans.store.view(stocktonID)
        #expect(!view.chainChecked, "by design a view starting from a snapshot reads only the lines after it")
        expectDamage(at: 101, in: plans, mentioning: "line 100 was changed") { _ = try plans.store.fullView(stocktonID) }
        expectDamage(at: 101, in: plans, mentioning: "line 100 was changed") { _ = try plans.store.verify(stocktonID) }
        expectDamage(at: 101, in: plans) { _ = try plans.store.history(stocktonID) }
    }

    @Test("a journal long enough for parallel blocks reads as a replay would, and reports damage where a walk from the start does")
    func longJournal() throws {
        let count = JournalWalkTests.count
        let (plans, events, bytes) = try Self.longPlan(count, every: 1)
        defer { plans.remove() }
        let replayed = try #require(Plan.replay(events))
        let head = SHA256.hexDigest(try #require(TestJournals.lines(bytes).last))
        let view = try plans.store.view(stocktonID)
        #expect(view.plan == replayed && view.events == count && view.folded == count && view.head == head)
        let full = try plans.store.fullView(stocktonID)
        #expect(full.plan == replayed && full.head == head)
        let history = try plans.store.history(stocktonID)
        #expect(history.map(\.event) == events && history.map(\.seq) == Array(1...count))
        let verified = try plans.store.verify(stocktonID)
        #expect(verified.events == count && verified.head == head && verified.snapshotLine == count)
        let asOf = try Day(parsing: "2030-01-01")
        #expect(try plans.store.view(stocktonID, asOf: asOf).plan == Plan.replay(events.filter { $0.on <= asOf }))

        var lines = TestJournals.lines(bytes)
        // Damage in the second block: every reader reports it where a walk from the start does.
        for number in [Journal.firstBlockLines + 1] {
            let original = lines[number - 1]
            lines[number - 1] = JournalWalkTests.Damage.seq.apply(original, number: number)
            try plans.writeJournal(stocktonID, TestJournals.bytes(lines))
            try? FileManager.default.removeItem(atPath: plans.snapshotPath(stocktonID))
            lines[number - 1] = original
            for read in [{ _ = try plans.store.view(stocktonID) }, { _ = try plans.store.history(stocktonID) },
                         { _ = try plans.store.verify(stocktonID) }] as [() throws -> Void] {
                expectDamage(at: number, in: plans, mentioning: "its seq is \(number + 1) where \(number) was expected", read)
            }
        }
    }

    /// Whether a view of a plan whose (forged, checksummed) snapshot names line `Int.max`,
    /// starting at line 299, reads the plan from its journal: run in a child process, since
    /// the line count overflows and traps.
    static func viewIgnoresAHugeSeq() -> Bool {
        guard let (plans, events, bytes) = try? longPlan() else { return false }
        defer { plans.remove() }
        guard (try? plans.store.view(stocktonID)) != nil, let real = try? snapshot(plans) else { return false }
        let start = TestJournals.lines(bytes).prefix(298).reduce(0) { $0 + $1.count + 1 }
        let forged = Snapshot(plan: real.plan, seq: Int.max, lineHash: real.lineHash, lineStart: start, lastOn: real.lastOn)
        guard (try? plans.writeSnapshot(stocktonID, forged.bytes)) != nil else { return false }
        return (try? plans.store.view(stocktonID))?.plan == Plan.replay(events)
    }

    @Test("a forged snapshot naming an impossibly high line is not used, and does not stop the plan being read")
    func hugeSeq() async {
        await #expect(processExitsWith: .success) {
            exit(PlanStoreSnapshotTests.viewIgnoresAHugeSeq() ? 0 : 1)
        }
    }
}
