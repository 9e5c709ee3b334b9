#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A journal file's bytes cut into lines, and the one walk through them that every reader
/// makes: each line read, hashed and checked in order.
///
/// Reading never changes the file: a damaged journal is reported with its path and line and
/// left exactly as it is, for a person (or `wsoa repair`) to deal with.
struct Journal {
    /// The journal's file name in its plan's folder.
    static let fileName = "events.jsonl"

    /// The file's path, for messages.
    let path: String
    /// The bytes read.
    let bytes: [UInt8]
    /// Each complete line's byte range in `bytes`, without its newline.
    let lines: [Range<Int>]
    /// Bytes after the last newline: a torn line left by an interrupted write.
    let tornTail: Range<Int>?
    /// The number of the first line in `bytes`: 1, unless only the part of the file from a
    /// snapshot's line on was read.
    let firstLine: Int
    /// Where `bytes` starts in the file.
    let fileOffset: Int

    /// Cuts `bytes` into lines; `bytes` start at line `firstLine`, `fileOffset` bytes into the file.
    init(path: String, bytes: [UInt8], firstLine: Int = 1, fileOffset: Int = 0) {
        self.path = path
        self.bytes = bytes
        self.firstLine = firstLine
        self.fileOffset = fileOffset
        var lines: [Range<Int>] = []
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            lines.reserveCapacity(buffer.count / 256)
            while start < buffer.count, let found = memchr(base + start, 0x0A, buffer.count - start) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                lines.append(start..<index)
                start = index + 1
            }
        }
        self.lines = lines
        tornTail = start < bytes.count ? start..<bytes.count : nil
    }

    /// The number of complete lines in the whole file (those before `firstLine` included).
    var count: Int { firstLine - 1 + lines.count }

    /// The bytes of line `number` (from `firstLine` on).
    func line(_ number: Int) -> ArraySlice<UInt8> { bytes[lines[number - firstLine]] }

    /// Where line `number` (from `firstLine` on) starts in the file.
    func offset(ofLine number: Int) -> Int { fileOffset + lines[number - firstLine].lowerBound }

    /// SHA-256 of line `number` (from `firstLine` on).
    func digest(ofLine number: Int) -> SHA256.Digest { SHA256.Digest(of: line(number)) }

    /// Fails if the last line is torn: readers and writers must not go past it silently.
    func checkNotTorn(plan: String) throws {
        guard tornTail != nil else { return }
        throw damage(count + 1, "the last line is incomplete (no newline at its end), as an interrupted write leaves it; 'wsoa repair \(plan)' can set it aside")
    }

    /// Whether any line from line `number` on (or the last line, if there are fewer) carries a
    /// merge's note (`MergeNote`), found by its key: inside a JSON string its quotes would be
    /// escaped, so the bytes `"merged":{` can only be the line's own key.
    func hasMergeNote(from number: Int) -> Bool {
        guard count >= firstLine else { return false }
        let start = lines[max(0, min(number, count) - firstLine)].lowerBound
        let key = Array(#""merged":{"#.utf8)
        var at = start
        while at + key.count <= bytes.count {
            guard let quote = bytes[at...].firstIndex(of: key[0]), quote + key.count <= bytes.count else { return false }
            if bytes[quote..<(quote + key.count)].elementsEqual(key) { return true }
            at = quote + 1
        }
        return false
    }

    /// A `damagedJournal` error at `line`.
    func damage(_ line: Int, _ reason: String) -> WSoAError {
        .damagedJournal(path: path, line: line, reason: reason)
    }

    // MARK: The walk

    /// How many lines a walk reads and checks at once, spread over the cores, before handing
    /// them to its caller in order: the first block is short, so that the caller starts
    /// folding soon, and each next one twice as long up to `blockLines`, so that the cores
    /// meet to hand over a block rarely (on a 100,000-line journal, blocks of 32,768 lines
    /// took a sixth off a replay against blocks of 8,192).
    static let firstBlockLines = 4_096
    static let blockLines = 32_768

    /// Lines `lines` cut into the blocks a walk reads one after the other.
    static func blocks(_ lines: ClosedRange<Int>) -> [ClosedRange<Int>] {
        var blocks: [ClosedRange<Int>] = []
        var start = lines.lowerBound, size = firstBlockLines
        while start <= lines.upperBound {
            blocks.append(start...min(start + size - 1, lines.upperBound))
            start += size
            size = min(size * 2, blockLines)
        }
        return blocks
    }

    /// Fewer lines than this are read on the caller's thread alone: starting threads would
    /// cost more than it saves.
    static let parallelMinimum = 1_024

    /// Reads lines `start…` to the last, checks each — its shape and fields, its `seq`, its
    /// `prev` against the hash of the line before, and that only line 1 (of plan `planID`)
    /// creates the plan — and hands each to `body` in order with its number; returns the hash
    /// of the last line. `previous` is the hash of line `start - 1`.
    ///
    /// Lines are hashed and read in blocks, the block's lines shared among the cores
    /// (`Parallel`), then checked and handed over one by one on this thread — while the next
    /// block is being read — so the first problem is always the one at the lowest line,
    /// exactly as reading from the start would find it. `body` is given each line's number,
    /// what it holds and its own hash. `keepText` keeps each line's `recorded` and `by`, which a
    /// fold does not need.
    func walk(from start: Int, after previous: SHA256.Digest, planID: String, keepText: Bool = false, checkingText: Bool = false,
              _ body: (Int, JournalLine.Decoded, SHA256.Digest) throws -> Void) throws -> SHA256.Digest {
        let blocks = start <= count ? Journal.blocks(start...count) : []
        let journal = self
        @Sendable func read(_ block: ClosedRange<Int>) -> [(lines: ClosedRange<Int>, read: ReadLines)] {
            let parts = Parallel.split(block, minimum: Journal.parallelMinimum)
            return Array(zip(parts, Parallel.map(parts) { journal.readLines($0, planID: planID, keepText: keepText, checkingText: checkingText) }))
        }
        var previous = previous
        // A pipeline: while this thread checks and folds one block, the next is already being read.
        var next = blocks.count > 1 ? Parallel.start { read(blocks[0]) } : nil
        for (number, block) in blocks.enumerated() {
            let current = next?.wait() ?? read(block)
            next = number + 1 < blocks.count ? Parallel.start { read(blocks[number + 1]) } : nil
            for (lines, part) in current {
                for line in lines {
                    let index = line - lines.lowerBound
                    guard index < part.decoded.count else { throw part.failure ?? damage(line, "it could not be read") }
                    let decoded = part.decoded[index]
                    try check(decoded, number: line, previous: previous, planID: planID)
                    previous = part.digests[index]
                    try body(line, decoded, previous)
                }
            }
        }
        return previous
    }

    /// What one thread makes of a run of lines: each line's hash, and the lines read up to
    /// the first that could not be (whose problem is `failure`).
    private struct ReadLines: Sendable {
        var digests: [SHA256.Digest] = []
        var decoded: [JournalLine.Decoded] = []
        var failure: WSoAError?
    }

    /// Hashes and reads `numbers` of plan `planID`'s journal, stopping at the first line that cannot be read.
    private func readLines(_ numbers: ClosedRange<Int>, planID: String, keepText: Bool, checkingText: Bool) -> ReadLines {
        var result = ReadLines()
        let ranges = Array(lines[(numbers.lowerBound - firstLine)...(numbers.upperBound - firstLine)])
        bytes.withUnsafeBytes { raw in
            result.digests = ranges.withUnsafeBufferPointer { SHA256.digests(of: $0, in: raw) }
            result.decoded.reserveCapacity(ranges.count)
            for (offset, range) in ranges.enumerated() {
                // git's conflict markers are not JSON, but saying so would hide what to do.
                guard !Journal.isConflictMarker(raw[range]) else {
                    result.failure = damage(numbers.lowerBound + offset, conflictMarkerReason(numbers.lowerBound + offset, plan: planID))
                    return
                }
                do {
                    var line = try JournalLine.decode(UnsafeRawBufferPointer(rebasing: raw[range]), keepText: keepText)
                    if checkingText { line.textCheck = line.event.textCheck(personalDataAllowed: line.personalDataAllowed) }
                    result.decoded.append(line)
                } catch let WSoAError.malformedJSON(reason, _) {
                    result.failure = damage(numbers.lowerBound + offset, "it is not valid JSON (\(reason))")
                    return
                } catch let WSoAError.invalidEvent(reason) {
                    result.failure = damage(numbers.lowerBound + offset, reason)
                    return
                } catch {
                    result.failure = damage(numbers.lowerBound + offset, "it could not be read (\(error))")
                    return
                }
            }
        }
        return result
    }

    /// The checks of a line's place: its `seq`, its `prev` and the `planCreated` rules.
    private func check(_ line: JournalLine.Decoded, number: Int, previous: SHA256.Digest, planID: String) throws {
        guard line.seq == number else {
            throw damage(number, "its seq is \(line.seq) where \(number) was expected (a gap, a repeat or reordered lines)")
        }
        guard line.prev == previous else {
            throw damage(number, number == 1
                ? "its prev is not 64 zeros, as the first line's must be"
                : "the hash chain breaks: its prev does not match line \(number - 1), so line \(number - 1) was changed or lines were reordered")
        }
        if number == 1 {
            guard case let .planCreated(created) = line.event else {
                throw damage(number, "the first line must be planCreated, not \(line.event.type.rawValue)")
            }
            guard created.id == planID else { throw damage(number, "it creates plan '\(created.id)' but the folder is '\(planID)'") }
        } else if line.event.type == .planCreated {
            throw damage(number, "planCreated may only be the first line")
        }
    }
}
