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
    /// (`[n,len,…]` is a list read only when first used, `DeferredList`: `len` is the length in
    /// bytes of its items and their commas, so it is stepped over.)
    /// `{"lastOn":D,"lineHash":S,"lineStart":I,"plan":P,"seq":I,"sum":I,"v":3}` where `D` is days
    /// since 1970-01-01, `sum` the `SnapshotChecksum` of the `[n,len,…]` lists' counts and items, one after
    /// another (the rest is checked as it is read), and `P` is
    /// `{"actions":[n,A…],"area":S,"ceased":D?,"evidence":[n,len,E…],"evidenceTally":[[count,E?]…],"framework":S,"id":S,`
    /// `"inspection":[start,end,letter?,received?,statementRequired?],"judgements":[[on,fit,note?]…],`
    /// `"lastLifecycleDay":D,"lastLifecycleEvent":S,"measures":[M…],"partners":[la?,health?,[[role,name,on]…]],`
    /// `"phase":S,"revisit":[start,end,letter,[[weakness,outcome]…]]?,"submissions":[D…],`
    /// `"visits":[[number,on,[adviser…],[[id,rating]…],[followUp…],note?]…],`
    /// `"weaknesses":[[id,statement,outcome,monitored]…],"workstreams":[[id,title,lead?,accountable?,partner?,[weakness…]]…]}`
    /// with actions `[id,workstream,title,lead?,originalDue,due,status,[n,len,[on,status,note?]…],completed?,[n,len,[on,from,to,reason,agreedWith?]…]]`,
    /// evidence `[id,workstream,weakness?,kind,on,title,source?,[path,size,sha256]?,link?]` and measures
    /// `[id,workstream,title,unit,direction,[on,value],national?,[by,value],[n,[on,value]…]]`, values being
    /// `Double` bit patterns; the tally has one entry per `EvidenceKind`, in `allCases` order.
    init?(encoded bytes: [UInt8]) {
        guard let decoded = bytes.withUnsafeBytes({ raw -> Snapshot? in
            guard let cursor = JSONCursor(raw) else { return nil }
            var decoder = SnapshotDecoder(cursor: cursor, owner: bytes)
            return try? decoder.snapshot()
        }) else { return nil }
        self = decoded
    }
}

/// Reads a snapshot's exact layout, throwing at the first byte that does not fit it.
private struct SnapshotDecoder {
    /// Thrown for anything unexpected; the snapshot is then simply not used.
    struct Mismatch: Error {}

    var cursor: JSONCursor
    /// The bytes `cursor` reads, kept by the lists left encoded; nil when reading such a list.
    let owner: [UInt8]?
    /// The checksum of the items of the lists left encoded so far.
    var checksum = SnapshotChecksum()
    var scratch: [UInt8] = []
    /// Longer strings already read, by a hash of their bytes: the values a plan repeats
    /// thousands of times (workstream ids, leads, sources) then share one storage instead of
    /// costing an allocation each.
    var interned: [Int: String] = [:]

    init(cursor: JSONCursor, owner: [UInt8]?) {
        self.cursor = cursor
        self.owner = owner
    }

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
        try expect(",\"sum\":")
        guard let sum = cursor.int(), sum == checksum.value else { throw Mismatch() }
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

    /// `[count, length, item, …]`: the items are left encoded, `length` bytes stepped over, and
    /// read by `decode` (`items` with the item's reader, in a closure that captures nothing, so
    /// a list costs no allocation for it) only when the list is first used. Only the brackets
    /// and commas around them are checked here; the snapshot's checksum, checked before it is
    /// accepted, vouches for the items.
    mutating func deferredList<T>(summary: (any Sendable)?,
                                  _ decode: @escaping @Sendable (UnsafeRawBufferPointer, Int) -> [T]?) throws -> DeferredList<T> {
        try expect("[")
        let count = try int()
        try expect(",")
        let length = try int()
        guard count >= 0, length >= 0, (count == 0) == (length == 0), let owner else { throw Mismatch() }
        if count == 0 {
            try expect("]")
            return []
        }
        try expect(",")
        let start = cursor.pos
        guard length <= cursor.end - start, length >= 2 * count - 1, cursor.base[start] == UInt8(ascii: "[") else {
            throw Mismatch()
        }
        cursor.pos = start + length
        guard cursor.base[cursor.pos - 1] == UInt8(ascii: "]") else { throw Mismatch() }
        checksum.add(count: count)
        checksum.add(UnsafeRawBufferPointer(start: cursor.base + start, count: length))
        try expect("]")
        return DeferredList(encoded: DeferredList.Encoded(
            bytes: owner, range: start..<(start + length), count: count,
            decode: decode, summary: summary))
    }

