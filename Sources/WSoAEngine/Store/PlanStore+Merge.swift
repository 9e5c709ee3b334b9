#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PlanStore {
    /// The longest copy of a journal a merge reads: far beyond any plan's (100,000 events take
    /// about 32 MB), short of what would exhaust a laptop's memory.
    static let longestCopy = 512 << 20

    /// Merges the journal at `otherPath`, another copy of plan `id` (a colleague's, or one a
    /// sync tool left beside the journal), into the plan's journal under its lock, and returns
    /// what was done (`JournalMerge`). A copy holding git's conflict markers is the two copies
    /// between them, merged first as git's merge driver would have (a notice says so).
    ///
    /// A refused line throws `WSoAError.mergeRefused` and nothing is written. `setAside` names
    /// lines the officers decided should not stand: they are left out, a line recorded `on` by
    /// `by` (with `reason`, if given) names each after the lines merged, and they are kept byte
    /// for byte in `events.jsonl.set-aside-<recorded>` beside the journal. The merged journal is written
    /// whole and renamed over the old one at once, and a copy merged from the plan's own folder
    /// is renamed `<name>.merged`, so `list` and `verify` stop pointing to it. `dryRun` writes
    /// nothing.
    public func merge(_ id: String, with otherPath: String, setAside: Set<SetAsideLine> = [], reason: String? = nil, on day: Day,
                      recorded: String, by: String, dryRun: Bool = false) throws -> MergeSummary {
        let folder = try folder(id)
        // A copy git left conflict markers in is two copies: merged first, as the driver would have.
        let other = try PlanStore.mended(PlanStore.readCopy(otherPath), named: otherPath, planID: id, noticed: notice)
        let lock = try PlanLock(in: folder, plan: id, holder: "\(by), merging, recorded \(recorded)", timeout: lockTimeout)
        return try withExtendedLifetime(lock) {
            let journal = try FileSystem.open(Journal.fileName, in: folder, flags: O_RDONLY)
            let outcome = try JournalMerge.merge(this: journal.path, FileSystem.read(journal), other: otherPath, other, planID: id,
                                                 setAside: setAside,
                                                 recording: JournalMerge.Recording(on: day, by: by, recorded: recorded, reason: reason))
            var summary = outcome.summary
            guard !dryRun else { return summary }
            if !summary.setAside.isEmpty {
                let lines: [UInt8] = summary.setAside.flatMap { $0.bytes + [UInt8(0x0A)] }
                let name = try PlanStore.keepAside(lines, in: folder, named: "\(Journal.fileName).set-aside-\(PlanStore.fileStamp(recorded))")
                summary.setAsidePath = "\(folder.path)/\(name)"
            }
            if summary.changes {
                try writeMerged(outcome, over: journal.path, in: folder, mode: try journal.status().st_mode & 0o7777)
            }
            if let name = PlanStore.syncCopyName(otherPath, in: folder) {
                if renameat(folder.fd, name, folder.fd, "\(name).merged") == 0 { summary.mergedCopyPath = "\(folder.path)/\(name).merged" }
            }
            return summary
        }
    }

    /// Writes `outcome`'s journal over the plan's journal at `path` in `folder`, keeping its
    /// `mode`, and a snapshot of the merged plan: the old one folded lines the merge may have moved.
    func writeMerged(_ outcome: JournalMerge.Outcome, over path: String, in folder: OpenFile, mode: mode_t) throws {
        try FileSystem.replace(Journal.fileName, in: folder, mode: mode) { try FileSystem.writeAll($0, outcome.bytes) }
        let merged = Journal(path: path, bytes: outcome.bytes)
        writeSnapshot(Snapshot(plan: outcome.plan, seq: merged.count, lineHash: merged.digest(ofLine: merged.count),
                               lineStart: merged.offset(ofLine: merged.count), lastOn: outcome.lastOn), in: folder)
    }

    /// What git's merge driver does (`wsoa git merge-driver %O %A %B %P`): merges the copies at
    /// `current` and `other` of one plan's journal, whose last common state is `ancestor`, and
    /// writes the result over `current`; nothing is written when the merge is refused.
    ///
    /// Each copy must hold every line of the ancestor (a journal is only ever added to): it
    /// starts with them, or, having merged since (a rebase replaying a second commit), holds
    /// them moved (`holds`). A copy that lacks one — a `git revert` of the commit that recorded
    /// it asks for that — is refused with `WSoAError.linesRemoved`, naming the lines. An empty
    /// ancestor is two copies made on their own, whose first lines must then still agree.
    ///
    /// A copy holding git's conflict markers was committed by a clone without the driver: the
    /// two copies between its markers (`ConflictedJournal`) are merged first, as the driver
    /// would have merged them there, `noticed` is told so, and the result stands for the copy;
    /// an ancestor holding them stands for both of its copies. Markers whose copies cannot be
    /// merged so are refused with `WSoAError.conflictMarkers`.
    ///
    /// `names` are what messages call the three files, as the paths git gives are its scratch
    /// files (`.merge_file_U3eT7I`), which tell an officer nothing; each defaults to its path.
    public static func mergeFiles(ancestor: String, current: String, other: String,
                                  names: (ancestor: String, current: String, other: String)? = nil,
                                  noticed: (String) -> Void = { _ in }) throws -> MergeSummary {
        let names = names ?? (ancestor, current, other)
        let base = try readCopy(ancestor, named: names.ancestor)
        var mine = try readCopy(current, named: names.current), theirs = try readCopy(other, named: names.other)
        guard let first = mine.firstIndex(of: 0x0A),
              case let .planCreated(created)? = try? mine[..<first].withUnsafeBytes({ try JournalLine.decode($0, keepText: false) }).event
        else { throw WSoAError.damagedJournal(path: names.current, line: 1, reason: "the first line is not a plan's creation") }
        let id = created.id
        let asGiven = mine
        mine = try mended(mine, named: names.current, planID: id, noticed: noticed)
        theirs = try mended(theirs, named: names.other, planID: id, noticed: noticed)
        let bases = ConflictedJournal(base).map { [$0.current, $0.other] } ?? [base]
        for (copy, name, bytes) in [(MergeCopy.this, names.current, mine), (.other, names.other, theirs)] {
            for base in bases where !bytes.starts(with: base) && !holds(ancestor: base, at: names.ancestor, bytes, at: name, planID: id) {
                throw WSoAError.linesRemoved(removed(from: base, by: bytes, copy: copy, named: name, planID: id))
            }
        }
        let outcome = try JournalMerge.merge(this: names.current, mine, other: names.other, theirs, planID: id)
        if outcome.summary.changes || mine != asGiven {
            do {
                let file = try FileSystem.open(current, flags: O_WRONLY | O_TRUNC)
                try FileSystem.writeAll(file, outcome.bytes)
                guard fsync(file.fd) == 0 else { throw FileSystem.error(current) }
            } catch let WSoAError.fileSystem(_, reason) {
                throw WSoAError.fileSystem(path: names.current, reason: reason)
            }
        }
        return outcome.summary
    }

    /// `bytes`, the copy called `name`, or, when it holds git's conflict markers, the two copies
    /// between them merged as the driver would have merged them (`noticed` is told so).
    private static func mended(_ bytes: [UInt8], named name: String, planID: String, noticed: (String) -> Void) throws -> [UInt8] {
        guard let line = Journal(path: name, bytes: bytes).conflictMarkerLine else { return bytes }
        guard let conflicted = ConflictedJournal(bytes) else {
            throw WSoAError.conflictMarkers(plan: planID, path: name, line: line, reason: "they do not pair up as git writes them, so the journal was edited after git's merge; have it put back as it was before that merge where it was committed, and pull again")
        }
        do {
            let outcome = try conflicted.merged(path: name, planID: planID)
            let labels = conflicted.currentLabel.isEmpty || conflicted.otherLabel.isEmpty ? ""
                : ", as \(conflicted.currentLabel) and as \(conflicted.otherLabel) had it,"
            noticed("\(name.prefix(1).uppercased() + name.dropFirst()) held git's conflict markers from line \(line), left by a merge made without wsoa's merge driver (in a clone where 'wsoa git setup' was not run): the two copies between them\(labels) were merged first, as the driver would have merged them.")
            return outcome.bytes
        } catch let WSoAError.mergeRefused(conflict) {
            throw WSoAError.conflictMarkers(plan: planID, path: name, line: line, reason: "the two copies between them do not merge as they stand (\(conflict.refusal)), so the officers must decide which line stands: in the clone that committed them, 'wsoa repair \(planID)' leaves the two copies for 'wsoa merge --set-aside', and its push mends the journal for every clone; pull again after that")
        } catch let error as WSoAError {
            throw WSoAError.conflictMarkers(plan: planID, path: name, line: line, reason: "the two copies between them are not both whole journals of the plan (\(error.description.dropLast())), so the journal was edited after git's merge; have it put back as it was before that merge where it was committed, and pull again")
        }
    }

    /// What the copy `bytes` (`copy`, called `name`) lacks of the ancestor `base`, which it does
    /// not hold: the ancestor's last lines, when the copy is the ancestor cut short; else the
    /// first line it lacks, found by the longest run of the ancestor's first lines it holds.
    private static func removed(from base: [UInt8], by bytes: [UInt8], copy: MergeCopy, named name: String, planID: String) -> RemovedLines {
        let ancestor = Journal(path: "", bytes: base), side = Journal(path: "", bytes: bytes)
        let cut = side.count < ancestor.count && base.starts(with: bytes)
        let lines: ClosedRange<Int>
        if cut {
            lines = (side.count + 1)...ancestor.count
        } else {
            // Holding the first k lines of the ancestor holds the first k - 1: the longest run held
            // ends just before the first line lacked.
            var shared = 0
            while shared < min(side.count, ancestor.count), side.line(shared + 1) == ancestor.line(shared + 1) { shared += 1 }
            var (held, lacked) = (shared, ancestor.count)
            while lacked - held > 1 {
                let middle = (held + lacked) / 2
                let prefix = Array(base[..<(ancestor.lines[middle - 1].upperBound + 1)])
                if holds(ancestor: prefix, at: name, bytes, at: name, planID: planID) { held = middle } else { lacked = middle }
            }
            lines = lacked...lacked
        }
        let first = ancestor.line(lines.lowerBound).withUnsafeBytes { line -> String in
            guard let read = try? JournalLine.decode(line, keepText: true) else { return "a line that could not be read" }
            let id = read.event.recordID.map { " \($0)" } ?? ""
            return "\(read.event.type.words)\(id) on \(read.event.on), recorded by \(read.by ?? "someone") at \(read.recorded ?? "an unknown time")"
        }
        return RemovedLines(plan: planID, copy: copy, path: name, lines: lines, cut: cut, first: first)
    }

    /// Whether the copy `bytes` holds every line of the ancestor `base` though it does not start
    /// with it: a side that merged since holds the ancestor's later lines moved, each with its
    /// merge note, as `git pull --rebase` gives when it replays a second commit onto a merge.
    /// It holds them when merging the ancestor into it would take no line from the ancestor.
    private static func holds(ancestor base: [UInt8], at ancestorPath: String, _ bytes: [UInt8], at path: String, planID: String) -> Bool {
        guard let merged = try? JournalMerge.merge(this: path, bytes, other: ancestorPath, base, planID: planID) else { return false }
        return merged.summary.fromOther == 0
    }

    /// The bytes of a copy of a journal named on the command line: a regular file (a link to
    /// one is followed), no longer than `longestCopy`. A problem names the file `name`
    /// (its path unless given).
    static func readCopy(_ path: String, named name: String? = nil) throws -> [UInt8] {
        do {
            let file = try FileSystem.openRegularFile(path, following: true)
            let size = Int(try file.status().st_size)
            guard size <= longestCopy else {
                throw WSoAError.fileSystem(path: path, reason: "it is \(size >> 20) MiB long, far longer than any plan's journal (at most \(longestCopy >> 20) MiB is read)")
            }
            return try FileSystem.read(file)
        } catch let WSoAError.fileSystem(_, reason) where name != nil {
            throw WSoAError.fileSystem(path: name ?? path, reason: reason)
        }
    }
}

extension PlanStore {
    /// Copies the journal at `path` to `target` (replacing it), as git's merge driver keeps the
    /// other side of a refused merge beside the journal for `wsoa merge`.
    public static func keepCopy(of path: String, at target: String) throws {
        let bytes = try readCopy(path)
        let parts = target.split(separator: "/", omittingEmptySubsequences: false)
        let folder = try FileSystem.openDirectory(parts.count > 1 ? parts.dropLast().joined(separator: "/") : ".")
        try FileSystem.replace(String(parts[parts.count - 1]), in: folder, with: bytes)
    }
}
