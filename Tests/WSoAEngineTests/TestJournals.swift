import Foundation
import Testing
@testable import WSoAEngine

/// Journals built in memory the way the store writes them (`JournalLine.encode`, each line's
/// `prev` the SHA-256 of the line before), and plans folded from random commands, for the tests
/// of the journal, the snapshot, the store and "since the last visit".
enum TestJournals {
    /// After every date the generated journals hold (long ones run to 2100), so that rule
    /// not-in-future, which verify checks against each line's recorded day, passes.
    static let recorded = "2100-12-31T12:00:00Z"
    static let recorder = "send-lead"

    /// `events` as journal entries from line 1, each chained to the line before.
    static func entries(_ events: [PlanEvent], by: String = recorder,
                        personalDataAllowed: (Int) -> Bool = { _ in false }) -> [JournalEntry] {
        var entries: [JournalEntry] = []
        var previous = JournalEntry.genesisHash
        for (index, event) in events.enumerated() {
            let entry = JournalEntry(seq: index + 1, prev: previous, recorded: recorded, by: by, event: event,
                                     personalDataAllowed: personalDataAllowed(index + 1))
            previous = SHA256.hexDigest(entry.lineBytes)
            entries.append(entry)
        }
        return entries
    }

    /// The journal file of `lines` (each without its newline).
    static func bytes(_ lines: [[UInt8]]) -> [UInt8] {
        lines.flatMap { $0 + [0x0A] }
    }

    /// The journal file of `events`.
    static func bytes(_ events: [PlanEvent]) -> [UInt8] {
        bytes(entries(events).map(\.lineBytes))
    }

    /// The journal's complete lines, without their newlines (a torn tail is left out).
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var result = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        result.removeLast()
        return result
    }

    /// Lines re-chained after editing: each line's `prev` set to the hash of the line before
    /// as edited, so only the edit itself is wrong.
    static func rechained(_ objects: [[String: JSONValue]]) -> [[UInt8]] {
        var previous = JournalEntry.genesisHash
        return objects.map { object in
            var object = object
            object["prev"] = .string(previous)
            let line = Array(JSONWriter.string(.object(object)).utf8)
            previous = SHA256.hexDigest(line)
            return line
        }
    }

    /// Whether the line of `event` reads back as `event`: what the store checks before it
    /// writes, so an in-memory journal holds only what a real one could.
    static func readsBack(_ event: PlanEvent) -> Bool {
        let line = JournalEntry(seq: 1, prev: JournalEntry.genesisHash, recorded: recorded, by: recorder, event: event).lineBytes
        return (try? line.withUnsafeBytes { try JournalLine.decode($0, keepText: false) })?.event == event
    }

    /// Stockton-on-Tees as created on 8 February 2019 (DESIGN.md, seeds 000 and 002).
    static func stockton(id: String = "stockton-on-tees-2019") -> PlanEvent.PlanCreated {
        PlanEvent.PlanCreated(id: id, area: "Stockton-on-Tees", visit: try! DayRange(parsing: "2019-02-04..2019-02-08"),
                              partners: Partners(la: "Stockton-on-Tees Borough Council", health: "NHS Hartlepool and Stockton-on-Tees CCG"))
    }

    /// The events of a plan driven by `steps` random commands (`RandomCommands`): each command
    /// decided against the plan so far and kept only when accepted and readable, as the store
    /// would record it.
    /// `areaSEND` inspects the plan in 2024, under the 2023 framework.
    static func randomEvents(seed: UInt64, steps: Int, endless: Bool = true, corrections: Bool = true, id: String? = nil,
                             areaSEND: Bool = false) -> [PlanEvent] {
        var commands = RandomCommands(random: SeededGenerator(seed: seed), endless: endless, corrections: corrections)
        let created = PlanEvent.PlanCreated(id: id ?? "random-\(seed)", area: "Area \(seed)",
                                            visit: try! DayRange(parsing: areaSEND ? "2024-02-05..2024-02-09" : "2019-02-04..2019-02-08"),
                                            partners: Partners(la: "LA"))
        var events: [PlanEvent] = [.planCreated(created)]
        var plan = Plan(created: created)
        for _ in 0..<steps {
            guard let decided = try? Plan.decide(commands.next(for: plan), on: plan, allowingPersonalData: true),
                  decided.allSatisfy(readsBack) else { continue }
            for event in decided {
                events.append(event)
                plan.apply(event, line: events.count)
            }
        }
        return events
    }

    /// Stockton's letter, submission and fit-for-purpose judgement (lines 2–4).
    static func stocktonToFit() -> [PlanEvent] {
        [
            .letterPublished(.init(on: try! Day(parsing: "2019-04-24"), received: try! Day(parsing: "2019-05-02"), statementRequired: true,
                                   weaknesses: ["Co-production, engagement and communication with parents are underdeveloped.",
                                                "The quality of EHC assessments and plans is too variable."])),
            .statementSubmitted(.init(on: try! Day(parsing: "2019-08-12"))),
            .statementJudged(.init(on: try! Day(parsing: "2019-10-17"), fit: true)),
        ]
    }

    /// A journal's events `count` lines long: Stockton to fit for purpose, then a monitoring
    /// visit (noted "visit <n>") every `days` days from 6 November 2019; each line keeps every rule.
    static func longEvents(_ count: Int, every days: Int = 7, id: String = "stockton-on-tees-2019") -> [PlanEvent] {
        var events: [PlanEvent] = [.planCreated(stockton(id: id))] + stocktonToFit()
        var on = try! Day(parsing: "2019-11-06")
        while events.count < count {
            events.append(.monitoringVisitHeld(.init(on: on, advisers: ["DfE SEND adviser"], note: "visit \(events.count - 3)")))
            on = on.adding(days: days)
        }
        return Array(events.prefix(count))
    }

    /// The plan and delivery record `events` make, as the store folds them as of `asOf` (or all).
    static func fold(_ events: [PlanEvent], asOf: Day? = nil) -> (plan: Plan, record: DeliveryRecord) {
        guard case let .planCreated(created)? = events.first else { preconditionFailure("no planCreated") }
        var plan = Plan(created: created)
        var record = DeliveryRecord()
        for (index, event) in events.enumerated().dropFirst() where asOf.map({ event.on <= $0 }) ?? true {
            plan.apply(event, line: index + 1)
            record.apply(event, line: index + 1)
        }
        return (plan, record)
    }
}