    /// Exactly `count` items separated by commas, filling `bytes`; nil for anything else.
    static func items<T>(_ bytes: UnsafeRawBufferPointer, count: Int,
                         _ read: (inout SnapshotDecoder) throws -> T) -> [T]? {
        guard let cursor = JSONCursor(bytes) else { return nil }
        var decoder = SnapshotDecoder(cursor: cursor, owner: nil)
        var items: [T] = []
        items.reserveCapacity(count)
        do {
            items.append(try read(&decoder))
            while decoder.cursor.take(UInt8(ascii: ",")) { items.append(try read(&decoder)) }
        } catch {
            return nil
        }
        return decoder.cursor.atEnd && items.count == count ? items : nil
    }

    /// `[[count, latest?], …]` for each `EvidenceKind` in `allCases` order.
    mutating func tally() throws -> EvidenceTally {
        var counts: [EvidenceKind: Int] = [:]
        var latest: [EvidenceKind: Evidence] = [:]
        try expect("[")
        for (index, kind) in EvidenceKind.allCases.enumerated() {
            if index > 0 { try expect(",") }
            try expect("[")
            let count = try int()
            if count != 0 { counts[kind] = count }
            try expect(",")
            latest[kind] = try optional { try $0.evidence() }
            try expect("]")
        }
        try expect("]")
        guard let tally = EvidenceTally(counts: counts, latest: latest) else { throw Mismatch() }
        return tally
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

    mutating func plan() throws -> Plan {
        try expect("{\"actions\":")
        let actions = try countedArray { try $0.action() }
        try expect(",\"area\":")
        let area = try string()
        try expect(",\"ceased\":")
        let ceased = try optional { try $0.day() }
        try expect(",\"evidence\":")
        var evidence = try deferredList(summary: nil) { SnapshotDecoder.items($0, count: $1) { try $0.evidence() } }
        try expect(",\"evidenceTally\":")
        let tally = try self.tally()
        if let (encoded, appended) = evidence.undecoded, appended.isEmpty {
            evidence = DeferredList(encoded: DeferredList.Encoded(bytes: encoded.bytes, range: encoded.range, count: encoded.count,
                                                                  decode: encoded.decode, summary: tally))
        }
        guard tally.counts.values.reduce(0, +) == evidence.count else { throw Mismatch() }
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
        return Plan(id: id, area: area, framework: framework, phase: phase,
                    inspection: Inspection(visit: visit, letter: letter, received: received, statementRequired: statementRequired),
                    partners: partners, weaknesses: weaknesses, submissions: submissions, judgements: judgements,
                    visits: visits, workstreams: workstreams, actions: actions, measures: measures, evidence: evidence,
                    revisit: revisit, ceased: ceased, lastLifecycleDay: lastLifecycleDay,
                    lastLifecycleEvent: lastLifecycleEvent)
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
        action.statusHistory = try deferredList(summary: nil) { SnapshotDecoder.items($0, count: $1) { try $0.statusChange() } }
        try expect(",")
        action.completed = try optional { try $0.day() }
        try expect(",")
        action.retargets = try deferredList(summary: nil) { SnapshotDecoder.items($0, count: $1) { try $0.retarget() } }
        try expect("]")
        return action
    }

    mutating func statusChange() throws -> ActionItem.StatusChange {
        try expect("[")
        let on = try day()
        try expect(",")
        let status = try enumeration(ActionStatus.self)
        try expect(",")
        let note = try optional { try $0.string() }
        try expect("]")
        return ActionItem.StatusChange(on: on, status: status, note: note)
    }

    mutating func retarget() throws -> ActionItem.Retarget {
        try expect("[")
        let on = try day()
        try expect(",")
        let from = try day()
        try expect(",")
        let to = try day()
        try expect(",")
        let reason = try string()
        try expect(",")
        let agreedWith = try optional { try $0.repeated() }
        try expect("]")
        return ActionItem.Retarget(on: on, from: from, to: to, reason: reason, agreedWith: agreedWith)
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
