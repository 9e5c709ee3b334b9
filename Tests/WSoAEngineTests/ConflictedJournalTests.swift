import Foundation
import Testing
@testable import WSoAEngine

/// A journal git merged as text in a clone without wsoa's merge driver: the two copies between
/// its conflict markers are taken out byte for byte and merged as the driver would have merged
/// them — by `repair`, by the driver itself when a side or the ancestor holds them, and by
/// `merge` — and a side that lacks lines the ancestor had (a `git revert`) is named as such.
@Suite("Conflicted journals")
struct ConflictedJournalTests {
    private static func day(_ text: String) -> Day { try! Day(parsing: text) }

    /// Stockton with a workstream and E1 (6 lines), then Jo's line on one copy and Sam's on
    /// another: both copies' bytes and the lines they share. With `clash`, Jo withdraws E1 and
    /// Sam amends it after, which no merge takes without the officers' word.
    private final class Copies {
        let plans: TemporaryPlans
        let common: [UInt8], jo: [UInt8], sam: [UInt8]
        let loose: String

        init(clash: Bool = false) throws {
            plans = try TemporaryPlans()
            loose = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-conflicted-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: loose, withIntermediateDirectories: false)
            try StocktonHistory.record(in: plans.store, lines: 4)
            try plans.store.record(.addWorkstream(on: day("2019-10-18"), workstream: Workstream(id: "ws", title: "Co-production", addresses: ["W1"])),
                                   in: stocktonID, by: lead, recorded: recordedAt)
            try plans.store.record(.addEvidence(on: day("2019-10-19"), workstream: "ws", weaknesses: ["W1"], kind: .activity,
                                                title: "Forum launched", source: nil, file: nil, link: nil),
                                   in: stocktonID, by: lead, recorded: recordedAt)
            common = try plans.journal(stocktonID)
            if clash {
                try plans.store.record(.withdraw(on: day("2019-11-05"), target: .evidence("E1"), reason: "recorded in error"),
                                       in: stocktonID, by: "jo", recorded: "2026-11-23T10:00:00Z")
            } else {
                try plans.store.record(.addEvidence(on: day("2020-01-10"), workstream: "ws", weaknesses: ["W1"], kind: .voice,
                                                    title: "Survey of parents", source: nil, file: nil, link: nil),
                                       in: stocktonID, by: "jo", recorded: "2026-11-23T10:00:00Z")
            }
            jo = try plans.journal(stocktonID)
            try plans.writeJournal(stocktonID, common)
            try? FileManager.default.removeItem(atPath: plans.snapshotPath(stocktonID))
            if clash {
                var changes = Amendment()
                changes.title = "Forum launched, with parents"
                try plans.store.record(.amend(on: day("2019-11-06"), target: .evidence("E1"), changes: changes, reason: "clearer"),
                                       in: stocktonID, by: "sam", recorded: "2026-11-23T11:00:00Z")
            } else {
                try plans.store.record(.addEvidence(on: day("2020-01-11"), workstream: "ws", weaknesses: ["W1"], kind: .activity,
                                                    title: "Forum workshop", source: nil, file: nil, link: nil),
                                       in: stocktonID, by: "sam", recorded: "2026-11-23T11:00:00Z")
            }
            sam = try plans.journal(stocktonID)
        }

        deinit {
            plans.remove()
            try? FileManager.default.removeItem(atPath: loose)
        }

        /// The lines each copy added after the common ones.
        var joTail: [UInt8] { Array(jo[common.count...]) }
        var samTail: [UInt8] { Array(sam[common.count...]) }

        /// What git's text merge of Jo's copy (its current side) and Sam's leaves, in `style`.
        func markers(diff3: Bool = false) -> [UInt8] {
            common + Array("<<<<<<< HEAD\n".utf8) + joTail + (diff3 ? Array("||||||| 1f2e3d4\n".utf8) : [])
                + Array("=======\n".utf8) + samTail + Array(">>>>>>> 9a8b7c6 (Sam's records)\n".utf8)
        }

        /// `bytes` saved under `name` in the loose folder; its path.
        func save(_ bytes: [UInt8], as name: String) throws -> String {
            let path = "\(loose)/\(name)"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }

