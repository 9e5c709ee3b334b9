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
    /// (shape, `seq`, hash chain); any damage there is refused with `WSoAError.repairRefused`
    /// (`WSoAError.unmergedJournal` when it is git's conflict markers, which
    /// `repairConflictMarkers` merges again),
    /// and a journal with no torn line with `WSoAError.nothingToRepair`, both changing nothing.
    /// The torn bytes are kept, fsynced, in `events.jsonl.torn-<recorded>` beside the journal
    /// before the journal is cut back to its last newline. When the torn line was the first,
    /// the whole plan folder is set aside under a hidden name, so the plan can be created again.
    ///
    /// `recorded` is the caller's UTC instant (e.g. `2026-11-23T10:15:00Z`); the store never
    /// reads the clock.
    public func repair(_ id: String, by: String, recorded: String) throws -> JournalRepair {
        let plans = try plans()
        let folder = try plans.folder(id)
        let lock = try PlanLock(in: folder, plan: id, holder: "\(by), repairing, recorded \(recorded)", timeout: lockTimeout)
        return try withExtendedLifetime(lock) {
            let file = try FileSystem.open(Journal.fileName, in: folder, flags: O_RDWR)
            // The whole file, from its first byte: repair must see every line.
            let journal = Journal(path: file.path, bytes: try FileSystem.read(file))
            let head: SHA256.Digest
            do {
                head = try journal.walk(from: 1, after: .genesis, planID: id) { _, _, _ in }
            } catch let WSoAError.damagedJournal(path, line, reason) {
                // Conflict markers are a merge to make again (repairConflictMarkers), not a backup to restore.
                if line <= journal.count, Journal.isConflictMarker(journal.line(line)) {
                    throw WSoAError.unmergedJournal(path: path, line: line, reason: reason)
                }
                throw WSoAError.repairRefused(path: path, line: line, reason: reason)
            }
            guard let tail = journal.tornTail else {
                if journal.count == 0 { throw WSoAError.repairRefused(path: journal.path, line: 1, reason: "the journal is empty") }
                throw WSoAError.nothingToRepair(path: journal.path, lines: journal.count)
            }
            let torn = Array(journal.bytes[tail])
            let stamp = PlanStore.fileStamp(recorded)
            let tornName = try PlanStore.keepAside(torn, in: folder, named: "\(Journal.fileName).torn-\(stamp)")
            var tornPath = "\(folder.path)/\(tornName)"
            if journal.count == 0 {
                let aside = ".\(id).torn-\(stamp)-\(getpid())"
                guard renameat(plans.handle.fd, id, plans.handle.fd, aside) == 0 else { throw FileSystem.error(folder.path) }
                _ = fsync(plans.handle.fd)
                tornPath = "\(plans.path)/\(aside)/\(tornName)"
            } else {
                guard ftruncate(file.fd, off_t(tail.lowerBound)) == 0, fsync(file.fd) == 0 else { throw FileSystem.error(file.path) }
                _ = fsync(folder.fd)
            }
            let line = journal.count + 1
            let whole = torn.withUnsafeBytes { bytes -> EventType? in
                guard let read = try? JournalLine.decode(bytes, keepText: false), read.seq == line, read.prev == head,
                      read.event.type != .planCreated || line == 1 else { return nil }
                return read.event.type
            }
            return JournalRepair(path: journal.path, line: line, bytes: torn.count, tornPath: tornPath, events: journal.count,
                                 head: head.hex, wholeEvent: whole)
        }
    }

    /// `recorded` made fit for a file name: `2026-11-23T10-15-00Z`.
    static func fileStamp(_ recorded: String) -> String {
        let stamp = String(recorded.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "-" })
        return stamp.isEmpty ? "unknown" : stamp
    }

    /// Writes `bytes` to a new file `name` in `folder` (with `-2`, `-3`… if that name is taken),
    /// fsynced, and returns the name used.
    static func keepAside(_ bytes: [UInt8], in folder: OpenFile, named base: String) throws -> String {
        for attempt in 1...1_000 {
            let name = attempt == 1 ? base : "\(base)-\(attempt)"
            // Under the plan's lock, so nothing else makes the name meanwhile.
            guard FileSystem.kind(name, in: folder) == .missing else { continue }
            let file = try FileSystem.open(name, in: folder, flags: O_WRONLY | O_CREAT | O_EXCL)
            do {
                try FileSystem.writeAll(file, bytes)
                guard fsync(file.fd) == 0 else { throw FileSystem.error(file.path) }
            } catch {
                unlinkat(folder.fd, name, 0)
                throw error
            }
            return name
        }
        throw WSoAError.fileSystem(path: "\(folder.path)/\(base)", reason: "a thousand files of that name already exist")
    }
}
