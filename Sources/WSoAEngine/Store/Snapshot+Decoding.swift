import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Snapshot {
    /// Reads the bytes `encoded` writes; nil for anything else (another version, a partial or
    /// spoiled file), which makes the store replay the journal instead.
    ///
    /// Layout, every object's keys in sorted order:
    /// (`[n,…]` is a long list led by its length.)
    /// `{"lastOn":D,"lineHash":S,"lineStart":I,"plan":P,"seq":I,"v":2}` where `D` is days since
    /// 1970-01-01 and `P` is
    /// `{"actions":[n,A…],"area":S,"ceased":D?,"evidence":[E…],"framework":S,"id":S,`
    /// `"inspection":[start,end,letter?,received?,statementRequired?],"judgements":[[on,fit,note?]…],`
    /// `"lastLifecycleDay":D,"lastLifecycleEvent":S,"measures":[M…],"partners":[la?,health?,[[role,name,on]…]],`
    /// `"phase":S,"revisit":[start,end,letter,[[weakness,outcome]…]]?,"submissions":[D…],`
    /// `"visits":[[number,on,[adviser…],[[id,rating]…],[followUp…],note?]…],`
    /// `"weaknesses":[[id,statement,outcome,monitored]…],"workstreams":[[id,title,lead?,accountable?,partner?,[weakness…]]…]}`
    /// with actions `[id,workstream,title,lead?,originalDue,due,status,[n,[on,status,note?]…],completed?,[[on,from,to,reason,agreedWith?]…]]`,
    /// evidence `[id,workstream,weakness?,kind,on,title,source?,[path,size,sha256]?,link?]` and measures
    /// `[id,workstream,title,unit,direction,[on,value],national?,[by,value],[n,[on,value]…]]`, values being
    /// `Double` bit patterns.
    init?(encoded bytes: UnsafeRawBufferPointer) {
        guard let cursor = JSONCursor(bytes) else { return nil }
        var decoder = SnapshotDecoder(cursor: cursor)
        guard let decoded = try? decoder.snapshot() else { return nil }
        self = decoded
    }

    /// Reads the bytes `encoded` writes; nil for anything else.
    init?(encoded bytes: [UInt8]) {
        guard let decoded = bytes.withUnsafeBytes({ Snapshot(encoded: $0) }) else { return nil }
        self = decoded
    }
}

/// Reads a snapshot's exact layout, throwing at the first byte that does not fit it.
private struct SnapshotDecoder {
    /// Thrown for anything unexpected; the snapshot is then simply not used.
    struct Mismatch: Error {}

    var cursor: JSONCursor
    var scratch: [UInt8] = []
    /// Longer strings already read, by a hash of their bytes: the values a plan repeats
    /// thousands of times (workstream ids, leads, sources) then share one storage instead of
    /// costing an allocation each.
    var interned: [Int: String] = [:]

    init(cursor: JSONCursor) { self.cursor = cursor }

    mutating func snapshot() throws -> Snapshot {
        try expect("{\"lastOn\":")
        let lastOn = try day()
        try expect(",\"lineHash\":")
        let lineHash = try string()
        try expect(",\"lineStart\":")
        let lineStart = try int()
        try expect(",\"plan\":")
        let plan = try self.plan()
        try expect(",\"seq\":")
        let seq = try int()
        try expect(",\"v\":")
        guard try int() == Int(Snapshot.version) else { throw Mismatch() }
        try expect("}")
        guard cursor.atEnd, seq >= 1, lineStart >= 0 else { throw Mismatch() }
        return Snapshot(seq: seq, lineHash: lineHash, lineStart: lineStart, lastOn: lastOn, plan: plan)
    }

    // MARK: Values

    @inline(__always)
    mutating func expect(_ literal: StaticString) throws {
        guard cursor.take(literal) else { throw Mismatch() }
    }

