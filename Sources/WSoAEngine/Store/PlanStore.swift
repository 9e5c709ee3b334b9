/// The `plans/` directory: one folder per plan holding its journal, snapshot and lock.
///
/// Writers follow DESIGN.md §4: take the plan's lock, re-read the journal, decide, append
/// whole lines with one write, fsync, release. Readers never write the journal.
public struct PlanStore: Sendable {
    /// The plans directory.
    public let directory: String
    /// How long a writer waits for another writer's lock before giving up (exit 75).
    public let lockTimeout: Double

    /// A store over `directory`.
    public init(directory: String, lockTimeout: Double = 5) {
        self.directory = directory
        self.lockTimeout = lockTimeout
    }

    /// Tail lengths at or above this refresh the snapshot after a full read.
    static let snapshotThreshold = 256

    /// A replay of at least this many lines uses two threads (`JournalPrefetch`); a shorter
    /// one is read on one.
    static let twoThreadMinimum = 8_192

    /// A two-thread replay goes in blocks of this many lines: the other thread reads the later
    /// `1 - ownShare` of each, this one the first `ownShare` and folds them all.
    static let prefetchBlock = 4_096

    /// How many lines of each block this thread reads itself when it also folds every line: a
    /// third, so the two threads are about equally busy (folding costs about a third of what
    /// reading does).
    static let ownShare = prefetchBlock / 3

    /// Lines `start...count` cut into blocks, each into the lines this thread reads (the first
    /// `share` of every `prefetchBlock`, at least one) and those another thread reads; one
    /// block, read here, when there are fewer than `twoThreadMinimum`.
    static func blocks(_ start: Int, through count: Int, share: Int) -> [(own: ClosedRange<Int>, other: ClosedRange<Int>?)] {
        guard start <= count else { return [] }
        guard count - start + 1 >= twoThreadMinimum else { return [(start...count, nil)] }
        return stride(from: start, through: count, by: prefetchBlock).map { first in
            let last = min(first + prefetchBlock - 1, count)
            let own = max(1, (last - first + 1) * share / prefetchBlock)
            return (first...(first + own - 1), first + own <= last ? (first + own)...last : nil)
        }
    }

    // MARK: Paths

    /// The folder of plan `id`.
    public func folder(_ id: String) -> String { "\(directory)/\(id)" }
    /// The journal of plan `id`.
    public func journalPath(_ id: String) -> String { "\(folder(id))/events.jsonl" }
    private func snapshotPath(_ id: String) -> String { "\(folder(id))/snapshot.json" }
    func lockPath(_ id: String) -> String { "\(folder(id))/.lock" }

    // MARK: Directory

    /// Creates the plans directory; false when it already existed.
    @discardableResult
    public func initialize() throws -> Bool {
        try FileSystem.makeDirectory(directory)
    }

    /// The ids of every plan in the directory, sorted.
    public func planIDs() throws -> [String] {
        try requireDirectory()
        return try FileSystem.contents(of: directory).filter { name in
            (try? PlanID.validate(name)) != nil && FileSystem.kind(journalPath(name)) == .file
        }
    }

    private func requireDirectory() throws {
        switch FileSystem.kind(directory) {
        case .directory: return
        case .missing: throw WSoAError.plansDirectoryMissing(path: directory)
        case .file, .other: throw WSoAError.fileSystem(path: directory, reason: "it is not a directory")
        }
    }

    /// Checks the id and that the plan's journal is there.
    func requirePlan(_ id: String) throws {
        try PlanID.validate(id)
        try requireDirectory()
        try refuseEscapingLink(folder(id))
        switch FileSystem.kind(journalPath(id)) {
        case .file: return
        case .missing: throw WSoAError.planNotFound(id: id, directory: directory)
        case .directory, .other:
            throw WSoAError.fileSystem(path: journalPath(id), reason: "the journal is not a regular file")
        }
    }

    /// Refuses a plan folder that is a symbolic link leading outside the plans directory, so a
    /// planted link cannot make wsoa read or write someone else's files.
    private func refuseEscapingLink(_ path: String) throws {
        guard FileSystem.isSymlink(path) else { return }
        guard let target = FileSystem.realPath(path), let root = FileSystem.realPath(directory),
              target.hasPrefix(root + "/") else {
            throw WSoAError.fileSystem(path: path, reason: "it is a symbolic link to somewhere outside the plans directory, which wsoa refuses to follow")
        }
    }

    // MARK: Reading

    /// Reads plan `id` as it stood at `asOf` (only events on or before it), or now when nil.
    public func load(_ id: String, asOf: Day? = nil) throws -> LoadedPlan {
        try requirePlan(id)
        return try fold(id, asOf: asOf)
    }

    /// Every entry of plan `id`'s journal, checked line by line.
    public func entries(_ id: String) throws -> [JournalEntry] {
        var entries: [JournalEntry] = []
        _ = try walk(id, reserving: { entries.reserveCapacity($0) }) { entries.append($0) }
        return entries
    }

