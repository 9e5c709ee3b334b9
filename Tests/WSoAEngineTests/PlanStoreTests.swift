import Foundation
import Testing
@testable import WSoAEngine

// MARK: Fixtures

private func day(_ text: String) throws -> Day { try Day(parsing: text) }

let stocktonID = "stockton-on-tees-2019"
let recordedAt = "2026-11-22T18:30:00Z"
/// A recorder's today after every day the calendar supports, for tests that record far-future
/// dates on purpose (rule not-in-future has tests of its own).
let afterEveryDay = Day(year: 2100, month: 12, day: 31)!.adding(days: 366)
let lead = "send-lead"

/// Stockton-on-Tees's history through the store (DESIGN.md, seeds 000 and 002); the visit date is invented.
enum StocktonHistory {
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
        var entries = try store.create(TestJournals.stockton(), by: lead, recorded: recordedAt).entries
        for command in try commands().prefix(lines - 1) {
            entries += try store.record(command, in: stocktonID, by: lead, recorded: recordedAt).entries
        }
        return entries
    }
}

/// Expects `body` to throw `damagedJournal` for Stockton's journal at `line`.
func expectDamage(at line: Int, in plans: TemporaryPlans, id: String = stocktonID, mentioning: String? = nil,
                  sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected damage at line \(line)", sourceLocation: sourceLocation)
    } catch let WSoAError.damagedJournal(path, reported, reason) {
        #expect(path == plans.journalPath(id), sourceLocation: sourceLocation)
        #expect(reported == line, "damage reported at line \(reported) (\(reason)), expected \(line)", sourceLocation: sourceLocation)
        if let mentioning {
            #expect(reason.contains(mentioning), "reason was: \(reason)", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("expected damagedJournal, got \(error)", sourceLocation: sourceLocation)
    }
}

/// The byte offset in `bytes` of the first `marker` in line `number`.
func position(of marker: String, inLine number: Int, of bytes: [UInt8]) throws -> Int {
    let all = TestJournals.lines(bytes)
    let lineStart = all.prefix(number - 1).reduce(0) { $0 + $1.count + 1 }
    let line = all[number - 1] + [0x0A]
    let needle = Array(marker.utf8)
    let found = try #require((0...(line.count - needle.count)).first { Array(line[$0..<($0 + needle.count)]) == needle },
                             "'\(marker)' is not in line \(number)")
    return lineStart + found
}

/// Each line of `entries` as a JSON object, ready to be altered.
func objects(_ entries: [JournalEntry]) throws -> [[String: JSONValue]] {
    try entries.map { try #require($0.json.objectValue) }
}

/// Errors thrown on other threads, collected for the test to check.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []
    func add(_ error: any Error) { lock.lock(); errors.append(error); lock.unlock() }
    var all: [any Error] { lock.lock(); defer { lock.unlock() }; return errors }
}

// MARK: Tests

/// `PlanStore`, the facade over the plans directory: create and record write whole lines to a
/// hash-chained journal (DESIGN.md §4) or nothing at all; every read checks what it reads, and
/// damage is reported with its file and line and never changed; writers take the plan's lock.
/// Each test has a plans directory of its own, made with `initialize()`.
@Suite("Plan store")
struct PlanStoreTests {
    // MARK: Round trip

    @Test("create and record write the journal; view, fullView, history and verify read it back")
    func roundTrip() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        let store = plans.store
        let created = try store.create(TestJournals.stockton(), by: lead, recorded: recordedAt)
        #expect(created.before == nil)
        #expect(created.entries.map(\.seq) == [1])
        #expect(created.plan.phase == .inspected)
        let letter = try store.record(try StocktonHistory.commands()[0], in: stocktonID, by: lead, recorded: recordedAt)
        #expect(letter.before == .inspected && letter.plan.phase == .statementDue)
        var written = created.entries + letter.entries
        for command in try StocktonHistory.commands().dropFirst() {
            written += try store.record(command, in: stocktonID, by: lead, recorded: recordedAt).entries
        }
        #expect(written.map(\.seq) == Array(1...7))

        let view = try store.view(stocktonID)
        #expect(view.events == 7 && view.folded == 7)
        #expect(view.plan.phase == .closed)
        #expect(view.plan.area == "Stockton-on-Tees")
        #expect(view.plan.judgements.first?.note == StocktonHistory.judgedNote)
        #expect(view.plan == Plan.replay(written.map(\.event)))
        #expect(view.record == nil, "a plain view does not fold the delivery record")
        #expect(view.chainChecked, "no snapshot: every line was read")
        let last = try #require(TestJournals.lines(try plans.journal(stocktonID)).last)
        #expect(view.head == SHA256.hexDigest(last))

