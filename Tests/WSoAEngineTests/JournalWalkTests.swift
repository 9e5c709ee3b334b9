import Testing
@testable import WSoAEngine

/// `Journal.walk`, the one walk every reader makes through a journal's lines: each line read,
/// hashed and checked in order, in blocks whose lines are read on several threads.
///
/// However the lines are shared out, the walk must hand over every line in order and stop at
/// the first problem — the one at the lowest line — exactly as reading from the start would.
@Suite("Journal walk")
struct JournalWalkTests {
    static let id = "stockton-on-tees-2019"
    static let path = "plans/stockton-on-tees-2019/events.jsonl"

    /// Past one full block and far enough into the next for it to be shared out too, so the
    /// pipeline (one block read while the one before is checked) and the sharing out both happen.
    static let count = Journal.firstBlockLines + 2 * Journal.parallelMinimum + 55

    /// The lines of a long journal.
    static let lines: [[UInt8]] = TestJournals.entries(TestJournals.longEvents(count, every: 1)).map(\.lineBytes)

    /// Long enough to be shared out, within one block: where most edges are tried, as each walk
    /// of the long journal costs seconds in a debug build.
    static let shortCount = 2 * Journal.parallelMinimum + 31
    static var shortLines: [[UInt8]] { Array(lines.prefix(shortCount)) }

    /// The first and last line of every part a walk of `count` lines shares out, and their neighbours.
    static func edges(_ count: Int) -> [Int] {
        var edges = Set<Int>()
        for block in Journal.blocks(1...count) {
            for part in Parallel.split(block, minimum: Journal.parallelMinimum) {
                edges.formUnion([part.lowerBound - 1, part.lowerBound, part.upperBound, part.upperBound + 1])
            }
        }
        return edges.filter { (1...count).contains($0) }.sorted()
    }

    /// The line reported as damaged when walking `lines` from the start, or nil.
    static func damagedLine(_ lines: [[UInt8]]) -> (line: Int, reason: String)? {
        let journal = Journal(path: path, bytes: TestJournals.bytes(lines))
        do {
            _ = try journal.walk(from: 1, after: .genesis, planID: id) { _, _, _ in }
            return nil
        } catch let WSoAError.damagedJournal(_, line, reason) {
            return (line, reason)
        } catch {
            return (-1, "\(error)")
        }
    }

    /// How a line is damaged, and where that is reported: at the line itself, or (for a
    /// change that leaves it readable) at the next, whose `prev` no longer matches.
    enum Damage: CaseIterable {
        case seq, json, content

        func apply(_ line: [UInt8], number: Int) -> [UInt8] {
            let text = String(decoding: line, as: UTF8.self)
            switch self {
            case .seq: return Array(text.replacingOccurrences(of: "\"seq\":\(number),", with: "\"seq\":\(number + 1),").utf8)
            case .json: return Array(("[" + text.dropFirst()).utf8)
            case .content: return Array(text.replacingOccurrences(of: "\"on\":\"", with: "\"on\" :\"").utf8)
            }
        }

        func reported(at number: Int) -> Int { self == .content ? number + 1 : number }
    }

    @Test("every line is handed over in order with its own hash, and the walk returns the last line's")
    func cleanWalk() throws {
        let journal = Journal(path: Self.path, bytes: TestJournals.bytes(Self.lines))
        #expect(journal.count == Self.count && journal.tornTail == nil)
        var numbers: [Int] = []
        var hashesMatch = true
        let head = try journal.walk(from: 1, after: .genesis, planID: Self.id, keepText: true) { number, line, digest in
            numbers.append(number)
            if digest != SHA256.Digest(of: Self.lines[number - 1][...]) || line.seq != number || line.by != TestJournals.recorder {
                hashesMatch = false
            }
        }
        #expect(numbers == Array(1...Self.count))
        #expect(hashesMatch)
        #expect(head == SHA256.Digest(of: Self.lines[Self.count - 1][...]))
    }