    /// Walks plan `id`'s whole chain and returns its line count and head, or throws the first
    /// problem with its file and line.
    ///
    /// Files referenced as evidence are checked too: one that has changed or gone is reported
    /// as `WSoAError.evidenceFileChanged`, after the chain itself has been found intact. The
    /// entries are looked at as they are read, not held, so a long journal costs little memory.
    public func verify(_ id: String) throws -> (events: Int, head: String) {
        var files: [Evidence] = []
        let (events, head) = try walk(id) { entry in
            if case let .evidenceAdded(evidence) = entry.event, evidence.file != nil { files.append(evidence) }
        }
        for evidence in files {
            guard let problem = evidence.file?.problem(plansDirectory: directory) else { continue }
            throw WSoAError.evidenceFileChanged(plan: id, evidence: evidence.id, reason: problem)
        }
        return (events, head.hex)
    }

    /// Reads plan `id`'s journal and hands `body` each entry in order, checked line by line
    /// (the first problem is thrown with its line); returns the line count and the last line's
    /// hash. `reserving` learns the line count first.
    func walk(_ id: String, reserving: (Int) -> Void = { _ in },
                      _ body: (JournalEntry) throws -> Void) throws -> (events: Int, head: SHA256.Digest) {
        try requirePlan(id)
        let journal = try readJournal(id)
        reserving(journal.count)
        // As in a replay, a long journal is read on two threads, half of each block on each.
        let head = try journal.walk(from: 1, after: .genesis, share: PlanStore.prefetchBlock / 2,
                                    reader: { journal, number, previous in
                                        try journal.entry(line: number, previous: previous, planID: id)
                                    }, body)
        // After the complete lines, so an edited earlier line is reported first, not hidden by a torn tail.
        try journal.checkNotTorn()
        guard journal.count > 0 else { throw journal.damage(1, "the journal is empty") }
        return (journal.count, head)
    }

    private func readJournal(_ id: String) throws -> Journal {
        try Journal.read(journalPath(id))
    }

    /// Folds plan `id`'s journal, starting from the snapshot when it still matches: then only
    /// the journal from the snapshot's line on is read, so the cost follows the tail, not the
    /// journal's length.
    ///
    /// The snapshot's line is found by its byte offset and must still hash the same, carry the
    /// snapshot's `seq` and follow a newline (or be line 1 at offset 0); otherwise the whole
    /// journal is read and replayed, exactly as with no snapshot.
    private func fold(_ id: String, asOf: Day?) throws -> LoadedPlan {
        let path = journalPath(id)
        if let snapshot = Snapshot.read(snapshotPath(id)), snapshot.plan.id == id,
           asOf.map({ snapshot.lastOn <= $0 }) ?? true,
           let (bytes, before) = FileSystem.read(path, from: snapshot.lineStart),
           before.map({ $0 == 0x0A }) ?? (snapshot.seq == 1) {
            let journal = Journal(path: path, bytes: bytes, firstLine: snapshot.seq, fileOffset: snapshot.lineStart)
            // The line must hash the same and say it is line `seq`: then, chain intact, it is.
            if journal.count >= snapshot.seq, case let lineHash = journal.digest(ofLine: snapshot.seq),
               SHA256.Digest(hex: snapshot.lineHash) == lineHash,
               (try? JournalLineReader.read(journal.bytes[journal.lines[0]]))?.seq == snapshot.seq {
                return try fold(journal, id: id, asOf: asOf, from: consume snapshot, lineHash: lineHash)
            }
        }
        return try fold(readJournal(id), id: id, asOf: asOf, from: nil)
    }

    /// Folds a journal, after `snapshot`'s line when there is one (its plan is the start).
    ///
    /// The snapshot is consumed so its plan is moved, not shared: the first event folded would
    /// otherwise copy every list of a long plan.
    /// `lineHash` is the digest of the snapshot's line (its `lineHash`), when there is a snapshot.
    ///
    /// Lines are read for their events only (`Journal.event`), with the chain checked on
    /// digests: the full `JournalEntry`, with its `by`, `recorded` and `prev` strings, is never
    /// needed to fold.
    private func fold(_ journal: Journal, id: String, asOf: Day?, from snapshot: consuming Snapshot?,
                      lineHash: SHA256.Digest = .genesis) throws -> LoadedPlan {
        try journal.checkNotTorn()
        guard journal.count > 0 else { throw journal.damage(1, "the journal is empty") }
        let start = (snapshot?.seq ?? 0) + 1
        var previous = lineHash
        var lastOn = snapshot?.lastOn
        var plan = (consume snapshot)?.plan
        var folded = start - 1
        func fold(_ event: PlanEvent) throws {
            let on = event.on
            if case let .planCreated(created) = event {
                if let asOf, asOf < created.visit.start {
                    throw WSoAError.notYetInspected(id: id, asOf: asOf, visitStart: created.visit.start)
                }
                plan = Plan(created: created)
            } else if asOf.map({ on <= $0 }) ?? true {
                plan?.apply(event)
            } else {
                return
            }
            folded += 1
            lastOn = max(lastOn ?? on, on)
        }
        // A long replay goes in blocks: another thread reads the later part of each block,
        // working ahead through the journal, while this one reads the first part and folds
        // the lot in order.
        previous = try journal.walk(from: start, after: previous, share: PlanStore.ownShare,
                                    reader: { journal, number, previous in
                                        try journal.event(line: number, previous: previous, planID: id)
                                    }, fold)
        guard let plan else { throw journal.damage(1, "the first line must be planCreated") }
        // Only a fold of every line may become the snapshot, whatever the as-of day asked for.
        if folded == journal.count, journal.count - start + 1 >= PlanStore.snapshotThreshold, let lastOn {
            Snapshot(seq: journal.count, lineHash: previous.hex, lineStart: journal.offset(ofLine: journal.count),
                     lastOn: lastOn, plan: plan)
                .write(snapshotPath(id))
        }
        return LoadedPlan(plan: plan, events: journal.count, head: previous.hex, folded: folded)
    }

