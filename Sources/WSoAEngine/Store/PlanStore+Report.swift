#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PlanStore {
    /// The lines of plan `id`'s journal after a marker line, through line `through`: the
    /// journal since the last monitoring visit, which is all a report needs besides the plan.
    ///
    /// The marker is the `occurrence`-th line counting back from line `through` whose event is
    /// of `type` and satisfies `matches` (``SinceLastVisit/baselineLine(of:)`` describes it).
    /// The file is read backwards in growing windows from its end, so the cost follows the
    /// journal since the marker, not its length. The lines from the marker's through
    /// `through` are checked as a load checks them (shape, `seq`, the hash chain from the
    /// marker's own `prev`), and line `through` must hash to `head`: so they are exactly the
    /// lines a `LoadedPlan` with that head and line count was folded from, whatever another
    /// writer appended since.
    ///
    /// Returns nil when the marker is not found or the file no longer holds line `through`
    /// with hash `head` (another writer rewrote it meanwhile): the caller loads again or reads
    /// the whole journal. Throws a damaged line's error, with its file and line.
    public func journalTail(_ id: String, after type: EventType, occurrence: Int, matching matches: (PlanEvent) -> Bool,
                            through: Int, head: String) throws -> (seq: Int, entries: [JournalEntry])? {
        try journalTail(id, after: type, occurrence: occurrence, matching: matches, through: through, head: head,
                        window: PlanStore.tailWindow)
    }

    /// ``journalTail(_:after:occurrence:matching:through:head:)`` starting with a window of
    /// `window` bytes (tests use small ones to exercise the growing).
    func journalTail(_ id: String, after type: EventType, occurrence: Int, matching matches: (PlanEvent) -> Bool,
                     through: Int, head: String, window first: Int) throws -> (seq: Int, entries: [JournalEntry])? {
        try requirePlan(id)
        guard occurrence >= 1, through >= 1 else { return nil }
        let path = journalPath(id)
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var window = max(first, 1)
        while true {
            let start = max(0, size - window)
            guard let (read, before) = FileSystem.read(path, from: start) else { return nil }
            // Start at the first whole line of the window.
            var first = 0
            if start > 0 && before != 0x0A {
                guard let newline = read.firstIndex(of: 0x0A) else { window *= 4; continue }
                first = newline + 1
            }
            let bytes = first == 0 ? read : Array(read[first...])
            let lines = Journal(path: path, bytes: bytes).lines
            guard let last = lines.last else {
                guard start > 0 else { return nil }
                window *= 4
                continue
            }
            // Number the window's lines from the last one's own seq (the chain check below
            // confirms every number it relies on).
            guard let lastSeq = try? JournalLineReader.read(bytes[last]).seq,
                  lastSeq >= through, lastSeq - lines.count + 1 >= 1 else { return nil }
            let journal = Journal(path: path, bytes: bytes, firstLine: lastSeq - lines.count + 1, fileOffset: start + first)
            if let marker = PlanStore.marker(in: journal, through: through, type: type, occurrence: occurrence, matches: matches) {
                return try PlanStore.checkedLines(journal, after: marker, through: through, head: head, planID: id)
            }
            guard start > 0 else { return nil }
            window *= 4
        }
    }

    /// The changes since the last visit of `plan` (folded at `asOf` from this journal), worked
    /// out from plan `id`'s whole journal streamed line by line, with the journal's line count.
    ///
    /// For a view that hides lines (an as-of day before the last line's), where
    /// ``journalTail(_:after:occurrence:matching:through:head:)`` does not apply. Every line is
    /// checked exactly as ``entries(_:)`` checks it, in the same order, so a damaged journal
    /// fails with the same error; but the entries are not kept, so a long journal costs its
    /// bytes, not a hundred thousand entries as well.
    public func sinceLastVisit(_ id: String, plan: Plan, asOf: Day) throws -> (events: Int, since: SinceLastVisit) {
        var builder = SinceLastVisitBuilder(streaming: plan, asOf: asOf)
        let (events, _) = try walk(id) { entry in
            if entry.event.on <= asOf { builder?.add(entry) }
        }
        let none = SinceLastVisit(baseline: nil, completed: [], slipped: [], evidence: [], readings: [])
        return (events, builder?.result() ?? none)
    }

    /// The first window read from a journal's end; each next one is four times as long.
    static let tailWindow = 1 << 20

    /// The number of the marker line in `journal` (searching back from line `through`), or nil.
    ///
    /// Only lines that could be of `type` are read: its name must appear in the line's bytes
    /// as written, unless the line escapes characters with `\u`.
    private static func marker(in journal: Journal, through: Int, type: EventType, occurrence: Int,
                               matches: (PlanEvent) -> Bool) -> Int? {
        let name = Array(type.rawValue.utf8)
        var found = 0
        var number = through
        while number >= journal.firstLine {
            let line = journal.bytes[journal.lines[number - journal.firstLine]]
            if contains(line, name) || contains(line, [0x5C, 0x75]),
               let entry = try? JournalLineReader.read(line), entry.event.type == type, matches(entry.event) {
                found += 1
                if found == occurrence { return number }
            }
            number -= 1
        }
        return nil
    }

    /// Checks lines `marker` through `through` of `journal` and returns those after the marker.
    private static func checkedLines(_ journal: Journal, after marker: Int, through: Int, head: String,
                                     planID: String) throws -> (seq: Int, entries: [JournalEntry])? {
        guard let first = try? JournalLineReader.read(journal.bytes[journal.lines[marker - journal.firstLine]]) else { return nil }
        var previous = first.prev
        var entries: [JournalEntry] = []
        entries.reserveCapacity(through - marker)
        for number in marker...through {
            let entry = try journal.entry(line: number, previousHash: previous, planID: planID)
            previous = journal.hash(ofLine: number)
            if number > marker { entries.append(entry) }
        }
        guard previous == head else { return nil }
        return (marker, entries)
    }

    /// Whether `bytes` contains `needle` (not empty): `memchr` to each candidate first byte.
    private static func contains(_ bytes: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { haystack in
            guard let base = haystack.baseAddress, let head = needle.first else { return false }
            var start = 0
            while start + needle.count <= haystack.count,
                  let found = memchr(base + start, Int32(head), haystack.count - needle.count + 1 - start) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if needle.indices.allSatisfy({ haystack[index + $0] == needle[$0] }) { return true }
                start = index + 1
            }
            return false
        }
    }
}
