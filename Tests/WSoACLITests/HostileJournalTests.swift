import Foundation
import Testing
import WSoAEngine

/// Journals nobody should have to read: each is met with one sentence naming the line, exit 1,
/// in bounded time and memory, by every command that reads a journal. Never a crash or a hang,
/// and never a change to the file.
///
/// The small files live in `Corpus/` (see its README); the big ones are made here.
@Suite struct HostileJournalTests {
    static let plan = "corpus-2019"
    static let corpus = WSoABinary.packageRoot.appendingPathComponent("Tests/WSoACLITests/Corpus")

    /// What every command must make of a corpus file.
    enum Expected: Sendable {
        /// Damage every reader and writer refuses: one sentence naming `line`, carrying `says`.
        case damaged(line: Int, says: String)
        /// A well-chained journal with a line wsoa would never have written, because it breaks
        /// `rule`: `verify` reports it as damage at `line`, naming the rule, with `says`; the
        /// everyday readers (which check the chain, not every rule) read it without crashing.
        case breaksRule(line: Int, rule: Rule, says: String)
        /// A well-chained journal wsoa could have written, however extreme: everything reads it.
        case readable

        /// The line a refusal names.
        var line: Int? {
            switch self {
            case let .damaged(line, _), let .breaksRule(line, _, _): return line
            case .readable: return nil
            }
        }
    }

