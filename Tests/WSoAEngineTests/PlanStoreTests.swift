import Foundation
import Testing
import WSoAEngine

// MARK: Fixtures

private func day(_ text: String) throws -> Day { try Day(parsing: text) }

private let stocktonID = "stockton-on-tees-2019"
private let recordedAt = "2026-11-22T18:30:00Z"
private let lead = "send-lead"

/// A plans directory of its own under the system temporary directory, removed by `remove()`.
private final class TemporaryPlans {
    let path: String
    let store: PlanStore

    init(lockTimeout: Double = 5) throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("wsoa-enginetests-\(UUID().uuidString)", isDirectory: true)
        path = url.path
        store = PlanStore(directory: path, lockTimeout: lockTimeout)
        #expect(try store.initialize())
        #expect(try !store.initialize())
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    var journalPath: String { store.journalPath(stocktonID) }
    var snapshotPath: String { "\(store.folder(stocktonID))/snapshot.json" }

    func journal() throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: journalPath))) }

    /// Replaces the journal's bytes in place, as an editor (or a damaged disk) would.
    ///
    /// Plain POSIX calls: `Data.write` costs milliseconds a call here, and one test writes thousands.
    func writeJournal(_ bytes: [UInt8]) throws {
        if !FileManager.default.fileExists(atPath: store.folder(stocktonID)) {
            try FileManager.default.createDirectory(atPath: store.folder(stocktonID), withIntermediateDirectories: true)
        }
        let fd = open(journalPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(fd >= 0, "cannot open \(journalPath)")
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        try #require(written == bytes.count, "short write to \(journalPath)")
    }

    var hasSnapshot: Bool { FileManager.default.fileExists(atPath: snapshotPath) }
}

/// Stockton-on-Tees's facts (DESIGN.md, seeds 000 and 002); the visit date is invented.
private enum Stockton {
    static func created() throws -> PlanEvent.PlanCreated {
        PlanEvent.PlanCreated(
            id: stocktonID, area: "Stockton-on-Tees", visit: try DayRange(parsing: "2019-02-04..2019-02-08"),
            partners: Partners(la: "Stockton-on-Tees Borough Council", health: "NHS Hartlepool and Stockton-on-Tees CCG"))
    }

    static let weaknesses = [
        "Co-production, engagement and communication with parents are underdeveloped.",
        "The quality of EHC assessments and plans is too variable.",
        "Strategic joint commissioning, in a way that demonstrably improves EHC provision and outcomes for children, young people and families, is not fully embedded.",
        "Local area leaders have not developed an effective approach to measuring and evaluating EHC outcomes for children and young people.",
    ]

    static let judgedNote = "approved by Ofsted/CQC – Cabinet report, 17 Oct 2019"

    /// The commands after `create`, in order: 6 more lines, ending closed.
    static func commands() throws -> [PlanCommand] {
        [
            .publishLetter(on: try day("2019-04-24"), received: try day("2019-05-02"), statementRequired: true,
                           weaknesses: weaknesses, note: nil),
            .submit(on: try day("2019-08-12"), note: nil),
            .judge(on: try day("2019-10-17"), fit: true, note: judgedNote),
            .holdMonitoringVisit(on: try day("2020-01-22"), advisers: ["DfE SEND adviser", "NHS England SEND adviser"],
                                 ratings: [:], followUps: [], note: "first support and challenge visit (date invented)"),
            .reportRevisit(on: try day("2022-09-26"), visited: try DayRange(parsing: "2022-07-11..2022-07-13"),
                           sufficient: ["W1", "W2", "W3", "W4"], insufficient: [], note: nil),
            .cease(on: try day("2022-10-14"), note: nil),
        ]
    }

    /// Records the first `lines` lines (1...7) of Stockton's history through the store.
    @discardableResult
    static func record(in store: PlanStore, lines: Int = 7) throws -> [JournalEntry] {
        var entries = try store.create(created(), by: lead, recorded: recordedAt)
        for command in try commands().prefix(lines - 1) {
            entries += try store.append(stocktonID, by: lead, recorded: recordedAt) { plan in
                try Plan.decide(command, on: plan)
            }
        }
        return entries
    }
}

/// The journal's complete lines (without their newlines).
private func lines(_ bytes: [UInt8]) -> [[UInt8]] {
    var result = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    if result.last?.isEmpty == true { result.removeLast() }
    return result
}

/// Bytes of a journal built from `objects` (line JSON objects), chaining `prev` unless told not to.
private func journalBytes(_ objects: [[String: JSONValue]], rechain: Bool = true) -> [UInt8] {
    var bytes: [UInt8] = []
    var previous = JournalEntry.genesisHash
    for var object in objects {
        if rechain { object["prev"] = .string(previous) }
        var line: [UInt8] = []
        JSONWriter.write(.object(object), into: &line)
        previous = SHA256.hexDigest(line)
        bytes += line + [0x0A]
    }
    return bytes
}