/// A plans directory of its own under the system temporary directory, made with
/// `PlanStore.initialize()`; `remove()` deletes it.
final class TemporaryPlans {
    let path: String
    let store: PlanStore
    /// Notices the store gave (a snapshot rebuilt, say), in order.
    let notices = Notices()

    init(lockTimeout: Double = 5) throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("wsoa-enginetests-\(UUID().uuidString)", isDirectory: true).path
        let notices = self.notices
        store = PlanStore(directory: path, lockTimeout: lockTimeout, notice: { notices.add($0) })
        try store.initialize()
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func folder(_ id: String) -> String { "\(path)/\(id)" }
    func journalPath(_ id: String) -> String { "\(path)/\(id)/\(Journal.fileName)" }
    func snapshotPath(_ id: String) -> String { "\(path)/\(id)/\(Snapshot.fileName)" }
    func hasSnapshot(_ id: String) -> Bool { FileManager.default.fileExists(atPath: snapshotPath(id)) }

    func journal(_ id: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: journalPath(id)))) }

    /// Replaces the journal's bytes in place, as an editor (or a damaged disk) would; makes the
    /// plan's folder when it is not there yet.
    ///
    /// Plain POSIX calls: `Data.write` costs milliseconds a call here, and one test writes thousands.
    func writeJournal(_ id: String, _ bytes: [UInt8]) throws {
        if !FileManager.default.fileExists(atPath: folder(id)) {
            try FileManager.default.createDirectory(atPath: folder(id), withIntermediateDirectories: true)
        }
        let fd = open(journalPath(id), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(fd >= 0, "cannot open \(journalPath(id))")
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        try #require(written == bytes.count, "short write to \(journalPath(id))")
    }

    func snapshot(_ id: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: snapshotPath(id)))) }

    func writeSnapshot(_ id: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: snapshotPath(id)))
    }
}

/// Strings collected from several threads.
final class Notices: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
    func removeAll() { lock.lock(); items.removeAll(); lock.unlock() }
}
