/// The plans directory and everything wsoa does with it: the one way in for the command line
/// and any other program.
///
/// Create a plan, record a command on it, view it as of a day, view every plan, verify and
/// repair. Writers follow DESIGN.md §4: take the plan's lock, read the journal's verified tail,
/// decide, append whole lines with one write, fsync, release. Journals, snapshots, locks and
/// threads are this facade's business alone (`Journal/`, `Snapshot/`, `IO/`).
public struct PlanStore: Sendable {
    /// The plans directory.
    public let directory: String
    /// How long a writer (or a reader waiting for one) waits for a plan's lock before giving
    /// up (exit 75).
    public let lockTimeout: Double
    /// Where one-line notices go, such as a snapshot that did not check out and was rebuilt.
    public let notice: @Sendable (String) -> Void

    /// A store over `directory`.
    public init(directory: String, lockTimeout: Double = 5, notice: @escaping @Sendable (String) -> Void = { _ in }) {
        self.directory = directory
        self.lockTimeout = lockTimeout
        self.notice = notice
    }

    /// A fold that read at least this many lines after its starting point leaves a snapshot,
    /// so the next command reads only what comes after.
    static let snapshotAfterLines = 256

    /// How to get back lines cut from a journal's end, as a clause for the messages that find
    /// them: a journal is only added to, so a line is never taken out to undo it.
    static let cutLinesRecovery = "if a commit cut the lines (git log on the journal shows it), git revert of that commit puts them back, keeping any recorded since, as a journal is only added to (a line recorded by mistake stays, and is corrected or withdrawn in the open)"

    // MARK: Directory

    /// What `initialize` did.
    public enum Initialized: Sendable {
        /// It made the directory.
        case created
        /// The directory was there, holding only plans, and is now marked as a plans directory.
        case marked
        /// It was a plans directory already.
        case alreadyPlans
    }

    /// Makes the plans directory, or marks an existing directory of plans as one (a directory
    /// holding anything else is refused).
    @discardableResult
    public func initialize() throws -> Initialized {
        switch try PlansDirectory.initialize(directory) {
        case .created: return .created
        case .marked: return .marked
        case .alreadyPlans: return .alreadyPlans
        }
    }

    /// The plans directory, checked to be one.
    func plans() throws -> PlansDirectory { try PlansDirectory(opening: directory) }

    /// The folder of plan `id`, checked to be a plan.
    func folder(_ id: String) throws -> OpenFile { try plans().folder(id) }

    // MARK: Writing

    /// Creates a plan from a `create` command, followed by any `then` commands (e.g. the
    /// outcome letter read with it), and returns what was written.
    ///
    /// Every command is decided before anything touches the disk, and the plan's folder
    /// appears whole with all its lines (`PlansDirectory.createPlan`), so a refused letter
    /// leaves no half-made plan and two people creating the same id cannot both win.
    public func create(_ created: PlanEvent.PlanCreated, then commands: [PlanCommand] = [], by: String, recorded: String,
                       personalDataAllowed: Bool = false, today: Day? = nil) throws -> Recorded {
        try PlanID.validate(created.id)
        let plans = try plans()
        let recordedOn = today ?? Day.london(utcStamp: recorded)
        var events = try Plan.decide(.create(created), on: nil, allowingPersonalData: personalDataAllowed, recordedOn: recordedOn)
        guard case let .planCreated(opened)? = events.first else { return Recorded(entries: [], before: nil, plan: Plan(created: created)) }
        let (plan, then) = try PlanStore.decide(commands, on: Plan(created: opened), firstLine: 2, personalDataAllowed: personalDataAllowed,
                                               recordedOn: recordedOn)
        events += then
        if let file = PlanStore.copiesNeeded(by: events).first {
            // A plan is made with its journal alone; evidence comes once it has workstreams.
            throw WSoAError.fileSystem(path: file.path, reason: "a copy can be kept only in a plan that already exists")
        }
        let lines = try PlanStore.lines(for: events, plan: created.id, after: 0, previous: .genesis, by: by,
                                        recorded: recorded, personalDataAllowed: personalDataAllowed)
        try plans.createPlan(created.id, journal: lines.bytes)
        return Recorded(entries: lines.entries, before: nil, plan: plan)
    }

