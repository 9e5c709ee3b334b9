/// What names a journal line whichever copy of the plan holds it: the key a line set aside in
/// a merge is named by (`PlanEvent.LineSetAside.key`).
///
/// A merge may move a line (re-chaining it) and renumber the item it gives or names, and a
/// later merge may renumber it again, so neither the line's bytes nor its ids name it in
/// every copy. What does not change is who recorded it, when, and what, with each item it
/// names taken as the line that gave that item — itself named the same way — rather than by
/// the number a copy gave the item. So the key is the SHA-256 of the line's recorder, recording
/// time and event, with the id it gives left out, each id it names replaced by the key of the
/// line that gave it in the same copy, and each lifecycle line it names by that line's key.
///
/// Keys are worked out walking one copy from its first line (`take`), as each needs the keys
/// of the lines before it that gave what it names.
struct LineKeys {
    /// The key of the line that gave each item, by the id this copy has for it (`V<n>` for visits).
    private var items: [String: String] = [:]
    /// The key of each lifecycle line, by its number in this copy.
    private var lifecycle: [Int: String] = [:]
    /// Visits so far, to know each visit's `V<n>`.
    private var visits = 0

    /// The key of `line`, line `number` of the copy, noting what it gives for the lines after.
    mutating func take(_ line: JournalLine.Decoded, number: Int) -> String {
        let key = Self.key(of: line, items: items, lifecycle: lifecycle)
        note(line, number: number, key: key)
        return key
    }

    /// Notes what `line`, line `number` of the copy, gives for the lines after, working out its
    /// key only if it gives something: all a line both copies share needs, since only the lines
    /// a copy has after those are ever set aside.
    mutating func pass(_ line: JournalLine.Decoded, number: Int) {
        guard line.event.givenID != nil || line.event.type == .monitoringVisitHeld || line.event.type.isLifecycle else { return }
        note(line, number: number, key: Self.key(of: line, items: items, lifecycle: lifecycle))
    }

    private mutating func note(_ line: JournalLine.Decoded, number: Int, key: String) {
        if let given = line.event.givenID { items[given] = key }
        if line.event.type == .monitoringVisitHeld {
            visits += 1
            items["V\(visits)"] = key
        }
        if line.event.type.isLifecycle { lifecycle[number] = key }
    }

    private static func key(of line: JournalLine.Decoded, items: [String: String], lifecycle: [Int: String]) -> String {
        let given = line.event.givenID
        var named: [UInt8] = []
        let event = line.event.renumbered(id: { $0 == given ? "" : items[$0] ?? $0 }, line: { number in
            // A line number cannot hold a key: the key goes after the line's bytes, in order.
            named += Array((lifecycle[number] ?? "line \(number)").utf8)
            return 0
        })
        let entry = JournalEntry(seq: 1, prev: JournalEntry.genesisHash, recorded: line.recorded ?? "", by: line.by ?? "", event: event,
                                 personalDataAllowed: line.personalDataAllowed)
        return SHA256.hexDigest(entry.lineBytes + named)
    }

    /// Checks that no line of `journal` (a journal of plan `planID`) names as set aside a line
    /// the journal holds, and throws the first that does as damage. A merge leaves out the line
    /// it sets aside, so such a naming line was written by hand; and a merge must not be led by
    /// it to drop a line that every copy holds.
    static func checkNoneHeld(in journal: Journal, planID: String) throws {
        var keys = LineKeys(), held: [String: Int] = [:], naming: [(line: Int, key: String)] = []
        _ = try journal.walk(from: 1, after: .genesis, planID: planID, keepText: true) { number, line, _ in
            held[keys.take(line, number: number)] = number
            if case let .lineSetAside(aside) = line.event { naming.append((number, aside.key)) }
        }
        for named in naming {
            guard let line = held[named.key] else { continue }
            throw journal.damage(named.line, "it names line \(line) of this journal as a line set aside in a merge, but a merge leaves out the line it sets aside, so this line was not written by a merge")
        }
    }
}