    @Test("blocks start short, double up to the longest, and cover every line once", arguments: [1, 4_096, 4_097, 100_000, 1_000_000])
    func blocksCoverEveryLine(count: Int) {
        for start in Set([1, min(2, count), count]) {
            let blocks = Journal.blocks(start...count)
            #expect(blocks.first?.lowerBound == start && blocks.last?.upperBound == count)
            #expect(zip(blocks, blocks.dropFirst()).allSatisfy { $0.upperBound + 1 == $1.lowerBound })
            #expect(blocks.first?.count == min(Journal.firstBlockLines, count - start + 1))
            for (block, next) in zip(blocks, blocks.dropFirst().dropLast()) {
                #expect(next.count == min(2 * block.count, Journal.blockLines))
            }
        }
    }

    @Test("a walk from a middle line, reading only the bytes from there, carries on the chain")
    func walkFromAMiddleLine() throws {
        let start = Journal.firstBlockLines - 3
        let offset = Self.lines.prefix(start - 1).reduce(0) { $0 + $1.count + 1 }
        let journal = Journal(path: Self.path, bytes: TestJournals.bytes(Array(Self.lines[(start - 1)...])), firstLine: start, fileOffset: offset)
        #expect(journal.count == Self.count)
        #expect(journal.offset(ofLine: start) == offset)
        var first: Int?
        let head = try journal.walk(from: start, after: SHA256.Digest(of: Self.lines[start - 2][...]), planID: Self.id) { number, _, _ in
            if first == nil { first = number }
        }
        #expect(first == start)
        #expect(head == SHA256.Digest(of: Self.lines[Self.count - 1][...]))
        // Started after the wrong hash, it breaks at once.
        #expect(throws: WSoAError.self) { try journal.walk(from: start, after: .genesis, planID: Self.id) { _, _, _ in } }
    }

    @Test("damage at the edge of any part a walk shares out is reported at its line", arguments: Damage.allCases)
    func damageAtEveryEdge(damage: Damage) {
        let original = Self.shortLines
        for number in Self.edges(Self.shortCount) where damage.reported(at: number) <= Self.shortCount {
            var lines = original
            lines[number - 1] = damage.apply(lines[number - 1], number: number)
            #expect(lines[number - 1] != original[number - 1])
            #expect(Self.damagedLine(lines)?.line == damage.reported(at: number), "\(damage) at line \(number)")
        }
    }

    @Test("of two problems in different parts, the one at the lower line is reported")
    func lowestProblemFirst() {
        let original = Self.shortLines
        let edges = Self.edges(Self.shortCount)
        var random = SeededGenerator(seed: 12)
        var tried = 0
        while tried < 24 {
            let a = random.pick(edges), b = random.pick(edges)
            guard a < b, b < Self.shortCount else { continue }
            let first = random.pick(Damage.allCases), second = random.pick(Damage.allCases)
            var lines = original
            lines[a - 1] = first.apply(lines[a - 1], number: a)
            lines[b - 1] = second.apply(lines[b - 1], number: b)
            let expected = min(first.reported(at: a), second.reported(at: b))
            #expect(Self.damagedLine(lines)?.line == expected, "\(first) at \(a), \(second) at \(b)")
            tried += 1
        }
    }

    @Test("across blocks: damage at a block's edges is reported at its line, and a later block's damage waits its turn")
    func damageAcrossBlocks() {
        let block = Journal.firstBlockLines
        let cases: [[(Int, Damage)]] = [
            [(block, .seq)], [(block + 1, .json)], [(block, .content)],
            [(block - 1, .content), (block + 1, .seq)], [(block + 2, .json), (Self.count, .seq)],
        ]
        for damages in cases {
            var lines = Self.lines
            for (number, damage) in damages { lines[number - 1] = damage.apply(lines[number - 1], number: number) }
            let expected = damages.map { $0.1.reported(at: $0.0) }.min()
            #expect(Self.damagedLine(lines)?.line == expected, "\(damages)")
        }
    }

