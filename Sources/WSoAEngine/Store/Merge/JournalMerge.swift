/// Two copies of one plan's journal made one: the lines they share from the start, then the
/// lines each added after them, replayed through the rules in business-date order.
///
/// The order is the one the issue of two officers' laptops asks for, and the same whichever
/// copy is "this" one, so that two clones pulling each other reach byte-identical journals:
/// each copy's own lines stay in their own order (a line may need one before it), and of the
/// two copies' next lines the one that took effect first goes first — ties by the time it was
/// recorded, then by its content — except that a copy whose waiting lines include an earlier,
/// back-dated one goes first, so that line is not put after the other copy's later ones. A line both copies hold (the same key, `LineKeys`: recorder, time and event)
/// is kept once. Every line is checked against the plan as the lines before it leave it, as
/// `decide` would, so a merged journal is one `verify` accepts; the first line refused stops
/// the merge with both lines named (`MergeConflict`), and nothing is written.
///
/// Ids: each copy gave its new items the next id there, so both may have added an `E41`. A
/// line is renumbered into the merged plan's ids (and lifecycle lines into its line numbers)
/// before it is checked, and every later line of its copy that names the item follows it.
/// Lines that stay exactly where they were keep their bytes; every other line after the
/// common ones is re-chained and gains a `MergeNote` saying which copy it came from.
struct JournalMerge {
    /// One copy: its file (for messages), its bytes cut into lines, and the lines it has after
    /// the ones both copies share, read. Only those are kept: the shared lines of a long plan
    /// are checked and folded as they are read, not held twice over.
    struct Copy {
        let copy: MergeCopy
        let path: String
        let journal: Journal
        /// The lines both copies share from the start.
        let common: Int
        /// Its lines after those, read with their text; the first is line `common + 1`.
        let lines: [JournalLine.Decoded]
        /// SHA-256 of its last line: what names the copy.
        let head: SHA256.Digest
        /// SHA-256 of line `common`, which the merged lines chain from.
        let commonHead: SHA256.Digest
        /// For each of `lines`, the earliest business date among it and the lines after it.
        let earliest: [Day]

        /// Checks every line of `journal` — its shape, its number, its place in the chain, as
        /// a journal of plan `planID` — handing each of the first `common` to `shared`.
        init(_ copy: MergeCopy, path: String, journal: Journal, common: Int, planID: String,
             shared: (Int, JournalLine.Decoded) -> Void = { _, _ in }) throws {
            self.copy = copy
            self.path = path
            self.journal = journal
            self.common = common
            var lines: [JournalLine.Decoded] = [], commonHead = SHA256.Digest.genesis
            lines.reserveCapacity(journal.count - common)
            head = try journal.walk(from: 1, after: .genesis, planID: planID, keepText: true) { number, line, digest in
                if number > common { lines.append(line) } else { shared(number, line) }
                if number == common { commonHead = digest }
            }
            self.lines = lines
            self.commonHead = commonHead
            var earliest = lines.map(\.event.on)
            for index in earliest.indices.reversed().dropFirst() { earliest[index] = min(earliest[index], earliest[index + 1]) }
            self.earliest = earliest
        }

        /// Its line `seq`, one after the shared ones.
        func line(_ seq: Int) -> JournalLine.Decoded { lines[seq - common - 1] }

