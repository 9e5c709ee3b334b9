import Foundation
import Testing
@testable import WSoAEngine

// MARK: Fixtures

private func day(_ text: String) -> Day { try! Day(parsing: text) }

/// Two (or more) plans directories holding copies of one Stockton plan, as two officers'
/// laptops would after a sync: each records on its own, then one merges the other's journal.
private final class MergeCopies {
    let a: TemporaryPlans, b: TemporaryPlans
    /// A folder of loose files: saved journals, hostile "copies".
    let loose: String

    /// Stockton to fit for purpose (lines 1–4, or `lines`), then `then` (recorded by the lead),
    /// copied into a second plans directory.
    init(lines: Int = 4, then commands: [PlanCommand] = []) throws {
        a = try TemporaryPlans()
        b = try TemporaryPlans()
        loose = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-merge-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: loose, withIntermediateDirectories: false)
        try StocktonHistory.record(in: a.store, lines: lines)
        for command in commands {
            try a.store.record(command, in: stocktonID, by: lead, recorded: recordedAt)
        }
        try Self.copyPlan(from: a, to: b)
    }

    deinit {
        a.remove()
        b.remove()
        try? FileManager.default.removeItem(atPath: loose)
    }

    /// Copies the plan's folder from `source` to `target` (which must not hold it yet).
    static func copyPlan(from source: TemporaryPlans, to target: TemporaryPlans) throws {
        try FileManager.default.copyItem(atPath: source.folder(stocktonID), toPath: target.folder(stocktonID))
    }

    /// `bytes` saved under `name` in the loose folder; returns its path.
    @discardableResult
    func save(_ bytes: [UInt8], as name: String) throws -> String {
        let path = "\(loose)/\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The names in the plan's folder of `plans`, sorted.
    static func listing(_ plans: TemporaryPlans) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: plans.folder(stocktonID)).sorted()
    }
}

