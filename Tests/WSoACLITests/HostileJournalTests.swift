import Foundation
import Testing
import WSoAEngine

/// Journals nobody should have to read: each is met with one sentence naming the line, exit 1,
/// in bounded time and memory, by every command that reads a journal. Never a crash or a hang.
///
/// The small files live in `Corpus/` (see its README); the big ones are made here.
@Suite struct HostileJournalTests {
    static let plan = "corpus-2019"
    static let corpus = WSoABinary.packageRoot.appendingPathComponent("Tests/WSoACLITests/Corpus")

    /// Where each corpus file is damaged and a phrase its sentence must carry; nil for the
    /// `forged-` files, whose chain is intact although wsoa would never have written them
    /// (they must only be read without crashing).
    static let expected: [String: (line: Int, says: String)?] = [
        "invalid-utf8.jsonl": (5, "invalid UTF-8"),
        "overlong-utf8.jsonl": (5, "invalid UTF-8"),
        "encoded-surrogate.jsonl": (5, "invalid UTF-8"),
        "lone-surrogate-escape.jsonl": (5, "lone surrogate"),
        "invalid-escape.jsonl": (5, "invalid escape"),
        "duplicate-keys.jsonl": (3, "duplicate key \"by\""),
        "duplicate-data-keys.jsonl": (7, "duplicate key \"value\""),
        "seq-out-of-range.jsonl": (3, "'seq' is not an integer"),
        "seq-thousand-digits.jsonl": (3, "number out of range"),
        "seq-int64-max.jsonl": (3, "seq 9223372036854775807 is out of range"),
        "seq-negative.jsonl": (3, "seq -3 is out of range"),
        "seq-fraction.jsonl": (3, "'seq' is not an integer"),
        "value-out-of-range.jsonl": (7, "number out of range"),
        "value-nan.jsonl": (7, "not valid JSON"),
        "unknown-type.jsonl": (3, "the event type 'budgetCut' is unknown"),
        "future-schema-version.jsonl": (3, "schema version 2 is not one this wsoa reads"),
        "schema-version-string.jsonl": (3, "'v' is not an integer"),
        "reordered-lines.jsonl": (3, "its seq is 4 where 3 was expected"),
        "nesting-10000-deep.jsonl": (5, "nesting deeper than 512 levels"),
        "object-nesting-10000-deep.jsonl": (5, "nesting deeper than 512 levels"),
        "nul-byte-in-string.jsonl": (5, "control character in string"),
        "nul-byte-line.jsonl": (5, "not valid JSON"),
        "whitespace-only-line.jsonl": (4, "not valid JSON"),
        "empty-line.jsonl": (4, "not valid JSON"),
        "empty-file.jsonl": (1, "the journal is empty"),
        "only-a-newline.jsonl": (1, "not valid JSON"),
        "byte-order-mark.jsonl": (1, "U+FEFF"),
        "crlf-line-endings.jsonl": (2, "the hash chain breaks"),
        "trailing-garbage.jsonl": (3, "trailing characters after the value"),
        "two-objects-one-line.jsonl": (3, "trailing characters after the value"),
        "top-level-array.jsonl": (3, "the line is not a JSON object"),
        "top-level-string.jsonl": (3, "the line is not a JSON object"),
        "data-not-object.jsonl": (3, "data is not a JSON object"),
        "missing-field.jsonl": (3, "has no 'on'"),
        "impossible-date.jsonl": (3, "'2019-02-30'"),
        "date-out-of-range.jsonl": (3, "'9999-12-31'"),
        "prev-upper-case.jsonl": (3, "prev is not 64 lower-case hex digits"),
        "edited-earlier-line.jsonl": (3, "the hash chain breaks: its prev does not match line 2"),
        "seq-gap.jsonl": (3, "its seq is 5 where 3 was expected"),
        "first-line-not-plan-created.jsonl": (1, "the first line must be planCreated"),
        "second-plan-created.jsonl": (3, "planCreated may only be the first line"),
        "other-plans-id.jsonl": (1, "it creates plan 'someone-else-2019' but the folder is 'corpus-2019'"),
        "torn-last-line.jsonl": (8, "the last line is incomplete"),
        "comment-line.jsonl": (4, "not valid JSON"),
        "trailing-comma.jsonl": (3, "not valid JSON"),
        "single-quotes.jsonl": (3, "not valid JSON"),
        "number-leading-zero.jsonl": (3, "leading zero"),
        "control-character-raw.jsonl": (5, "control character in string"),
        "wrong-type-title.jsonl": (5, "'title' is not a string"),
        "unknown-enum-value.jsonl": (8, "unknown value 'purple'"),
        "unknown-measure-direction.jsonl": (6, "unknown value 'sideways'"),
        "forged-judged-before-submitted.jsonl": nil,
        "forged-measure-huge.jsonl": nil,
        "forged-measure-extremes.jsonl": nil,
        "forged-measure-same-dates.jsonl": nil,
        "forged-revisit-unknown.jsonl": nil,
        "forged-cease-then-more.jsonl": nil,
        "forged-two-letters.jsonl": nil,
        "forged-empty-strings.jsonl": nil,
        "forged-date-extremes.jsonl": nil,
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

    /// The commands that read a journal, with `report` in each format once it exists.
    static func readers(_ wsoa: WSoABinary) throws -> [[String]] {
        var commands = [["verify", plan], ["verify"], ["status", plan], ["status", plan, "--json"], ["history", plan],
                        ["advance", plan]]
        if try wsoa.hasReport() {
            commands += ["markdown", "html", "json"].map { ["report", plan, "--format", $0] }
        }
        return commands
    }

    /// Puts `bytes` in as the plan's journal and runs every reader (and one writer) on it under a
    /// time limit: each must exit 1 with one sentence naming `line` (and `says`), or — for a
    /// forged journal (`line` nil) — at least not crash; none may change the journal.
    static func expectRefused(_ bytes: [UInt8], line: Int?, says: String?, name: String, wsoa: WSoABinary,
                              worst: Worst, timeout: Double = 30, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = wsoa.journalPath(plan)
        try FileManager.default.createDirectory(atPath: "\(wsoa.plans)/\(plan)", withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var commands = try readers(wsoa)
        if line != nil { commands.append(["visit", plan, "--on", "2020-03-01", "--note", "written over damage"]) }
        for arguments in commands {
            let what = "\(name): wsoa \(arguments.joined(separator: " "))"
            let outcome = try wsoa.runLimited(arguments, timeout: timeout)
            worst.note(outcome, what)
            #expect(!outcome.timedOut, "\(what) ran past \(timeout) s", sourceLocation: sourceLocation)
            #expect(outcome.signal == nil, "\(what) died of signal \(outcome.signal ?? 0): \(outcome.stderr.prefix(500))",
                    sourceLocation: sourceLocation)
            #expect(!outcome.stderr.contains("Fatal error"), "\(what): \(outcome.stderr.prefix(500))", sourceLocation: sourceLocation)
            if let line {
                #expect(outcome.status == 1, "\(what) exited \(outcome.code)", sourceLocation: sourceLocation)
                let prefix = "Error: The journal \(path) is damaged at line \(line): "
                #expect(outcome.stderr.hasPrefix(prefix) && outcome.stderr.hasSuffix(".\n")
                        && outcome.stderr.dropLast().firstIndex(of: "\n") == nil,
                        "\(what): expected one sentence naming line \(line), got: \(outcome.stderr.prefix(500))",
                        sourceLocation: sourceLocation)
                if let says {
                    #expect(outcome.stderr.contains(says), "\(what): \(outcome.stderr.prefix(500))", sourceLocation: sourceLocation)
                }
                #expect(outcome.stderr.utf8.count < 2_000, "\(what): the sentence is \(outcome.stderr.utf8.count) bytes",
                        sourceLocation: sourceLocation)
            } else {
                #expect(outcome.status == 0 || outcome.status == 1, "\(what) exited \(outcome.code)", sourceLocation: sourceLocation)
                if outcome.status == 1 {
                    #expect(outcome.stderr.hasPrefix("Error: ") && outcome.stderr.dropLast().firstIndex(of: "\n") == nil,
                            "\(what): \(outcome.stderr.prefix(500))", sourceLocation: sourceLocation)
                }
            }
            let after = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(after == bytes, "\(what) changed the journal", sourceLocation: sourceLocation)
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
            let expectation = Self.expected[name] ?? nil
            try Self.expectRefused(bytes, line: expectation?.line, says: expectation?.says, name: name, wsoa: wsoa, worst: worst)
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
            says = "longer than 1 MiB"
        case .millionDeepNesting:
            bytes = start + [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000) + [UInt8](repeating: UInt8(ascii: "]"), count: 1_000_000) + [0x0A]
            says = "longer than 1 MiB"
        case .halfMillionDeepNesting:
            bytes = start + [UInt8](repeating: UInt8(ascii: "["), count: 500_000) + [UInt8](repeating: UInt8(ascii: "]"), count: 500_000) + [0x0A]
            says = "nesting deeper than 512 levels"
        case .hundredThousandBlankLines:
            bytes = start + [UInt8](repeating: 0x0A, count: 100_000)
            says = "not valid JSON"
        case .halfMiBInvalidUTF8:
            bytes = start + Array(#"{"by":""#.utf8) + [UInt8](repeating: 0xFF, count: 1 << 19) + Array(#""}"#.utf8) + [0x0A]
            says = "invalid UTF-8"
        }
        let worst = Worst()
        try Self.expectRefused(bytes, line: 3, says: says, name: kind.rawValue, wsoa: wsoa, worst: worst)
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
        try Self.expectRefused(line, line: 3, says: "longer than 1 MiB", name: "50 MB line", wsoa: wsoa, worst: worst, timeout: 60)
        // 50 MB of garbage with no newline at all: a torn first line, which repair sets aside whole.
        var garbage = [UInt8](repeating: 0, count: fifty)
        var generator = SystemRandomNumberGenerator()
        garbage.withUnsafeMutableBytes { raw in
            for index in stride(from: 0, to: raw.count - 8, by: 8) {
                raw.storeBytes(of: generator.next() as UInt64, toByteOffset: index, as: UInt64.self)
            }
        }
        for index in garbage.indices where garbage[index] == 0x0A { garbage[index] = 0x0B }
        try Self.expectRefused(garbage, line: 1, says: "the last line is incomplete", name: "50 MB without a newline", wsoa: wsoa,
                               worst: worst, timeout: 60)
        // A 50 MB torn last line after valid ones: repair keeps it aside, and the rest reads again.
        let torn = start + [UInt8](repeating: UInt8(ascii: "{"), count: fifty)
        try Self.expectRefused(torn, line: 3, says: "the last line is incomplete", name: "50 MB torn line", wsoa: wsoa,
                               worst: worst, timeout: 60)
        let repair = try wsoa.runLimited(["repair", Self.plan], timeout: 60)
        worst.note(repair, "repair of a 50 MB torn line")
        #expect(repair.status == 0, "\(repair.stderr)")
        #expect(try wsoa.journalBytes(Self.plan) == start)
        #expect(try wsoa.runLimited(["verify", Self.plan]).status == 0)
        print("50 MB files: \(worst.summary)")
        #expect(worst.seconds < 30)
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
            let line = #"{"by":"tester","data":{"advisers":[],"followUps":[],"note":"visit \#(index)","ratings":{}},"on":"2020-01-15","prev":"\#(previous)","recorded":"2026-11-23T10:00:00Z","seq":\#(seq),"type":"monitoringVisitHeld","v":1}"#
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