        /// The journal both copies merged make, as the driver makes it.
        func driverMerge() throws -> [UInt8] {
            let current = try save(jo, as: "current")
            _ = try PlanStore.mergeFiles(ancestor: try save(common, as: "base"), current: current, other: try save(sam, as: "other"))
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: current)))
        }
    }

    @Test("the two copies come out of git's markers byte for byte, in either conflict style, with git's labels")
    func split() throws {
        let copies = try Copies()
        for diff3 in [false, true] {
            let conflicted = try #require(ConflictedJournal(copies.markers(diff3: diff3)))
            #expect(conflicted.current == copies.jo && conflicted.other == copies.sam, "diff3: \(diff3)")
            #expect(conflicted.firstMarker == TestJournals.lines(copies.common).count + 1)
            #expect(conflicted.currentLabel == "HEAD" && conflicted.otherLabel == "9a8b7c6 (Sam's records)")
        }
        // Several conflicts, and lines both hold between them.
        let shared = Array(TestJournals.lines(copies.common).last ?? []) + [0x0A]
        let two = Array("<<<<<<< A\n".utf8) + shared + Array("=======\n>>>>>>> B\n".utf8) + shared
            + Array("<<<<<<<\n=======\n".utf8) + shared + Array(">>>>>>>\n".utf8)
        let both = try #require(ConflictedJournal(two))
        #expect(both.current == shared + shared && both.other == shared + shared)
        #expect(both.currentLabel == "A" && both.otherLabel == "B")

        #expect(ConflictedJournal(copies.jo) == nil, "a journal without markers")
        for unpaired in ["=======\n", "<<<<<<< HEAD\n", "<<<<<<< HEAD\n>>>>>>> x\n", "<<<<<<< HEAD\n=======\n<<<<<<< HEAD\n"] {
            #expect(ConflictedJournal(copies.common + Array(unpaired.utf8)) == nil, "\(unpaired)")
        }
    }

    @Test("repair merges the copies between the markers as the driver would, whether or not git still reports them")
    func repairMergesAgain() throws {
        let copies = try Copies()
        let expected = try copies.driverMerge()
        try copies.plans.writeJournal(stocktonID, copies.markers())
        #expect(throws: WSoAError.self) { try copies.plans.store.view(stocktonID) }
        let repair = try copies.plans.store.repairConflictMarkers(stocktonID, otherName: "events (other copy, not merged).jsonl",
                                                                  by: lead, recorded: recordedAt)
        #expect(repair.firstMarker == 7 && repair.conflict == nil && repair.otherPath == nil)
        #expect(repair.current == "\(copies.plans.journalPath(stocktonID)) as HEAD had it")
        #expect(repair.merged?.lines == 8 && repair.merged?.fromThis == 1 && repair.merged?.fromOther == 1)
        #expect(try copies.plans.journal(stocktonID) == expected, "not the journal the driver makes")
        #expect(try copies.plans.store.verify(stocktonID).events == 8)
        #expect(throws: WSoAError.nothingToRepair(path: copies.plans.journalPath(stocktonID), lines: 8)) {
            try copies.plans.store.repairConflictMarkers(stocktonID, otherName: "x.jsonl", by: lead, recorded: recordedAt)
        }
    }

    @Test("copies that do not merge as they stand are put where 'wsoa merge --set-aside' takes them; markers edited by hand are refused")
    func repairLeavesAConflictToTheOfficers() throws {
        let copies = try Copies(clash: true)
        let name = "events (other copy, not merged).jsonl"
        try copies.plans.writeJournal(stocktonID, copies.markers())
        let repair = try copies.plans.store.repairConflictMarkers(stocktonID, otherName: name, by: lead, recorded: recordedAt)
        let conflict = try #require(repair.conflict)
        #expect(repair.merged == nil && repair.otherPath == "\(copies.plans.folder(stocktonID))/\(name)")
        #expect(conflict.refused.by == "sam" && conflict.refused.copy == .other && conflict.against?.by == "jo")
        #expect(try copies.plans.journal(stocktonID) == copies.jo)
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: try #require(repair.otherPath)))) == copies.sam)
        let settled = try copies.plans.store.merge(stocktonID, with: try #require(repair.otherPath), setAside: [SetAsideLine(copy: .other, seq: 7)],
                                                   on: Self.day("2026-11-23"), recorded: recordedAt, by: lead)
        #expect(settled.setAside.count == 1)

        // Copies between the markers that are not whole journals: a line both hold edited by hand.
        var edited = copies.markers()
        edited[try position(of: "Co-production", inLine: 5, of: edited)] = UInt8(ascii: "K")
        try copies.plans.writeJournal(stocktonID, edited)
        let error = try #require(throws: WSoAError.self) {
            try copies.plans.store.repairConflictMarkers(stocktonID, otherName: name, by: lead, recorded: recordedAt)
        }
        guard case let .unmergedJournal(_, line, reason) = error else {
            Issue.record("expected unmergedJournal, got \(error)")
            return
        }
        #expect(line == 7 && reason.contains("not both whole journals of the plan"), "\(reason)")
        #expect(try copies.plans.journal(stocktonID) == edited, "a refused repair changed the journal")

        // Markers within markers, as a second clone without the driver leaves them when it pulls
        // markers a first one committed: refused, with the way that does not lose a side's lines
        // (putting the journal back and committing mid-merge, as git suggests, would).
        let nested = copies.common + Array("<<<<<<< HEAD\n".utf8) + copies.joTail + Array("=======\n".utf8) + copies.markers()[copies.common.count...]
            + Array(">>>>>>> 5d6e7f8 (markers committed)\n".utf8)
        try copies.plans.writeJournal(stocktonID, nested)
        let refused = try #require(throws: WSoAError.self) {
            try copies.plans.store.repairConflictMarkers(stocktonID, otherName: name, by: lead, recorded: recordedAt)
        }
        guard case let .unmergedJournal(_, _, why) = refused else {
            Issue.record("expected unmergedJournal, got \(refused)")
            return
        }
        #expect(why.contains("markers within markers") && why.contains("git merge --abort") && why.contains("then pull again"), "\(why)")
        #expect(try copies.plans.journal(stocktonID) == nested, "a refused repair changed the journal")
    }

    @Test("the driver merges a side or an ancestor holding markers as the copies between them, and says so")
    func driverMergesMarkersCommittedElsewhere() throws {
        let copies = try Copies()
        let merged = try copies.driverMerge()
        // This clone recorded on Jo's copy; the other side is the markers Sam's clone committed.
        try copies.plans.writeJournal(stocktonID, copies.jo)
        try copies.plans.store.record(.addEvidence(on: Self.day("2020-01-12"), workstream: "ws", weaknesses: ["W1"], kind: .impact,
                                                   title: "Attendance", source: nil, file: nil, link: nil),
                                      in: stocktonID, by: "jo", recorded: "2026-11-23T12:00:00Z")
        let mine = try copies.plans.journal(stocktonID)
        let current = try copies.save(mine, as: "current")
        var notices: [String] = []
        let summary = try PlanStore.mergeFiles(ancestor: try copies.save(copies.jo, as: "base"), current: current,
                                               other: try copies.save(copies.markers(), as: "other"),
                                               names: ("the ancestor", "this side's J", "the other side's J")) { notices.append($0) }
        #expect(notices == ["The other side's J held git's conflict markers from line 7, left by a merge made without wsoa's merge driver (in a clone where 'wsoa git setup' was not run): the two copies between them, as HEAD and as 9a8b7c6 (Sam's records) had it, were merged first, as the driver would have merged them."])
        #expect(summary.lines == 9 && summary.fromOther == 1, "\(summary)")
        let result = [UInt8](try Data(contentsOf: URL(fileURLWithPath: current)))
        #expect(TestJournals.lines(result).prefix(8).elementsEqual(TestJournals.lines(merged)), "Sam's line is not where the driver puts it")

        // Once both clones merged again, the ancestor holds the markers and each side the copies merged.
        let other = try copies.save(merged, as: "repaired")
        let again = try PlanStore.mergeFiles(ancestor: try copies.save(copies.markers(), as: "markers"), current: current, other: other)
        #expect(again.kind == .thisAhead, "\(again)")
    }

    @Test("a side that is the ancestor with its last lines cut, as a git revert makes it, is named with the lines")
    func revertedSideIsNamed() throws {
        let copies = try Copies()
        let names = (ancestor: "the ancestor", current: "this side's J", other: "the other side's J")
        try copies.plans.writeJournal(stocktonID, copies.jo)
        try copies.plans.store.record(.addEvidence(on: Self.day("2020-01-12"), workstream: "ws", weaknesses: ["W1"], kind: .impact,
                                                   title: "Attendance", source: nil, file: nil, link: nil),
                                      in: stocktonID, by: "jo", recorded: "2026-11-23T12:00:00Z")
        let later = try copies.plans.journal(stocktonID)
        // git revert of the commit that recorded line 7: the ancestor is that commit, this side
        // holds line 8 as well, the other side is the commit's parent.
        let current = try copies.save(later, as: "current")
        let error = try #require(throws: WSoAError.self) {
            try PlanStore.mergeFiles(ancestor: try copies.save(copies.jo, as: "base"), current: current,
                                     other: try copies.save(copies.common, as: "parent"), names: names)
        }
        guard case let .linesRemoved(removed) = error else {
            Issue.record("expected linesRemoved, got \(error)")
            return
        }
        #expect(removed.copy == .other && removed.cut && removed.lines == 7...7 && removed.path == names.other)
        #expect(removed.first.hasPrefix("evidence added E2 on 2020-01-10, recorded by jo at 2026-11-23T10:00:00Z"), "\(removed.first)")
        #expect(error.description.hasPrefix("the other side's J is plan 'stockton-on-tees-2019''s journal as both sides last shared it with its last line cut (line 7: evidence added E2"),
                "\(error)")
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: current))) == later, "a refused merge wrote the current side")

        // A side that cut a line and recorded one of its own: the first line it lacks.
        let cutThenRecorded = try copies.save(copies.sam, as: "sam")
        let other = try #require(throws: WSoAError.self) {
            try PlanStore.mergeFiles(ancestor: try copies.save(copies.jo, as: "base"), current: current, other: cutThenRecorded, names: names)
        }
        guard case let .linesRemoved(lacking) = other else {
            Issue.record("expected linesRemoved, got \(other)")
            return
        }
        #expect(!lacking.cut && lacking.lines == 7...7, "\(lacking)")
    }
}