    /// Where each corpus file is damaged (or which rule it breaks) and a phrase its sentence must carry.
    static let expected: [String: Expected] = [
        "invalid-utf8.jsonl": .damaged(line: 5, says: "it is not valid JSON (invalid UTF-8)"),
        "overlong-utf8.jsonl": .damaged(line: 5, says: "it is not valid JSON (invalid UTF-8)"),
        "encoded-surrogate.jsonl": .damaged(line: 5, says: "it is not valid JSON (invalid UTF-8)"),
        "lone-surrogate-escape.jsonl": .damaged(line: 5, says: #"it is not valid JSON (lone surrogate \uD800)"#),
        "invalid-escape.jsonl": .damaged(line: 5, says: "it is not valid JSON (invalid escape)"),
        "duplicate-keys.jsonl": .damaged(line: 3, says: #"it is not valid JSON (duplicate key "by")"#),
        "duplicate-data-keys.jsonl": .damaged(line: 7, says: #"it is not valid JSON (duplicate key "value")"#),
        "seq-out-of-range.jsonl": .damaged(line: 3, says: "the line 'seq' is not an integer"),
        "seq-thousand-digits.jsonl": .damaged(line: 3, says: "it is not valid JSON (number out of range)"),
        "seq-int64-max.jsonl": .damaged(line: 3, says: "seq 9223372036854775807 is out of range"),
        "seq-negative.jsonl": .damaged(line: 3, says: "seq -3 is out of range"),
        "seq-fraction.jsonl": .damaged(line: 3, says: "the line 'seq' is not an integer"),
        "value-out-of-range.jsonl": .damaged(line: 7, says: "it is not valid JSON (number out of range)"),
        "value-nan.jsonl": .damaged(line: 7, says: "data 'value' is not a number"),
        "unknown-type.jsonl": .damaged(line: 3, says: "the event type 'budgetCut' is unknown"),
        "unknown-field.jsonl": .damaged(line: 5, says: "the line has the field 'comment', which this version of wsoa does not know"),
        "unknown-data-field.jsonl": .damaged(line: 7, says: "data has the field 'unit', which this version of wsoa does not know"),
        "future-schema-version.jsonl": .damaged(line: 3, says: "schema version 2 is not one this wsoa reads (it reads version 1)"),
        "schema-version-string.jsonl": .damaged(line: 3, says: "the line 'v' is not an integer"),
        "reordered-lines.jsonl": .damaged(line: 3, says: "its seq is 4 where 3 was expected"),
        // Refused where the first value of the wrong type starts, long before any depth is reached.
        "nesting-10000-deep.jsonl": .damaged(line: 5, says: "data 'title' is not a string"),
        "object-nesting-10000-deep.jsonl": .damaged(line: 5, says: "data 'title' is not a string"),
        "nul-byte-in-string.jsonl": .damaged(line: 5, says: "it is not valid JSON (control character in string)"),
        "nul-byte-line.jsonl": .damaged(line: 5, says: "the line is not a JSON object"),
        "whitespace-only-line.jsonl": .damaged(line: 4, says: "it is not valid JSON (unexpected end of input)"),
        "empty-line.jsonl": .damaged(line: 4, says: "it is not valid JSON (unexpected end of input)"),
        "empty-file.jsonl": .damaged(line: 1, says: "the journal is empty"),
        "only-a-newline.jsonl": .damaged(line: 1, says: "it is not valid JSON (unexpected end of input)"),
        "byte-order-mark.jsonl": .damaged(line: 1, says: "the line is not a JSON object"),
        "crlf-line-endings.jsonl": .damaged(line: 2, says: "the hash chain breaks: its prev does not match line 1"),
        "trailing-garbage.jsonl": .damaged(line: 3, says: "it is not valid JSON (trailing characters after the value)"),
        "two-objects-one-line.jsonl": .damaged(line: 3, says: "it is not valid JSON (trailing characters after the value)"),
        "top-level-array.jsonl": .damaged(line: 3, says: "the line is not a JSON object"),
        "top-level-string.jsonl": .damaged(line: 3, says: "the line is not a JSON object"),
        "data-not-object.jsonl": .damaged(line: 3, says: "the line 'data' is not a JSON object"),
        "missing-field.jsonl": .damaged(line: 3, says: "the line has no 'on'"),
        "impossible-date.jsonl": .damaged(line: 3, says: "the line 'on' is not a valid date ('2019-02-30')"),
        "date-out-of-range.jsonl": .damaged(line: 3, says: "the line 'on' is not a valid date ('9999-12-31')"),
        "prev-upper-case.jsonl": .damaged(line: 3, says: "prev is not 64 lower-case hex digits"),
        "edited-earlier-line.jsonl": .damaged(line: 3, says: "the hash chain breaks: its prev does not match line 2"),
        "seq-gap.jsonl": .damaged(line: 3, says: "its seq is 5 where 3 was expected"),
        "first-line-not-plan-created.jsonl": .damaged(line: 1, says: "the first line must be planCreated, not letterPublished"),
        "second-plan-created.jsonl": .damaged(line: 3, says: "planCreated may only be the first line"),
        "other-plans-id.jsonl": .damaged(line: 1, says: "it creates plan 'someone-else-2019' but the folder is 'corpus-2019'"),
        "torn-last-line.jsonl": .damaged(line: 8, says: "the last line is incomplete (no newline at its end), as an interrupted write leaves it; 'wsoa repair corpus-2019' can set it aside"),
        "torn-first-line.jsonl": .damaged(line: 1, says: "the last line is incomplete (no newline at its end), as an interrupted write leaves it; 'wsoa repair corpus-2019' can set it aside"),
        "comment-line.jsonl": .damaged(line: 4, says: "the line is not a JSON object"),
        "trailing-comma.jsonl": .damaged(line: 3, says: "it is not valid JSON (unexpected character '}')"),
        "single-quotes.jsonl": .damaged(line: 3, says: "it is not valid JSON (unexpected character ''')"),
        "number-leading-zero.jsonl": .damaged(line: 3, says: "it is not valid JSON (leading zero in number)"),
        "control-character-raw.jsonl": .damaged(line: 5, says: "it is not valid JSON (control character in string)"),
        "wrong-type-title.jsonl": .damaged(line: 5, says: "data 'title' is not a string"),
        "unknown-enum-value.jsonl": .damaged(line: 8, says: "data 'ratings' 'W1' has the unknown value 'purple'"),
        "unknown-measure-direction.jsonl": .damaged(line: 6, says: "data 'direction' has the unknown value 'sideways'"),
        "forged-judged-before-submitted.jsonl": .breaksRule(line: 3, rule: .lifecycle,
            says: "it needs the plan to be statement under review, and the plan is statement due"),
        "forged-measure-same-dates.jsonl": .breaksRule(line: 6, rule: .targetAfterBaseline,
            says: "the target date 2019-04-01 is not after the baseline date 2019-04-01"),
        "forged-revisit-unknown.jsonl": .breaksRule(line: 9, rule: .revisitJudgesEveryWeakness,
            says: "W9 is not one of the plan's weaknesses (W1, W2)"),
        "forged-cease-then-more.jsonl": .breaksRule(line: 9, rule: .lifecycle,
            says: "it needs the plan to be cessation recommended or accelerated progress plan, and the plan is monitoring"),
        "forged-two-letters.jsonl": .breaksRule(line: 3, rule: .lifecycle, says: "it needs the plan to be inspected, outcome awaited, and the plan is statement due"),
        "forged-empty-strings.jsonl": .breaksRule(line: 1, rule: .requiredText, says: "the area is empty"),
        // A reading dated 2100-12-31 in a line recorded in 2026: what happened cannot be in the future.
        "forged-date-extremes.jsonl": .breaksRule(line: 7, rule: .notInFuture,
            says: "the reading date 2100-12-31 is after today (2026-11-23); only planned dates, such as due dates and targets, can be in the future"),
        "forged-update-unknown-action.jsonl": .breaksRule(line: 9, rule: .knownReference, says: "there is no action A9 (the plan has none yet)"),
        "forged-evidence-out-of-order.jsonl": .breaksRule(line: 9, rule: .nextID, says: "its id is E2, but the next id is E1"),
        "forged-title-over-limit.jsonl": .breaksRule(line: 5, rule: .textLimit,
            says: "the title is 301 characters long, and may be at most 300"),
        "forged-personal-data.jsonl": .breaksRule(line: 9, rule: .personalData,
            says: "an NHS number (943 *** **19) in the note looks like personal data that could identify a child or family"),
        "personal-data-allowed.jsonl": .readable,
        "forged-measure-huge.jsonl": .readable,
        "forged-measure-extremes.jsonl": .readable,
    ]

    /// The slowest run and the largest peak memory seen, for the summary line.
    final class Worst: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var seconds = 0.0, rssKiB = 0, runs = 0
        private(set) var slowest = "", largest = ""
        func note(_ outcome: ChildProcess.Outcome, _ what: String) {
            lock.lock()
            defer { lock.unlock() }
            runs += 1
            if outcome.seconds > seconds { seconds = outcome.seconds; slowest = what }
            if outcome.maxRSSKiB > rssKiB { rssKiB = outcome.maxRSSKiB; largest = what }
        }
        var summary: String {
            let time = (seconds * 100).rounded() / 100, memory = (Double(rssKiB) / 1024 * 10).rounded() / 10
            return "\(runs) runs; slowest \(time) s (\(slowest)), largest peak RSS \(memory) MiB (\(largest))"
        }
    }

    /// The commands that read a journal, `verify` first (in each of its forms).
    static func readers() -> [[String]] {
        [["verify", plan], ["verify"], ["verify", plan, "--json"], ["status", plan], ["status", plan, "--json"],
         ["history", plan], ["history", plan, "--json"], ["advance", plan], ["list"], ["deadlines"]]
            + ["markdown", "html", "json"].map { ["report", plan, "--format", $0] }
    }

    /// Puts `bytes` in as the plan's journal and runs every reader (and, for damage, one writer)
    /// on it under a time limit that only catches a hang. Damage must be refused by each with
    /// exit 1 and one sentence naming its line; a broken rule by `verify` alike, naming the rule;
    /// nothing may crash, and none may change the journal or leave anything beside it but a lock.
    static func expectRefused(_ bytes: [UInt8], _ expected: Expected, name: String, wsoa: WSoABinary,
                              worst: Worst, timeout: Double = 30, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = wsoa.journalPath(plan)
        let folder = "\(wsoa.plans)/\(plan)"
        if FileManager.default.fileExists(atPath: folder) { try FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var commands = readers()
        if case .damaged = expected { commands.append(["visit", plan, "--on", "2020-03-01", "--note", "written over damage"]) }
        for arguments in commands {
            let what = "\(name): wsoa \(arguments.joined(separator: " "))"
            let outcome = try wsoa.runLimited(arguments, timeout: timeout)
            worst.note(outcome, what)
            #expect(!outcome.timedOut, "\(what) hung (killed after \(timeout) s)", sourceLocation: sourceLocation)
            #expect(outcome.signal == nil, "\(what) died of signal \(outcome.signal ?? 0): \(outcome.stderr.prefix(500))",
                    sourceLocation: sourceLocation)
            #expect(!outcome.stderr.contains("Fatal error"), "\(what): \(outcome.stderr.prefix(500))", sourceLocation: sourceLocation)
            try check(outcome, arguments, expected, what: what, path: path, sourceLocation: sourceLocation)
            let after = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(after == bytes, "\(what) changed the journal", sourceLocation: sourceLocation)
            let beside = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "events.jsonl" && $0 != ".lock" }
            #expect(beside.isEmpty, "\(what) left \(beside) in the plan's folder", sourceLocation: sourceLocation)
        }
    }

    /// What one command's `outcome` must be for a corpus file `expected` to say.
    static func check(_ outcome: ChildProcess.Outcome, _ arguments: [String], _ expected: Expected, what: String, path: String,
                      sourceLocation: SourceLocation) throws {
        let isVerify = arguments.first == "verify"
        var sentence: String?
        switch expected {
        case let .damaged(line, says):
            sentence = "Error: The journal \(path) is damaged at line \(line): \(says)"
        case let .breaksRule(line, rule, says) where isVerify:
            sentence = "Error: The journal \(path) is damaged at line \(line): rule \(rule.rawValue) refuses it: \(says)"
        case .breaksRule:
            #expect(outcome.status == 0 || outcome.status == 1, "\(what) exited \(outcome.code)", sourceLocation: sourceLocation)
            if outcome.status == 1 {
                #expect(outcome.stderr.hasPrefix("Error: ") && outcome.stderr.dropLast().firstIndex(of: "\n") == nil,
                        "\(what): \(outcome.stderr.prefix(500))", sourceLocation: sourceLocation)
            }
        case .readable:
            #expect(outcome.status == 0, "\(what) exited \(outcome.code): \(outcome.stderr.prefix(500))", sourceLocation: sourceLocation)
        }
        if let sentence {
            #expect(outcome.status == 1, "\(what) exited \(outcome.code)", sourceLocation: sourceLocation)
            if isVerify && arguments.contains("--json") {
                // verify --json says it on stdout, in the plan's object, and nothing on stderr.
                let objects = try JSONReader.parse(outcome.stdout).arrayValue ?? []
                let object = objects.first { $0["id"]?.stringValue == plan }
                #expect(object?["ok"]?.boolValue == false, "\(what): \(outcome.stdout.prefix(500))", sourceLocation: sourceLocation)
                #expect(object?["path"]?.stringValue == path && object?["line"]?.intValue == expected.line.map(Int64.init),
                        "\(what): \(outcome.stdout.prefix(500))", sourceLocation: sourceLocation)
                #expect(object?["problem"]?.stringValue.map { "Error: \($0)".hasPrefix(sentence) } == true,
                        "\(what): \(outcome.stdout.prefix(500))", sourceLocation: sourceLocation)
                #expect(outcome.stderr.isEmpty, "\(what): \(outcome.stderr.prefix(500))", sourceLocation: sourceLocation)
            } else {
                // One sentence on stderr (list and deadlines also name the plan on stdout).
                #expect(outcome.stderr.hasPrefix(sentence) && outcome.stderr.hasSuffix(".\n")
                        && outcome.stderr.dropLast().firstIndex(of: "\n") == nil,
                        "\(what): expected one sentence starting \(sentence.debugDescription), got: \(outcome.stderr.prefix(500))",
                        sourceLocation: sourceLocation)
                #expect(outcome.stderr.utf8.count < 2_000, "\(what): the sentence is \(outcome.stderr.utf8.count) bytes",
                        sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: The committed corpus