    @Test("the first line must create this plan, and only the first")
    func planCreatedChecks() {
        let other = TestJournals.entries(TestJournals.longEvents(5, id: "middlesbrough-2017")).map(\.lineBytes)
        #expect(Self.damagedLine(other)?.reason == "it creates plan 'middlesbrough-2017' but the folder is 'stockton-on-tees-2019'")
        let headless = TestJournals.entries(Array(TestJournals.longEvents(6).dropFirst())).map(\.lineBytes)
        #expect(Self.damagedLine(headless)?.reason == "the first line must be planCreated, not letterPublished")
        let twice = TestJournals.entries(TestJournals.longEvents(4) + [.planCreated(TestJournals.stockton())]).map(\.lineBytes)
        #expect(Self.damagedLine(twice).map { "\($0.line): \($0.reason)" } == "5: planCreated may only be the first line")
    }

    @Test("a walk asked to check text gives each line's text verdict")
    func textChecks() throws {
        let events = TestJournals.longEvents(4) + [.statementSubmitted(.init(on: try Day(parsing: "2019-12-01"), note: "  "))]
        let journal = Journal(path: Self.path, bytes: TestJournals.bytes(events))
        var verdicts: [Rule?] = []
        _ = try journal.walk(from: 1, after: .genesis, planID: Self.id, checkingText: true) { _, line, _ in
            verdicts.append(line.textCheck?.rule)
        }
        #expect(verdicts == [nil, nil, nil, nil, .requiredText])
    }

    @Test("a torn last line is found apart from the complete lines before it")
    func tornTail() throws {
        let bytes = TestJournals.bytes(Array(Self.lines.prefix(5))) + Array(Self.lines[5].prefix(20))
        let journal = Journal(path: Self.path, bytes: bytes)
        #expect(journal.count == 5 && journal.tornTail?.count == 20)
        _ = try journal.walk(from: 1, after: .genesis, planID: Self.id) { _, _, _ in }
        #expect(throws: WSoAError.damagedJournal(path: Self.path, line: 6, reason: "the last line is incomplete (no newline at its end), as an interrupted write leaves it; 'wsoa repair \(Self.id)' can set it aside")) {
            try journal.checkNotTorn(plan: Self.id)
        }
    }

    @Test("git's conflict markers are named as such, with how to merge the journal again, and nothing else is taken for one")
    func conflictMarkers() throws {
        let markers = ["<<<<<<< HEAD", "=======", ">>>>>>> 3f2a9c1 (Sam's records)", "||||||| merged common ancestors", "<<<<<<<",
                       "=======\r"]
        for marker in markers {
            #expect(Journal.isConflictMarker(Array(marker.utf8)), "\(marker)")
            let lines = Array(Self.lines.prefix(4)) + [Array(marker.utf8)] + Array(Self.lines[4...5])
            let damage = try #require(Self.damagedLine(lines), "\(marker)")
            #expect(damage.line == 5, "\(marker)")
            #expect(damage.reason == "the line is a conflict marker (\(marker.prefix(7))) that git left in a merge made without wsoa's merge driver (in a clone where 'wsoa git setup' was not run); to merge the two copies between the markers as the driver would, whether or not they were committed since, run: wsoa git setup && wsoa repair \(Self.id)")
        }
        for text in ["<<<<<<", "<<<<<<<<", "<<<<<<<x", "=======>", "<<<=<<<", "{\"<<<<<<< \":1}", " <<<<<<< HEAD", ""] {
            #expect(!Journal.isConflictMarker(Array(text.utf8)), "\(text)")
        }
        // The command names the plan, not the file, so it copies as it stands whatever the path.
        let odd = Journal(path: "plans/x/Jo's events.jsonl", bytes: Array("<<<<<<< HEAD\n".utf8))
        #expect(odd.conflictMarkerReason(1, plan: "x").hasSuffix("run: wsoa git setup && wsoa repair x"))
        #expect(odd.conflictMarkerLine == 1)
        #expect(Journal(path: Self.path, bytes: TestJournals.bytes(Self.shortLines)).conflictMarkerLine == nil)
    }
}