    /// Decides `command` against plan `id` under its lock and appends the events, returning
    /// what was written. A refused command writes nothing.
    ///
    /// `personalDataAllowed` is written into each new line when the recorder confirmed it.
    /// `files` are the evidence files the command records with a copy (`EvidenceFile`): each
    /// is copied into the plan's folder only once the command has been decided, before its
    /// line is appended, so a refused command leaves no copy behind.
    @discardableResult
    public func record(_ command: PlanCommand, in id: String, by: String, recorded: String,
                       personalDataAllowed: Bool = false, today: Day? = nil, keeping files: [EvidenceFile] = []) throws -> Recorded {
        try record(in: id, by: by, recorded: recorded, personalDataAllowed: personalDataAllowed, today: today) { _, _ in
            ([command], files)
        }
    }

    /// Decides the commands `making` asks for, each against the plan as the ones before it
    /// leave it, under plan `id`'s lock, and appends all their events at once, or none.
    ///
    /// `making` is given the plan as freshly read under the lock and the number its next line
    /// will have, so commands worked out from the plan (a tracker's rows matched to its items)
    /// see the same journal they are appended to. It returns the commands and the evidence
    /// files they record with a copy. No commands write nothing.
    @discardableResult
    public func record(in id: String, by: String, recorded: String, personalDataAllowed: Bool = false, today: Day? = nil,
                       making: (Plan, Int) throws -> (commands: [PlanCommand], files: [EvidenceFile])) throws -> Recorded {
        let folder = try folder(id)
        let lock = try PlanLock(in: folder, plan: id, holder: "\(by), recorded \(recorded)", timeout: lockTimeout)
        return try withExtendedLifetime(lock) {
            let journal = try FileSystem.open(Journal.fileName, in: folder, flags: O_RDWR | O_APPEND)
            let folded = try fold(journal, in: folder, id: id, asOf: nil, record: false, locked: true)
            let (commands, files) = try making(folded.plan, folded.events + 1)
            // Today is the recorder's day (Europe/London) when given, else the day of `recorded`.
            let recordedOn = today ?? Day.london(utcStamp: recorded)
            let (decided, events) = try PlanStore.decide(commands, on: folded.plan, firstLine: folded.events + 1,
                                                         personalDataAllowed: personalDataAllowed, recordedOn: recordedOn)
            guard !events.isEmpty else { return Recorded(entries: [], before: folded.plan.phase, plan: folded.plan) }
            let lines = try PlanStore.lines(for: events, plan: id, after: folded.events, previous: folded.head, by: by,
                                            recorded: recorded, personalDataAllowed: personalDataAllowed)
            // Decided and its lines made: only now are copies kept, then the lines appended. A
            // crash in between leaves only a copy no line names, which is harmless (keepCopies).
            let kept = try keepCopies(for: events, from: files, in: folder, plan: id)
            do {
                if events.count > 1 {
                    try PlanStore.replace(journal, in: folder, adding: lines.bytes, after: folded.endOffset)
                } else {
                    try FileSystem.append(lines.bytes, to: journal)
                }
            } catch {
                if let evidence = kept.folder { for name in kept.made { EvidenceCopies.remove(name, in: evidence) } }
                throw error
            }
            // `decided` is the plan with exactly these lines applied, under the same line numbers.
            let lastOn = events.map(\.on).reduce(folded.lastOn, max)
            if let last = lines.entries.last, last.seq - folded.snapshotSeq >= PlanStore.snapshotAfterLines {
                let lastLine = lines.lineStarts.last ?? 0
                writeSnapshot(Snapshot(plan: decided, seq: last.seq, lineHash: lines.head, lineStart: folded.endOffset + lastLine,
                                       lastOn: lastOn), in: folder)
            }
            return Recorded(entries: lines.entries, before: folded.plan.phase, plan: decided, copies: kept.copies)
        }
    }

