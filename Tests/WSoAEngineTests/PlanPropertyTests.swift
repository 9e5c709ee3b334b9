import Foundation
import Testing
import WSoAEngine

/// Random command sequences, valid and invalid, run through `Plan.decide` + `apply` in memory
/// and through `PlanStore.append` on disk side by side; after every command the invariants of
/// DESIGN.md §3–§5 must hold:
///
/// - a refused command changes nothing: the store refuses it with the same error and the
///   journal's bytes are identical;
/// - an accepted one only appends, and `seq` runs 1, 2, 3… with no gaps;
/// - replaying the journal (`PlanStore.load`, snapshot or not) gives the in-memory plan;
/// - the phase only moves along a row of `Lifecycle.table`, and only on a lifecycle event.
@Suite("Plan properties")
struct PlanPropertyTests {
    /// What a run saw, for the checks on coverage and the summary.
    struct Tally {
        var accepted = 0, refused = 0, linesReplayed = 0
        var phases: Set<Phase> = []
        var rules: Set<String> = []
    }

    /// Whether every event, written as a journal line, reads back as the same entry.
    static func readsBack(_ events: [PlanEvent]) -> Bool {
        events.allSatisfy { event in
            let entry = JournalEntry(seq: 1, prev: JournalEntry.genesisHash, recorded: "2026-11-23T10:00:00Z", by: "property", event: event)
            return (try? JournalEntry(json: JSONReader.parse(entry.lineBytes))) == entry
        }
    }

