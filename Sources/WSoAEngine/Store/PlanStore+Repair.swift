#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PlanStore {
    /// Sets aside a torn last line of plan `id`'s journal — the bytes after its last newline, as
    /// a crash or a full disk leaves them mid-write — and returns what was done.
    ///
    /// Only that is ever removed. Under the plan's lock, every complete line is checked first
    /// (JSON, `seq`, hash chain); any damage there is refused with `WSoAError.repairRefused`, and
    /// a journal with no torn line with `WSoAError.nothingToRepair`, both changing nothing. The
    /// torn bytes are kept, fsynced, in `events.jsonl.torn-<recorded>` beside the journal before
    /// the journal is cut back to its last newline. When the torn line was the first, the journal
    /// is set aside whole, so the plan can be created again.
    ///
    /// `recorded` is the caller's UTC instant (e.g. `2026-11-23T10:15:00Z`); the store never
    /// reads the clock.
    public func repair(_ id: String, by: String, recorded: String) throws -> JournalRepair {
        try requirePlan(id)
        let lock = try PlanLock(path: lockPath(id), plan: id, holder: "\(by), repairing, recorded \(recorded)",
                                timeout: lockTimeout)
        defer { withExtendedLifetime(lock) {} }
        // The whole file, from its first byte: repair must see every line, whatever a reader may skip.
        let journal = Journal(path: journalPath(id), bytes: try FileSystem.read(journalPath(id)))
        var previous = JournalEntry.genesisHash
        for number in stride(from: 1, through: journal.count, by: 1) {
            do {
                _ = try journal.entry(line: number, previousHash: previous, planID: id)
            } catch let WSoAError.damagedJournal(path, line, reason) {
                throw WSoAError.repairRefused(path: path, line: line, reason: reason)
            }
            previous = journal.hash(ofLine: number)
        }
        guard let tail = journal.tornTail else {
            if journal.count == 0 {
                throw WSoAError.repairRefused(path: journal.path, line: 1, reason: "the journal is empty")
            }
            throw WSoAError.nothingToRepair(path: journal.path, lines: journal.count)
        }
        let torn = Array(journal.bytes[tail])
        let tornPath = try PlanStore.keepTorn(torn, beside: journal.path, recorded: recorded)
        if journal.count == 0 {
            guard unlink(journal.path) == 0 else { throw FileSystem.error(journal.path) }
        } else {
            try PlanStore.truncate(journal.path, to: tail.lowerBound)
        }
        PlanStore.syncDirectory(folder(id))
        return JournalRepair(path: journal.path, line: journal.count + 1, bytes: torn.count, tornPath: tornPath,
                             events: journal.count, head: previous,
                             wholeEvent: PlanStore.wholeEvent(torn, line: journal.count + 1, previous: previous))
    }

    /// Writes `bytes` to a new file `<journal>.torn-<recorded>` (with `-2`, `-3`… if that name is
    /// taken), fsynced, and returns its path.
    private static func keepTorn(_ bytes: [UInt8], beside journal: String, recorded: String) throws -> String {
        let stamp = String(recorded.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "-" })
        let base = "\(journal).torn-\(stamp.isEmpty ? "unknown" : stamp)"
        for attempt in 1...1_000 {
            let path = attempt == 1 ? base : "\(base)-\(attempt)"
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw FileSystem.error(path)
            }
            do {
                try FileSystem.writeAll(fd, bytes, path: path)
                guard fsync(fd) == 0 else { throw FileSystem.error(path) }
                close(fd)
            } catch {
                close(fd)
                unlink(path)
                throw error
            }
            return path
        }
        throw WSoAError.fileSystem(path: base, reason: "a thousand files of that name already exist")
    }

    /// Cuts the file at `path` back to `length` bytes and fsyncs it.
    private static func truncate(_ path: String, to length: Int) throws {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystem.error(path) }
        defer { close(fd) }
        guard ftruncate(fd, off_t(length)) == 0, fsync(fd) == 0 else { throw FileSystem.error(path) }
    }

    /// Fsyncs a directory so a new or removed name in it survives a crash; best effort.
    private static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// The type of the event `bytes` hold when they are a whole, valid line `line` that follows
    /// a line hashing to `previous`, missing only its newline; nil otherwise.
    private static func wholeEvent(_ bytes: [UInt8], line: Int, previous: String) -> EventType? {
        guard bytes.count <= Journal.maximumLineBytes,
              let entry = try? JournalEntry(json: JSONReader.parse(bytes)),
              entry.seq == line, entry.prev == previous, entry.event.type != .planCreated || line == 1
        else { return nil }
        return entry.event.type
    }
}