    /// Decides `commands` one after another, each against `plan` as the ones before it leave
    /// it, the first event on line `firstLine`: the events, and the plan with them applied.
    private static func decide(_ commands: [PlanCommand], on plan: Plan, firstLine: Int, personalDataAllowed: Bool,
                               recordedOn: Day?) throws -> (plan: Plan, events: [PlanEvent]) {
        var plan = plan
        var events: [PlanEvent] = []
        for command in commands {
            for event in try Plan.decide(command, on: plan, allowingPersonalData: personalDataAllowed, recordedOn: recordedOn) {
                plan.apply(event, line: firstLine + events.count)
                events.append(event)
            }
        }
        return (plan, events)
    }

    /// Writes the journal anew with `bytes` after its `length` bytes, renamed over it at once:
    /// how a batch of lines (a tracker's rows) is added.
    ///
    /// One append of many lines can be cut short when the process is killed part-way through
    /// the write, leaving some of the batch recorded and a torn line; a new file that takes the
    /// journal's name only once it holds every line means the batch is there whole or not at
    /// all. The lines before are copied as they are (a copy that finds another length than the
    /// one folded is refused, as something wrote without the lock), and the journal's
    /// permissions are kept. Costs a copy of the journal, which only a batch pays.
    static func replace(_ journal: OpenFile, in folder: OpenFile, adding bytes: [UInt8], after length: Int) throws {
        let mode = try journal.status().st_mode & 0o7777
        try FileSystem.replace(Journal.fileName, in: folder, mode: mode) { copy in
            let copied = try FileSystem.copy(journal, to: copy)
            guard copied.size == Int64(length) else {
                throw WSoAError.fileSystem(path: journal.path, reason: "it is \(copied.size) bytes long, not the \(length) just read, so something wrote to it without the plan's lock")
            }
            try FileSystem.writeAll(copy, bytes)
        }
    }

    /// One line to be written, before its place in the chain is known.
    struct Draft {
        let event: PlanEvent
        let by: String
        let recorded: String
        let personalDataAllowed: Bool
        /// Where a merge moved it from.
        var merged: MergeNote? = nil
    }

    /// The journal lines for `events`, all recorded by `by` at `recorded`, following line `seq`
    /// (whose hash is `previous`), as `lines(for:plan:after:previous:)` makes them.
    private static func lines(for events: [PlanEvent], plan: String, after seq: Int, previous: SHA256.Digest, by: String,
                              recorded: String, personalDataAllowed: Bool)
        throws -> (entries: [JournalEntry], bytes: [UInt8], lineStarts: [Int], head: SHA256.Digest) {
        let recorder = by.unicodeScalars.count
        if recorder > TextField.recorder.limit, let type = events.first?.type {
            throw WSoAError.refused(Refusal(rule: .textLimit, plan: plan, event: type,
                                            reason: "the recorder's name is \(recorder) characters long, and may be at most \(TextField.recorder.limit)",
                                            field: .recorder))
        }
        return try lines(for: events.map { Draft(event: $0, by: by, recorded: recorded, personalDataAllowed: personalDataAllowed) },
                         plan: plan, after: seq, previous: previous)
    }