    static func journal(_ store: PlanStore, _ id: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: store.journalPath(id))))
    }

    /// One seeded run of `steps` commands against a fresh plan; returns what it saw.
    static func run(seed: UInt64, steps: Int, endless: Bool = false) throws -> Tally {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-property-\(seed)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = PlanStore(directory: folder)
        try store.initialize()
        var commands = RandomCommands(random: SeededGenerator(seed: seed), endless: endless)
        let id = "property-\(seed)"
        let visit = try DayRange(start: Day(year: 2019, month: 2, day: 4)!, end: Day(year: 2019, month: 2, day: 8)!)
        let created = try store.create(PlanEvent.PlanCreated(id: id, area: commands.text(blankChance: 0), visit: visit,
                                                             partners: Partners(la: commands.optionalText())),
                                       by: "property", recorded: "2026-11-23T10:00:00Z")
        let createdEvents: [PlanEvent] = created.map { $0.event }
        var model = try #require(Plan.replay(createdEvents))
        var lines = 1
        var tally = Tally()
        tally.phases.insert(model.phase)

        for step in 1...steps {
            let command = commands.next(for: model)
            let context = "seed \(seed) step \(step): \(command)"
            let modelBefore = model
            let expected = Result<[PlanEvent], any Error> { try Plan.decide(command, on: modelBefore) }
            let before = try journal(store, id)
            var seen: Plan?
            let outcome = Result<[JournalEntry], any Error> {
                try store.append(id, by: "property", recorded: "2026-11-23T10:00:00Z") { current in
                    seen = current
                    return try Plan.decide(command, on: current)
                }
            }
            #expect(seen == model, "the store's plan differs from the model before deciding (\(context))")
            let after = try journal(store, id)
            switch (expected, outcome) {
            case let (.success(events), .failure(got)) where !Self.readsBack(events):
                // Decided, but its line could not be read back (a day beyond 2100, say): the store
                // must refuse it rather than write a line that breaks every later read.
                tally.refused += 1
                tally.rules.insert("readable-record")
                guard case let .refused(rule, _, _, _) = got as? WSoAError, rule == "readable-record" else {
                    Issue.record("an unreadable event was refused with \(got) (\(context))")
                    break
                }
                #expect(after == before, "an unreadable event changed the journal (\(context))")
            case let (.failure(wanted), .failure(got)):
                tally.refused += 1
                if case let .refused(rule, _, _, _) = got as? WSoAError { tally.rules.insert(rule) }
                #expect((got as? WSoAError) == (wanted as? WSoAError), "refused differently: \(got) vs \(wanted) (\(context))")
                #expect(after == before, "a refused command changed the journal (\(context))")
            case let (.success(events), .success(entries)):
                tally.accepted += 1
                let written: [PlanEvent] = entries.map { $0.event }
                let seqs: [Int] = entries.map { $0.seq }
                let wanted: [Int] = Array((lines + 1)..<(lines + 1 + events.count))
                #expect(written == events, "\(context)")
                #expect(seqs == wanted, "seq is not gapless (\(context))")
                #expect(after.starts(with: before) && after.count > before.count, "not a pure append (\(context))")
                for event in events {
                    let old = model.phase
                    model.apply(event)
                    if event.type.isLifecycle {
                        let new = model.phase, type = event.type
                        let row = Lifecycle.table.contains { (row: Transition) in row.from == old && row.event == type && row.to == new }
                        #expect(row, "\(old) → \(new) on \(type.rawValue) is not a row of the table (\(context))")
                    } else {
                        #expect(model.phase == old, "\(event.type.rawValue) moved the phase (\(context))")
                    }
                    tally.phases.insert(model.phase)
                }
                lines += events.count
            case let (.success(events), .failure(error)):
                Issue.record("decide accepted \(events.count) events but the store failed: \(error) (\(context))")
                return tally
            case let (.failure(error), .success(entries)):
                Issue.record("decide refused (\(error)) but the store wrote \(entries.count) lines (\(context))")
                return tally
            }

            let loaded = try store.load(id)
            #expect(loaded.plan == model, "replaying the journal differs from the model (\(context))")
            #expect(loaded.events == lines && loaded.folded == lines, "\(context)")
            tally.linesReplayed += lines
            if step % 25 == 0 || step == steps {
                let entries = try store.entries(id)
                let seqs: [Int] = entries.map { $0.seq }
                #expect(seqs == Array(1...lines), "seq is not 1…\(lines) (\(context))")
                let events: [PlanEvent] = entries.map { $0.event }
                #expect(Plan.replay(events) == model, "\(context)")
                #expect(try store.verify(id).events == lines)
            }
        }
        return tally
    }

    @Test("random command sequences keep every invariant", arguments: 1...24)
    func randomSequences(seed: Int) throws {
        let tally = try Self.run(seed: UInt64(seed), steps: 120)
        #expect(tally.accepted >= 1 && tally.refused >= 1, "seed \(seed): \(tally.accepted) accepted, \(tally.refused) refused")
    }

    @Test("a long sequence crosses the snapshot threshold and still replays exactly",
          .enabled(if: ProcessInfo.processInfo.environment["WSOA_LONG_TESTS"] == "1",
                   "a long property run; set WSOA_LONG_TESTS=1 to run it (.ci/run does)"))
    func longSequence() throws {
        let tally = try Self.run(seed: 0x5EED, steps: 650, endless: true)
        #expect(tally.accepted > 256, "only \(tally.accepted) accepted: the snapshot was never exercised")
        print("Long property run: 650 commands, \(tally.accepted) accepted, \(tally.refused) refused, \(tally.linesReplayed) lines replayed")
    }

    @Test("across seeds, every phase is reached and every kind of refusal is seen")
    func coverage() throws {
        var all = Tally()
        for seed in 100..<160 {
            let tally = try Self.run(seed: UInt64(seed), steps: 40)
            all.accepted += tally.accepted
            all.refused += tally.refused
            all.linesReplayed += tally.linesReplayed
            all.phases.formUnion(tally.phases)
            all.rules.formUnion(tally.rules)
        }
        #expect(all.accepted * 4 > all.refused, "too few accepted: \(all.accepted) accepted, \(all.refused) refused")
        #expect(all.phases == Set(Phase.allCases), "never reached: \(Set(Phase.allCases).subtracting(all.phases))")
        for rule in ["lifecycle", "final-phase", "dates-in-order", "known-reference", "delivery-phase", "readable-record"] {
            #expect(all.rules.contains(rule), "no command was refused by \(rule)")
        }
        print("Property coverage: \(all.accepted) accepted, \(all.refused) refused, \(all.linesReplayed) lines replayed, rules \(all.rules.sorted())")
    }
}