        let full = try store.fullView(stocktonID)
        #expect(full.plan == view.plan && full.head == view.head && full.chainChecked)
        #expect(full.record == DeliveryRecord())

        #expect(try store.history(stocktonID) == written)
        let verified = try store.verify(stocktonID)
        #expect(verified.events == 7 && verified.head == view.head)
        #expect(verified.headLine == nil && verified.snapshotLine == nil)
        #expect(!plans.hasSnapshot(stocktonID), "a short journal needs no snapshot")
    }

    @Test("create with commands writes every line at once, each decided on the plan so far")
    func createWithCommands() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        let recorded = try plans.store.create(TestJournals.stockton(), then: Array(try StocktonHistory.commands().prefix(3)), by: lead,
                                              recorded: recordedAt)
        #expect(recorded.entries.map(\.seq) == [1, 2, 3, 4])
        #expect(recorded.plan.phase == .monitoring)
        #expect(try plans.store.view(stocktonID).plan == recorded.plan)
        #expect(try plans.store.history(stocktonID) == recorded.entries)
    }

    @Test("creating refuses an existing plan, an invalid id and a refused command, and leaves nothing behind")
    func createRefusals() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store, lines: 1)
        let before = try plans.journal(stocktonID)
        #expect(throws: WSoAError.planExists(id: stocktonID)) {
            try plans.store.create(TestJournals.stockton(), by: lead, recorded: recordedAt)
        }
        #expect(try plans.journal(stocktonID) == before)

        #expect(throws: WSoAError.invalidPlanID(id: "../x")) {
            try plans.store.create(TestJournals.stockton(id: "../x"), by: lead, recorded: recordedAt)
        }
        for id in ["../x", "Plan 1", ""] {
            #expect(throws: WSoAError.invalidPlanID(id: id)) { try plans.store.view(id) }
            #expect(throws: WSoAError.invalidPlanID(id: id)) { try plans.store.verify(id) }
            #expect(throws: WSoAError.invalidPlanID(id: id)) { try plans.store.history(id) }
        }
        #expect(throws: WSoAError.planNotFound(id: "middlesbrough-2017", directory: plans.path)) {
            try plans.store.view("middlesbrough-2017")
        }
        #expect(throws: WSoAError.planNotFound(id: "middlesbrough-2017", directory: plans.path)) {
            try plans.store.record(.submit(on: day("2019-08-12"), note: nil), in: "middlesbrough-2017", by: lead, recorded: recordedAt)
        }

        // A letter the rules refuse: the plan it would have followed is not made either.
        let refused = try #require(throws: WSoAError.self) {
            try plans.store.create(TestJournals.stockton(id: "redcar-and-cleveland-2018"),
                                   then: [.publishLetter(on: day("2019-01-01"), received: nil, statementRequired: true,
                                                         weaknesses: ["One"], note: nil)],
                                   by: lead, recorded: recordedAt)
        }
        guard case let .refused(refusal) = refused else {
            Issue.record("expected a refusal, got \(refused)")
            return
        }
        #expect(refusal.rule == .letterAfterVisit)
        #expect(try FileManager.default.contentsOfDirectory(atPath: plans.path).sorted() == [".wsoa-plans", stocktonID])
    }

    @Test("a folder or file in the way of a new plan is not taken for a plan")
    func createOverAStranger() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try FileManager.default.createDirectory(atPath: plans.folder(stocktonID), withIntermediateDirectories: false)
        for attempt in [{ _ = try plans.store.create(TestJournals.stockton(), by: lead, recorded: recordedAt) },
                        { _ = try plans.store.view(stocktonID) }] as [() throws -> Void] {
            let error = try #require(throws: WSoAError.self) { try attempt() }
            guard case let .notAPlan(path, _) = error else {
                Issue.record("expected notAPlan, got \(error)")
                continue
            }
            #expect(path == plans.folder(stocktonID))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: plans.folder(stocktonID)).isEmpty)
    }

    // MARK: Line format

    @Test("journal lines are exactly as DESIGN.md §4 describes")
    func lineFormat() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store)
        let bytes = try plans.journal(stocktonID)
        #expect(bytes.last == 0x0A)
        #expect(!bytes.contains(0x0D))
        let all = TestJournals.lines(bytes)
        #expect(all.count == 7)

        let zeros = String(repeating: "0", count: 64)
        #expect(String(decoding: all[0], as: UTF8.self) == #"{"by":"send-lead","data":{"area":"Stockton-on-Tees","framework":"2016","id":"stockton-on-tees-2019","partners":{"health":"NHS Hartlepool and Stockton-on-Tees CCG","la":"Stockton-on-Tees Borough Council"},"visit":{"end":"2019-02-08","start":"2019-02-04"}},"on":"2019-02-08","prev":"\#(zeros)","recorded":"2026-11-22T18:30:00Z","seq":1,"type":"planCreated","v":1}"#)
        let weaknesses = StocktonHistory.weaknesses.map { "\"\($0)\"" }.joined(separator: ",")
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
            #expect(value.objectValue.map { Array($0.keys).sorted() } == ["by", "data", "on", "prev", "recorded", "seq", "type", "v"])
        }
    }

    @Test("the recorder's confirmation that personal data may be kept is written into the line")
    func personalDataAllowed() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store, lines: 2)
        let note = "Spoke to the family at jo.bloggs@example.com"
        let submit = PlanCommand.submit(on: try day("2019-08-12"), note: note)
        let error = try #require(throws: WSoAError.self) { try plans.store.record(submit, in: stocktonID, by: lead, recorded: recordedAt) }
        guard case let .refused(refusal) = error else {
            Issue.record("expected a refusal, got \(error)")
            return
        }
        #expect(refusal.rule == .personalData && refusal.field == .note)
        let written = try plans.store.record(submit, in: stocktonID, by: lead, recorded: recordedAt, personalDataAllowed: true)
        #expect(written.entries.map(\.personalDataAllowed) == [true])
        let line = try #require(TestJournals.lines(try plans.journal(stocktonID)).last)
        #expect(String(decoding: line, as: UTF8.self).contains(#""data":{"note":"Spoke to the family at jo.bloggs@example.com","personalDataAllowed":true}"#))
        #expect(try plans.store.history(stocktonID).last == written.entries.last)
        // Verify checks every line's rules, and this line says the recorder confirmed it.
        #expect(try plans.store.verify(stocktonID).events == 3)
    }

    // MARK: Refused records

    enum RefusedRecord: String, CaseIterable, Sendable {
        case visitAfterClosed, submitBeforeLetter, blankReason, titleTooLong, recorderTooLong, unreadableDay, unknownAction,
             evidenceFromTomorrow

        var lines: Int { self == .visitAfterClosed ? 7 : self == .submitBeforeLetter ? 2 : 4 }

        func command() throws -> PlanCommand {
            switch self {
            case .visitAfterClosed:
                return .holdMonitoringVisit(on: try day("2022-12-01"), advisers: [], ratings: [:], followUps: [], note: nil)
            case .submitBeforeLetter: return .submit(on: try day("2019-04-01"), note: nil)
            case .blankReason: return .addWorkstream(on: try day("2019-10-20"), workstream: Workstream(id: "ws", title: " \n\t ", addresses: ["W1"]))
            case .titleTooLong:
                return .addWorkstream(on: try day("2019-10-20"),
                                      workstream: Workstream(id: "ws", title: String(repeating: "x", count: TextField.title.limit + 1), addresses: ["W1"]))
            case .recorderTooLong: return .holdMonitoringVisit(on: try day("2020-01-22"), advisers: [], ratings: [:], followUps: [], note: nil)
            // A day the calendar supports no more: decided, but its line could not be read back.
            case .unreadableDay:
                return .holdMonitoringVisit(on: try day("2100-12-31").adding(days: 1), advisers: [], ratings: [:], followUps: [], note: nil)
            case .unknownAction: return .updateAction(on: try day("2020-01-22"), id: "A1", status: .complete, note: nil)
            // The day after `recordedAt`'s day in London.
            case .evidenceFromTomorrow:
                return .addWorkstream(on: try day("2026-11-23"), workstream: Workstream(id: "ws", title: "T", addresses: ["W1"]))
            }
        }

        var by: String { self == .recorderTooLong ? String(repeating: "r", count: TextField.recorder.limit + 1) : lead }

        var rule: Rule {
            switch self {
            case .visitAfterClosed: return .finalPhase
            case .submitBeforeLetter: return .datesInOrder
            case .blankReason: return .requiredText
            case .titleTooLong, .recorderTooLong: return .textLimit
            case .unreadableDay: return .readableRecord
            case .evidenceFromTomorrow: return .notInFuture
            case .unknownAction: return .knownReference
            }
        }
    }

    @Test("a refused record leaves the journal byte-identical", arguments: RefusedRecord.allCases)
    func refusedRecordWritesNothing(_ refused: RefusedRecord) throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store, lines: refused.lines)
        let before = try plans.journal(stocktonID)
        let error = try #require(throws: WSoAError.self) {
            // The unreadable day is recorded as if by someone living after it, so that it gets as
            // far as being written (and read back).
            try plans.store.record(refused.command(), in: stocktonID, by: refused.by, recorded: recordedAt,
                                   today: refused == .unreadableDay ? afterEveryDay : nil)
        }
        guard case let .refused(refusal) = error else {
            Issue.record("expected a refusal, got \(error)")
            return
        }
        #expect(refusal.rule == refused.rule, "\(error)")
        #expect(refusal.plan == stocktonID)
        if refused == .recorderTooLong { #expect(refusal.field == .recorder) }
        if refused == .unreadableDay { #expect(refusal.reason.hasPrefix("its journal line could not be read back")) }
        #expect(try plans.journal(stocktonID) == before)
        #expect(try plans.store.verify(stocktonID).events == refused.lines)
    }

    // MARK: Damage

    /// A byte to change: in `line`, at the first occurrence of `marker` plus `offset`, set to
    /// `replacement`; the damage must be reported at `expected`.
    struct Edit: Sendable, CustomTestStringConvertible {
        let line: Int, marker: String, offset: Int, replacement: Character, expected: Int, mentioning: String
        var testDescription: String { "line \(line) '\(marker)'+\(offset) → '\(replacement)'" }
    }

    @Test("editing a byte of a line is found at that line or the next, by every read", arguments: [
        Edit(line: 1, marker: "{", offset: 0, replacement: "[", expected: 1, mentioning: "the line is not a JSON object"),
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
        Edit(line: 5, marker: "\"by\"", offset: 1, replacement: "y", expected: 5, mentioning: "the field 'yy', which this version of wsoa does not know"),
        Edit(line: 5, marker: "\"advisers\"", offset: 1, replacement: "A", expected: 5, mentioning: "data has the field 'Advisers'"),
        Edit(line: 6, marker: "\"v\":1", offset: 4, replacement: "2", expected: 6, mentioning: "schema version 2"),
        Edit(line: 6, marker: "\"type\":\"", offset: 8, replacement: "R", expected: 6, mentioning: "event type 'RevisitReported' is unknown"),
        Edit(line: 6, marker: "sufficient", offset: 0, replacement: "z", expected: 6, mentioning: "'zufficient'"),
        Edit(line: 6, marker: "\"start\":\"2022-07-11", offset: 18, replacement: "9", expected: 6, mentioning: "ends before it starts"),
        Edit(line: 6, marker: "\n", offset: 0, replacement: " ", expected: 6, mentioning: "not valid JSON"),
    ])
    func editedByte(_ edit: Edit) throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store)
        var bytes = try plans.journal(stocktonID)
        let index = try position(of: edit.marker, inLine: edit.line, of: bytes) + edit.offset
        let replacement = try #require(edit.replacement.asciiValue)
        try #require(bytes[index] != replacement, "the edit changes nothing")
        bytes[index] = replacement
        try plans.writeJournal(stocktonID, bytes)

        expectDamage(at: edit.expected, in: plans, mentioning: edit.mentioning) { _ = try plans.store.verify(stocktonID) }
        expectDamage(at: edit.expected, in: plans) { _ = try plans.store.view(stocktonID) }
        expectDamage(at: edit.expected, in: plans) { _ = try plans.store.fullView(stocktonID) }
        expectDamage(at: edit.expected, in: plans) { _ = try plans.store.history(stocktonID) }
        expectDamage(at: edit.expected, in: plans) {
            try plans.store.record(.cease(on: day("2023-01-01"), note: nil), in: stocktonID, by: lead, recorded: recordedAt)
        }
        #expect(try plans.journal(stocktonID) == bytes, "a read changed the damaged journal")
    }

    @Test("every byte of every non-final line, changed two ways, is caught at that line or the next")
    func everyByteEdited() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store)
        let all = TestJournals.lines(try plans.journal(stocktonID))
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
                    try plans.writeJournal(stocktonID, bytes)
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

    @Test("seq gaps, repeats and swapped lines are reported where they happen")
    func seqProblems() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        let original = try objects(StocktonHistory.record(in: plans.store))

        var gap = original
        for index in 3..<gap.count { gap[index]["seq"] = .int(Int64(index + 2)) }
        try plans.writeJournal(stocktonID, TestJournals.bytes(TestJournals.rechained(gap)))
        expectDamage(at: 4, in: plans, mentioning: "its seq is 5 where 4 was expected") { _ = try plans.store.verify(stocktonID) }

        var repeated = original
        repeated[4]["seq"] = .int(4)
        try plans.writeJournal(stocktonID, TestJournals.bytes(TestJournals.rechained(repeated)))
        expectDamage(at: 5, in: plans, mentioning: "its seq is 4 where 5 was expected") { _ = try plans.store.verify(stocktonID) }
        expectDamage(at: 5, in: plans) { _ = try plans.store.view(stocktonID) }

        var swapped = StocktonHistory.linesOf(original)
        swapped.swapAt(2, 3)
        try plans.writeJournal(stocktonID, TestJournals.bytes(swapped))
        expectDamage(at: 3, in: plans, mentioning: "its seq is 4 where 3 was expected") { _ = try plans.store.verify(stocktonID) }
    }

    @Test("a line that is not JSON, of an unknown type, of a future schema or with an unknown field is reported with its line")
    func unreadableLines() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        let original = try objects(StocktonHistory.record(in: plans.store))

        var all = StocktonHistory.linesOf(original)
        all[3] = Array(#"{"by":"send-lead","data":{"fit":true"#.utf8)
        try plans.writeJournal(stocktonID, TestJournals.bytes(all))
        expectDamage(at: 4, in: plans, mentioning: "it is not valid JSON") { _ = try plans.store.verify(stocktonID) }
        all[3] = []
        try plans.writeJournal(stocktonID, TestJournals.bytes(all))
        expectDamage(at: 4, in: plans, mentioning: "it is not valid JSON") { _ = try plans.store.verify(stocktonID) }

        let edits: [(Int, String, JSONValue, String)] = [
            (4, "type", .string("improvementNoticeIssued"), "the event type 'improvementNoticeIssued' is unknown"),
            (2, "v", .int(2), "schema version 2 is not one this wsoa reads"),
            (3, "signature", .string("x"), "the line has the field 'signature', which this version of wsoa does not know"),
        ]
        for (index, key, value, mentioning) in edits {
            var edited = original
            edited[index][key] = value
            try plans.writeJournal(stocktonID, TestJournals.bytes(TestJournals.rechained(edited)))
            expectDamage(at: index + 1, in: plans, mentioning: mentioning) { _ = try plans.store.verify(stocktonID) }
            expectDamage(at: index + 1, in: plans) { _ = try plans.store.view(stocktonID) }
        }
    }

    @Test("a torn last line (no newline) is reported with its line by every read, and left alone", arguments: [7, 8])
    func tornLastLine(tornLine: Int) throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store)
        var bytes = try plans.journal(stocktonID)
        if tornLine == 7 {
            bytes.removeLast()  // the last line's newline never reached the disk
        } else {
            bytes += Array(#"{"by":"send-lead","data":{"#.utf8)  // half of an eighth line
        }
        try plans.writeJournal(stocktonID, bytes)
        for read in [{ _ = try plans.store.verify(stocktonID) }, { _ = try plans.store.view(stocktonID) },
                     { _ = try plans.store.fullView(stocktonID) }, { _ = try plans.store.history(stocktonID) }] as [() throws -> Void] {
            expectDamage(at: tornLine, in: plans, mentioning: "the last line is incomplete", read)
        }
        expectDamage(at: tornLine, in: plans) {
            try plans.store.record(.cease(on: day("2023-01-01"), note: nil), in: stocktonID, by: lead, recorded: recordedAt)
        }
        #expect(try plans.journal(stocktonID) == bytes, "the torn line was repaired or dropped")
    }

    @Test("verify reports the first problem: an edited line before a torn last line")
    func firstProblemFirst() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store)
        var bytes = try plans.journal(stocktonID)
        bytes[try position(of: "Co-production", inLine: 2, of: bytes)] = UInt8(ascii: "c")
        bytes.removeLast()
        try plans.writeJournal(stocktonID, bytes)
        expectDamage(at: 3, in: plans, mentioning: "line 2 was changed") { _ = try plans.store.verify(stocktonID) }
    }

    @Test("the first line must be this plan's planCreated, with 64 zeros before it")
    func firstLine() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        let original = try objects(StocktonHistory.record(in: plans.store))

        try plans.writeJournal(stocktonID, [])
        expectDamage(at: 1, in: plans, mentioning: "empty") { _ = try plans.store.verify(stocktonID) }
        expectDamage(at: 1, in: plans, mentioning: "empty") { _ = try plans.store.view(stocktonID) }

        var headless = Array(original.dropFirst())
        for index in headless.indices { headless[index]["seq"] = .int(Int64(index + 1)) }
        try plans.writeJournal(stocktonID, TestJournals.bytes(TestJournals.rechained(headless)))
        expectDamage(at: 1, in: plans, mentioning: "the first line must be planCreated") { _ = try plans.store.verify(stocktonID) }

        var lines = StocktonHistory.linesOf(original)
        lines[0] = Array(String(decoding: lines[0], as: UTF8.self)
            .replacingOccurrences(of: String(repeating: "0", count: 64), with: String(repeating: "a", count: 64)).utf8)
        try plans.writeJournal(stocktonID, TestJournals.bytes(lines))
        expectDamage(at: 1, in: plans, mentioning: "64 zeros") { _ = try plans.store.verify(stocktonID) }

        var again = original
        again.insert(original[0], at: 3)
        for index in again.indices { again[index]["seq"] = .int(Int64(index + 1)) }
        try plans.writeJournal(stocktonID, TestJournals.bytes(TestJournals.rechained(again)))
        expectDamage(at: 4, in: plans, mentioning: "planCreated may only be the first line") { _ = try plans.store.verify(stocktonID) }

        var other = original
        let data = try #require(other[0]["data"]?.objectValue)
        other[0]["data"] = .object(data.merging(["id": .string("middlesbrough-2017")]) { $1 })
        try plans.writeJournal(stocktonID, TestJournals.bytes(TestJournals.rechained(other)))
        expectDamage(at: 1, in: plans, mentioning: "it creates plan 'middlesbrough-2017' but the folder is 'stockton-on-tees-2019'") {
            _ = try plans.store.verify(stocktonID)
        }
    }

    // MARK: Verify

    @Test("verify checks every line against the rules decide applies, though views read such lines")
    func verifyChecksTheRules() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        var events = [PlanEvent.planCreated(TestJournals.stockton())] + TestJournals.stocktonToFit()
        // A letter dated before the inspection ended, written with its chain intact.
        events[1] = .letterPublished(.init(on: try day("2019-02-01"), statementRequired: true, weaknesses: ["One"]))
        try plans.writeJournal(stocktonID, TestJournals.bytes(events))
        expectDamage(at: 2, in: plans, mentioning: "rule letter-after-visit refuses it") { _ = try plans.store.verify(stocktonID) }
        #expect(try plans.store.view(stocktonID).plan.phase == .monitoring, "a view reads the facts as written")

        // Text over its limit.
        events = [PlanEvent.planCreated(TestJournals.stockton())] + TestJournals.stocktonToFit()
        events[2] = .statementSubmitted(.init(on: try day("2019-08-12"), note: String(repeating: "n", count: TextField.note.limit + 1)))
        try plans.writeJournal(stocktonID, TestJournals.bytes(events))
        expectDamage(at: 3, in: plans, mentioning: "rule text-limit refuses it") { _ = try plans.store.verify(stocktonID) }

        // What looks like personal data, without the recorder's confirmation on the line; with it, verify accepts the line.
        events[2] = .statementSubmitted(.init(on: try day("2019-08-12"), note: "Call 07700 900123 or jo@example.com"))
        try plans.writeJournal(stocktonID, TestJournals.bytes(events))
        expectDamage(at: 3, in: plans, mentioning: "rule personal-data refuses it") { _ = try plans.store.verify(stocktonID) }
        let allowed = TestJournals.entries(events, personalDataAllowed: { $0 == 3 }).map(\.lineBytes)
        try plans.writeJournal(stocktonID, TestJournals.bytes(allowed))
        #expect(try plans.store.verify(stocktonID).events == 4)
    }

    @Test("verify --head finds the line a printed report named, and says so when it is gone")
    func verifyHead() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store, lines: 5)
        let printed = try plans.store.view(stocktonID).head
        try plans.store.record(try StocktonHistory.commands()[4], in: stocktonID, by: lead, recorded: recordedAt)
        let verified = try plans.store.verify(stocktonID, head: printed)
        #expect(verified.headLine == 5 && verified.events == 6 && verified.head != printed)

        // The journal cut back and its fifth line written again differently (chained as before):
        // the printed head is no longer there.
        var edited = try objects(Array(try plans.store.history(stocktonID).prefix(5)))
        var data = try #require(edited[4]["data"]?.objectValue)
        data["note"] = .string("second thoughts")
        edited[4]["data"] = .object(data)
        try plans.writeJournal(stocktonID, TestJournals.bytes(StocktonHistory.linesOf(edited)))
        #expect(try plans.store.verify(stocktonID).events == 5)
        let error = try #require(throws: WSoAError.self) { try plans.store.verify(stocktonID, head: printed) }
        guard case let .headNotFound(plan, head, reason) = error else {
            Issue.record("expected headNotFound, got \(error)")
            return
        }
        #expect(plan == stocktonID && head == printed)
        #expect(reason.contains("no line of its journal (5 lines"))
    }

    @Test("verify finds an evidence file recorded without a copy that changed, and does not vouch for one that went")
    func verifyEvidenceFiles() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store, lines: 4)
        try plans.store.record(.addWorkstream(on: day("2019-10-20"), workstream: Workstream(id: "ws", title: "Workstream", addresses: ["W1"])),
                               in: stocktonID, by: lead, recorded: recordedAt)
        let file = "\(plans.path)/survey.pdf"
        try Data("survey results".utf8).write(to: URL(fileURLWithPath: file))
        let reference = try FileReference(hashing: file, plansDirectory: plans.path)
        #expect(reference.path == "survey.pdf", "a file in the plans directory is recorded relative to it")
        #expect(!reference.copied)
        try plans.store.record(.addEvidence(on: day("2019-11-01"), workstream: "ws", weaknesses: ["W1"], kind: .voice, title: "Survey",
                                            source: nil, file: reference, link: nil), in: stocktonID, by: lead, recorded: recordedAt)
        let verified = try plans.store.verify(stocktonID)
        #expect(verified.events == 6)
        #expect(verified.evidenceFiles.map(\.outcome) == [.intact])

        try Data("survey results, edited".utf8).write(to: URL(fileURLWithPath: file))
        let changed = EvidenceFileCheck(evidence: "E1", version: 1, file: reference, path: "survey.pdf", outcome: .changed)
        #expect(throws: WSoAError.evidenceFilesChanged(plan: stocktonID, files: [changed])) {
            try plans.store.verify(stocktonID)
        }
        #expect(changed.description == "E1 version 1 (survey.pdf): the file survey.pdf has changed since it was recorded (SHA-256 differs)")
        // Recorded without a copy, it may live where this machine cannot see it: not damage, but not vouched for.
        try FileManager.default.removeItem(atPath: file)
        #expect(try plans.store.verify(stocktonID).evidenceFiles.map(\.outcome) == [.notFound])
    }

    // MARK: As of a day

    @Test("a view as of a day folds only the events on or before it", arguments: [
        ("2019-02-08", Phase.inspected, 1),
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
        let entries = try StocktonHistory.record(in: plans.store)
        for view in [try plans.store.view(stocktonID, asOf: day(asOf)), try plans.store.fullView(stocktonID, asOf: day(asOf))] {
            #expect(view.plan.phase == phase)
            #expect(view.folded == folded)
            #expect(view.events == 7, "the whole journal is still counted")
            #expect(view.plan == Plan.replay(Array(entries.map(\.event).prefix(folded))))
            // The head is always the journal's own, so a report as of a day still names the whole record.
            #expect(view.head == entries.last.map { SHA256.hexDigest($0.lineBytes) })
        }
    }

    @Test("a view as of a day before the inspection began is refused")
    func asOfBeforeTheInspection() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store)
        #expect(throws: WSoAError.notYetInspected(id: stocktonID, asOf: try day("2019-02-03"), visitStart: try day("2019-02-04"))) {
            try plans.store.view(stocktonID, asOf: day("2019-02-03"))
        }
        #expect(try plans.store.view(stocktonID, asOf: day("2019-02-04")).folded == 1)
    }

    // MARK: Concurrency and the lock

    @Test("2 threads × 100 records leave 200 gapless lines and an intact chain")
    func concurrentRecords() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store, lines: 4)  // fit for purpose: monitoring
        let store = plans.store
        try store.record(.addWorkstream(on: day("2019-10-20"), workstream: Workstream(id: "ws", title: "Co-production", addresses: ["W1"])),
                         in: stocktonID, by: lead, recorded: recordedAt)
        let failures = Failures()
        let perThread = 100
        // Evidence, not visits: a plan has one visit a day, and visits must come in date order.
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for item in 0..<perThread {
                do {
                    try store.record(.addEvidence(on: Day(parsing: "2020-01-22"), workstream: "ws", weaknesses: [], kind: .activity,
                                                  title: "writer \(writer) item \(item)", source: nil, file: nil, link: nil),
                                     in: stocktonID, by: "officer-\(writer)", recorded: recordedAt)
                } catch {
                    failures.add(error)
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let verified = try store.verify(stocktonID)
        #expect(verified.events == 5 + 2 * perThread)
        let entries = try store.history(stocktonID)
        #expect(entries.map(\.seq) == Array(1...(5 + 2 * perThread)))
        let titles = entries.compactMap { entry -> String? in
            guard case let .evidenceAdded(added) = entry.event else { return nil }
            return added.title
        }
        #expect(Set(titles).count == 2 * perThread)
        let plan = try store.view(stocktonID).plan
        #expect(plan.evidence.map(\.id) == (1...(2 * perThread)).map { "E\($0)" })
        #expect(plan.phase == .monitoring)
    }

    @Test("a writer that cannot get the plan's lock in time is refused with lockTimeout, naming the live holder")
    func lockTimeout() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store, lines: 4)
        let before = try plans.journal(stocktonID)
        // Another writer holds the lock (its own open file description, as another process would).
        var holder: PlanLock? = try PlanLock(in: plans.store.folder(stocktonID), plan: stocktonID,
                                             holder: "dco, recorded 2026-11-22T18:31:00Z", timeout: 1)
        let impatient = PlanStore(directory: plans.path, lockTimeout: 0.2)
        let visit = PlanCommand.holdMonitoringVisit(on: try day("2020-01-22"), advisers: [], ratings: [:], followUps: [], note: nil)
        let error = try #require(throws: WSoAError.self) { try impatient.record(visit, in: stocktonID, by: lead, recorded: recordedAt) }
        let pid = ProcessInfo.processInfo.processIdentifier
        #expect(error == .lockTimeout(plan: stocktonID, seconds: 1, holder: "pid \(pid): dco, recorded 2026-11-22T18:31:00Z"))
        #expect(error.description.contains("dco, recorded 2026-11-22T18:31:00Z"))
        #expect(try plans.journal(stocktonID) == before)
        // Reads do not need the lock.
        #expect(try impatient.view(stocktonID).events == 4)
        withExtendedLifetime(holder) {}
        holder = nil
        #expect(try impatient.record(visit, in: stocktonID, by: lead, recorded: recordedAt).entries.map(\.seq) == [5])
    }

    @Test("the lock file's note names only a holder that is still alive")
    func liveHolder() {
        let pid = ProcessInfo.processInfo.processIdentifier
        #expect(PlanLock.liveHolder(described: Array("pid \(pid): dco, recorded x\n".utf8)) == "pid \(pid): dco, recorded x")
        // No process has pid 2^22 + 1 on Linux (pid_max is at most 2^22).
        #expect(PlanLock.liveHolder(described: Array("pid 4194305: ghost\n".utf8)) == nil)
        #expect(PlanLock.liveHolder(described: Array("someone\n".utf8)) == nil)
        #expect(PlanLock.liveHolder(described: nil) == nil)
    }

    @Test("a reader that finds the last line half written waits for the writer, rather than calling it damage")
    func readerWaitsForTheWriter() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store, lines: 4)
        let complete = try plans.journal(stocktonID)
        let next = JournalEntry(seq: 5, prev: SHA256.hexDigest(try #require(TestJournals.lines(complete).last)), recorded: recordedAt,
                                by: lead, event: .monitoringVisitHeld(.init(on: try day("2020-01-22")))).lineBytes + [0x0A]
        // A writer holds the lock and has written half its line.
        var holder: PlanLock? = try PlanLock(in: plans.store.folder(stocktonID), plan: stocktonID, holder: "writer", timeout: 1)
        try plans.writeJournal(stocktonID, complete + next.prefix(30))
        let store = plans.store
        let result = Parallel.start { Result { try store.view(stocktonID) } }
        usleep(100_000)  // not a measurement: only a chance for the reader to find the torn line first
        let file = try #require(FileHandle(forWritingAtPath: plans.journalPath(stocktonID)))
        try file.seekToEnd()
        try file.write(contentsOf: Data(next.dropFirst(30)))
        try file.close()
        #expect(try plans.journal(stocktonID) == complete + next)
        withExtendedLifetime(holder) {}
        holder = nil
        let view = try result.wait().get()
        #expect(view.events == 5)
        #expect(view.plan.visits.count == 1)
    }
}

extension StocktonHistory {
    /// The lines of `objects` as they are, without re-chaining.
    static func linesOf(_ objects: [[String: JSONValue]]) -> [[UInt8]] {
        objects.map { Array(JSONWriter.string(.object($0)).utf8) }
    }
}