        /// `bytes` cut into lines as a journal of plan `planID`, refused when it is empty or
        /// its last line is torn.
        static func journal(_ copy: MergeCopy, _ path: String, _ bytes: [UInt8], planID: String) throws -> Journal {
            let journal = Journal(path: path, bytes: bytes)
            switch copy {
            case .this:
                try journal.checkNotTorn(plan: planID)
            case .other:
                // 'wsoa repair' mends the plan's own journal, not a copy named on the command line.
                guard journal.tornTail == nil else {
                    throw journal.damage(journal.count + 1, "the last line is incomplete (no newline at its end), as an interrupted write or copy leaves it; merge a complete copy of it instead")
                }
                if let first = bytes.firstIndex(of: 0x0A), first > 0, bytes[first - 1] == 0x0D {
                    throw WSoAError.notACopy(plan: planID, path: path, reason: "its lines end in CR LF, as a Windows tool or a sync may have converted them, where a journal's lines end in LF alone; convert them back (dos2unix does) and merge it again")
                }
                if let first = bytes.firstIndex(of: 0x0A),
                   case let .planCreated(created)? = try? bytes[..<first].withUnsafeBytes({ try JournalLine.decode($0, keepText: false) }).event,
                   created.id != planID {
                    throw WSoAError.notACopy(plan: planID, path: path, reason: "it is the journal of plan '\(created.id)'")
                }
            }
            guard journal.count > 0 else { throw journal.damage(1, "the journal is empty") }
            return journal
        }
    }

    /// Who merges, on what day and at what time, and why they set lines aside: what the line
    /// the merge writes for each line set aside (`PlanEvent.LineSetAside`) records.
    struct Recording {
        let on: Day
        let by: String
        let recorded: String
        let reason: String?
    }

    /// The merged journal's bytes and plan, with what was done.
    struct Outcome {
        let summary: MergeSummary
        /// The whole merged journal.
        let bytes: [UInt8]
        /// The merged plan, and the latest business date in it (for a snapshot).
        let plan: Plan
        let lastOn: Day
    }

    /// Where one copy's replay stands.
    private struct Side {
        let copy: Copy
        /// The next of its lines to replay (an index into `copy.lines`).
        var next: Int
        /// Its ids (and `V<n>`s) that the merged plan gives another.
        var ids: [String: String] = [:]
        /// Its line numbers after the common ones, and theirs in the merged journal.
        var lines: [Int: Int] = [:]
        /// Visits among its lines so far, so its `V<n>` of each is known.
        var visits: Int
        /// Its lines replayed, by content, each with the id (or `V<n>`) it gave and its merged
        /// line: what the other copy's same line is matched to.
        var replayed: [String: [(given: String?, seq: Int)]] = [:]

        init(_ copy: Copy, visits: Int) {
            self.copy = copy
            next = 0
            self.visits = visits
        }

        var line: JournalLine.Decoded? { next < copy.lines.count ? copy.lines[next] : nil }

        /// Its id `id` in the merged plan.
        func id(_ id: String) -> String { ids[id] ?? id }
        /// Its line `number` in the merged journal.
        func line(_ number: Int) -> Int { lines[number] ?? number }
    }

    /// One line ready to be replayed: the event in the merged plan's ids (its own new id not
    /// yet given) and what it is compared and matched by.
    private struct Candidate {
        let line: JournalLine.Decoded
        /// The earliest business date among it and the rest of its copy's lines.
        let earliest: Day
        let event: PlanEvent
        /// What names the line in every copy (`LineKeys`): its content, without its place, its
        /// note or the ids its copy gave, and so the same for two copies of one line.
        let key: String
        /// The note it carries already, as bytes, for the last tie-break.
        let note: [UInt8]

        /// Whether it goes before `other`: the copy whose waiting lines reach back furthest, so
        /// that a line an officer back-dated is not put after the other copy's later ones for
        /// want of the lines recorded before it; then the earlier business date, then the
        /// earlier recording, then by content; of two copies of one line, the one with a note
        /// first, so that the note of an earlier merge is the one kept.
        func precedes(_ other: Candidate) -> Bool {
            if earliest != other.earliest { return earliest < other.earliest }
            if event.on != other.event.on { return event.on < other.event.on }
            let (mine, theirs) = (line.recorded ?? "", other.line.recorded ?? "")
            if mine != theirs { return mine < theirs }
            if key != other.key { return key < other.key }
            if note.isEmpty != other.note.isEmpty { return !note.isEmpty }
            return note.lexicographicallyPrecedes(other.note)
        }
    }