    @Test func everyCorpusFileIsListedAndEveryListedFileIsThere() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0.hasSuffix(".jsonl") }
        #expect(Set(files) == Set(Self.expected.keys))
    }

    @Test func theCorpusIsRefusedLineByLine() throws {
        let wsoa = try WSoABinary()
        try wsoa.succeed(["init"])
        let worst = Worst()
        var bytesTotal = 0
        for name in Self.expected.keys.sorted() {
            let bytes = [UInt8](try Data(contentsOf: Self.corpus.appendingPathComponent(name)))
            bytesTotal += bytes.count
            let expected = try #require(Self.expected[name])
            try Self.expectRefused(bytes, expected, name: name, wsoa: wsoa, worst: worst)
        }
        print("Hostile corpus: \(Self.expected.count) files, \(bytesTotal) bytes; \(worst.summary)")
    }

    // MARK: Made at test time

    /// The corpus's first two lines (a valid start), for the big files.
    static func validStart() throws -> [UInt8] {
        let bytes = [UInt8](try Data(contentsOf: corpus.appendingPathComponent("seq-gap.jsonl")))
        var newlines = 0
        let end = try #require(bytes.firstIndex { byte in
            if byte == 0x0A { newlines += 1 }
            return newlines == 2
        })
        return Array(bytes[...end])
    }

    enum Generated: String, CaseIterable, Sendable {
        case twoMiBLine, millionDeepNesting, halfMillionDeepNesting, hundredThousandBlankLines, halfMiBInvalidUTF8
    }

    @Test(arguments: Generated.allCases)
    func generatedFilesAreRefusedLineByLine(_ kind: Generated) throws {
        let wsoa = try WSoABinary()
        try wsoa.succeed(["init"])
        let start = try Self.validStart()
        let bytes: [UInt8], says: String
        switch kind {
        case .twoMiBLine:
            bytes = start + Array(#"{"by":""#.utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 2 << 20) + Array(#""}"#.utf8) + [0x0A]
            says = "it is longer than 1 MiB, far beyond any event wsoa writes"
        case .millionDeepNesting:
            bytes = start + [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000) + [UInt8](repeating: UInt8(ascii: "]"), count: 1_000_000) + [0x0A]
            says = "it is longer than 1 MiB, far beyond any event wsoa writes"
        case .halfMillionDeepNesting:
            bytes = start + [UInt8](repeating: UInt8(ascii: "["), count: 500_000) + [UInt8](repeating: UInt8(ascii: "]"), count: 500_000) + [0x0A]
            // Refused at its first byte: a journal line is an object, and the reader never descends.
            says = "the line is not a JSON object"
        case .hundredThousandBlankLines:
            bytes = start + [UInt8](repeating: 0x0A, count: 100_000)
            says = "it is not valid JSON (unexpected end of input)"
        case .halfMiBInvalidUTF8:
            bytes = start + Array(#"{"by":""#.utf8) + [UInt8](repeating: 0xFF, count: 1 << 19) + Array(#""}"#.utf8) + [0x0A]
            says = "it is not valid JSON (invalid UTF-8)"
        }
        let worst = Worst()
        try Self.expectRefused(bytes, .damaged(line: 3, says: says), name: kind.rawValue, wsoa: wsoa, worst: worst)
        print("Generated \(kind.rawValue) (\(bytes.count) bytes): \(worst.summary)")
    }

    @Test(.enabled(if: LongTests.enabled, LongTests.skipped))
    func fiftyMegabyteLinesAreRefusedInBoundedTimeAndMemory() throws {
        let wsoa = try WSoABinary()
        try wsoa.succeed(["init"])
        let start = try Self.validStart()
        let fifty = 50 << 20
        let worst = Worst()
        // One complete 50 MB line.
        let line = start + Array(#"{"by":""#.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: fifty) + Array(#""}"#.utf8) + [0x0A]
        try Self.expectRefused(line, .damaged(line: 3, says: "it is longer than 1 MiB, far beyond any event wsoa writes"), name: "50 MB line", wsoa: wsoa, worst: worst, timeout: 60)
        // 50 MB of garbage with no newline at all: a torn first line, which repair sets aside whole.
        var garbage = [UInt8](repeating: 0, count: fifty)
        var generator = SystemRandomNumberGenerator()
        garbage.withUnsafeMutableBytes { raw in
            for index in stride(from: 0, to: raw.count - 8, by: 8) {
                raw.storeBytes(of: generator.next() as UInt64, toByteOffset: index, as: UInt64.self)
            }
        }
        for index in garbage.indices where garbage[index] == 0x0A { garbage[index] = 0x0B }
        try Self.expectRefused(garbage, .damaged(line: 1, says: "the last line is incomplete"), name: "50 MB without a newline", wsoa: wsoa,
                               worst: worst, timeout: 60)
        // A 50 MB torn last line after valid ones: repair keeps it aside, and the rest reads again.
        let torn = start + [UInt8](repeating: UInt8(ascii: "{"), count: fifty)
        try Self.expectRefused(torn, .damaged(line: 3, says: "the last line is incomplete"), name: "50 MB torn line", wsoa: wsoa,
                               worst: worst, timeout: 60)
        let repair = try wsoa.runLimited(["repair", Self.plan], timeout: 60)
        worst.note(repair, "repair of a 50 MB torn line")
        #expect(repair.status == 0, "\(repair.stderr)")
        #expect(try wsoa.journalBytes(Self.plan) == start)
        #expect(try wsoa.runLimited(["verify", Self.plan]).status == 0)
        print("50 MB files: \(worst.summary)")
        #expect(worst.rssKiB < 1 << 20, "more than 1 GiB resident for a 50 MB file")
    }

    @Test(.enabled(if: LongTests.enabled, LongTests.skipped))
    func aLongValidJournalEndingInDamageIsReadInBoundedTime() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        let plan = "stockton-on-tees-2019"
        var bytes = try wsoa.journalBytes(plan)
        var previous = SHA256.hexDigest(Array(bytes.dropLast().split(separator: 0x0A).last ?? []))
        let count = 20_000
        for index in 0..<count {
            let seq = 5 + index
            // One visit a day (rule once-a-day), recorded after the last of them (rule not-in-future).
            let on = Day(year: 2020, month: 1, day: 15)!.adding(days: index)
            let line = #"{"by":"tester","data":{"advisers":[],"followUps":[],"note":"visit \#(index)","ratings":{}},"on":"\#(on)","prev":"\#(previous)","recorded":"2100-12-31T12:00:00Z","seq":\#(seq),"type":"monitoringVisitHeld","v":1}"#
            let lineBytes = Array(line.utf8)
            previous = SHA256.hexDigest(lineBytes)
            bytes += lineBytes + [0x0A]
        }
        let intact = bytes
        try Data(intact).write(to: URL(fileURLWithPath: wsoa.journalPath(plan)))
        let verified = try wsoa.runLimited(["verify", plan], timeout: 60)
        #expect(verified.status == 0, "\(verified.stderr)")
        bytes += Array(#"{"by":"tester","v":2}"#.utf8) + [0x0A]
        try Data(bytes).write(to: URL(fileURLWithPath: wsoa.journalPath(plan)))
        let worst = Worst()
        for arguments in [["verify", plan], ["status", plan], ["history", plan]] {
            let outcome = try wsoa.runLimited(arguments, timeout: 60)
            worst.note(outcome, arguments.joined(separator: " "))
            #expect(outcome.status == 1)
            #expect(outcome.stderr.contains("is damaged at line \(4 + count + 1): "), "\(outcome.stderr)")
        }
        print("\(4 + count + 1)-line journal damaged at its end: \(worst.summary)")
    }
}