    @inline(__always)
    mutating func string() throws -> String {
        guard let text = cursor.escapedString(scratch: &scratch) else { throw Mismatch() }
        return text
    }

    /// A string that is likely to repeat, shared with an earlier equal one when there is one.
    mutating func repeated() throws -> String {
        let start = cursor.pos
        guard let raw = cursor.rawString() else {
            cursor.pos = start
            return try string()
        }
        // Up to 15 bytes a Swift string is stored inline, with nothing to share.
        guard raw.count > 15 else { return String(decoding: raw, as: UTF8.self) }
        // A cheap key (length and the first and last eight bytes); a clash only costs a copy,
        // as the bytes are compared before a stored string is reused.
        let start8 = UnsafeRawPointer(raw.baseAddress!).loadUnaligned(as: Int.self)
        let end8 = UnsafeRawPointer(raw.baseAddress! + raw.count - 8).loadUnaligned(as: Int.self)
        let key = raw.count &+ start8 &* 31 &+ end8 &* 1_000_003
        if let known = interned[key], known.utf8.count == raw.count,
           known.utf8.withContiguousStorageIfAvailable({ memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0 }) == true {
            return known
        }
        let text = String(decoding: raw, as: UTF8.self)
        if interned.count < 4_096 { interned[key] = text }
        return text
    }

    @inline(__always)
    mutating func int() throws -> Int {
        guard let number = cursor.int() else { throw Mismatch() }
        return Int(number)
    }

    @inline(__always)
    mutating func day() throws -> Day {
        guard let number = cursor.int(), let days = Int32(exactly: number) else { throw Mismatch() }
        return Day(daysSince1970: Int(days))
    }

    mutating func double() throws -> Double {
        guard let number = cursor.int() else { throw Mismatch() }
        return Double(bitPattern: UInt64(bitPattern: number))
    }

    mutating func bool() throws -> Bool {
        guard let flag = cursor.bool() else { throw Mismatch() }
        return flag
    }