    /// Both copies read, and the plan as the lines they share leave it: where every replay of
    /// a merge starts, whichever lines it sets aside.
    private struct Start {
        let this: Copy
        let other: Copy
        let planID: String
        /// The lines both copies share.
        let common: Int
        /// The plan folded through them, and the latest business date among them.
        let plan: Plan
        let lastOn: Day
        /// For each copy (`this` first), the lines set aside by an earlier merge that it leaves
        /// out again, by key (`LineSetAside.key`).
        let setAsideBefore: [Set<String>]
        /// For each copy, the key of each of its lines after the common ones (`LineKeys`).
        let keys: [[String]]

        init(this thisPath: String, _ thisBytes: [UInt8], other otherPath: String, _ otherBytes: [UInt8], planID: String) throws {
            let thisJournal = try Copy.journal(.this, thisPath, thisBytes, planID: planID)
            let otherJournal = try Copy.journal(.other, otherPath, otherBytes, planID: planID)
            // Equal bytes are equal hashes; the chain, checked as each copy is read, then makes the
            // last shared line vouch for every line before it.
            var common = 0
            while common < min(thisJournal.count, otherJournal.count), thisJournal.line(common + 1) == otherJournal.line(common + 1) { common += 1 }
            var plan: Plan?, lastOn: Day?
            var namedInBoth: Set<String> = [], commonKeys = LineKeys(journal: thisJournal)
            this = try Copy(.this, path: thisPath, journal: thisJournal, common: common, planID: planID) { number, line in
                if case let .planCreated(created) = line.event { plan = Plan(created: created) } else { plan?.apply(line.event, line: number) }
                if case let .lineSetAside(aside) = line.event { namedInBoth.insert(aside.key) }
                commonKeys.pass(line.event, number: number)
                lastOn = max(lastOn ?? line.event.on, line.event.on)
            }
            guard common > 0, let plan, let lastOn else {
                throw WSoAError.notACopy(plan: planID, path: otherPath,
                                         reason: "its first line is not this plan's first line, so it is the journal of another plan, or of this plan created again")
            }
            other = try Copy(.other, path: otherPath, journal: otherJournal, common: common, planID: planID)
            self.planID = planID
            self.common = common
            self.plan = plan
            self.lastOn = lastOn
            // A merge writes a line naming a line it set aside, and leaves that line out of the
            // merged journal: so a copy that holds both was written by hand, and is refused
            // rather than let it take a line out of every copy. A copy leaves out again what the
            // other copy has named since the lines they share.
            func named(_ copy: Copy) throws -> Set<String> {
                var keys: Set<String> = []
                for line in copy.lines { if case let .lineSetAside(aside) = line.event { keys.insert(aside.key) } }
                if !keys.isEmpty { try LineKeys.checkNoneHeld(in: copy.journal, planID: planID) }
                return keys.subtracting(namedInBoth)
            }
            setAsideBefore = [try named(other), try named(this)]
            keys = try [this, other].map { copy in
                var keys = commonKeys
                return try copy.lines.map { try keys.take($0, number: $0.seq) }
            }
        }

        func copy(_ copy: MergeCopy) -> Copy { copy == .this ? this : other }
    }

    /// What replaying both copies' lines made: the lines to write after the common ones, the
    /// plan they leave, and what the summary says of them.
    private struct Replayed {
        var plan: Plan
        var lastOn: Day
        var drafts: [PlanStore.Draft] = []
        /// Lines taken from each copy (`this` first), and lines both held.
        var taken = [0, 0]
        var inBoth = 0
        var renumbered: [MergeSummary.Renumbered] = []
        /// The lines set aside, with their bytes and key, and the item each was about in the
        /// merged plan's ids (the id its copy gave, for one that gave an item the plan never took in).
        var leftOut: [(line: SetAsideLine, bytes: [UInt8], key: String, id: String?)] = []
        var leftOutAgain: [SetAsideLine] = []
    }