/// Each entry's line object, ready to be altered.
private func objects(_ entries: [JournalEntry]) throws -> [[String: JSONValue]] {
    try entries.map { try #require($0.json.objectValue) }
}

/// A journal of `count` lines written directly: Stockton to fit for purpose, then a visit every
/// `days` days (weekly unless told).
private func longJournal(_ count: Int, every days: Int = 7) throws -> (bytes: [UInt8], events: [PlanEvent]) {
    var events: [PlanEvent] = [.planCreated(try Stockton.created())]
    var plan = try #require(Plan.replay(events))
    for command in try Stockton.commands().prefix(3) {
        let decided = try Plan.decide(command, on: plan)
        for event in decided { plan.apply(event) }
        events += decided
    }
    var on = try day("2019-11-06")
    while events.count < count {
        let decided = try Plan.decide(.holdMonitoringVisit(on: on, advisers: ["DfE SEND adviser"],
                                                           ratings: [:], followUps: [], note: "visit \(events.count - 3)"), on: plan)
        for event in decided { plan.apply(event) }
        events += decided
        on = on.adding(days: days)
    }
    let entries = events.enumerated().map { index, event in
        JournalEntry(seq: index + 1, prev: "", recorded: recordedAt, by: lead, event: event)
    }
    return (journalBytes(try objects(entries)), events)
}

/// The byte offset in `bytes` of the first `marker` in line `number` (its newline included).
private func position(of marker: String, inLine number: Int, of bytes: [UInt8]) throws -> Int {
    let all = lines(bytes)
    let lineStart = all.prefix(number - 1).reduce(0) { $0 + $1.count + 1 }
    let line = all[number - 1] + [0x0A]
    let needle = Array(marker.utf8)
    let found = try #require((0...(line.count - needle.count)).first { Array(line[$0..<($0 + needle.count)]) == needle },
                             "'\(marker)' is not in line \(number)")
    return lineStart + found
}

/// Expects `body` to throw `damagedJournal` for Stockton's journal at one of `lines`.
private func expectDamage(at lines: [Int], in plans: TemporaryPlans, mentioning: String? = nil,
                          sourceLocation: SourceLocation = #_sourceLocation,
                          _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected damage at line \(lines)", sourceLocation: sourceLocation)
    } catch let WSoAError.damagedJournal(path, line, reason) {
        #expect(path == plans.journalPath, sourceLocation: sourceLocation)
        #expect(lines.contains(line), "damage reported at line \(line) (\(reason)), expected \(lines)",
                sourceLocation: sourceLocation)
        if let mentioning {
            #expect(reason.contains(mentioning), "reason was: \(reason)", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("expected damagedJournal, got \(error)", sourceLocation: sourceLocation)
    }
}

/// Errors thrown on other threads, collected for the test to check.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []
    func add(_ error: any Error) { lock.lock(); errors.append(error); lock.unlock() }
    var all: [any Error] { lock.lock(); defer { lock.unlock() }; return errors }
}

// MARK: Tests

@Suite("Plan store")
struct PlanStoreTests {
    // MARK: Round trip

    @Test("create, append and load round-trip through the journal")
    func roundTrip() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        let store = plans.store
        #expect(try store.planIDs().isEmpty)
        let written = try Stockton.record(in: store)
        #expect(written.map(\.seq) == Array(1...7))
        #expect(try store.planIDs() == [stocktonID])

        let loaded = try store.load(stocktonID)
        #expect(loaded.events == 7)
        #expect(loaded.folded == 7)
        #expect(loaded.plan.phase == .closed)
        #expect(loaded.plan.area == "Stockton-on-Tees")
        #expect(loaded.plan.judgements.first?.note == Stockton.judgedNote)
        #expect(loaded.plan == Plan.replay(written.map(\.event)))
        #expect(loaded.head == SHA256.hexDigest(try #require(lines(try plans.journal()).last)))

