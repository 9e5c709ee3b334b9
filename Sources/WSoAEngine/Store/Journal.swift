#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A journal file's bytes cut into lines, with the checks every reader makes.
///
/// Reading never changes the file: a damaged journal is reported with its path and line and
/// left exactly as it is, for a person (or `wsoa repair`) to deal with.
struct Journal {
    /// The file's path, for messages.
    let path: String
    /// The file's bytes.
    let bytes: [UInt8]
    /// Each complete line's byte range, without its newline.
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
        self.tornTail = start < bytes.count ? start..<bytes.count : nil
    }

    /// The longest line a reader will parse. Real events are under a few KB even with long
    /// notes; the cap keeps a hostile file from costing seconds and gigabytes per line.
    static let maximumLineBytes = 1_048_576

    /// The number of complete lines (in the whole file, those before `firstLine` included).
    var count: Int { firstLine - 1 + lines.count }

    /// SHA-256 of line `number` (1-based, from `firstLine` on), lower-case hex; the genesis hash for line 0.
    func hash(ofLine number: Int) -> String {
        number == 0 ? JournalEntry.genesisHash : SHA256.hexDigest(bytes[lines[number - firstLine]])
    }

    /// Where line `number` (from `firstLine` on) starts in the file.
    func offset(ofLine number: Int) -> Int {
        fileOffset + lines[number - firstLine].lowerBound
    }

    /// Fails if the last line is torn: readers and writers must not go past it silently.
    func checkNotTorn() throws {
        if tornTail != nil {
            let plan = path.split(separator: "/").dropLast().last.map(String.init) ?? "PLAN"
            throw damage(count + 1, "the last line is incomplete (no newline at its end), as an interrupted write leaves it; 'wsoa repair \(plan)' can set it aside")
        }
    }

    /// SHA-256 of line `number` (1-based, from `firstLine` on) as a digest; zeros for line 0.
    func digest(ofLine number: Int) -> SHA256.Digest {
        number == 0 ? .genesis : SHA256.Digest(of: bytes[lines[number - firstLine]])
    }

    /// Reads and checks line `number` (1-based) against the line before it.
    ///
    /// `previousHash` is the SHA-256 of the line before; the check that `prev` matches it is
    /// what makes any edit of an earlier line show up at the next one.
    func entry(line number: Int, previousHash: String, planID: String) throws -> JournalEntry {
        let entry = try read(line: number) { try JournalLineReader.read($0) }
        try check(line: number, seq: entry.seq, chained: entry.prev == previousHash, event: entry.event, planID: planID)
        return entry
    }

    /// Reads and checks line `number` (1-based) against the line before it, `previous` being
    /// the line before's SHA-256 as a digest: the same checks and messages as with its hex.
    func entry(line number: Int, previous: SHA256.Digest, planID: String) throws -> JournalEntry {
        let entry = try read(line: number) { try JournalLineReader.read($0) }
        // `prev` was checked to be 64 lower-case hex digits, so it always reads as a digest.
        try check(line: number, seq: entry.seq, chained: SHA256.Digest(hex: entry.prev) == previous, event: entry.event,
                  planID: planID)
        return entry
    }

    /// Reads and checks line `number` (1-based) against the line before it, as `entry` does,
    /// with the same checks and messages, but keeps only the event: what replay folds.
    ///
    /// `previous` is the SHA-256 of the line before; comparing it with `prev` as digests, not
    /// hex strings, is the same test (`SHA256.Digest`) without two strings a line.
    func event(line number: Int, previous: SHA256.Digest, planID: String) throws -> PlanEvent {
        let line = try read(line: number) { try JournalLineReader.replayed($0) }
        try check(line: number, seq: line.seq, chained: line.prev == previous, event: line.event, planID: planID)
        return line.event
    }

    /// Line `number` read by `reader`, or the damage it shows: too long, not JSON, not an event.
    private func read<Line>(line number: Int, _ reader: (ArraySlice<UInt8>) throws -> Line) throws -> Line {
        let line = bytes[lines[number - firstLine]]
        guard line.count <= Journal.maximumLineBytes else {
            throw damage(number, "it is longer than \(Journal.maximumLineBytes / 1_048_576) MiB, far beyond any event wsoa writes")
        }
        do {
            return try reader(line)
        } catch let WSoAError.malformedJSON(reason, _) {
            throw damage(number, "it is not valid JSON (\(reason))")
        } catch let WSoAError.invalidEvent(reason) {
            throw damage(number, reason)
        }
    }

    /// The checks of a line's place: its `seq`, its `prev` (`chained`: whether it matches the
    /// line before) and the `planCreated` rules.
    private func check(line number: Int, seq: Int, chained: Bool, event: PlanEvent, planID: String) throws {
        guard seq == number else {
            throw damage(number, "its seq is \(seq) where \(number) was expected (a gap, a repeat or reordered lines)")
        }
        guard chained else {
            throw damage(number, number == 1
                ? "its prev is not 64 zeros, as the first line's must be"
                : "the hash chain breaks: its prev does not match line \(number - 1), so line \(number - 1) was changed or lines were reordered")
        }
        let creates = event.type == .planCreated
        if number == 1, case let .planCreated(created) = event, created.id != planID {
            throw damage(number, "it creates plan '\(created.id)' but the folder is '\(planID)'")
        }
        if number == 1 && !creates {
            throw damage(number, "the first line must be planCreated, not \(event.type.rawValue)")
        }
        if number > 1 && creates {
            throw damage(number, "planCreated may only be the first line")
        }
    }

    /// A `damagedJournal` error at `line`.
    func damage(_ line: Int, _ reason: String) -> WSoAError {
        .damagedJournal(path: path, line: line, reason: reason)
    }
}