    // MARK: Writing

    /// Creates a plan from a `create` command, followed by any `then` commands (e.g. the outcome
    /// letter read with it), and returns the entries written.
    ///
    /// Every command is decided before anything touches the disk, and all lines go in one write,
    /// so a refused letter leaves no half-made plan. The folder is made first and the journal
    /// opened with `O_EXCL` under the plan's lock, so two people creating the same id cannot both win.
    public func create(_ created: PlanEvent.PlanCreated, then commands: [PlanCommand] = [], by: String,
                       recorded: String, personalDataAllowed: Bool = false) throws -> [JournalEntry] {
        try PlanID.validate(created.id)
        try requireDirectory()
        var events = try Plan.decide(.create(created), on: nil, allowingPersonalData: personalDataAllowed)
        guard var plan = Plan.replay(events) else { return [] }
        for command in commands {
            let more = try Plan.decide(command, on: plan, allowingPersonalData: personalDataAllowed)
            for event in more { plan.apply(event) }
            events += more
        }
        try PlanStore.requireReadable(events, plan: created.id, by: by, recorded: recorded, personalDataAllowed: personalDataAllowed)
        try FileSystem.makeDirectory(folder(created.id))
        try refuseEscapingLink(folder(created.id))
        let lock = try PlanLock(path: lockPath(created.id), plan: created.id,
                                holder: "\(by), recorded \(recorded)", timeout: lockTimeout)
        defer { withExtendedLifetime(lock) {} }
        if FileSystem.kind(journalPath(created.id)) != .missing { throw WSoAError.planExists(id: created.id) }
        let (entries, bytes) = PlanStore.lines(for: events, after: 0, prev: JournalEntry.genesisHash, by: by,
                                               recorded: recorded, personalDataAllowed: personalDataAllowed)
        try FileSystem.append(bytes, to: journalPath(created.id), create: true)
        return entries
    }

    /// Appends what `decide` returns for plan `id`, under the plan's lock, and returns the new
    /// entries. If `decide` throws, nothing is written.
    ///
    /// `personalDataAllowed` is written into each new line when the recorder confirmed it.
    public func append(_ id: String, by: String, recorded: String, personalDataAllowed: Bool = false,
                       decide: (Plan) throws -> [PlanEvent]) throws -> [JournalEntry] {
        try requirePlan(id)
        let lock = try PlanLock(path: lockPath(id), plan: id, holder: "\(by), recorded \(recorded)", timeout: lockTimeout)
        defer { withExtendedLifetime(lock) {} }
        let loaded = try fold(id, asOf: nil)
        let events = try decide(loaded.plan)
        guard !events.isEmpty else { return [] }
        try PlanStore.requireReadable(events, plan: id, by: by, recorded: recorded, personalDataAllowed: personalDataAllowed)
        let (entries, bytes) = PlanStore.lines(for: events, after: loaded.events, prev: loaded.head, by: by,
                                               recorded: recorded, personalDataAllowed: personalDataAllowed)
        try FileSystem.append(bytes, to: journalPath(id), create: false)
        return entries
    }

    /// The entries for `events` following line `seq` (whose hash is `prev`), and their bytes
    /// as one block of `\n`-terminated lines to write at once.
    private static func lines(for events: [PlanEvent], after seq: Int, prev: String, by: String, recorded: String,
                              personalDataAllowed: Bool) -> (entries: [JournalEntry], bytes: [UInt8]) {
        var entries: [JournalEntry] = []
        var bytes: [UInt8] = []
        var previous = prev
        for (offset, event) in events.enumerated() {
            let entry = JournalEntry(seq: seq + offset + 1, prev: previous, recorded: recorded, by: by,
                                     event: event, personalDataAllowed: personalDataAllowed)
            let line = entry.lineBytes
            previous = SHA256.hexDigest(line)
            bytes += line
            bytes.append(0x0A)
            entries.append(entry)
        }
        return (entries, bytes)
    }
}