    /// The journal lines for `drafts` following line `seq` (whose hash is `previous`), each
    /// checked to read back exactly as written, and their bytes as one block to write at once.
    static func lines(for drafts: [Draft], plan: String, after seq: Int, previous: SHA256.Digest)
        throws -> (entries: [JournalEntry], bytes: [UInt8], lineStarts: [Int], head: SHA256.Digest) {
        var entries: [JournalEntry] = []
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var previous = previous
        for (offset, draft) in drafts.enumerated() {
            let entry = JournalEntry(seq: seq + offset + 1, prev: previous.hex, recorded: draft.recorded, by: draft.by, event: draft.event,
                                     personalDataAllowed: draft.personalDataAllowed, merged: draft.merged)
            let line = entry.lineBytes
            // The reader's own verdict on the line, before it is written: nothing the reader
            // would refuse ever reaches the journal.
            do {
                let back = try line.withUnsafeBytes { try JournalLine.decode($0, keepText: true) }
                guard back.event == draft.event, back.by == draft.by, back.recorded == draft.recorded,
                      back.personalDataAllowed == draft.personalDataAllowed, back.merged == draft.merged
                else { throw WSoAError.invalidEvent(reason: "it reads back differently") }
            } catch let WSoAError.invalidEvent(reason), let WSoAError.malformedJSON(reason, _) {
                throw WSoAError.refused(Refusal(rule: .readableRecord, plan: plan, event: draft.event.type,
                                                reason: "its journal line could not be read back (\(reason)), so it is not written"))
            }
            starts.append(bytes.count)
            bytes += line
            bytes.append(0x0A)
            previous = SHA256.Digest(of: line[...])
            entries.append(entry)
        }
        return (entries, bytes, starts, previous)
    }

    // MARK: Reading

    /// Plan `id` as it stood at `asOf` (only events on or before it), or now when nil.
    ///
    /// Starts from the plan's snapshot when it proves itself, so the cost follows the journal
    /// after the snapshot's line, not the journal's length.
    public func view(_ id: String, asOf: Day? = nil) throws -> PlanView {
        try view(id, in: plans(), asOf: asOf)
    }

    /// Plan `id` of the plans directory `plans`, as `view(_:asOf:)`.
    func view(_ id: String, in plans: PlansDirectory, asOf: Day?) throws -> PlanView {
        let folder = try plans.folder(id)
        let journal = try FileSystem.openRegularFile(Journal.fileName, in: folder)
        return try fold(journal, in: folder, id: id, asOf: asOf, record: false, locked: false).view
    }

    /// Plan `id` as it stood at `asOf`, with its delivery record, read from every line of the
    /// journal (never from a snapshot), so `chainChecked` vouches for the whole record.
    public func fullView(_ id: String, asOf: Day? = nil) throws -> PlanView {
        let folder = try folder(id)
        let journal = try FileSystem.openRegularFile(Journal.fileName, in: folder)
        return try fold(journal, in: folder, id: id, asOf: asOf, record: true, locked: false).view
    }

    /// Every line of plan `id`'s journal, checked line by line.
    public func history(_ id: String) throws -> [JournalEntry] {
        let folder = try folder(id)
        let file = try FileSystem.openRegularFile(Journal.fileName, in: folder)
        let journal = try read(file, in: folder, id: id, from: 0, firstLine: 1, locked: false)
        var entries: [JournalEntry] = []
        entries.reserveCapacity(journal.count)
        var previous = SHA256.Digest.genesis
        _ = try journal.walk(from: 1, after: .genesis, planID: id, keepText: true) { number, line, digest in
            entries.append(JournalEntry(seq: number, prev: previous.hex, recorded: line.recorded ?? "", by: line.by ?? "",
                                        event: line.event, personalDataAllowed: line.personalDataAllowed, merged: line.merged))
            previous = digest
        }
        return entries
    }

    // MARK: Folding

    /// What a fold made, with what the store needs to carry on from it.
    struct Folded {
        let plan: Plan
        let record: DeliveryRecord?
        /// Lines in the journal.
        let events: Int
        /// Lines folded into the plan (fewer for an as-of view).
        let folded: Int
        /// SHA-256 of the last line.
        let head: SHA256.Digest
        /// The latest `on` folded.
        let lastOn: Day
        /// The line the fold started after: the snapshot's, or 0.
        let snapshotSeq: Int
        /// The journal's length in bytes when read.
        let endOffset: Int
        /// Whether every line was read and chain-checked, not taken from a snapshot.
        var chainChecked: Bool { snapshotSeq == 0 }