    @inline(__always)
    mutating func enumeration<E: RawRepresentable>(_ type: E.Type) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: try string()) else { throw Mismatch() }
        return value
    }

    @inline(__always)
    mutating func optional<T>(_ read: (inout SnapshotDecoder) throws -> T) throws -> T? {
        cursor.null() ? nil : try read(&self)
    }

    @inline(__always)
    mutating func array<T>(_ read: (inout SnapshotDecoder) throws -> T) throws -> [T] {
        try expect("[")
        var items: [T] = []
        if cursor.take(UInt8(ascii: "]")) { return items }
        repeat { items.append(try read(&self)) } while cursor.take(UInt8(ascii: ","))
        try expect("]")
        return items
    }

    /// `[count, item, …]`, the form of the long lists: the count sizes the array up front
    /// (capped by the bytes left, so a spoiled count cannot ask for more than the file holds).
    @inline(__always)
    mutating func countedArray<T>(_ read: (inout SnapshotDecoder) throws -> T) throws -> [T] {
        try expect("[")
        let count = try int()
        guard count >= 0 else { throw Mismatch() }
        var items: [T] = []
        items.reserveCapacity(min(count, (cursor.end - cursor.pos) / 8))
        while cursor.take(UInt8(ascii: ",")) { items.append(try read(&self)) }
        guard items.count == count else { throw Mismatch() }
        try expect("]")
        return items
    }

    /// `[[key, value], …]` into a dictionary; a repeated key is a mismatch.
    mutating func pairs<V: RawRepresentable>(_ type: V.Type) throws -> [String: V] where V.RawValue == String {
        var dictionary: [String: V] = [:]
        for (key, value) in try array({ decoder -> (String, V) in
            try decoder.expect("[")
            let key = try decoder.string()
            try decoder.expect(",")
            let value = try decoder.enumeration(V.self)
            try decoder.expect("]")
            return (key, value)
        }) {
            guard dictionary.updateValue(value, forKey: key) == nil else { throw Mismatch() }
        }
        return dictionary
    }

    mutating func range() throws -> DayRange {
        let start = try day()
        try expect(",")
        guard let range = try? DayRange(start: start, end: try day()) else { throw Mismatch() }
        return range
    }

    // MARK: The plan

    /// Snapshots at least this long read their evidence on another thread.
    static let backgroundEvidenceBytes = 1 << 20

    mutating func plan() throws -> Plan {
        try expect("{\"actions\":")
        // A long plan's evidence (the largest list) is read on another thread meanwhile; it must
        // be finished before this returns or throws, as it reads the same bytes.
        let background = cursor.end - cursor.pos >= SnapshotDecoder.backgroundEvidenceBytes ? startEvidence() : nil
        defer { background?.wait() }
        let actions = try countedArray { try $0.action() }
        try expect(",\"area\":")
        let area = try string()
        try expect(",\"ceased\":")
        let ceased = try optional { try $0.day() }
        try expect(",\"evidence\":")
        var evidence: [Evidence] = []
        let readInBackground = background.map { cursor.pos == $0.start } ?? false
        if let background, readInBackground {
            cursor.pos = background.end
        } else {
            evidence = try countedArray { try $0.evidence() }
        }
        try expect(",\"framework\":")
        let framework = try enumeration(Framework.self)
        try expect(",\"id\":")
        let id = try string()
        try expect(",\"inspection\":[")
        let visit = try range()
        try expect(",")
        let letter = try optional { try $0.day() }
        try expect(",")
        let received = try optional { try $0.day() }
        try expect(",")
        let statementRequired = try optional { try $0.bool() }
        try expect("],\"judgements\":")
        let judgements = try array { decoder -> Judgement in
            try decoder.expect("[")
            let on = try decoder.day()
            try decoder.expect(",")
            let fit = try decoder.bool()
            try decoder.expect(",")
            let note = try decoder.optional { try $0.string() }
            try decoder.expect("]")
            return Judgement(on: on, fit: fit, note: note)
        }
        try expect(",\"lastLifecycleDay\":")
        let lastLifecycleDay = try day()
        try expect(",\"lastLifecycleEvent\":")
        let lastLifecycleEvent = try enumeration(EventType.self)
        try expect(",\"measures\":")
        let measures = try array { try $0.measure() }
        try expect(",\"partners\":[")
        var partners = Partners(la: try optional { try $0.string() })
        try expect(",")
        partners.health = try optional { try $0.string() }
        try expect(",")
        partners.renames = try array { decoder -> PartnerRename in
            try decoder.expect("[")
            let role = try decoder.enumeration(PartnerRole.self)
            try decoder.expect(",")
            let name = try decoder.string()
            try decoder.expect(",")
            let on = try decoder.day()
            try decoder.expect("]")
            return PartnerRename(role: role, name: name, on: on)
        }
        try expect("],\"phase\":")
        let phase = try enumeration(Phase.self)
        try expect(",\"revisit\":")
        let revisit = try optional { decoder -> Revisit in
            try decoder.expect("[")
            let visited = try decoder.range()
            try decoder.expect(",")
            let letter = try decoder.day()
            try decoder.expect(",")
            let outcomes = try decoder.pairs(WeaknessOutcome.self)
            try decoder.expect("]")
            return Revisit(visited: visited, letter: letter, outcomes: outcomes)
        }
        try expect(",\"submissions\":")
        let submissions = try array { try $0.day() }
        try expect(",\"visits\":")
        let visits = try array { decoder -> MonitoringVisit in
            try decoder.expect("[")
            let number = try decoder.int()
            try decoder.expect(",")
            let on = try decoder.day()
            try decoder.expect(",")
            let advisers = try decoder.array { try $0.string() }
            try decoder.expect(",")
            let ratings = try decoder.pairs(Rating.self)
            try decoder.expect(",")
            let followUps = try decoder.array { try $0.string() }
            try decoder.expect(",")
            let note = try decoder.optional { try $0.string() }
            try decoder.expect("]")
            return MonitoringVisit(number: number, on: on, advisers: advisers, ratings: ratings, followUps: followUps, note: note)
        }
        try expect(",\"weaknesses\":")
        let weaknesses = try array { decoder -> Weakness in
            try decoder.expect("[")
            let id = try decoder.string()
            try decoder.expect(",")
            let statement = try decoder.string()
            try decoder.expect(",")
            let outcome = try decoder.enumeration(WeaknessOutcome.self)
            try decoder.expect(",")
            let monitored = try decoder.bool()
            try decoder.expect("]")
            return Weakness(id: id, statement: statement, outcome: outcome, monitored: monitored)
        }
        try expect(",\"workstreams\":")
        let workstreams = try array { decoder -> Workstream in
            try decoder.expect("[")
            let id = try decoder.string()
            try decoder.expect(",")
            let title = try decoder.string()
            try decoder.expect(",")
            let lead = try decoder.optional { try $0.string() }
            try decoder.expect(",")
            let accountable = try decoder.optional { try $0.string() }
            try decoder.expect(",")
            let partner = try decoder.optional { try $0.enumeration(LeadPartner.self) }
            try decoder.expect(",")
            let addresses = try decoder.array { try $0.string() }
            try decoder.expect("]")
            return Workstream(id: id, title: title, lead: lead, accountable: accountable, partner: partner, addresses: addresses)
        }
        try expect("}")
        if let background, readInBackground {
            guard let read = background.wait() else { throw Mismatch() }
            evidence = read
        }
        return Plan(id: id, area: area, framework: framework, phase: phase,
                    inspection: Inspection(visit: visit, letter: letter, received: received, statementRequired: statementRequired),
                    partners: partners, weaknesses: weaknesses, submissions: submissions, judgements: judgements,
                    visits: visits, workstreams: workstreams, actions: actions, measures: measures, evidence: evidence,
                    revisit: revisit, ceased: ceased, lastLifecycleDay: lastLifecycleDay,
                    lastLifecycleEvent: lastLifecycleEvent)
    }

    /// Finds the evidence list by skipping what comes before it (`cursor` is at the actions)
    /// and starts reading it on another thread; nil when it is short or anything looks odd, and
    /// the list is then read in turn.
    func startEvidence() -> BackgroundEvidence? {
        var probe = cursor
        guard probe.skipValue(), probe.take(",\"area\":"), probe.skipValue(), probe.take(",\"ceased\":"),
              probe.skipValue(), probe.take(",\"evidence\":") else { return nil }
        let start = probe.pos
        guard probe.take(UInt8(ascii: "[")), let count = probe.int(), count >= 2_048 else { return nil }
        probe.pos = start
        guard probe.skipValue() else { return nil }
        return BackgroundEvidence(base: cursor.base, start: start, end: probe.pos)
    }

    mutating func action() throws -> ActionItem {
        try expect("[")
        let id = try string()
        try expect(",")
        let workstream = try repeated()
        try expect(",")
        let title = try string()
        try expect(",")
        let lead = try optional { try $0.repeated() }
        try expect(",")
        let originalDue = try day()
        try expect(",")
        var action = ActionItem(id: id, workstream: workstream, title: title, lead: lead, due: originalDue)
        action.due = try day()
        try expect(",")
        action.status = try enumeration(ActionStatus.self)
        try expect(",")
        action.statusHistory = try countedArray { decoder -> ActionItem.StatusChange in
            try decoder.expect("[")
            let on = try decoder.day()
            try decoder.expect(",")
            let status = try decoder.enumeration(ActionStatus.self)
            try decoder.expect(",")
            let note = try decoder.optional { try $0.string() }
            try decoder.expect("]")
            return ActionItem.StatusChange(on: on, status: status, note: note)
        }
        try expect(",")
        action.completed = try optional { try $0.day() }
        try expect(",")
        action.retargets = try array { decoder -> ActionItem.Retarget in
            try decoder.expect("[")
            let on = try decoder.day()
            try decoder.expect(",")
            let from = try decoder.day()
            try decoder.expect(",")
            let to = try decoder.day()
            try decoder.expect(",")
            let reason = try decoder.string()
            try decoder.expect(",")
            let agreedWith = try decoder.optional { try $0.repeated() }
            try decoder.expect("]")
            return ActionItem.Retarget(on: on, from: from, to: to, reason: reason, agreedWith: agreedWith)
        }
        try expect("]")
        return action
    }

    mutating func reading() throws -> Reading {
        try expect("[")
        let on = try day()
        try expect(",")
        let value = try double()
        try expect("]")
        return Reading(on: on, value: value)
    }

    mutating func measure() throws -> Measure {
        try expect("[")
        let id = try string()
        try expect(",")
        let workstream = try string()
        try expect(",")
        let title = try string()
        try expect(",")
        let unit = try string()
        try expect(",")
        let direction = try enumeration(MeasureDirection.self)
        try expect(",")
        let baseline = try reading()
        try expect(",")
        let national = try optional { try $0.double() }
        try expect(",")
        let target = try reading()
        try expect(",")
        var measure = Measure(id: id, workstream: workstream, title: title, unit: unit, direction: direction,
                              baseline: baseline, national: national, target: target)
        measure.readings = try countedArray { try $0.reading() }
        try expect("]")
        return measure
    }

    mutating func evidence() throws -> Evidence {
        try expect("[")
        let id = try string()
        try expect(",")
        let workstream = try repeated()
        try expect(",")
        let weakness = try optional { try $0.string() }
        try expect(",")
        let kind = try enumeration(EvidenceKind.self)
        try expect(",")
        let on = try day()
        try expect(",")
        let title = try string()
        try expect(",")
        let source = try optional { try $0.repeated() }
        try expect(",")
        let file = try optional { decoder -> FileReference in
            try decoder.expect("[")
            let path = try decoder.string()
            try decoder.expect(",")
            let size = try decoder.int()
            try decoder.expect(",")
            let sha256 = try decoder.string()
            try decoder.expect("]")
            return FileReference(path: path, size: Int64(size), sha256: sha256)
        }
        try expect(",")
        let link = try optional { try $0.string() }
        try expect("]")
        return Evidence(id: id, workstream: workstream, weakness: weakness, kind: kind, on: on, title: title,
                        source: source, file: file, link: link)
    }
}