    /// Merges the journals `this` and `other` (their paths, for messages, and bytes), two copies
    /// of plan `planID`, leaving out `setAside`.
    ///
    /// Every line set aside must be one the merge cannot go ahead without leaving out: one it
    /// refuses, or one that names what was set aside. Setting aside is the officers' way to
    /// settle a conflict, not a way to take a recorded line out of the record, which is
    /// corrected or withdrawn in the open. So it is done in the open too: after the lines it
    /// merged, the merge writes a line naming each line set aside (`recording` says by whom),
    /// and a line a copy still holds that the other copy names so is left out again, without a
    /// word from the officers: the conflict was settled once.
    static func merge(this thisPath: String, _ thisBytes: [UInt8], other otherPath: String, _ otherBytes: [UInt8], planID: String,
                      setAside: Set<SetAsideLine> = [], recording: Recording? = nil) throws -> Outcome {
        let start = try Start(this: thisPath, thisBytes, other: otherPath, otherBytes, planID: planID)
        let (this, other, common) = (start.this, start.other, start.common)
        let chosen = setAside.sorted(by: { $0.description < $1.description })
        for line in chosen {
            let copy = start.copy(line.copy)
            guard line.seq > common, line.seq <= copy.journal.count else {
                let count = copy.journal.count - common
                let range = count == 0 ? "no lines" : count == 1 ? "line \(common + 1)" : "lines \(common + 1)–\(copy.journal.count)"
                throw WSoAError.invalidValue(option: "--set-aside", value: line.description,
                                             reason: "\(copy.copy.words) has \(range) after the \(common) both copies share, and only those can be set aside")
            }
        }
        var replayed = try replay(start, setAside: setAside)
        for line in chosen {
            do {
                _ = try replay(start, setAside: setAside.subtracting([line]))
            } catch WSoAError.mergeRefused {
                continue
            }
            throw WSoAError.invalidValue(option: "--set-aside", value: line.description,
                                         reason: "the merge goes ahead without leaving that line out, and only a line the merge refuses (or one that names what was set aside) can be; a line that should not stand is corrected or withdrawn in the open")
        }
        if let recording {
            for (named, _, key, id) in replayed.leftOut {
                let line = start.copy(named.copy).line(named.seq)
                let event = PlanEvent.lineSetAside(.init(
                    on: recording.on, copy: start.copy(named.copy).head.hex, seq: named.seq, key: key, type: line.event.type,
                    setAsideOn: line.event.on, id: id, by: line.by ?? "", recorded: line.recorded ?? "",
                    reason: recording.reason))
                try replayed.plan.check(event, personalDataAllowed: false, recordedOn: recording.on)
                replayed.plan.apply(event, line: common + replayed.drafts.count + 1)
                replayed.drafts.append(PlanStore.Draft(event: event, by: recording.by, recorded: recording.recorded, personalDataAllowed: false))
            }
        }

        let thisTail = this.lines.count, otherTail = other.lines.count
        let kind: MergeSummary.Kind = thisTail == 0 && otherTail == 0 ? .same
            : otherTail == 0 && setAside.isEmpty ? .thisAhead : thisTail == 0 && setAside.isEmpty ? .otherAhead : .merged
        var bytes: [UInt8]
        var head: SHA256.Digest
        switch kind {
        case .same, .thisAhead:
            (bytes, head) = (this.journal.bytes, this.head)
        case .otherAhead:
            (bytes, head) = (other.journal.bytes, other.head)
        case .merged:
            let lines = try PlanStore.lines(for: replayed.drafts, plan: planID, after: common, previous: this.commonHead)
            bytes = Array(this.journal.bytes[..<(this.journal.lines[common - 1].upperBound + 1)]) + lines.bytes
            head = lines.head
        }
        let total = common + replayed.drafts.count
        var summary: MergeSummary
        if kind == .merged, setAside.isEmpty, bytes == this.journal.bytes {
            // A copy merged before, taken in again: its lines are all here, moved or renumbered
            // as that merge left them, and there is nothing to do.
            summary = MergeSummary(plan: planID, kind: .thisAhead, common: common, lines: total, fromThis: 0, fromOther: 0,
                                   inBoth: otherTail - replayed.leftOutAgain.count, renumbered: [], setAside: [], head: head.hex)
        } else {
            summary = MergeSummary(plan: planID, kind: kind, common: common, lines: total, fromThis: replayed.taken[0],
                                   fromOther: replayed.taken[1], inBoth: replayed.inBoth, renumbered: replayed.renumbered,
                                   setAside: replayed.leftOut.map { ($0.line, $0.bytes) }, head: head.hex)
        }
        summary.leftOutAgain = replayed.leftOutAgain
        return Outcome(summary: summary, bytes: bytes, plan: replayed.plan, lastOn: replayed.lastOn)
    }