        var view: PlanView {
            PlanView(plan: plan, record: record, events: events, folded: folded, head: head.hex, chainChecked: chainChecked)
        }
    }

    /// Folds the journal open as `file`, from the plan's snapshot when it may and it proves
    /// itself, and leaves a new snapshot when it read many lines — unless `locked` (a writer
    /// leaves its own after appending) or folding the `record` (a full view reads every line
    /// whatever the snapshot holds, so rewriting it each time would be a write per report).
    func fold(_ file: OpenFile, in folder: OpenFile, id: String, asOf: Day?, record: Bool, locked: Bool) throws -> Folded {
        var unbound: Snapshot?
        if !record, let snapshot = usableSnapshot(in: folder, journal: file, id: id, asOf: asOf) {
            if let journal = try? read(file, in: folder, id: id, from: snapshot.lineStart, firstLine: snapshot.seq, locked: locked),
               PlanStore.holds(journal, snapshot) {
                return try fold(journal, id: id, asOf: asOf, from: snapshot, folder: folder, record: false, snapshots: !locked)
            }
            unbound = snapshot
        }
        let journal = try read(file, in: folder, id: id, from: 0, firstLine: 1, locked: locked)
        // A merge of two copies moves lines after the ones they shared, so a snapshot made before it
        // no longer holds: that is a merge's doing, not damage, and the plan is simply read again.
        // Nor is one a git merge without wsoa's driver shifted: the conflict marker is the damage to report.
        if let unbound, !journal.hasMergeNote(from: unbound.seq), journal.conflictMarkerLine == nil {
            notice("The snapshot of plan '\(id)' folded \(unbound.seq) lines, but the journal (\(journal.count) lines) no longer holds its last line as it was: lines were cut from its end or rewritten, as reverting the commit that recorded them (git revert) or putting the journal back to an earlier version (a git reset, checkout or stash, or a restore from a backup) does; the plan was read from its journal instead. \(PlanStore.cutLinesRecovery.prefix(1).uppercased() + PlanStore.cutLinesRecovery.dropFirst()).")
        }
        return try fold(journal, id: id, asOf: asOf, from: nil, folder: folder, record: record, snapshots: !locked && !record)
    }

    /// Whether `journal`, read from `snapshot`'s line on, still holds that line: the same
    /// number and the same hash.
    private static func holds(_ journal: Journal, _ snapshot: Snapshot) -> Bool {
        guard journal.count >= snapshot.seq, journal.digest(ofLine: snapshot.seq) == snapshot.lineHash else { return false }
        return journal.line(snapshot.seq).withUnsafeBytes { line in
            (try? JournalLine.decode(line, keepText: false))?.seq == snapshot.seq
        }
    }

    /// Folds `journal` after `snapshot`'s line (or from line 1).
    private func fold(_ journal: Journal, id: String, asOf: Day?, from snapshot: Snapshot?, folder: OpenFile,
                      record keepRecord: Bool, snapshots: Bool) throws -> Folded {
        var plan = snapshot?.plan
        var record = keepRecord ? DeliveryRecord() : nil
        var folded = snapshot?.seq ?? 0
        var lastOn = snapshot?.lastOn
        let start = (snapshot?.seq ?? 0) + 1
        let head = try journal.walk(from: start, after: snapshot?.lineHash ?? .genesis, planID: id) { number, line, _ in
            let event = line.event
            if case let .planCreated(created) = event {
                if let asOf, asOf < created.visit.start {
                    throw WSoAError.notYetInspected(id: id, asOf: asOf, visitStart: created.visit.start)
                }
                plan = Plan(created: created)
            } else if asOf.map({ event.on <= $0 }) ?? true {
                plan?.apply(event, line: number)
                record?.apply(event, line: number)
            } else {
                return
            }
            folded += 1
            lastOn = max(lastOn ?? event.on, event.on)
        }
        guard let plan, let lastOn else { throw journal.damage(1, "the first line must be planCreated") }
        let result = Folded(plan: plan, record: record, events: journal.count, folded: folded, head: head, lastOn: lastOn,
                            snapshotSeq: snapshot?.seq ?? 0, endOffset: journal.fileOffset + journal.bytes.count)
        // Only a fold of every line may become the snapshot, whatever the as-of day asked for.
        if snapshots, folded == journal.count, journal.count - start + 1 >= PlanStore.snapshotAfterLines {
            writeSnapshot(Snapshot(plan: plan, seq: journal.count, lineHash: head, lineStart: journal.offset(ofLine: journal.count),
                                   lastOn: lastOn), in: folder)
        }
        return result
    }

