/// What names a journal line whichever copy of the plan holds it: the key a merge keeps a line
/// both copies hold once by, and names a line it set aside by (`PlanEvent.LineSetAside.key`).
///
/// A merge may move a line (re-chaining it) and renumber the item it gives or names, and a
/// later merge may renumber it again, so neither the line's bytes nor its ids name it in
/// every copy. What does not change is who recorded it, when, and what, with each item it
/// names taken as the line that gave that item — itself named the same way — rather than by
/// the number a copy gave the item. So the key is the SHA-256 of the line's recorder, recording
/// time and event, with the id it gives left out, each id it names replaced by the key of the
/// line that gave it in the same copy, and each lifecycle line it names by that line's key.
///
/// Keys are worked out walking one copy in order (`take`), as each needs the keys of lines
/// before it. A long run of lines only read past (`pass`: the lines both copies of a merge
/// share) has its keys worked out only when a later line names one of them, from the copy's
/// bytes: most of a plan's items are never named again.
struct LineKeys {
    /// The copy the lines passed are read from when a later line names one.
    private let journal: Journal?
    /// The line that gave each item passed, by the id this copy has for it (`V<n>` for visits).
    private var givers: [String: Int] = [:]
    /// The key of the line that gave each item, by the id this copy has for it.
    private var items: [String: String] = [:]
    /// The key of each lifecycle line, by its number in this copy.
    private var lifecycle: [Int: String] = [:]
    /// Visits so far, to know each visit's `V<n>`.
    private var visits = 0

    /// Keys for a copy walked from its first line; `journal` is the copy, for the lines passed.
    init(journal: Journal? = nil) {
        self.journal = journal
    }

    /// Notes what line `number` gives, without working out its key yet.
    mutating func pass(_ event: PlanEvent, number: Int) {
        if let given = event.givenID { givers[given] = number }
        if event.type == .monitoringVisitHeld {
            visits += 1
            givers["V\(visits)"] = number
        }
    }

    /// The key of `line`, line `number` of the copy, noting what it gives for the lines after.
    mutating func take(_ line: JournalLine.Decoded, number: Int) throws -> String {
        let key = try key(of: line)
        if let given = line.event.givenID { items[given] = key }
        if line.event.type == .monitoringVisitHeld {
            visits += 1
            items["V\(visits)"] = key
        }
        if line.event.type.isLifecycle { lifecycle[number] = key }
        return key
    }

    private mutating func key(of line: JournalLine.Decoded) throws -> String {
        let given = line.event.givenID
        var ids: [String] = [], numbers: [Int] = []
        _ = line.event.renumbered(id: { ids.append($0); return $0 }, line: { numbers.append($0); return $0 })
        var named: [String: String] = [:]
        for id in ids where id != given { named[id] = try item(id) }
        // A line number cannot hold a key: each lifecycle line's key goes after the line's bytes, in order.
        var lines: [UInt8] = []
        for number in numbers { lines += Array((try lifecycleLine(number) ?? "line \(number)").utf8) }
        let event = line.event.renumbered(id: { $0 == given ? "" : named[$0] ?? $0 }, line: { _ in 0 })
        let entry = JournalEntry(seq: 1, prev: JournalEntry.genesisHash, recorded: line.recorded ?? "", by: line.by ?? "", event: event,
                                 personalDataAllowed: line.personalDataAllowed)
        return SHA256.hexDigest(entry.lineBytes + lines)
    }

    /// The key of the line that gave item `id`, nil for an id no line of the copy gave.
    private mutating func item(_ id: String) throws -> String? {
        if let key = items[id] { return key }
        guard let number = givers[id], let line = try passed(number) else { return nil }
        let key = try key(of: line)
        items[id] = key
        return key
    }

    /// The key of lifecycle line `number`, nil when it is no lifecycle line of the copy.
    private mutating func lifecycleLine(_ number: Int) throws -> String? {
        if let key = lifecycle[number] { return key }
        guard let line = try passed(number), line.event.type.isLifecycle else { return nil }
        let key = try key(of: line)
        lifecycle[number] = key
        return key
    }

    /// Line `number` of the copy, read again, if it is one of the lines passed.
    private func passed(_ number: Int) throws -> JournalLine.Decoded? {
        guard let journal, number >= journal.firstLine, number - journal.firstLine < journal.lines.count else { return nil }
        return try journal.line(number).withUnsafeBytes { try JournalLine.decode($0, keepText: true) }
    }

    /// Checks that no line of `journal` (a journal of plan `planID`) names as set aside a line
    /// the journal holds, and throws the first that does as damage. A merge leaves out the line
    /// it sets aside, so such a naming line was written by hand; and a merge must not be led by
    /// it to drop a line that every copy holds.
    static func checkNoneHeld(in journal: Journal, planID: String) throws {
        var keys = LineKeys(), held: [String: Int] = [:], naming: [(line: Int, key: String)] = []
        _ = try journal.walk(from: 1, after: .genesis, planID: planID, keepText: true) { number, line, _ in
            held[try keys.take(line, number: number)] = number
            if case let .lineSetAside(aside) = line.event { naming.append((number, aside.key)) }
        }
        for named in naming {
            guard let line = held[named.key] else { continue }
            throw journal.damage(named.line, "it names line \(line) of this journal as a line set aside in a merge, but a merge leaves out the line it sets aside, so this line was not written by a merge")
        }
    }
}