    /// Replays the lines each copy has after the common ones, in the merge's order, leaving out
    /// `setAside` and the lines an earlier merge set aside; throws the first line refused.
    private static func replay(_ start: Start, setAside: Set<SetAsideLine>) throws -> Replayed {
        let common = start.common
        var sides = [Side(start.this, visits: start.plan.visits.count), Side(start.other, visits: start.plan.visits.count)]
        var result = Replayed(plan: start.plan, lastOn: start.lastOn)
        var origins: [(side: Int, seq: Int)] = []
        // While every merged line so far is one copy's own, unmoved, its next line keeps its bytes.
        var run: (open: Bool, side: Int?) = (true, nil)

        func candidate(_ s: Int) -> Candidate? {
            guard let line = sides[s].line else { return nil }
            let side = sides[s]
            return Candidate(line: line, earliest: side.copy.earliest[side.next], event: line.event.renumbered(id: side.id, line: side.line),
                             key: start.keys[s][side.next],
                             note: line.merged.map { Array("\($0.copy):\($0.seq)".utf8) } ?? [])
        }
        /// Notes that side `s`'s item `old` is `new` in the merged plan.
        func give(_ s: Int, _ old: String, _ new: String) {
            sides[s].ids[old] = new
            if old != new { result.renumbered.append(.init(copy: sides[s].copy.copy, old: old, new: new)) }
        }
        /// Side `s`'s next line leaves the replay without a line of its own: set aside, or
        /// the same as a line the other copy gave. False when it is neither.
        func settle(_ s: Int) -> Bool {
            guard let line = sides[s].line, let found = candidate(s) else { return false }
            let named = SetAsideLine(copy: sides[s].copy.copy, seq: line.seq)
            let chosen = setAside.contains(named)
            if chosen || start.setAsideBefore[s].contains(found.key) {
                if chosen {
                    result.leftOut.append((named, Array(sides[s].copy.journal.line(line.seq)), found.key, found.event.recordID))
                } else {
                    result.leftOutAgain.append(named)
                }
                // What it gave or was is not in the merged plan: a later line of its copy that
                // names it must be refused, not taken to mean the merged plan's item of that id.
                if line.event.type == .monitoringVisitHeld { sides[s].visits += 1 }
                if let old = line.event.givenID ?? (line.event.type == .monitoringVisitHeld ? "V\(sides[s].visits)" : nil) {
                    sides[s].ids[old] = "\(old) (set aside)"
                }
                sides[s].lines[line.seq] = 0
            } else {
                guard let twin = sides[1 - s].replayed[found.key]?.first else { return false }
                sides[1 - s].replayed[found.key]?.removeFirst()
                if line.event.type == .monitoringVisitHeld { sides[s].visits += 1 }
                if let given = twin.given { give(s, line.event.givenID ?? "V\(sides[s].visits)", given) }
                sides[s].lines[line.seq] = twin.seq
                result.inBoth += 1
            }
            // Neither writes a line: a line after it that is still where it was in its copy,
            // every line before it that copy's own, keeps its bytes (`run`).
            sides[s].next += 1
            return true
        }

        while true {
            while settle(0) || settle(1) {}
            let s: Int
            switch (candidate(0), candidate(1)) {
            case (nil, nil): s = -1
            case (_?, nil): s = 0
            case (nil, _?): s = 1
            case let (mine?, theirs?): s = theirs.precedes(mine) ? 1 : 0
            }
            guard s >= 0, let chosen = candidate(s) else { break }
            let line = chosen.line
            let seq = common + result.drafts.count + 1
            var given: String?
            if let old = line.event.givenID {
                given = Self.nextID(like: old, in: result.plan)
            } else if line.event.type == .monitoringVisitHeld {
                sides[s].visits += 1
                given = "V\(result.plan.visits.count + 1)"
            }
            let old = line.event.givenID ?? given.map { _ in "V\(sides[s].visits)" }
            if let given, let old { give(s, old, given) }
            sides[s].lines[line.seq] = seq
            let event = line.event.renumbered(id: sides[s].id, line: sides[s].line)
            do {
                try result.plan.check(event, personalDataAllowed: line.personalDataAllowed, recordedOn: line.recordedOn)
            } catch let WSoAError.refused(refusal) {
                throw WSoAError.mergeRefused(conflict(refusing: line, of: sides[s].copy, as: event, because: refusal,
                                                      after: origins, drafts: result.drafts, sides: sides, planID: start.planID))
            }
            result.plan.apply(event, line: seq)
            result.lastOn = max(result.lastOn, event.on)
            let unmoved = run.open && (run.side ?? s) == s && line.seq == seq && event == line.event
            run = (unmoved, s)
            let note = unmoved ? line.merged
                : line.merged ?? MergeNote(copy: sides[s].copy.head.hex, seq: line.seq, id: old == given ? nil : old)
            result.drafts.append(PlanStore.Draft(event: event, by: line.by ?? "", recorded: line.recorded ?? "",
                                                 personalDataAllowed: line.personalDataAllowed, merged: note))
            origins.append((s, line.seq))
            sides[s].replayed[chosen.key, default: []].append((given, seq))
            sides[s].next += 1
            result.taken[s] += 1
        }
        return result
    }