/// A snapshot's evidence list read on a thread of its own, for `SnapshotDecoder`.
private final class BackgroundEvidence: @unchecked Sendable {
    /// Where the list starts and ends in the snapshot's bytes.
    let start: Int
    let end: Int
    /// The list, or nil when it did not read exactly to `end`; written before `done` is signalled.
    private var evidence: [Evidence]?
    private let done = DispatchSemaphore(value: 0)
    private var finished = false

    /// Starts reading the bytes `start..<end` after `base`, which must stay valid until `wait`.
    init(base: UnsafePointer<UInt8>, start: Int, end: Int) {
        self.start = start
        self.end = end
        let bytes = UnsafeRawBufferPointer(start: base + start, count: end - start)
        nonisolated(unsafe) let unsafeBytes = bytes
        Thread.detachNewThread { [self] in
            if let cursor = JSONCursor(unsafeBytes) {
                var decoder = SnapshotDecoder(cursor: cursor)
                if let items = try? decoder.countedArray({ try $0.evidence() }), decoder.cursor.atEnd {
                    evidence = items
                }
            }
            done.signal()
        }
    }

    /// Waits for the thread (once) and returns the list, or nil when it did not read.
    @discardableResult
    func wait() -> [Evidence]? {
        if !finished {
            done.wait()
            finished = true
        }
        return evidence
    }
}