        #expect(try store.entries(stocktonID) == written)
        let verified = try store.verify(stocktonID)
        #expect(verified.events == 7)
        #expect(verified.head == loaded.head)
        #expect(!plans.hasSnapshot, "a short journal needs no snapshot")
    }

    @Test("creating refuses an existing plan, an invalid id and a missing directory")
    func createRefusals() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try Stockton.record(in: plans.store, lines: 1)
        let before = try plans.journal()
        #expect(throws: WSoAError.planExists(id: stocktonID)) {
            try plans.store.create(Stockton.created(), by: lead, recorded: recordedAt)
        }
        #expect(try plans.journal() == before)

        var bad = try Stockton.created()
        bad.id = "../x"
        #expect(throws: WSoAError.invalidPlanID(id: "../x")) { try plans.store.create(bad, by: lead, recorded: recordedAt) }
        #expect(!FileManager.default.fileExists(atPath: "\(plans.path)/../x"))
        for id in ["../x", "Plan 1", ""] {
            #expect(throws: WSoAError.invalidPlanID(id: id)) { try plans.store.load(id) }
            #expect(throws: WSoAError.invalidPlanID(id: id)) { try plans.store.verify(id) }
        }
        #expect(throws: WSoAError.planNotFound(id: "middlesbrough-2017", directory: plans.path)) {
            try plans.store.load("middlesbrough-2017")
        }
        let missing = PlanStore(directory: plans.path + "/nowhere")
        #expect(throws: WSoAError.plansDirectoryMissing(path: plans.path + "/nowhere")) { try missing.planIDs() }
        #expect(throws: WSoAError.plansDirectoryMissing(path: plans.path + "/nowhere")) {
            try missing.create(Stockton.created(), by: lead, recorded: recordedAt)
        }
    }

    // MARK: Line format

    @Test("journal lines are exactly as DESIGN.md §4 describes")
    func lineFormat() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try Stockton.record(in: plans.store)
        let bytes = try plans.journal()
        #expect(bytes.last == 0x0A)
        #expect(!bytes.contains(0x0D))
        let all = lines(bytes)
        #expect(all.count == 7)

        let zeros = String(repeating: "0", count: 64)
        #expect(String(decoding: all[0], as: UTF8.self) == #"{"by":"send-lead","data":{"area":"Stockton-on-Tees","framework":"2016","id":"stockton-on-tees-2019","partners":{"health":"NHS Hartlepool and Stockton-on-Tees CCG","la":"Stockton-on-Tees Borough Council"},"visit":{"end":"2019-02-08","start":"2019-02-04"}},"on":"2019-02-08","prev":"\#(zeros)","recorded":"2026-11-22T18:30:00Z","seq":1,"type":"planCreated","v":1}"#)
        let weaknesses = Stockton.weaknesses.map { "\"\($0)\"" }.joined(separator: ",")
        #expect(String(decoding: all[1], as: UTF8.self) == #"{"by":"send-lead","data":{"received":"2019-05-02","statementRequired":true,"weaknesses":[\#(weaknesses)]},"on":"2019-04-24","prev":"\#(SHA256.hexDigest(all[0]))","recorded":"2026-11-22T18:30:00Z","seq":2,"type":"letterPublished","v":1}"#)
        #expect(String(decoding: all[2], as: UTF8.self) == #"{"by":"send-lead","data":{},"on":"2019-08-12","prev":"\#(SHA256.hexDigest(all[1]))","recorded":"2026-11-22T18:30:00Z","seq":3,"type":"statementSubmitted","v":1}"#)
        // Non-ASCII and '/' are written raw, not escaped.
        #expect(String(decoding: all[3], as: UTF8.self) == #"{"by":"send-lead","data":{"fit":true,"note":"approved by Ofsted/CQC – Cabinet report, 17 Oct 2019"},"on":"2019-10-17","prev":"\#(SHA256.hexDigest(all[2]))","recorded":"2026-11-22T18:30:00Z","seq":4,"type":"statementJudged","v":1}"#)
        #expect(String(decoding: all[4], as: UTF8.self).contains(#""data":{"advisers":["DfE SEND adviser","NHS England SEND adviser"],"followUps":[],"note":"first support and challenge visit (date invented)","ratings":{}}"#))
        #expect(String(decoding: all[5], as: UTF8.self).contains(#""data":{"outcomes":{"W1":"sufficient","W2":"sufficient","W3":"sufficient","W4":"sufficient"},"visited":{"end":"2022-07-13","start":"2022-07-11"}}"#))

        for (index, line) in all.enumerated() {
            let value = try JSONReader.parse(line)
            // Written canonically (keys sorted at every level, no whitespace): re-writing changes nothing.
            #expect(JSONWriter.string(value) == String(decoding: line, as: UTF8.self))
            #expect(value["seq"]?.intValue == Int64(index + 1))
            #expect(value["v"]?.intValue == 1)
            #expect(value["prev"]?.stringValue == (index == 0 ? zeros : SHA256.hexDigest(all[index - 1])))
            #expect(value["recorded"]?.stringValue == recordedAt)
            #expect(value["by"]?.stringValue == lead)
            #expect(value.objectValue.map { Array($0.keys).sorted() }
                    == ["by", "data", "on", "prev", "recorded", "seq", "type", "v"])
            #expect(String(validating: line, as: UTF8.self) != nil)
        }
    }

    // MARK: Refused appends

    enum RefusedAppend: String, CaseIterable, Sendable {
        case visitAfterClosed, submitBeforeLetter, decideThrowsItsOwnError, decideReturnsNothing
    }

    @Test("a refused append leaves the journal byte-identical", arguments: RefusedAppend.allCases)
    func refusedAppendWritesNothing(_ refusal: RefusedAppend) throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        let lineCount = refusal == .submitBeforeLetter ? 2 : 7
        try Stockton.record(in: plans.store, lines: lineCount)
        let before = try plans.journal()
        struct Declined: Error {}
        do {
            let written = try plans.store.append(stocktonID, by: lead, recorded: recordedAt) { plan in
                switch refusal {
                case .visitAfterClosed:
                    return try Plan.decide(.holdMonitoringVisit(on: day("2022-12-01"), advisers: [], ratings: [:], followUps: [], note: nil), on: plan)
                case .submitBeforeLetter:
                    return try Plan.decide(.submit(on: day("2019-04-01"), note: nil), on: plan)
                case .decideThrowsItsOwnError:
                    throw Declined()
                case .decideReturnsNothing:
                    return []
                }
            }
            #expect(refusal == .decideReturnsNothing)
            #expect(written.isEmpty)
        } catch let error as WSoAError {
            guard case let .refused(rule, _, _, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(rule == (refusal == .visitAfterClosed ? "final-phase" : "dates-in-order"))
        } catch is Declined {
            #expect(refusal == .decideThrowsItsOwnError)
        }
        #expect(try plans.journal() == before)
        #expect(try plans.store.verify(stocktonID).events == lineCount)
    }

    // MARK: Damage

    /// A byte to change: in `line`, at the first occurrence of `marker` plus `offset`, set to
    /// `replacement`; the damage must be reported at `expected`.
    struct Edit: Sendable, CustomTestStringConvertible {
        let line: Int, marker: String, offset: Int, replacement: Character, expected: Int, mentioning: String
        var testDescription: String { "line \(line) '\(marker)'+\(offset) → '\(replacement)'" }
    }

    @Test("editing a byte of a non-final line is found at that line or the next", arguments: [
        Edit(line: 1, marker: "{", offset: 0, replacement: "[", expected: 1, mentioning: "not valid JSON"),
        Edit(line: 1, marker: "Stockton-on-Tees Borough", offset: 0, replacement: "s", expected: 2, mentioning: "hash chain breaks"),
        Edit(line: 1, marker: "recorded\":\"", offset: 14, replacement: "7", expected: 2, mentioning: "line 1 was changed"),
        Edit(line: 2, marker: "Co-production", offset: 0, replacement: "c", expected: 3, mentioning: "hash chain breaks"),
        Edit(line: 2, marker: "\"seq\":", offset: 6, replacement: "3", expected: 2, mentioning: "its seq is 3 where 2 was expected"),
        Edit(line: 2, marker: "\"received\":\"", offset: 20, replacement: "1", expected: 3, mentioning: "prev does not match line 2"),
        Edit(line: 3, marker: "\"prev\":\"", offset: 8, replacement: "g", expected: 3, mentioning: "prev is not 64 lower-case hex"),
        Edit(line: 3, marker: "\"prev\":\"", offset: 40, replacement: "0", expected: 3, mentioning: "prev does not match line 2"),
        Edit(line: 4, marker: "true", offset: 2, replacement: "U", expected: 4, mentioning: "not valid JSON"),
        Edit(line: 4, marker: "\"fit\":true", offset: 6, replacement: "f", expected: 4, mentioning: "not valid JSON"),
        Edit(line: 5, marker: "\"on\":\"2020-01-22", offset: 15, replacement: "3", expected: 6, mentioning: "line 5 was changed"),
        Edit(line: 5, marker: "\"on\":\"2020-01-22", offset: 11, replacement: "3", expected: 5, mentioning: "'on' is not a valid date"),
        Edit(line: 5, marker: "\"by\"", offset: 1, replacement: "y", expected: 5, mentioning: "has no 'by'"),
        Edit(line: 6, marker: "\"v\":1", offset: 4, replacement: "2", expected: 6, mentioning: "schema version 2"),
        Edit(line: 6, marker: "\"type\":\"", offset: 8, replacement: "R", expected: 6, mentioning: "event type 'RevisitReported' is unknown"),
        Edit(line: 6, marker: "sufficient", offset: 0, replacement: "z", expected: 6, mentioning: "the outcome 'zufficient' for W1 is unknown"),
        Edit(line: 6, marker: "\"start\":\"2022-07-11", offset: 18, replacement: "9", expected: 6, mentioning: "ends before it starts"),
        Edit(line: 6, marker: "\n", offset: 0, replacement: " ", expected: 6, mentioning: "not valid JSON"),
    ])
    func editedByte(_ edit: Edit) throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try Stockton.record(in: plans.store)
        var bytes = try plans.journal()
        let index = try position(of: edit.marker, inLine: edit.line, of: bytes) + edit.offset
        let replacement = try #require(edit.replacement.asciiValue)
        try #require(bytes[index] != replacement, "the edit changes nothing")
        bytes[index] = replacement
        try plans.writeJournal(bytes)

        expectDamage(at: [edit.expected], in: plans, mentioning: edit.mentioning) { _ = try plans.store.verify(stocktonID) }
        expectDamage(at: [edit.expected], in: plans) { _ = try plans.store.load(stocktonID) }
        expectDamage(at: [edit.expected], in: plans) { _ = try plans.store.entries(stocktonID) }
        expectDamage(at: [edit.expected], in: plans) {
            _ = try plans.store.append(stocktonID, by: lead, recorded: recordedAt) { _ in
                Issue.record("decided on a damaged journal")
                return []
            }
        }
        #expect(try plans.journal() == bytes, "a read changed the damaged journal")
    }

    @Test("every byte of every non-final line, changed two ways, is caught at that line or the next")
    func everyByteEdited() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try Stockton.record(in: plans.store)
        let all = lines(try plans.journal())
        // A flipped bit, and a structural byte that rotates with the position.
        let structural: [UInt8] = [UInt8(ascii: "x"), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "0"),
                                   UInt8(ascii: "}"), UInt8(ascii: "\\"), 0x00, 0xC3]
        var tried = 0
        for number in 1..<all.count {
            // Lines after the next one cannot change where the damage is reported; leave them out.
            let original: [UInt8] = all.prefix(number + 1).flatMap { $0 + [0x0A] }
            let lineStart = all.prefix(number - 1).reduce(0) { $0 + $1.count + 1 }
            for position in lineStart...(lineStart + all[number - 1].count) {  // including the line's newline
                let byte = original[position]
                for replacement in [byte ^ 0x01, structural[position % structural.count]] where replacement != byte {
                    var bytes = original
                    bytes[position] = replacement
                    try plans.writeJournal(bytes)
                    let described = "line \(number) byte \(position - lineStart) \(byte) → \(replacement)"
                    do {
                        _ = try plans.store.verify(stocktonID)
                        Issue.record("undetected: \(described)")
                    } catch let WSoAError.damagedJournal(_, reported, _) {
                        #expect(reported == number || reported == number + 1, "\(described) reported at line \(reported)")
                    } catch {
                        Issue.record("\(described): \(error)")
                    }
                    tried += 1
                }
            }
        }
        #expect(tried > 2_000)
    }

    @Test("a gap in seq is reported at the line where it happens")
    func seqGap() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        var lineObjects = try objects(Stockton.record(in: plans.store))
        for index in 3..<lineObjects.count { lineObjects[index]["seq"] = .int(Int64(index + 2)) }
        try plans.writeJournal(journalBytes(lineObjects))
        expectDamage(at: [4], in: plans, mentioning: "its seq is 5 where 4 was expected") {
            _ = try plans.store.verify(stocktonID)
        }
    }

    @Test("a repeated seq is reported at the repeat")
    func seqRepeat() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        var lineObjects = try objects(Stockton.record(in: plans.store))
        lineObjects[4]["seq"] = .int(4)
        try plans.writeJournal(journalBytes(lineObjects))
        expectDamage(at: [5], in: plans, mentioning: "its seq is 4 where 5 was expected") {
            _ = try plans.store.verify(stocktonID)
        }
        expectDamage(at: [5], in: plans) { _ = try plans.store.load(stocktonID) }
    }

    @Test("two lines swapped are reported")
    func reorderedLines() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try Stockton.record(in: plans.store)
        var all = lines(try plans.journal())
        all.swapAt(2, 3)
        try plans.writeJournal(all.flatMap { $0 + [0x0A] })
        expectDamage(at: [3], in: plans, mentioning: "its seq is 4 where 3 was expected") {
            _ = try plans.store.verify(stocktonID)
        }
    }

    @Test("invalid JSON is reported with its line")
    func invalidJSON() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try Stockton.record(in: plans.store)
        var all = lines(try plans.journal())
        all[3] = Array(#"{"by":"send-lead","data":{"fit":true"#.utf8)
        try plans.writeJournal(all.flatMap { $0 + [0x0A] })
        expectDamage(at: [4], in: plans, mentioning: "it is not valid JSON") { _ = try plans.store.verify(stocktonID) }
        all[3] = []
        try plans.writeJournal(all.flatMap { $0 + [0x0A] })
        expectDamage(at: [4], in: plans, mentioning: "it is not valid JSON") { _ = try plans.store.verify(stocktonID) }
    }

    @Test("an unknown event type is reported with its line")
    func unknownType() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        var lineObjects = try objects(Stockton.record(in: plans.store))
        lineObjects[4]["type"] = .string("improvementNoticeIssued")
        try plans.writeJournal(journalBytes(lineObjects))
        expectDamage(at: [5], in: plans, mentioning: "the event type 'improvementNoticeIssued' is unknown") {
            _ = try plans.store.verify(stocktonID)
        }
    }

    @Test("a future schema version is reported with its line")
    func futureSchema() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        var lineObjects = try objects(Stockton.record(in: plans.store))
        lineObjects[2]["v"] = .int(2)
        try plans.writeJournal(journalBytes(lineObjects))
        expectDamage(at: [3], in: plans, mentioning: "schema version 2 is not one this wsoa reads") {
            _ = try plans.store.verify(stocktonID)
        }
        expectDamage(at: [3], in: plans) { _ = try plans.store.load(stocktonID) }
    }

    @Test("a torn last line (no newline) is reported with its line", arguments: [7, 8])
    func tornLastLine(tornLine: Int) throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try Stockton.record(in: plans.store)
        var bytes = try plans.journal()
        if tornLine == 7 {
            bytes.removeLast()  // the last line's newline never reached the disk
        } else {
            bytes += Array(#"{"by":"send-lead","data":{"#.utf8)  // half of an eighth line
        }
        try plans.writeJournal(bytes)
        for read in [{ _ = try plans.store.verify(stocktonID) }, { _ = try plans.store.load(stocktonID) },
                     { _ = try plans.store.entries(stocktonID) }] as [() throws -> Void] {
            expectDamage(at: [tornLine], in: plans, mentioning: "the last line is incomplete", read)
        }
        expectDamage(at: [tornLine], in: plans) {
            _ = try plans.store.append(stocktonID, by: lead, recorded: recordedAt) { _ in [] }
        }
        #expect(try plans.journal() == bytes, "the torn line was repaired or dropped")
    }

    @Test("verify reports the first problem: an edited line before a torn last line")
    func firstProblemFirst() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try Stockton.record(in: plans.store)
        var bytes = try plans.journal()
        bytes[try position(of: "Co-production", inLine: 2, of: bytes)] = UInt8(ascii: "c")
        bytes.removeLast()
        try plans.writeJournal(bytes)
        expectDamage(at: [3], in: plans, mentioning: "line 2 was changed") { _ = try plans.store.verify(stocktonID) }
    }

    @Test("the first line must be this plan's planCreated, with 64 zeros before it")
    func firstLine() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        let original = try objects(Stockton.record(in: plans.store))

        try plans.writeJournal([])
        expectDamage(at: [1], in: plans, mentioning: "empty") { _ = try plans.store.verify(stocktonID) }
        expectDamage(at: [1], in: plans, mentioning: "empty") { _ = try plans.store.load(stocktonID) }

        var headless = Array(original.dropFirst())
        for index in headless.indices { headless[index]["seq"] = .int(Int64(index + 1)) }
        try plans.writeJournal(journalBytes(headless))
        expectDamage(at: [1], in: plans, mentioning: "the first line must be planCreated") {
            _ = try plans.store.verify(stocktonID)
        }

        var lineObjects = original
        lineObjects[0]["prev"] = .string(String(repeating: "a", count: 64))
        try plans.writeJournal(journalBytes(lineObjects, rechain: false))
        expectDamage(at: [1], in: plans, mentioning: "64 zeros") { _ = try plans.store.verify(stocktonID) }

        var again = original
        again.insert(original[0], at: 3)
        for index in again.indices { again[index]["seq"] = .int(Int64(index + 1)) }
        try plans.writeJournal(journalBytes(again))
        expectDamage(at: [4], in: plans, mentioning: "planCreated may only be the first line") {
            _ = try plans.store.verify(stocktonID)
        }

        var other = original
        let data = try #require(other[0]["data"]?.objectValue)
        other[0]["data"] = .object(data.merging(["id": .string("middlesbrough-2017")]) { $1 })
        try plans.writeJournal(journalBytes(other))
        expectDamage(at: [1], in: plans, mentioning: "it creates plan 'middlesbrough-2017' but the folder is 'stockton-on-tees-2019'") {
            _ = try plans.store.verify(stocktonID)
        }
    }

    // MARK: As of a day

    @Test("load(asOf:) folds only the events on or before the day", arguments: [
        ("2019-02-05", Phase.inspected, 1),
        ("2019-04-23", .inspected, 1),
        ("2019-06-01", .statementDue, 2),
        ("2019-08-12", .statementUnderReview, 3),
        ("2020-01-21", .monitoring, 4),
        ("2022-09-26", .cessationRecommended, 6),
        ("2026-11-22", .closed, 7),
    ])
    func asOf(_ asOf: String, phase: Phase, folded: Int) throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        let entries = try Stockton.record(in: plans.store)
        let loaded = try plans.store.load(stocktonID, asOf: day(asOf))
        #expect(loaded.plan.phase == phase)
        #expect(loaded.folded == folded)
        #expect(loaded.events == 7)
        #expect(loaded.plan == Plan.replay(entries.prefix(folded).map(\.event)))
    }

    @Test("an as-of day before the inspection began is refused")
    func asOfBeforeInspection() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try Stockton.record(in: plans.store)
        #expect(throws: WSoAError.notYetInspected(id: stocktonID, asOf: try day("2019-02-03"),
                                                  visitStart: try day("2019-02-04"))) {
            try plans.store.load(stocktonID, asOf: day("2019-02-03"))
        }
    }

    // MARK: Snapshots

    @Test("loading a long journal writes a snapshot, and loads from it equal a full replay")
    func snapshotWritten() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        let (bytes, events) = try longJournal(300)
        try plans.writeJournal(bytes)
        #expect(!plans.hasSnapshot)

        let replayed = try #require(Plan.replay(events))
        let first = try plans.store.load(stocktonID)
        #expect(plans.hasSnapshot, "no snapshot.json after loading 300 lines")
        #expect(first.plan == replayed)
        #expect(first.events == 300)
        #expect(first.folded == 300)
        #expect(first.plan.visits.count == 296)

        let snapshot = try JSONReader.parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: plans.snapshotPath))))
        #expect(snapshot["seq"]?.intValue == 300)
        #expect(snapshot["lineHash"]?.stringValue == SHA256.hexDigest(try #require(lines(bytes).last)))

        let second = try plans.store.load(stocktonID)
        #expect(second.plan == replayed)
        #expect(second.head == first.head)
        #expect(second.events == 300)
        #expect(second.folded == 300)
        #expect(try plans.journal() == bytes, "loading changed the journal")

        // Appending after the snapshot replays only the tail, and still agrees with a full replay.
        let added = try plans.store.append(stocktonID, by: lead, recorded: recordedAt) { plan in
            try Plan.decide(.holdMonitoringVisit(on: plan.lastLifecycleDay, advisers: [], ratings: [:], followUps: [], note: nil), on: plan)
        }
        let third = try plans.store.load(stocktonID)
        #expect(third.events == 301)
        #expect(third.plan == Plan.replay(events + added.map(\.event)))
        #expect(try plans.store.verify(stocktonID).events == 301)
    }

    @Test("a journal long enough for two threads replays as one pass would, and reports damage where verify does")
    func twoThreadReplay() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        // Past `PlanStore.twoThreadMinimum` (8,192), over two full blocks of `prefetchBlock`
        // (4,096) lines and a short last one; this thread reads the first `ownShare` (1,365) of each.
        let own = 1_365, block = 4_096
        let count = 2 * block + 108
        let (bytes, events) = try longJournal(count, every: 1)
        try plans.writeJournal(bytes)
        let loaded = try plans.store.load(stocktonID)
        #expect(loaded.plan == Plan.replay(events))
        #expect(loaded.events == count)
        #expect(loaded.folded == count)
        #expect(loaded.head == SHA256.hexDigest(try #require(lines(bytes).last)))
        let entries = try plans.store.entries(stocktonID)
        #expect(entries.map(\.event) == events)
        #expect(entries.map(\.seq) == Array(1...count))
        #expect(try plans.store.verify(stocktonID) == (count, loaded.head))
        let asOf = try day("2030-01-01")
        #expect(try plans.store.load(stocktonID, asOf: asOf).plan == Plan.replay(events.filter { $0.on <= asOf }))

        // Damage on this thread's lines and the other's, at the edges of their shares: load
        // (two threads) must report exactly what entries (one pass, full entries) reports.
        let seqDamage: [Int] = [2, own, own + 1, block, block + 1, block + own, block + own + 1, 2 * block + 1, count]
        let chainDamage: [Int] = [own, own + 1, block - 1, block + own, count - 1]
        let cases: [(Int, String)] = seqDamage.map { ($0, "seq") } + chainDamage.map { ($0, "chain") }
        var all = lines(bytes)
        for (number, kind) in cases {
            let original = all[number - 1]
            let text = String(decoding: original, as: UTF8.self)
            let damaged: String
            if kind == "seq" {
                damaged = text.replacingOccurrences(of: "\"seq\":\(number),", with: "\"seq\":\(number + 1),")
            } else {
                damaged = text.replacingOccurrences(of: "\"note\":\"visit", with: "\"note\":\"Visit")
            }
            #expect(damaged != text, "line \(number) was not changed")
            all[number - 1] = Array(damaged.utf8)
            try plans.writeJournal(Array(all.joined(separator: [0x0A])) + [0x0A])
            try? FileManager.default.removeItem(atPath: plans.snapshotPath)
            all[number - 1] = original
            let viaLoad = Result { try plans.store.load(stocktonID) }.map(\.head)
            let viaEntries = Result { try plans.store.entries(stocktonID) }.map { _ in "" }
            switch (viaLoad, viaEntries) {
            case let (.failure(loadError), .failure(entriesError)):
                #expect("\(loadError)" == "\(entriesError)", "\(kind) damage at line \(number)")
                let expectedLine = kind == "seq" ? number : number + 1
                #expect("\(loadError)".contains("damaged at line \(expectedLine):"), "\(loadError)")
            default:
                Issue.record("\(kind) damage at line \(number): load \(viaLoad), entries \(viaEntries)")
            }
        }
    }

    /// Replaces the snapshot's plan area, leaving its seq and line hash alone, so a load that
    /// starts from the snapshot shows the marker.
    private func markSnapshot(_ plans: TemporaryPlans) throws {
        let url = URL(fileURLWithPath: plans.snapshotPath)
        var snapshot = try #require(try JSONReader.parse([UInt8](try Data(contentsOf: url))).objectValue)
        var plan = try #require(snapshot["plan"]?.objectValue)
        plan["area"] = .string("Stockton-on-Tees (from the snapshot)")
        snapshot["plan"] = .object(plan)
        try Data(JSONWriter.string(.object(snapshot)).utf8).write(to: url)
    }

    @Test("a snapshot is used only while its line still hashes the same")
    func snapshotLineChanged() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        let (bytes, _) = try longJournal(300)
        try plans.writeJournal(bytes)
        _ = try plans.store.load(stocktonID)
        try markSnapshot(plans)
        // The marker shows the snapshot is really used.
        #expect(try plans.store.load(stocktonID).plan.area == "Stockton-on-Tees (from the snapshot)")

        // Change the snapshot's own line (the last): the snapshot is ignored and the journal replayed.
        var edited = bytes
        edited[try position(of: "DfE SEND adviser", inLine: 300, of: bytes)] = UInt8(ascii: "d")
        try plans.writeJournal(edited)
        let reloaded = try plans.store.load(stocktonID)
        #expect(reloaded.plan.area == "Stockton-on-Tees")
        #expect(reloaded.plan.visits.last?.advisers == ["dfE SEND adviser"])
    }

    @Test("damage under a snapshot's line is still found: by load when the line itself changed, by verify always")
    func snapshotDamageStillFound() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        let (bytes, _) = try longJournal(300)
        try plans.writeJournal(bytes)
        _ = try plans.store.load(stocktonID)
        try markSnapshot(plans)
        _ = try plans.store.append(stocktonID, by: lead, recorded: recordedAt) { plan in
            try Plan.decide(.holdMonitoringVisit(on: plan.lastLifecycleDay, advisers: [], ratings: [:], followUps: [], note: nil), on: plan)
        }
        let good = try plans.journal()

        // Line 300 (the snapshot's) edited: the snapshot is ignored, and the chain breaks at 301.
        var edited = good
        edited[try position(of: "\"note\":\"visit 296", inLine: 300, of: good) + 8] = UInt8(ascii: "V")
        try plans.writeJournal(edited)
        expectDamage(at: [301], in: plans, mentioning: "line 300 was changed") { _ = try plans.store.load(stocktonID) }
        expectDamage(at: [301], in: plans) { _ = try plans.store.verify(stocktonID) }

        // Line 100 edited while line 300 is intact: a load may start from the snapshot, but
        // verify walks the whole chain and finds it.
        edited = good
        edited[try position(of: "\"note\":\"visit 96", inLine: 100, of: good) + 8] = UInt8(ascii: "V")
        try plans.writeJournal(edited)
        expectDamage(at: [101], in: plans, mentioning: "line 100 was changed") { _ = try plans.store.verify(stocktonID) }
        // (By design a load trusts the snapshot's line hash and replays only the tail.)
        #expect(try plans.store.load(stocktonID).plan.area == "Stockton-on-Tees (from the snapshot)")
    }

    @Test("deleting or spoiling the snapshot changes nothing but speed")
    func snapshotDeleted() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        let (bytes, events) = try longJournal(320)
        try plans.writeJournal(bytes)
        let withSnapshot = try plans.store.load(stocktonID)
        #expect(plans.hasSnapshot)
        let fromSnapshot = try plans.store.load(stocktonID)

        try FileManager.default.removeItem(atPath: plans.snapshotPath)
        let withoutSnapshot = try plans.store.load(stocktonID)
        for loaded in [fromSnapshot, withoutSnapshot] {
            #expect(loaded.plan == withSnapshot.plan)
            #expect(loaded.plan == Plan.replay(events))
            #expect(loaded.events == withSnapshot.events)
            #expect(loaded.head == withSnapshot.head)
            #expect(loaded.folded == withSnapshot.folded)
        }
        #expect(plans.hasSnapshot, "the full replay wrote it again")

        for garbage in ["", "{", "[]", #"{"v":99}"#, "not json at all"] {
            try Data(garbage.utf8).write(to: URL(fileURLWithPath: plans.snapshotPath))
            #expect(try plans.store.load(stocktonID).plan == withSnapshot.plan)
        }
        #expect(try plans.journal() == bytes)
    }

    @Test("a snapshot naming an impossible line is ignored, not trusted or crashed on", arguments: [-1, 0, 301, 10_000])
    func snapshotWithImpossibleSeq(seq: Int) throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        let (bytes, events) = try longJournal(300)
        try plans.writeJournal(bytes)
        _ = try plans.store.load(stocktonID)
        let url = URL(fileURLWithPath: plans.snapshotPath)
        var snapshot = try #require(try JSONReader.parse([UInt8](try Data(contentsOf: url))).objectValue)
        snapshot["seq"] = .int(Int64(seq))
        try Data(JSONWriter.string(.object(snapshot)).utf8).write(to: url)
        let loaded = try plans.store.load(stocktonID)
        #expect(loaded.plan == Plan.replay(events))
        #expect(loaded.folded == 300)
    }

    @Test("an as-of load does not start from a snapshot that folded later events")
    func snapshotAndAsOf() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        let (bytes, events) = try longJournal(300)
        try plans.writeJournal(bytes)
        _ = try plans.store.load(stocktonID)
        #expect(plans.hasSnapshot)
        let asOf = try day("2020-06-30")
        let loaded = try plans.store.load(stocktonID, asOf: asOf)
        let expected = events.filter { $0.on <= asOf }
        #expect(loaded.plan == Plan.replay(expected))
        #expect(loaded.folded == expected.count)
        #expect(loaded.plan.visits.last?.on == (try day("2020-06-24")))
    }

    // MARK: Concurrency and the lock

    @Test("2 threads × 100 appends leave 200 gapless events and an intact chain")
    func concurrentAppends() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try Stockton.record(in: plans.store, lines: 4)  // fit for purpose: monitoring
        let store = plans.store
        let failures = Failures()
        let perThread = 100
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for visit in 0..<perThread {
                do {
                    _ = try store.append(stocktonID, by: "adviser-\(writer)", recorded: recordedAt) { plan in
                        try Plan.decide(.holdMonitoringVisit(on: Day(parsing: "2020-01-22"), advisers: ["DfE SEND adviser"],
                                                             ratings: [:], followUps: [], note: "writer \(writer) visit \(visit)"), on: plan)
                    }
                } catch {
                    failures.add(error)
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let verified = try store.verify(stocktonID)
        #expect(verified.events == 4 + 2 * perThread)
        let entries = try store.entries(stocktonID)
        #expect(entries.map(\.seq) == Array(1...(4 + 2 * perThread)))
        #expect(Set(entries.compactMap(\.event.note)).count == 2 * perThread + 1)  // + the judgement's note
        let plan = try store.load(stocktonID).plan
        #expect(plan.visits.map(\.number) == Array(1...(2 * perThread)))
        #expect(plan.phase == .monitoring)
    }

    @Test("an append waiting longer than its timeout for another writer's lock throws lockTimeout")
    func lockTimeout() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try Stockton.record(in: plans.store, lines: 4)
        let store = plans.store
        let holding = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        let failures = Failures()
        let holder = Thread {
            do {
                _ = try store.append(stocktonID, by: "dco", recorded: "2026-11-22T18:31:00Z") { plan in
                    holding.signal()
                    Thread.sleep(forTimeInterval: 1)
                    return try Plan.decide(.holdMonitoringVisit(on: Day(parsing: "2020-01-22"), advisers: [], ratings: [:], followUps: [], note: nil),
                                           on: plan)
                }
            } catch {
                failures.add(error)
            }
            done.signal()
        }
        holder.start()
        #expect(holding.wait(timeout: .now() + 10) == .success)

        let impatient = PlanStore(directory: plans.path, lockTimeout: 0.2)
        let started = Date()
        let error = try #require(throws: WSoAError.self) {
            try impatient.append(stocktonID, by: lead, recorded: recordedAt) { _ in
                Issue.record("decided without the lock")
                return []
            }
        }
        let waited = Date().timeIntervalSince(started)
        // The lock file names the (live) process and who recorded, so the busy message can say.
        let pid = ProcessInfo.processInfo.processIdentifier
        #expect(error == .lockTimeout(plan: stocktonID, seconds: 1, holder: "pid \(pid): dco, recorded 2026-11-22T18:31:00Z"))
        #expect(error.description.contains("dco, recorded 2026-11-22T18:31:00Z"))
        #expect(waited >= 0.2 && waited < 0.9, "waited \(waited) s")

        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(failures.all.isEmpty, "\(failures.all)")
        #expect(try store.verify(stocktonID).events == 5)
    }
}