    /// The id a new item like `old` (`E41`) takes next in `plan`.
    private static func nextID(like old: String, in plan: Plan) -> String {
        switch old.first {
        case "A": return "A\(plan.actions.count + 1)"
        case "M": return "M\(plan.measures.count + 1)"
        case "E": return "E\(plan.evidence.count + 1)"
        default: return "F\(plan.followUps.count + 1)"
        }
    }

    /// The conflict when `line` of `copy` (as `event` in the merged plan) is refused: it and the
    /// other copy's line that stands in its way — the latest about the same item, else the
    /// latest lifecycle event, else the latest of all.
    private static func conflict(refusing line: JournalLine.Decoded, of copy: Copy, as event: PlanEvent, because refusal: Refusal,
                                 after origins: [(side: Int, seq: Int)], drafts: [PlanStore.Draft], sides: [Side],
                                 planID: String) -> MergeConflict {
        let otherSide = copy.copy == .this ? 1 : 0
        let theirs = origins.indices.reversed().filter { origins[$0].side == otherSide }
        let item = subject(of: event)
        let standing = theirs.first { item != nil && subject(of: drafts[$0].event) == item }
            ?? theirs.first { drafts[$0].event.type.isLifecycle } ?? theirs.first
        func described(_ line: JournalLine.Decoded, in copy: Copy) -> MergeConflict.Line {
            MergeConflict.Line(copy: copy.copy, path: copy.path, seq: line.seq, by: line.by ?? "", recorded: line.recorded ?? "",
                               event: line.event)
        }
        let against = standing.map { index in
            let side = sides[origins[index].side].copy
            return described(side.line(origins[index].seq), in: side)
        }
        return MergeConflict(plan: planID, refused: described(line, in: copy), against: against, rule: refusal.rule,
                             reason: refusal.reason)
    }

    /// What an event is about, to find two lines about the same thing: the item's id, or the
    /// line a correction of a lifecycle event names.
    private static func subject(of event: PlanEvent) -> String? {
        if case let .recordAmended(amended) = event { return amended.target.recordID ?? amended.target.description }
        if case let .recordWithdrawn(withdrawn) = event { return withdrawn.target.recordID ?? withdrawn.target.description }
        return event.recordID
    }
}
