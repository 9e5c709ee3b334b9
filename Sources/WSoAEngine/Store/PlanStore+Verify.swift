extension PlanStore {
    /// What `verify` found in a journal that checks out.
    public struct Verification: Sendable {
        /// Lines in the journal.
        public let events: Int
        /// SHA-256 of its last line.
        public let head: String
        /// The line whose hash was asked for (`verify --head`); every line after it chains from it.
        public let headLine: Int?
        /// The line the plan's snapshot folded, when it has one of this version (it was found
        /// to equal a fresh fold through that line).
        public let snapshotLine: Int?
        /// Every version of every evidence file, as found: none damaged (that is thrown), but
        /// some perhaps not checked (recorded without a copy and not where it was recorded).
        public let evidenceFiles: [EvidenceFileCheck]
    }

    /// Checks plan `id` as thoroughly as wsoa can, and returns what it found or throws the
    /// first problem:
    ///
    /// - every line: its shape and fields, its `seq`, the hash chain, and every rule `decide`
    ///   applies, against the plan folded from the lines before it — a line the engine would
    ///   have refused is damage, reported with its number and the rule;
    /// - no torn last line (reported after the complete lines, so an edited earlier line is
    ///   reported first);
    /// - with `head`: that some line hashes to `head` (the head a printed report showed), so a
    ///   cut or rewritten tail since is found;
    /// - the snapshot, if any: that it checks out and equals a fresh fold through its line (one
    ///   made before a merge moved its line is not damage: it is removed);
    /// - every version of every file recorded as evidence: that its copy in the plan's folder
    ///   is still there and unchanged, or, for a file recorded without a copy, that the file
    ///   is unchanged where it was recorded if it is still there. Every damaged file is
    ///   reported at once (`evidenceFilesChanged`), by evidence id and version.
    ///
    /// Verifying never changes the journal. A snapshot that checks out but differs from the
    /// fresh fold is removed, as no other command could tell it is wrong.
    public func verify(_ id: String, head wanted: String? = nil) throws -> Verification {
        let folder = try folder(id)
        let file = try FileSystem.openRegularFile(Journal.fileName, in: folder)
        let journal = try read(file, in: folder, id: id, from: 0, firstLine: 1, locked: false, tornIsDamage: false)
        // A torn only line is reported as torn (with the way to repair it), before anything else.
        if journal.count == 0 { try journal.checkNotTorn(plan: id) }
        var snapshot = try snapshotForVerify(in: folder, journal: file, id: id)
        if let stale = snapshot, stale.seq <= journal.count, journal.digest(ofLine: stale.seq) != stale.lineHash,
           journal.hasMergeNote(from: stale.seq) {
            // A merge of two copies (here, or in a clone this one has since pulled) moved the lines
            // after the ones they shared, so a snapshot made before it no longer holds: that is the
            // merge's doing, not damage, as for every other command. It goes, and the next command
            // that reads the plan writes a new one.
            unlinkat(folder.fd, Snapshot.fileName, 0)
            snapshot = nil
        }
        let wantedDigest = wanted.flatMap { hex in
            var text = hex.lowercased()
            return text.withUTF8 { SHA256.Digest(hex: $0) }
        }
        var replay = Replay(journal: journal, snapshotLine: snapshot?.seq)
        let head = try journal.walk(from: 1, after: .genesis, planID: id, checkingText: true) { number, line, digest in
            try replay.take(line, number: number)
            if let wantedDigest, replay.headLine == nil, digest == wantedDigest { replay.headLine = number }
        }
        try journal.checkNotTorn(plan: id)
        // Read a second time, for the keys, only in a journal with lines naming what a merge set aside.
        if replay.namesSetAside { try LineKeys.checkNoneHeld(in: journal, planID: id) }
        let headLine = replay.headLine
        if let wanted, headLine == nil {
            throw WSoAError.headNotFound(plan: id, head: wanted, reason: "no line of its journal (\(journal.count) lines, head \(head.hex)) has that hash, so the line the record was printed from has since been cut from the journal or changed; \(PlanStore.cutLinesRecovery)")
        }
        if let snapshot {
            let path = "\(folder.path)/\(Snapshot.fileName)"
            guard snapshot.seq <= journal.count else {
                throw WSoAError.damagedJournal(path: journal.path, line: journal.count + 1, reason: "its snapshot folded \(snapshot.seq) lines, but the journal has only \(journal.count): lines were cut from its end (as reverting the commit that recorded them does, with git revert, or putting the journal back to an earlier version: a git reset, checkout or stash, or a restore from a backup), or the snapshot was forged; \(PlanStore.cutLinesRecovery)")
            }
            guard journal.digest(ofLine: snapshot.seq) == snapshot.lineHash else {
                throw WSoAError.damagedJournal(path: journal.path, line: snapshot.seq, reason: "it is not the line its snapshot folded (\(path)): the journal lost lines (as reverting the commit that recorded them does, with git revert, or putting the journal back to an earlier version: a git reset, checkout or stash, or a restore from a backup), or it was rewritten from here on, or the snapshot was forged; \(PlanStore.cutLinesRecovery)")
            }
            guard replay.atSnapshot == snapshot.plan else {
                // Its checksum checks out, so every other command would go on believing it:
                // it goes, and the next command that reads the plan rebuilds it from the journal.
                unlinkat(folder.fd, Snapshot.fileName, 0)
                throw WSoAError.damagedSnapshot(path: path, reason: "the plan it holds differs from a fresh fold of the journal through line \(snapshot.seq), so it was edited after it was written (it has been removed; the next command that reads the plan reads its journal and writes a new one)")
            }
        }
        let files = try replay.plan.map { try checkEvidenceFiles(of: $0, in: folder, plans: plans()) } ?? []
        let damaged = files.filter(\.outcome.isProblem)
        if !damaged.isEmpty { throw WSoAError.evidenceFilesChanged(plan: id, files: damaged) }
        return Verification(events: journal.count, head: head.hex, headLine: headLine, snapshotLine: snapshot?.seq,
                            evidenceFiles: files)
    }

    /// The plan folded line by line as `verify` checks each against it. A value changed in
    /// place: a closure that read a captured plan would copy it for every line.
    private struct Replay {
        let journal: Journal
        /// The line the snapshot folded, if there is one.
        let snapshotLine: Int?
        /// The plan as folded so far.
        var plan: Plan?
        /// The plan as folded through `snapshotLine`, to compare with the snapshot.
        var atSnapshot: Plan?
        /// The line whose hash `--head` named.
        var headLine: Int?
        /// Whether a line names a line set aside in a merge.
        var namesSetAside = false

        init(journal: Journal, snapshotLine: Int?) {
            self.journal = journal
            self.snapshotLine = snapshotLine
        }

        /// Checks line `number` against every rule, as `decide` would have, then folds it.
        mutating func take(_ line: JournalLine.Decoded, number: Int) throws {
            let event = line.event
            do {
                if plan != nil {
                    try plan?.check(event, text: line.textCheck, recordedOn: line.recordedOn)
                } else if case let .planCreated(created) = event {
                    try Plan(created: created).check(event, text: line.textCheck, recordedOn: line.recordedOn)
                }
            } catch let WSoAError.refused(refusal) {
                throw journal.damage(number, "rule \(refusal.rule.rawValue) refuses it: \(refusal.reason)")
            }
            if case let .planCreated(created) = event { plan = Plan(created: created) } else { plan?.apply(event, line: number) }
            if event.type == .lineSetAside { namesSetAside = true }
            if number == snapshotLine { atSnapshot = plan }
        }
    }

    /// The plan's snapshot for `verify`: nil when there is none or it is of another version;
    /// a snapshot that does not check out is a problem to report.
    private func snapshotForVerify(in folder: OpenFile, journal: OpenFile, id: String) throws -> Snapshot? {
        guard FileSystem.kind(Snapshot.fileName, in: folder) != .missing else { return nil }
        do {
            return try Snapshot(bytes: Snapshot.bytes(in: folder, journal: journal), planID: id)
        } catch Snapshot.Problem.otherVersion {
            return nil
        } catch let Snapshot.Problem.damaged(reason) {
            throw WSoAError.damagedSnapshot(path: "\(folder.path)/\(Snapshot.fileName)",
                                            reason: "it \(reason) (it is ignored and rebuilt by the next command that reads the plan)")
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