/// The common history of most tests: a workstream, an action, a measure, evidence and a visit
/// (with a follow-up), all before either copy goes its own way.
private let commonCommands: [PlanCommand] = [
    .addWorkstream(on: day("2019-10-18"), workstream: Workstream(id: "ws", title: "Co-production", addresses: ["W1", "W2"])),
    .addAction(on: day("2019-10-18"), workstream: "ws", title: "Parent carer forum", lead: "Jo", due: day("2020-06-30")),
    .addMeasure(on: day("2019-10-18"), workstream: "ws", title: "Plans in 20 weeks", unit: "%", direction: .higherIsBetter,
                baseline: Reading(on: day("2019-09-30"), value: 40), national: 60, target: Reading(on: day("2020-09-30"), value: 70)),
    .addEvidence(on: day("2019-10-19"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Forum launched",
                 source: nil, file: nil, link: nil),
    .holdMonitoringVisit(on: day("2019-10-25"), advisers: ["DfE SEND adviser"], ratings: [:], followUps: ["Send the forum's minutes"],
                         note: nil),
]

/// What identifies a line whoever's copy it is in: who recorded it, when, what and its date.
private func key(_ entry: JournalEntry) -> String {
    "\(entry.by)|\(entry.recorded)|\(entry.event.type.rawValue)|\(entry.event.on)"
}

/// One officer recording on their own copy: random commands, each about the common items or
/// what this officer added (never correcting or reporting on what the other copy may change),
/// dated on every other day from `start` so the two copies never record the same day.
private struct Officer {
    var random: SeededGenerator
    let store: PlanStore
    let by: String
    /// The day (UTC) of this officer's recordings, `2026-11-23`.
    let stampDay: String
    var day: Day
    var recordings = 0
    var actions: [String] = [], measures: [String] = [], evidence: [String] = [], followUps: [String] = []
    var visit: String?
    /// Lines written.
    var lines = 0

    init(seed: UInt64, store: PlanStore, by: String, stampDay: String, start: Day) {
        random = SeededGenerator(seed: seed)
        self.store = store
        self.by = by
        self.stampDay = stampDay
        day = start
    }

    mutating func stamp() -> String {
        recordings += 1
        return String(format: "%@T10:%02d:%02dZ", stampDay, recordings / 60, recordings % 60)
    }

    mutating func title(_ what: String) -> String {
        "\(by)'s \(what) \(recordings) " + random.pick(RandomCommands.pieces.filter { !$0.isEmpty && $0.contains(where: \.isLetter) })
    }

    /// The next command, or nil when the dice chose something this officer has nothing for.
    mutating func command() -> PlanCommand? {
        day = day.adding(days: 2 * random.below(3))
        switch random.below(12) {
        case 0, 1:
            return .addEvidence(on: day, workstream: "ws", weaknesses: ["W1"], kind: random.pick(EvidenceKind.allCases),
                                title: title("evidence"), source: nil, file: nil, link: nil)
        case 2:
            return .addAction(on: day, workstream: "ws", title: title("action"), lead: nil, due: day.adding(days: 90))
        case 3:
            guard !actions.isEmpty else { return nil }
            return .updateAction(on: day, id: random.pick(actions), status: random.pick([.onTrack, .atRisk, .offTrack]), note: title("report"))
        case 4:
            guard !actions.isEmpty else { return nil }
            return .retargetAction(on: day, id: random.pick(actions), due: day.adding(days: 120), reason: "capacity", agreedWith: nil)
        case 5:
            return .addMeasure(on: day, workstream: "ws", title: title("measure"), unit: "%", direction: .higherIsBetter,
                               baseline: Reading(on: day, value: 10), national: nil, target: Reading(on: day.adding(days: 365), value: 50))
        case 6:
            guard !measures.isEmpty else { return nil }
            return .recordMeasure(on: day, id: random.pick(measures), value: Double(random.below(100)))
        case 7:
            guard !evidence.isEmpty else { return nil }
            var changes = Amendment()
            changes.title = title("evidence, amended")
            return .amend(on: day, target: .evidence(random.pick(evidence)), changes: changes, reason: "typo")
        case 8:
            guard !evidence.isEmpty else { return nil }
            let withdrawn = evidence.remove(at: random.below(evidence.count))
            return .withdraw(on: day, target: .evidence(withdrawn), reason: "recorded in error")
        case 9:
            guard visit == nil else {
                return .addFollowUp(on: day, visit: visit!, title: title("follow-up"), owner: "Jo", due: day.adding(days: 30))
            }
            return .holdMonitoringVisit(on: day, advisers: ["DfE SEND adviser"], ratings: [:], followUps: [title("follow-up")], note: nil)
        case 10:
            guard !followUps.isEmpty else { return nil }
            let closed = followUps.remove(at: random.below(followUps.count))
            return .closeFollowUp(on: day, id: closed, evidence: evidence.isEmpty ? nil : random.pick(evidence), note: nil)
        default:
            guard !actions.isEmpty else { return nil }
            var changes = Amendment()
            changes.title = title("action, amended")
            return .amend(on: day, target: .action(random.pick(actions)), changes: changes, reason: "clearer")
        }
    }

    /// Records `count` commands (those refused are passed over); keeps the ids given.
    mutating func record(_ count: Int) {
        var tries = 0
        while lines < count && tries < count * 10 {
            tries += 1
            guard let command = command(), let recorded = try? store.record(command, in: stocktonID, by: by, recorded: stamp()) else { continue }
            for entry in recorded.entries {
                lines += 1
                switch entry.event.givenID?.first {
                case "A": actions.append(entry.event.givenID!)
                case "M": measures.append(entry.event.givenID!)
                case "E": evidence.append(entry.event.givenID!)
                case "F": followUps.append(entry.event.givenID!)
                default: break
                }
                if entry.event.type == .monitoringVisitHeld { visit = recorded.plan.visits.last?.id }
            }
        }
    }
}

/// Expects `body` to throw a `WSoAError` and returns it.
@discardableResult
private func expectError(_ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> WSoAError? {
    do {
        try body()
        Issue.record("\(what): expected an error", sourceLocation: sourceLocation)
    } catch let error as WSoAError {
        return error
    } catch {
        Issue.record("\(what): expected a WSoAError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

// MARK: Tests

/// `PlanStore.merge` and `mergeFiles`, which make two copies of a plan's journal one
/// (`JournalMerge`): the same journal whichever copy is "this", every line of each once, ids
/// given anew where both copies used them, a true conflict refused with both lines named and
/// nothing written, and hostile copies refused with a clear error.
@Suite("Journal merge")
struct JournalMergeTests {
    static let mergedAt = "2026-12-01T09:00:00Z"
    static let mergedOn = Day(year: 2026, month: 12, day: 1)!

    // MARK: Order independence

    @Test("two randomly diverged copies merge to the same journal both ways, with every line of each once",
          arguments: [1, 2, 3, 7, 42, 1234] as [UInt64])
    func orderIndependence(seed: UInt64) throws {
        let copies = try MergeCopies(then: commonCommands)
        let common = try copies.a.store.history(stocktonID)
        var jo = Officer(seed: seed, store: copies.a.store, by: "jo", stampDay: "2026-11-23", start: day("2019-11-01"))
        var sam = Officer(seed: seed &* 7919 &+ 1, store: copies.b.store, by: "sam", stampDay: "2026-11-23", start: day("2019-11-02"))
        jo.record(8 + Int(seed % 5))
        sam.record(8 + Int(seed % 7))
        #expect(jo.lines >= 8 && sam.lines >= 8, "seed \(seed): \(jo.lines) and \(sam.lines) lines recorded")

        let (joBytes, samBytes) = (try copies.a.journal(stocktonID), try copies.b.journal(stocktonID))
        let joTail = Array(try copies.a.store.history(stocktonID).dropFirst(common.count))
        let samTail = Array(try copies.b.store.history(stocktonID).dropFirst(common.count))
        let joFile = try copies.save(joBytes, as: "jo.jsonl"), samFile = try copies.save(samBytes, as: "sam.jsonl")

        let intoJo = try copies.a.store.merge(stocktonID, with: samFile, on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        let intoSam = try copies.b.store.merge(stocktonID, with: joFile, on: Self.mergedOn, recorded: Self.mergedAt, by: "sam")
        let merged = try copies.a.journal(stocktonID)
        #expect(merged == (try copies.b.journal(stocktonID)), "seed \(seed): the two merges differ")
        #expect(intoJo.kind == .merged && intoSam.kind == .merged)
        #expect(intoJo.common == common.count && intoSam.common == common.count)
        #expect(intoJo.fromThis == joTail.count && intoJo.fromOther == samTail.count && intoJo.inBoth == 0)
        #expect(intoSam.fromThis == samTail.count && intoSam.fromOther == joTail.count && intoSam.inBoth == 0)
        #expect(intoJo.lines == common.count + joTail.count + samTail.count && intoJo.head == intoSam.head)
        #expect(Set(intoJo.renumbered.map(\.copy)).isSubset(of: [.other, .this]))
        #expect(Set(intoJo.renumbered.map { "\($0.old)→\($0.new)" }).count == intoJo.renumbered.count)

        // Every line once, the common ones first and unchanged, each copy's lines in their order.
        let entries = try copies.a.store.history(stocktonID)
        #expect(merged.starts(with: joBytes.prefix(try #require(joBytes.indices.filter { joBytes[$0] == 0x0A }[safe: common.count - 1]) + 1)))
        #expect(entries.prefix(common.count).map(key) == common.map(key))
        #expect(entries.map(key).sorted() == (common + joTail + samTail).map(key).sorted(), "seed \(seed)")
        let mergedTail = entries.dropFirst(common.count)
        #expect(mergedTail.filter { $0.by == "jo" }.map(key) == joTail.map(key))
        #expect(mergedTail.filter { $0.by == "sam" }.map(key) == samTail.map(key))
        // Business dates never go back between the two copies' lines as they alternate.
        for (earlier, later) in zip(mergedTail, mergedTail.dropFirst()) where earlier.by != later.by {
            #expect(earlier.event.on <= later.event.on, "seed \(seed): \(key(earlier)) before \(key(later))")
        }
        // A line moved carries a note naming its copy and its line there.
        let heads = ["jo": SHA256.hexDigest(TestJournals.lines(joBytes).last!), "sam": SHA256.hexDigest(TestJournals.lines(samBytes).last!)]
        for (index, entry) in mergedTail.enumerated() {
            let tail = entry.by == "jo" ? joTail : samTail
            let original = try #require(tail.first { key($0) == key(entry) })
            if let note = entry.merged {
                #expect(note.copy == heads[entry.by] && note.seq == original.seq)
            } else {
                #expect(original.seq == common.count + index + 1 && entry.event == original.event, "an unmoved line kept no note")
            }
        }

        for plans in [copies.a, copies.b] {
            let verified = try plans.store.verify(stocktonID)
            #expect(verified.events == entries.count)
            let view = try plans.store.view(stocktonID)
            #expect(view.plan == Plan.replay(entries.map(\.event)))
        }
    }

    // MARK: Renumbering

    @Test("items both copies numbered alike are given new ids, and later lines follow them")
    func renumbering() throws {
        let copies = try MergeCopies(then: commonCommands)
        let jo = copies.a.store, sam = copies.b.store
        try jo.record(.addEvidence(on: day("2019-11-01"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Jo's evidence",
                                   source: nil, file: nil, link: nil), in: stocktonID, by: "jo", recorded: "2026-11-23T10:00:00Z")
        try jo.record(.addAction(on: day("2019-11-01"), workstream: "ws", title: "Jo's action", lead: nil, due: day("2020-03-01")),
                      in: stocktonID, by: "jo", recorded: "2026-11-23T10:01:00Z")
        try sam.record(.addEvidence(on: day("2019-11-02"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Sam's evidence",
                                    source: nil, file: nil, link: nil), in: stocktonID, by: "sam", recorded: "2026-11-23T10:00:00Z")
        let added = try sam.record(.addAction(on: day("2019-11-02"), workstream: "ws", title: "Sam's action", lead: nil, due: day("2020-03-01")),
                                   in: stocktonID, by: "sam", recorded: "2026-11-23T10:01:00Z")
        #expect(added.entries.first?.event.givenID == "A2")
        try sam.record(.updateAction(on: day("2019-11-03"), id: "A2", status: .atRisk, note: "short of staff"), in: stocktonID, by: "sam",
                       recorded: "2026-11-23T10:02:00Z")
        try sam.record(.amend(on: day("2019-11-04"), target: .evidence("E2"), changes: { var c = Amendment(); c.title = "Sam's evidence, amended"; return c }(),
                              reason: "typo"), in: stocktonID, by: "sam", recorded: "2026-11-23T10:03:00Z")
        let samFile = try copies.save(try copies.b.journal(stocktonID), as: "sam.jsonl")
        let joFile = try copies.save(try copies.a.journal(stocktonID), as: "jo.jsonl")

        let summary = try jo.merge(stocktonID, with: samFile, on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        #expect(summary.kind == .merged)
        #expect(Set(summary.renumbered) == [.init(copy: .other, old: "E2", new: "E3"), .init(copy: .other, old: "A2", new: "A3")])
        let plan = try jo.view(stocktonID).plan
        let actions = Dictionary(uniqueKeysWithValues: plan.actions.map { ($0.id, $0) })
        #expect(actions["A2"]?.title == "Jo's action" && actions["A2"]?.status == .notStarted)
        #expect(actions["A3"]?.title == "Sam's action" && actions["A3"]?.status == .atRisk)
        #expect(plan.evidence.map(\.title) == ["Forum launched", "Jo's evidence", "Sam's evidence, amended"])
        #expect(plan.evidence.map(\.id) == ["E1", "E2", "E3"])
        #expect(try jo.verify(stocktonID).events == 15)
        // Each of Sam's lines that moved names its line in Sam's copy, and the id it gave there
        // when the merge gave another.
        let notes = try jo.history(stocktonID).suffix(4).map { entry in try #require(entry.merged) }
        #expect(notes.map(\.seq) == [10, 11, 12, 13])
        #expect(notes.map(\.id) == ["E2", "A2", nil, nil])

        // The other way round: Sam's items keep their ids there? No — the earlier line wins the id
        // wherever the merge runs, so Sam's copy renumbers its own items.
        let back = try sam.merge(stocktonID, with: joFile, on: Self.mergedOn, recorded: Self.mergedAt, by: "sam")
        #expect(Set(back.renumbered) == [.init(copy: .this, old: "E2", new: "E3"), .init(copy: .this, old: "A2", new: "A3")])
        #expect(try copies.b.journal(stocktonID) == (try copies.a.journal(stocktonID)))
    }

    @Test("a line an officer back-dated goes before the other copy's later lines, with the lines recorded before it")
    func backDatedLine() throws {
        let copies = try MergeCopies(then: commonCommands)
        let jo = copies.a.store, sam = copies.b.store
        try jo.record(.addEvidence(on: day("2020-06-01"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Jo's evidence",
                                   source: nil, file: nil, link: nil), in: stocktonID, by: "jo", recorded: "2026-11-23T10:00:00Z")
        try jo.record(.holdMonitoringVisit(on: day("2020-04-01"), advisers: ["DfE SEND adviser"], ratings: [:], followUps: [], note: "recorded late"),
                      in: stocktonID, by: "jo", recorded: "2026-11-23T10:01:00Z")
        try sam.record(.holdMonitoringVisit(on: day("2020-05-01"), advisers: ["NHS England adviser"], ratings: [:], followUps: [], note: nil),
                       in: stocktonID, by: "sam", recorded: "2026-11-23T09:00:00Z")
        let samFile = try copies.save(try copies.b.journal(stocktonID), as: "sam.jsonl")
        let joFile = try copies.save(try copies.a.journal(stocktonID), as: "jo.jsonl")

        // Taken by date alone, Sam's visit of 1 May would go before Jo's evidence of 1 June, and
        // Jo's visit of 1 April after it, which the rules refuse.
        let summary = try jo.merge(stocktonID, with: samFile, on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        #expect(summary.kind == .merged)
        _ = try sam.merge(stocktonID, with: joFile, on: Self.mergedOn, recorded: Self.mergedAt, by: "sam")
        #expect(try copies.a.journal(stocktonID) == (try copies.b.journal(stocktonID)))
        let plan = try jo.view(stocktonID).plan
        #expect(plan.visits.map(\.on) == [day("2019-10-25"), day("2020-04-01"), day("2020-05-01")])
        #expect(try jo.verify(stocktonID).events == 4 + commonCommands.count + 3)
    }

    // MARK: Copies that are the same or ahead

    @Test("a copy the same as the journal, behind it or ahead of it")
    func sameAndAhead() throws {
        let copies = try MergeCopies(then: commonCommands)
        let store = copies.a.store
        let original = try copies.a.journal(stocktonID)
        let same = try copies.save(original, as: "same.jsonl")
        let listing = try MergeCopies.listing(copies.a)
        let summary = try store.merge(stocktonID, with: same, on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        #expect(summary.kind == .same && !summary.changes && summary.lines == 9 && summary.common == 9)
        #expect(summary.fromThis == 0 && summary.fromOther == 0 && summary.renumbered.isEmpty)
        #expect(try copies.a.journal(stocktonID) == original)
        #expect(try MergeCopies.listing(copies.a) == listing)

        // The other copy is behind: nothing written.
        try store.record(.addEvidence(on: day("2019-11-01"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Later",
                                      source: nil, file: nil, link: nil), in: stocktonID, by: "jo", recorded: "2026-11-23T10:00:00Z")
        let ahead = try copies.a.journal(stocktonID)
        let behind = try store.merge(stocktonID, with: same, on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        #expect(behind.kind == .thisAhead && !behind.changes && behind.lines == 10 && behind.common == 9 && behind.fromThis == 1)
        #expect(try copies.a.journal(stocktonID) == ahead)

        // This copy is behind: the other's bytes are taken as they are.
        let aheadFile = try copies.save(ahead, as: "ahead.jsonl")
        let taken = try copies.b.store.merge(stocktonID, with: aheadFile, on: Self.mergedOn, recorded: Self.mergedAt, by: "sam")
        #expect(taken.kind == .otherAhead && taken.changes && taken.lines == 10 && taken.fromOther == 1)
        #expect(try copies.b.journal(stocktonID) == ahead)
        #expect(try copies.b.store.verify(stocktonID).events == 10)
        #expect(try copies.b.store.view(stocktonID).plan == (try copies.a.store.view(stocktonID).plan))
    }

    @Test("a dry run says what a merge would do and writes nothing")
    func dryRun() throws {
        let copies = try MergeCopies(then: commonCommands)
        try copies.a.store.record(.addEvidence(on: day("2019-11-01"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Jo's",
                                               source: nil, file: nil, link: nil), in: stocktonID, by: "jo", recorded: "2026-11-23T10:00:00Z")
        try copies.b.store.record(.addEvidence(on: day("2019-11-02"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Sam's",
                                               source: nil, file: nil, link: nil), in: stocktonID, by: "sam", recorded: "2026-11-23T10:00:00Z")
        let before = try copies.a.journal(stocktonID), listing = try MergeCopies.listing(copies.a)
        let summary = try copies.a.store.merge(stocktonID, with: copies.b.journalPath(stocktonID), on: Self.mergedOn, recorded: Self.mergedAt, by: "jo", dryRun: true)
        #expect(summary.kind == .merged && summary.changes && summary.fromThis == 1 && summary.fromOther == 1)
        #expect(summary.renumbered == [.init(copy: .other, old: "E2", new: "E3")])
        #expect(try copies.a.journal(stocktonID) == before)
        #expect(try MergeCopies.listing(copies.a) == listing)
    }

    // MARK: Conflicts

    /// How the two copies fall out.
    enum Clash: String, CaseIterable, CustomTestStringConvertible {
        /// Jo withdraws E1; Sam amends it, recorded later the same day.
        case withdrawnThenAmendedLaterThatDay
        /// Jo withdraws E1; Sam amends it dated a day later.
        case withdrawnThenAmendedLaterOn
        /// Both record the statement's submission (the plan's statement is due).
        case submittedTwice

        var testDescription: String { rawValue }
    }

    @Test("a true conflict is refused with both lines named and nothing written, and setting a line aside resolves it",
          arguments: Clash.allCases)
    func conflict(_ clash: Clash) throws {
        let copies = clash == .submittedTwice ? try MergeCopies(lines: 2) : try MergeCopies(then: commonCommands)
        let jo = copies.a.store, sam = copies.b.store
        let rule: Rule
        switch clash {
        case .withdrawnThenAmendedLaterThatDay, .withdrawnThenAmendedLaterOn:
            try jo.record(.withdraw(on: day("2019-11-05"), target: .evidence("E1"), reason: "recorded in error"), in: stocktonID, by: "jo",
                          recorded: "2026-11-23T10:00:00Z")
            var changes = Amendment()
            changes.title = "Forum launched, with parents"
            try sam.record(.amend(on: day(clash == .withdrawnThenAmendedLaterOn ? "2019-11-06" : "2019-11-05"), target: .evidence("E1"),
                                  changes: changes, reason: "clearer"),
                           in: stocktonID, by: "sam", recorded: "2026-11-23T11:00:00Z")
            rule = .knownReference
        case .submittedTwice:
            try jo.record(.submit(on: day("2019-08-12"), note: "Jo's"), in: stocktonID, by: "jo", recorded: "2026-11-23T10:00:00Z")
            try sam.record(.submit(on: day("2019-08-13"), note: "Sam's"), in: stocktonID, by: "sam", recorded: "2026-11-23T09:00:00Z")
            rule = .lifecycle
        }
        let common = clash == .submittedTwice ? 2 : 9
        let joBytes = try copies.a.journal(stocktonID), samBytes = try copies.b.journal(stocktonID)
        let joFile = try copies.save(joBytes, as: "jo.jsonl"), samFile = try copies.save(samBytes, as: "sam.jsonl")

        // Both ways round, the later line is refused, and the earlier one named as in its way.
        for (plans, other, mine) in [(copies.a, samFile, "jo"), (copies.b, joFile, "sam")] {
            let before = try plans.journal(stocktonID), listing = try MergeCopies.listing(plans)
            let error = expectError("\(clash) into \(mine)") {
                _ = try plans.store.merge(stocktonID, with: other, on: Self.mergedOn, recorded: Self.mergedAt, by: mine)
            }
            guard case let .mergeRefused(conflict)? = error else {
                Issue.record("expected mergeRefused, got \(String(describing: error))")
                continue
            }
            #expect(conflict.plan == stocktonID && conflict.rule == rule, "\(conflict.rule): \(conflict.reason)")
            #expect(conflict.refused.by == "sam" && conflict.refused.seq == common + 1)
            #expect(conflict.refused.copy == (mine == "jo" ? .other : .this))
            #expect(conflict.refused.path == (mine == "jo" ? samFile : plans.journalPath(stocktonID)))
            let against = try #require(conflict.against)
            #expect(against.by == "jo" && against.seq == common + 1 && against.copy == (mine == "jo" ? .this : .other))
            #expect(against.recorded == "2026-11-23T10:00:00Z")
            #expect(try plans.journal(stocktonID) == before, "a refused merge wrote the journal")
            #expect(try MergeCopies.listing(plans) == listing, "a refused merge left a file behind")
        }

        // Sam's line set aside: the merge goes through, and keeps it byte for byte beside the journal.
        let samLine = TestJournals.lines(samBytes)[common]
        let summary = try jo.merge(stocktonID, with: samFile, setAside: [SetAsideLine(copy: .other, seq: common + 1)],
                                   on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        #expect(summary.setAside.map(\.line) == [SetAsideLine(copy: .other, seq: common + 1)])
        #expect(summary.setAside.first?.bytes == samLine)
        let kept = try #require(summary.setAsidePath)
        #expect(kept.hasPrefix(copies.a.folder(stocktonID) + "/events.jsonl.set-aside-"))
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: kept))) == samLine + [0x0A])
        // Jo's journal stands as it was, and a line after it, recorded by Jo, names Sam's.
        let merged = try copies.a.journal(stocktonID)
        #expect(merged.starts(with: joBytes), "with Sam's only line set aside, Jo's journal stands as it was")
        #expect(try jo.verify(stocktonID).events == common + 2)
        let trace = try #require(try jo.history(stocktonID).last)
        #expect(trace.by == "jo" && trace.recorded == Self.mergedAt && trace.event.on == Self.mergedOn)
        guard case let .lineSetAside(aside) = trace.event else { Issue.record("no line names the line set aside: \(trace.event)"); return }
        #expect(aside.copy == SHA256.hexDigest(TestJournals.lines(samBytes).last!) && aside.seq == common + 1)
        #expect(aside.key.count == 64 && aside.setAsideBy == "sam" && aside.setAsideRecorded == (clash == .submittedTwice ? "2026-11-23T09:00:00Z" : "2026-11-23T11:00:00Z"))
        #expect(aside.setAsideType == (clash == .submittedTwice ? .statementSubmitted : .recordAmended))
        #expect(!(try jo.conflictedCopies(of: stocktonID)).contains(kept))

        // Sam's copy, still holding the line, is taken in again without a conflict: the line is
        // left out again, and there is nothing else to do.
        let again = try jo.merge(stocktonID, with: samFile, on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        #expect(again.leftOutAgain == [SetAsideLine(copy: .other, seq: common + 1)] && !again.changes)
        #expect(try copies.a.journal(stocktonID) == merged)

        // Sam, having recorded more since, merges Jo's journal, as git's driver would: his line
        // stays out, his later one comes in, and no one is asked again. (The plan that submitted
        // twice has no workstream yet to add evidence to.)
        guard clash != .submittedTwice else { return }
        try sam.record(.addEvidence(on: day("2019-11-20"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Sam's later evidence",
                                    source: nil, file: nil, link: nil), in: stocktonID, by: "sam", recorded: "2026-11-24T09:00:00Z")
        let samLater = try copies.b.journal(stocktonID)
        let current = try copies.save(samLater, as: "current.jsonl")
        let driven = try PlanStore.mergeFiles(ancestor: samFile, current: current, other: try copies.save(merged, as: "merged.jsonl"))
        #expect(driven.leftOutAgain == [SetAsideLine(copy: .this, seq: common + 1)] && driven.fromThis == 1)
        let result = TestJournals.lines([UInt8](try Data(contentsOf: URL(fileURLWithPath: current))))
        #expect(result.count == common + 3)
        let types = try result.suffix(3).map { line in try line.withUnsafeBytes { try JournalLine.decode($0, keepText: false).event.type } }
        #expect(types == [clash == .submittedTwice ? .statementSubmitted : .recordWithdrawn, .evidenceAdded, .lineSetAside], "\(types)")

        // The same from Sam's side: Sam's own line set aside, and Jo's taken in its place.
        let back = try sam.merge(stocktonID, with: joFile, setAside: [SetAsideLine(copy: .this, seq: common + 1)],
                                 on: Self.mergedOn, recorded: Self.mergedAt, by: "sam")
        #expect(back.kind == .merged && back.fromOther == 1 && back.fromThis == 1)
        #expect(try copies.b.journal(stocktonID).starts(with: joBytes))
        #expect(try sam.verify(stocktonID).events == common + 3)
    }

    @Test("a line set aside from a copy where an earlier merge moved it stays out when its author pulls")
    func aLineSetAsideAfterAnEarlierMergeMovedIt() throws {
        // Jo, Sam and Kim share the plan. Sam amends E1; Kim, who added evidence of her own,
        // pulls Sam's copy, so Sam's line moves (and is re-chained) in hers. Jo withdrew E1,
        // takes Kim's copy in and sets Sam's amendment aside. Sam, who still holds his line as
        // he wrote it, then pulls Jo's journal: his line is the one Jo set aside, and stays out.
        let copies = try MergeCopies(then: commonCommands)
        let kimsPlans = try TemporaryPlans()
        defer { kimsPlans.remove() }
        try MergeCopies.copyPlan(from: copies.a, to: kimsPlans)
        let (jo, sam, kim) = (copies.a.store, copies.b.store, kimsPlans.store)
        let base = try copies.save(try copies.a.journal(stocktonID), as: "base.jsonl")
        var changes = Amendment()
        changes.title = "Forum launched, with parents"
        try sam.record(.amend(on: day("2019-11-05"), target: .evidence("E1"), changes: changes, reason: "clearer"),
                       in: stocktonID, by: "sam", recorded: "2026-11-23T11:00:00Z")
        try kim.record(.addEvidence(on: day("2019-11-01"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Kim's",
                                    source: nil, file: nil, link: nil), in: stocktonID, by: "kim", recorded: "2026-11-23T09:00:00Z")
        _ = try kim.merge(stocktonID, with: copies.b.journalPath(stocktonID), on: Self.mergedOn, recorded: Self.mergedAt, by: "kim")
        let kims = TestJournals.lines(try kimsPlans.journal(stocktonID)), sams = TestJournals.lines(try copies.b.journal(stocktonID))
        #expect(kims.count == 11 && kims[10] != sams[9], "Sam's line did not move in Kim's copy")

        try jo.record(.withdraw(on: day("2019-11-05"), target: .evidence("E1"), reason: "recorded in error"), in: stocktonID, by: "jo",
                      recorded: "2026-11-23T10:00:00Z")
        let settled = try jo.merge(stocktonID, with: kimsPlans.journalPath(stocktonID), setAside: [SetAsideLine(copy: .other, seq: 11)],
                                   on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        #expect(settled.setAside.map(\.line) == [SetAsideLine(copy: .other, seq: 11)])
        let joined = try copies.save(try copies.a.journal(stocktonID), as: "jo.jsonl")

        // Sam records once more, then pulls Jo's journal, as git's driver would.
        try sam.record(.addEvidence(on: day("2019-11-20"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Sam's later",
                                    source: nil, file: nil, link: nil), in: stocktonID, by: "sam", recorded: "2026-11-24T09:00:00Z")
        let samsBytes = try copies.b.journal(stocktonID)
        let (current, samsOwn) = (try copies.save(samsBytes, as: "sam.jsonl"), try copies.save(samsBytes, as: "sam-before.jsonl"))
        let pulled = try PlanStore.mergeFiles(ancestor: base, current: current, other: joined)
        #expect(pulled.leftOutAgain == [SetAsideLine(copy: .this, seq: 10)] && pulled.fromThis == 1, "\(pulled)")
        // And Jo, pulling Sam's, reaches the same journal.
        let back = try jo.merge(stocktonID, with: samsOwn, on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        #expect(back.leftOutAgain == [SetAsideLine(copy: .other, seq: 10)])
        #expect(try copies.a.journal(stocktonID) == [UInt8](try Data(contentsOf: URL(fileURLWithPath: current))))
        #expect(try jo.verify(stocktonID).events == 13)
        #expect(try jo.history(stocktonID).filter { $0.event.type == .recordAmended }.isEmpty)
    }

    @Test("a line set aside stays out when its author pulls after a later merge renumbered what it was about")
    func aLineSetAsideAfterALaterMergeRenumberedItsItem() throws {
        // Sam adds E2 and amends it; Jo, who withdrew Sam's E2, sets the amendment aside. Kim
        // had added an E2 of her own dated earlier, so when she takes Jo's journal in, Sam's
        // item becomes E3 — in the withdrawal, and in the line naming what was set aside. Sam,
        // still holding his amendment of "E2", records more and pulls Kim's journal.
        let copies = try MergeCopies(then: commonCommands)
        let kimsPlans = try TemporaryPlans()
        defer { kimsPlans.remove() }
        try MergeCopies.copyPlan(from: copies.a, to: kimsPlans)
        let (jo, sam, kim) = (copies.a.store, copies.b.store, kimsPlans.store)
        func evidence(_ on: String, _ title: String) -> PlanCommand {
            .addEvidence(on: day(on), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: title, source: nil, file: nil, link: nil)
        }
        try kim.record(evidence("2019-11-01", "Kim's early"), in: stocktonID, by: "kim", recorded: "2026-11-23T09:00:00Z")
        try sam.record(evidence("2019-11-05", "Sam's"), in: stocktonID, by: "sam", recorded: "2026-11-23T09:10:00Z")
        _ = try jo.merge(stocktonID, with: copies.b.journalPath(stocktonID), on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        try jo.record(.withdraw(on: day("2019-11-05"), target: .evidence("E2"), reason: "recorded in error"), in: stocktonID, by: "jo",
                      recorded: "2026-11-23T10:00:00Z")
        var changes = Amendment()
        changes.title = "Sam's, final"
        try sam.record(.amend(on: day("2019-11-05"), target: .evidence("E2"), changes: changes, reason: "final"),
                       in: stocktonID, by: "sam", recorded: "2026-11-23T10:30:00Z")
        let pushed = try copies.save(try copies.b.journal(stocktonID), as: "sam-pushed.jsonl")
        _ = try jo.merge(stocktonID, with: pushed, setAside: [SetAsideLine(copy: .other, seq: 11)], on: Self.mergedOn,
                         recorded: Self.mergedAt, by: "jo")
        let renumbered = try kim.merge(stocktonID, with: copies.a.journalPath(stocktonID), on: Self.mergedOn, recorded: Self.mergedAt, by: "kim")
        #expect(renumbered.renumbered.map { "\($0.old)→\($0.new)" } == ["E2→E3"])
        guard case let .lineSetAside(aside)? = try kim.history(stocktonID).last?.event else { Issue.record("no line set aside last"); return }
        #expect(aside.setAsideID == "E3", "the line naming the amendment set aside does not follow its item")

        try sam.record(evidence("2019-11-06", "Sam's later"), in: stocktonID, by: "sam", recorded: "2026-11-24T09:00:00Z")
        let samsOwn = try copies.save(try copies.b.journal(stocktonID), as: "sam-before.jsonl")
        let current = try copies.save(try copies.b.journal(stocktonID), as: "sam.jsonl")
        let pulled = try PlanStore.mergeFiles(ancestor: pushed, current: current, other: kimsPlans.journalPath(stocktonID))
        #expect(pulled.leftOutAgain == [SetAsideLine(copy: .this, seq: 11)] && pulled.fromThis == 1, "\(pulled)")
        let back = try kim.merge(stocktonID, with: samsOwn, on: Self.mergedOn, recorded: Self.mergedAt, by: "kim")
        #expect(back.leftOutAgain == [SetAsideLine(copy: .other, seq: 11)])
        #expect(try kimsPlans.journal(stocktonID) == [UInt8](try Data(contentsOf: URL(fileURLWithPath: current))))
        #expect(try kim.verify(stocktonID).events == 14)
        #expect(try kim.history(stocktonID).filter { $0.event.type == .recordAmended }.isEmpty)
    }

    @Test("a copy holding a line and a line naming it as set aside is damage, in verify and in a merge, which removes nothing")
    func aHandWrittenSetAsideLineRemovesNothing() throws {
        let copies = try MergeCopies(then: commonCommands)
        let (jo, kim) = (copies.a.store, copies.b.store)
        try jo.record(.addEvidence(on: day("2019-11-02"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Jo's",
                                   source: nil, file: nil, link: nil), in: stocktonID, by: "jo", recorded: "2026-11-23T10:00:00Z")
        // Someone appends, by hand, a line naming Jo's line as set aside, chained as wsoa would.
        let journal = try copies.a.journal(stocktonID)
        let lines = TestJournals.lines(journal)
        var keys = LineKeys(), key = ""
        for (index, line) in lines.enumerated() {
            key = try keys.take(try line.withUnsafeBytes { try JournalLine.decode($0, keepText: true) }, number: index + 1)
        }
        let forged = PlanEvent.lineSetAside(.init(
            on: day("2026-11-24"), copy: SHA256.hexDigest(lines[9]), seq: 10, key: key, type: .evidenceAdded,
            setAsideOn: day("2019-11-02"), id: "E2", by: "jo", recorded: "2026-11-23T10:00:00Z", reason: nil))
        let line = try PlanStore.lines(for: [PlanStore.Draft(event: forged, by: "mallory", recorded: "2026-11-24T10:00:00Z", personalDataAllowed: false)],
                                       plan: stocktonID, after: 10, previous: SHA256.Digest(of: lines[9][...]))
        let forgedCopy = try copies.save(journal + line.bytes, as: "forged.jsonl")

        // Kim, who recorded her own line, is refused the forged copy, and her journal stays as it was.
        try kim.record(.addEvidence(on: day("2019-11-03"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Kim's",
                                    source: nil, file: nil, link: nil), in: stocktonID, by: "kim", recorded: "2026-11-23T11:00:00Z")
        let before = try copies.b.journal(stocktonID)
        let refused = expectError("a merge of the forged copy") {
            _ = try kim.merge(stocktonID, with: forgedCopy, on: Self.mergedOn, recorded: Self.mergedAt, by: "kim")
        }
        guard case let .damagedJournal(path, number, reason)? = refused else { Issue.record("expected damage, got \(String(describing: refused))"); return }
        #expect(path == forgedCopy && number == 11 && reason.contains("names line 10 of this journal"), "\(reason)")
        #expect(try copies.b.journal(stocktonID) == before)

        // And verify calls the forged line what it is.
        try Data(journal + line.bytes).write(to: URL(fileURLWithPath: copies.a.journalPath(stocktonID)))
        let error = expectError("verify of the forged journal") { _ = try jo.verify(stocktonID) }
        guard case let .damagedJournal(_, line11, said)? = error else { Issue.record("expected damage, got \(String(describing: error))"); return }
        #expect(line11 == 11 && said.contains("names line 10 of this journal"), "\(said)")
    }

    @Test("a line that cannot be set aside is refused by name")
    func setAsideOutOfRange() throws {
        let copies = try MergeCopies(then: commonCommands)
        try copies.b.store.record(.addEvidence(on: day("2019-11-02"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Sam's",
                                               source: nil, file: nil, link: nil), in: stocktonID, by: "sam", recorded: "2026-11-23T10:00:00Z")
        let before = try copies.a.journal(stocktonID)
        for line in [SetAsideLine(copy: .other, seq: 9), SetAsideLine(copy: .other, seq: 11), SetAsideLine(copy: .this, seq: 10)] {
            let error = expectError("\(line)") {
                _ = try copies.a.store.merge(stocktonID, with: copies.b.journalPath(stocktonID), setAside: [line], on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
            }
            guard case let .invalidValue(option, value, _)? = error else {
                Issue.record("expected invalidValue for \(line), got \(String(describing: error))")
                continue
            }
            #expect(option == "--set-aside" && value == line.description)
        }
        #expect(try copies.a.journal(stocktonID) == before)
    }

    // MARK: Notes

    @Test("a second merge keeps the notes the first one wrote, and is the same both ways")
    func secondMergeKeepsNotes() throws {
        let copies = try MergeCopies(then: commonCommands)
        let third = try TemporaryPlans()
        defer { third.remove() }
        try MergeCopies.copyPlan(from: copies.a, to: third)
        var jo = Officer(seed: 11, store: copies.a.store, by: "jo", stampDay: "2026-11-23", start: day("2019-11-01"))
        var sam = Officer(seed: 12, store: copies.b.store, by: "sam", stampDay: "2026-11-23", start: day("2019-11-02"))
        var kim = Officer(seed: 13, store: third.store, by: "kim", stampDay: "2026-11-24", start: day("2019-11-01"))
        jo.record(6)
        sam.record(6)
        kim.record(6)
        _ = try copies.a.store.merge(stocktonID, with: copies.b.journalPath(stocktonID), on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        let first = try copies.a.store.history(stocktonID)
        let notes = Dictionary(uniqueKeysWithValues: first.compactMap { entry in entry.merged.map { (key(entry), $0) } })
        #expect(!notes.isEmpty, "the first merge moved no line")

        // Kim's copy and the merged one, merged both ways.
        let merged = try copies.save(try copies.a.journal(stocktonID), as: "merged.jsonl")
        let kims = try copies.save(try third.journal(stocktonID), as: "kim.jsonl")
        let kimsHead = SHA256.hexDigest(TestJournals.lines(try third.journal(stocktonID)).last!)
        let intoMerged = try copies.a.store.merge(stocktonID, with: kims, on: Day(year: 2026, month: 12, day: 2)!, recorded: "2026-12-02T09:00:00Z", by: "jo")
        let intoKim = try third.store.merge(stocktonID, with: merged, on: Day(year: 2026, month: 12, day: 2)!, recorded: "2026-12-02T09:00:00Z", by: "kim")
        #expect(intoMerged.kind == .merged && intoKim.kind == .merged)
        #expect(try copies.a.journal(stocktonID) == (try third.journal(stocktonID)))
        let second = try third.store.history(stocktonID)
        #expect(second.count == first.count + kim.lines)
        for entry in second {
            if let note = notes[key(entry)] {
                #expect(entry.merged == note, "\(key(entry)) lost its first note")
            } else if entry.by == "kim", let note = entry.merged {
                #expect(note.copy == kimsHead)
            }
        }
        #expect(try third.store.verify(stocktonID).events == second.count)
    }

    // MARK: Hostile copies

    enum Hostile: String, CaseIterable, CustomTestStringConvertible {
        case empty, garbage, tornLastLine, anotherPlan, editedCommonLine, directory, fifo, missing
        var testDescription: String { rawValue }
    }

    @Test("a copy that is not one is refused with a clear error and nothing written", arguments: Hostile.allCases)
    func hostileCopy(_ hostile: Hostile) throws {
        let copies = try MergeCopies(then: commonCommands)
        let original = try copies.a.journal(stocktonID)
        let path = "\(copies.loose)/other.jsonl"
        switch hostile {
        case .empty:
            try copies.save([], as: "other.jsonl")
        case .garbage:
            var random = SeededGenerator(seed: 99)
            try copies.save((0..<4096).map { _ in UInt8(truncatingIfNeeded: random.next()) }, as: "other.jsonl")
        case .tornLastLine:
            try copies.b.store.record(.addEvidence(on: day("2019-11-02"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Sam's",
                                                   source: nil, file: nil, link: nil), in: stocktonID, by: "sam", recorded: "2026-11-23T10:00:00Z")
            let whole = try copies.b.journal(stocktonID)
            try copies.save(Array(whole.dropLast(20)), as: "other.jsonl")
        case .anotherPlan:
            let elsewhere = try TemporaryPlans()
            defer { elsewhere.remove() }
            _ = try elsewhere.store.create(TestJournals.stockton(id: "redcar-2019"), by: lead, recorded: recordedAt)
            try copies.save(try elsewhere.journal("redcar-2019"), as: "other.jsonl")
        case .editedCommonLine:
            var bytes = try copies.b.journal(stocktonID)
            let at = try position(of: "Forum launched", inLine: 8, of: bytes)
            bytes[at] = UInt8(ascii: "N")
            try copies.save(bytes, as: "other.jsonl")
        case .directory:
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        case .fifo:
            #expect(mkfifo(path, 0o644) == 0)
        case .missing:
            break
        }
        let listing = try MergeCopies.listing(copies.a)
        let error = expectError("\(hostile)") {
            _ = try copies.a.store.merge(stocktonID, with: path, on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        }
        switch (hostile, error) {
        case (.empty, .damagedJournal(path, _, _)?), (.garbage, .damagedJournal(path, _, _)?), (.tornLastLine, .damagedJournal(path, 10, _)?),
             (.anotherPlan, .notACopy(stocktonID, path, _)?),
             (.editedCommonLine, .damagedJournal(path, 8...9, _)?), (.directory, .fileSystem(path, _)?), (.fifo, .fileSystem(path, _)?),
             (.missing, .fileSystem(path, _)?):
            break
        default:
            Issue.record("\(hostile): unexpected \(String(describing: error))")
        }
        if let error { #expect(!error.description.isEmpty) }
        // 'wsoa repair' mends the plan's own journal, which is whole: it is no advice for a copy.
        #expect(error?.description.contains("repair") != true)
        #expect(try copies.a.journal(stocktonID) == original)
        #expect(try MergeCopies.listing(copies.a) == listing)
    }

    @Test("a link to a copy is followed")
    func linkToACopy() throws {
        let copies = try MergeCopies(then: commonCommands)
        try copies.b.store.record(.addEvidence(on: day("2019-11-02"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Sam's",
                                               source: nil, file: nil, link: nil), in: stocktonID, by: "sam", recorded: "2026-11-23T10:00:00Z")
        let link = "\(copies.loose)/link.jsonl"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: copies.b.journalPath(stocktonID))
        let summary = try copies.a.store.merge(stocktonID, with: link, on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        #expect(summary.kind == .otherAhead)
        #expect(try copies.a.journal(stocktonID) == (try copies.b.journal(stocktonID)))
    }

    // MARK: Verify after a merge

    @Test("verify catches an edit of a line a merge moved")
    func editedMergedLine() throws {
        let copies = try MergeCopies(then: commonCommands)
        try copies.a.store.record(.addEvidence(on: day("2019-11-03"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Jo's evidence",
                                               source: nil, file: nil, link: nil), in: stocktonID, by: "jo", recorded: "2026-11-23T10:00:00Z")
        try copies.a.store.record(.addEvidence(on: day("2019-11-05"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Jo's later",
                                               source: nil, file: nil, link: nil), in: stocktonID, by: "jo", recorded: "2026-11-23T10:01:00Z")
        try copies.b.store.record(.addEvidence(on: day("2019-11-02"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Sam's evidence",
                                               source: nil, file: nil, link: nil), in: stocktonID, by: "sam", recorded: "2026-11-23T10:00:00Z")
        let joBytes = try copies.a.journal(stocktonID)
        _ = try copies.a.store.merge(stocktonID, with: copies.b.journalPath(stocktonID), on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        let entries = try copies.a.store.history(stocktonID)
        #expect(entries.map(\.by).suffix(3) == ["sam", "jo", "jo"])
        #expect(entries[9].merged == nil, "Sam's line stays where it was in Sam's copy, so keeps its bytes")
        #expect(entries.suffix(2).allSatisfy { $0.merged?.copy == SHA256.hexDigest(TestJournals.lines(joBytes).last!) },
                "Jo's lines moved, so are re-chained and noted")
        var bytes = try copies.a.journal(stocktonID)
        let at = try position(of: "Jo's evidence", inLine: 11, of: bytes)
        bytes[at] = UInt8(ascii: "j")
        try copies.a.writeJournal(stocktonID, bytes)
        do {
            _ = try copies.a.store.verify(stocktonID)
            Issue.record("verify passed an edited merged line")
        } catch let WSoAError.damagedJournal(path, line, _) {
            #expect(path == copies.a.journalPath(stocktonID) && (11...12).contains(line))
        }
    }

    // MARK: git's merge driver

    @Test("mergeFiles refuses an ancestor a copy does not hold, and writes the merge over the current copy")
    func mergeFiles() throws {
        let copies = try MergeCopies(then: commonCommands)
        let ancestor = try copies.save(try copies.a.journal(stocktonID), as: "ancestor.jsonl")
        var jo = Officer(seed: 5, store: copies.a.store, by: "jo", stampDay: "2026-11-23", start: day("2019-11-01"))
        var sam = Officer(seed: 6, store: copies.b.store, by: "sam", stampDay: "2026-11-23", start: day("2019-11-02"))
        jo.record(5)
        sam.record(5)
        let joBytes = try copies.a.journal(stocktonID)
        let current = try copies.save(joBytes, as: "current.jsonl"), other = try copies.save(try copies.b.journal(stocktonID), as: "other.jsonl")

        // Sam's journal as the ancestor: Jo's does not start with it.
        for wrong in [copies.b.journalPath(stocktonID), try copies.save(Array(joBytes.prefix(200)) + Array("x".utf8) + joBytes.dropFirst(201), as: "bad.jsonl")] {
            let error = expectError("ancestor \(wrong)") { _ = try PlanStore.mergeFiles(ancestor: wrong, current: current, other: other) }
            guard case let .linesRemoved(removed)? = error else {
                Issue.record("expected linesRemoved, got \(String(describing: error))")
                continue
            }
            #expect(removed.plan == stocktonID && removed.copy == .this && !removed.cut)
            #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: current))) == joBytes)
        }

        let summary = try PlanStore.mergeFiles(ancestor: ancestor, current: current, other: other)
        #expect(summary.kind == .merged && summary.common == 9)
        let viaStore = try copies.a.store.merge(stocktonID, with: other, on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        #expect(viaStore.head == summary.head)
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: current))) == (try copies.a.journal(stocktonID)))
    }

    @Test("mergeFiles takes a rebase's second step: this side merged since, so it holds the ancestor's lines moved")
    func mergeFilesAfterRebase() throws {
        let copies = try MergeCopies(then: commonCommands)
        let common = try copies.a.journal(stocktonID)
        var jo = Officer(seed: 11, store: copies.a.store, by: "jo", stampDay: "2026-11-23", start: day("2019-11-01"))
        var sam = Officer(seed: 12, store: copies.b.store, by: "sam", stampDay: "2026-11-24", start: day("2019-11-02"))
        jo.record(4)
        let joBytes = try copies.a.journal(stocktonID)
        sam.record(3)
        let samFirst = try copies.b.journal(stocktonID)
        sam.record(6)  // a count of lines in all, so three more
        let samSecond = try copies.b.journal(stocktonID)
        #expect(!joBytes.starts(with: samFirst) && samSecond.starts(with: samFirst) && samFirst.starts(with: common))
        #expect(samSecond.filter { $0 == 0x0A }.count == samFirst.filter { $0 == 0x0A }.count + 3)

        // git pull --rebase: Sam's first commit onto Jo's, then the second onto that merge, whose
        // ancestor is Sam's first commit, which the merge holds with its lines moved.
        let current = try copies.save(joBytes, as: "current.jsonl")
        _ = try PlanStore.mergeFiles(ancestor: try copies.save(common, as: "base.jsonl"), current: current,
                                     other: try copies.save(samFirst, as: "first.jsonl"))
        let afterFirst = [UInt8](try Data(contentsOf: URL(fileURLWithPath: current)))
        #expect(!afterFirst.starts(with: samFirst))
        let summary = try PlanStore.mergeFiles(ancestor: try copies.save(samFirst, as: "ancestor.jsonl"), current: current,
                                               other: try copies.save(samSecond, as: "second.jsonl"))
        #expect(summary.kind == .merged && summary.fromOther == 3, "\(summary)")

        // The same journal as merging Sam's two commits at once, every line of both once.
        let atOnce = try copies.a.store.merge(stocktonID, with: try copies.save(samSecond, as: "sam.jsonl"), on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        #expect(summary.lines == atOnce.lines)
        #expect(try copies.a.store.verify(stocktonID).events == summary.lines)
    }

    @Test("mergeFiles names each copy as it is told, never by the scratch file git gave")
    func mergeFilesNamesTheCopies() throws {
        let copies = try MergeCopies(then: commonCommands)
        let ancestorBytes = try copies.a.journal(stocktonID)
        try copies.a.store.record(.withdraw(on: day("2019-11-05"), target: .evidence("E1"), reason: "recorded in error"), in: stocktonID,
                                  by: "jo", recorded: "2026-11-23T10:00:00Z")
        var changes = Amendment()
        changes.title = "Forum launched, with parents"
        try copies.b.store.record(.amend(on: day("2019-11-06"), target: .evidence("E1"), changes: changes, reason: "clearer"),
                                  in: stocktonID, by: "sam", recorded: "2026-11-23T11:00:00Z")
        let joBytes = try copies.a.journal(stocktonID), samBytes = try copies.b.journal(stocktonID)
        let ancestor = try copies.save(ancestorBytes, as: ".merge_file_base"), current = try copies.save(joBytes, as: ".merge_file_ours")
        let other = try copies.save(samBytes, as: ".merge_file_theirs")
        let names = (ancestor: "the last version both sides shared of plans/x/events.jsonl",
                     current: "this side's plans/x/events.jsonl", other: "the other side's plans/x/events.jsonl")
        func refusal(ancestor: String = ancestor, current: String = current, other: String = other) -> WSoAError? {
            expectError("merge of \(current) and \(other)") {
                _ = try PlanStore.mergeFiles(ancestor: ancestor, current: current, other: other, names: names)
            }
        }

        // The conflict names both lines' copies by their names.
        guard case let .mergeRefused(conflict)? = refusal() else {
            Issue.record("expected mergeRefused")
            return
        }
        #expect(conflict.refused.path == names.other && conflict.against?.path == names.current)
        #expect(!WSoAError.mergeRefused(conflict).description.contains(".merge_file"), "\(WSoAError.mergeRefused(conflict))")

        // A side that edited a line the ancestor had, a torn side, a missing file, a torn ancestor.
        var edited = samBytes
        edited[try position(of: "Co-production", inLine: 2, of: edited)] = UInt8(ascii: "K")
        let cases: [(WSoAError?, String)] = [
            (refusal(current: try copies.save(edited, as: ".merge_file_edited")), names.current),
            (refusal(other: try copies.save(edited, as: ".merge_file_edited2")), names.other),
            (refusal(other: try copies.save(samBytes.dropLast(3), as: ".merge_file_torn")), names.other),
            (refusal(ancestor: current + ".gone"), names.ancestor),
            (refusal(current: try copies.save([], as: ".merge_file_empty")), names.current),
        ]
        for (error, name) in cases {
            let said = error.map(\.description) ?? "nothing"
            #expect(said.contains(name) && !said.contains(".merge_file"), "\(said)")
        }
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: current))) == joBytes, "a refused merge wrote the current side")
    }

    // MARK: Sync tools' copies

    @Test("a sync tool's conflicted copy is listed, merged by path, then renamed and no longer listed")
    func conflictedCopy() throws {
        let copies = try MergeCopies(then: commonCommands)
        try copies.a.store.record(.addEvidence(on: day("2019-11-01"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Jo's",
                                               source: nil, file: nil, link: nil), in: stocktonID, by: "jo", recorded: "2026-11-23T10:00:00Z")
        try copies.b.store.record(.addEvidence(on: day("2019-11-02"), workstream: "ws", weaknesses: ["W1"], kind: .activity, title: "Sam's",
                                               source: nil, file: nil, link: nil), in: stocktonID, by: "sam", recorded: "2026-11-23T10:00:00Z")
        let folder = copies.a.folder(stocktonID)
        let copy = "\(folder)/events (Jo's conflicted copy).jsonl"
        try Data(try copies.b.journal(stocktonID)).write(to: URL(fileURLWithPath: copy))
        for name in ["events.jsonl.torn-x", "events.jsonl.set-aside-x", ".events-hidden.jsonl"] {
            try Data("x\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
        }
        try FileManager.default.createDirectory(atPath: "\(folder)/events-folder.jsonl", withIntermediateDirectories: false)
        #expect(try copies.a.store.conflictedCopies(of: stocktonID) == [copy])

        let summary = try copies.a.store.merge(stocktonID, with: copy, on: Self.mergedOn, recorded: Self.mergedAt, by: "jo")
        #expect(summary.kind == .merged && summary.mergedCopyPath == "\(copy).merged")
        #expect(FileManager.default.fileExists(atPath: "\(copy).merged") && !FileManager.default.fileExists(atPath: copy))
        #expect(try copies.a.store.conflictedCopies(of: stocktonID).isEmpty)
        #expect(try copies.a.store.verify(stocktonID).events == 11)
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