    /// The journal open as `file` from byte `offset` (where line `firstLine` starts), checked
    /// not to end in a torn line.
    ///
    /// A reader that finds the last line half written waits for any writer to finish (a
    /// shared lock) and reads again: a line being appended is not damage. A writer already
    /// holds the lock, so a torn line it finds is. An empty journal is damage to every reader.
    func read(_ file: OpenFile, in folder: OpenFile, id: String, from offset: Int, firstLine: Int, locked: Bool,
              tornIsDamage: Bool = true) throws -> Journal {
        func readOnce() throws -> Journal {
            var bytes = try FileSystem.read(file, from: max(0, offset - 1))
            if offset > 0 {
                // The byte before the line must end the line before it.
                guard bytes.first == 0x0A else { throw WSoAError.damagedJournal(path: file.path, line: firstLine, reason: "it does not start a line") }
                bytes.removeFirst()
            }
            return Journal(path: file.path, bytes: bytes, firstLine: firstLine, fileOffset: offset)
        }
        var journal = try readOnce()
        if journal.tornTail != nil, !locked {
            journal = try PlanLock.afterWriters(in: folder, plan: id, timeout: lockTimeout) { try readOnce() }
        }
        if tornIsDamage { try journal.checkNotTorn(plan: id) }
        guard journal.count > 0 || journal.tornTail != nil else { throw journal.damage(1, "the journal is empty") }
        return journal
    }

    // MARK: Snapshots

    /// Plan `id`'s snapshot, when there is one that checks out and may start a view at `asOf`;
    /// a snapshot that does not check out is reported with a notice (and replaced by the fold).
    private func usableSnapshot(in folder: OpenFile, journal: OpenFile, id: String, asOf: Day?) -> Snapshot? {
        do {
            let snapshot = try Snapshot(bytes: Snapshot.bytes(in: folder, journal: journal), planID: id)
            return asOf.map { snapshot.lastOn <= $0 } ?? true ? snapshot : nil
        } catch Snapshot.Problem.otherVersion {
            return nil
        } catch let Snapshot.Problem.damaged(reason) {
            notice("The snapshot of plan '\(id)' \(reason); the plan was read from its journal instead and the snapshot rebuilt.")
            return nil
        } catch {
            if FileSystem.kind(Snapshot.fileName, in: folder) != .missing {
                var reason = "\(error)"
                if case let WSoAError.fileSystem(_, why) = error { reason = why }
                notice("The snapshot of plan '\(id)' could not be read (\(reason)); the plan was read from its journal instead.")
            }
            return nil
        }
    }

    /// Writes `snapshot` into the plan's folder; a cache, so a failure (a read-only folder)
    /// only means the next command reads more of the journal. The cache earlier versions wrote
    /// (`snapshot.json`, which could be as large as the journal) is no longer read, so it goes.
    func writeSnapshot(_ snapshot: Snapshot, in folder: OpenFile) {
        guard (try? FileSystem.replace(Snapshot.fileName, in: folder, with: snapshot.bytes, durable: false)) != nil else { return }
        unlinkat(folder.fd, Snapshot.formerFileName, 0)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
