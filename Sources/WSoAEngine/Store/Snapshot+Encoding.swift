import Foundation

extension Snapshot {
    /// The snapshot's bytes: canonical JSON (sorted keys, no whitespace, `JSONWriter`'s escapes).
    ///
    /// Days are written as days since 1970-01-01 and numbers with a fraction as the integer
    /// bit pattern of the `Double`, so both read back exactly and fast; records are positional
    /// arrays. `Snapshot(encoded:)` documents the layout field by field.
    var encoded: [UInt8] {
        // Sized up front from the plan's lists, so a long plan's bytes are not copied as they grow.
        let changes = plan.actions.reduce(0) { $0 + $1.statusHistory.count + $1.retargets.count }
        let readings = plan.measures.reduce(0) { $0 + $1.readings.count }
        var out = SnapshotEncoder(capacity: 4_096 + plan.actions.count * 200 + changes * 120 + readings * 32
                                      + plan.evidence.count * 200)
        out.snapshot(self)
        return out.bytes
    }

    /// Writes the same bytes as `encoded` through `sink` a megabyte or so at a time, so a long
    /// plan's snapshot never has to sit in memory whole; throws what `sink` throws.
    func encode(into sink: @escaping ([UInt8]) throws -> Void) throws {
        var out = SnapshotEncoder(capacity: SnapshotEncoder.chunk + 65_536, sink: sink)
        out.snapshot(self)
        try out.finish()
    }
}

/// Appends the parts of a snapshot to a byte buffer.
private struct SnapshotEncoder {
    var bytes: [UInt8] = []
    /// Where full chunks go; nil to keep every byte in `bytes`.
    private let sink: (([UInt8]) throws -> Void)?
    /// The first error the sink threw; nothing more is sent after it.
    private var failure: (any Error)?
    /// The checksum of the deferred lists' items written so far.
    private var checksum = SnapshotChecksum()

    /// Bytes gathered before they are handed to the sink.
    static let chunk = 1 << 20

    init(capacity: Int, sink: (([UInt8]) throws -> Void)? = nil) {
        bytes.reserveCapacity(capacity)
        self.sink = sink
    }

    /// Hands the bytes so far to the sink once a chunk has gathered (after each list item).
    @inline(__always)
    mutating func flushIfFull() {
        if sink != nil, bytes.count >= SnapshotEncoder.chunk { flush() }
    }

    private mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        if failure == nil {
            do { try sink(bytes) } catch { failure = error }
        }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Sends what is left; throws the sink's first error.
    mutating func finish() throws {
        flush()
        if let failure { throw failure }
    }

    mutating func snapshot(_ snapshot: Snapshot) {
        raw("{\"lastOn\":")
        day(snapshot.lastOn)
        raw(",\"lineHash\":")
        string(snapshot.lineHash)
        raw(",\"lineStart\":")
        int(snapshot.lineStart)
        raw(",\"plan\":")
        plan(snapshot.plan)
        raw(",\"seq\":")
        int(snapshot.seq)
        // The checksum covers the deferred lists' items, which are read only later.
        raw(",\"sum\":")
        JSONWriter.write(.int(checksum.value), into: &bytes)
        raw(",\"v\":")
        int(Int(Snapshot.version))
        raw("}")
    }

    @inline(__always)
    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A string as `JSONWriter` writes it, copied in one go when nothing needs escaping.
    mutating func string(_ text: String) {
        var text = text
        let plain = text.withUTF8 { utf8 -> Bool in
            guard !SnapshotEncoder.needsEscaping(utf8) else { return false }
            bytes.append(0x22)
            bytes.append(contentsOf: utf8)
            bytes.append(0x22)
            return true
        }
        if !plain { JSONWriter.write(.string(text), into: &bytes) }
    }

    /// Whether any byte is one `JSONWriter` escapes: below 0x20, `"`, `\` or DEL (eight at a time).
    static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var index = 0
        while index &+ 8 <= utf8.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if (word &- ones &* 0x20) & ~word & highs != 0 || hasZeroByte(word ^ (ones &* 0x22))
                || hasZeroByte(word ^ (ones &* 0x5C)) || hasZeroByte(word ^ (ones &* 0x7F)) {
                return true
            }
            index &+= 8
        }
        while index < utf8.count {
            let byte = base[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
            index &+= 1
        }
        return false
    }
    mutating func int(_ number: Int) { JSONWriter.write(.int(Int64(number)), into: &bytes) }
    mutating func day(_ day: Day) { int(day.daysSince1970) }
    mutating func double(_ number: Double) { JSONWriter.write(.int(Int64(bitPattern: number.bitPattern)), into: &bytes) }
    mutating func bool(_ flag: Bool) { flag ? raw("true") : raw("false") }

    @inline(__always)
    mutating func optional<T>(_ value: T?, _ write: (inout SnapshotEncoder, T) -> Void) {
        if let value { write(&self, value) } else { raw("null") }
    }

    @inline(__always)
    mutating func array<T>(_ items: [T], _ write: (inout SnapshotEncoder, T) -> Void) {
        raw("[")
        for (index, item) in items.enumerated() {
            if index > 0 { raw(",") }
            write(&self, item)
        }
        raw("]")
    }

    /// `[count, item, …]`, for the long lists, so the reader can size them up front.
    @inline(__always)
    mutating func countedArray<T>(_ items: [T], _ write: (inout SnapshotEncoder, T) -> Void) {
        raw("[")
        int(items.count)
        for item in items {
            raw(",")
            write(&self, item)
            flushIfFull()
        }
        raw("]")
    }

    /// `[count, length, item, …]`, for the lists read back only when first used
    /// (`DeferredList`): `length` counts the bytes of the items with their commas, so the
    /// reader steps over them without reading them. `items` are those bytes (`deferredItems`).
    mutating func deferredList(count: Int, items: [UInt8]) {
        raw("[")
        int(count)
        raw(",")
        int(items.count)
        if !items.isEmpty {
            raw(",")
            bytes += items
            checksum.add(count: count)
            items.withUnsafeBytes { checksum.add($0) }
        }
        raw("]")
        flushIfFull()
    }

    /// A deferred list's items, comma-separated: a list still encoded is copied as it was read
    /// (the same bytes this writes), followed by what was appended since.
    static func deferredItems<T>(_ list: DeferredList<T>, _ write: (inout SnapshotEncoder, T) -> Void) -> [UInt8] {
        var items = SnapshotEncoder(capacity: 0)
        if let (encoded, appended) = list.undecoded {
            items.bytes = Array(encoded.bytes[encoded.range])
            for item in appended {
                items.raw(",")
                write(&items, item)
            }
        } else {
            for (index, item) in list.array.enumerated() {
                if index > 0 { items.raw(",") }
                write(&items, item)
            }
        }
        return items.bytes
    }

    /// `deferredList` of `list`, its items encoded here.
    mutating func deferredList<T>(_ list: DeferredList<T>, _ write: (inout SnapshotEncoder, T) -> Void) {
        deferredList(count: list.count, items: SnapshotEncoder.deferredItems(list, write))
    }

    /// `[[count, latest?], …]` in `EvidenceKind.allCases` order.
    mutating func tally(_ tally: EvidenceTally) {
        array(EvidenceKind.allCases) { out, kind in
            out.raw("[")
            out.int(tally.counts[kind] ?? 0)
            out.raw(",")
            out.optional(tally.latest[kind]) { $0.evidence($1) }
            out.raw("]")
        }
    }

    /// `[[key, value], …]` sorted by key, for the plan's small dictionaries.
    mutating func pairs<V: RawRepresentable>(_ dictionary: [String: V]) where V.RawValue == String {
        array(dictionary.sorted { $0.key < $1.key }) { out, pair in
            out.raw("[")
            out.string(pair.key)
            out.raw(",")
            out.string(pair.value.rawValue)
            out.raw("]")
        }
    }

    /// Evidence lists at least this long are encoded on another thread while this one encodes
    /// the actions: writing the snapshot after a long replay is otherwise a fifth of the replay.
    static let backgroundEvidenceItems = 2_048

    mutating func plan(_ plan: Plan) {
        let evidence = plan.evidence
        let background = evidence.count >= SnapshotEncoder.backgroundEvidenceItems
            ? BackgroundItems { SnapshotEncoder.deferredItems(evidence) { $0.evidence($1) } } : nil
        raw("{\"actions\":")
        countedArray(plan.actions) { $0.action($1) }
        raw(",\"area\":")
        string(plan.area)
        raw(",\"ceased\":")
        optional(plan.ceased) { $0.day($1) }
        raw(",\"evidence\":")
        if let background {
            deferredList(count: evidence.count, items: background.wait())
        } else {
            deferredList(evidence) { $0.evidence($1) }
        }
        raw(",\"evidenceTally\":")
        tally(plan.evidenceTally)
        raw(",\"framework\":")
        string(plan.framework.rawValue)
        raw(",\"id\":")
        string(plan.id)
        raw(",\"inspection\":[")
        day(plan.inspection.visit.start)
        raw(",")
        day(plan.inspection.visit.end)
        raw(",")
        optional(plan.inspection.letter) { $0.day($1) }
        raw(",")
        optional(plan.inspection.received) { $0.day($1) }
        raw(",")
        optional(plan.inspection.statementRequired) { $0.bool($1) }
        raw("],\"judgements\":")
        array(plan.judgements) { out, judgement in
            out.raw("[")
            out.day(judgement.on)
            out.raw(",")
            out.bool(judgement.fit)
            out.raw(",")
            out.optional(judgement.note) { $0.string($1) }
            out.raw("]")
        }
        raw(",\"lastLifecycleDay\":")
        day(plan.lastLifecycleDay)
        raw(",\"lastLifecycleEvent\":")
        string(plan.lastLifecycleEvent.rawValue)
        raw(",\"measures\":")
        array(plan.measures) { $0.measure($1) }
        raw(",\"partners\":[")
        optional(plan.partners.la) { $0.string($1) }
        raw(",")
        optional(plan.partners.health) { $0.string($1) }
        raw(",")
        array(plan.partners.renames) { out, rename in
            out.raw("[")
            out.string(rename.role.rawValue)
            out.raw(",")
            out.string(rename.name)
            out.raw(",")
            out.day(rename.on)
            out.raw("]")
        }
        raw("],\"phase\":")
        string(plan.phase.rawValue)
        raw(",\"revisit\":")
        optional(plan.revisit) { out, revisit in
            out.raw("[")
            out.day(revisit.visited.start)
            out.raw(",")
            out.day(revisit.visited.end)
            out.raw(",")
            out.day(revisit.letter)
            out.raw(",")
            out.pairs(revisit.outcomes)
            out.raw("]")
        }
        raw(",\"submissions\":")
        array(plan.submissions) { $0.day($1) }
        raw(",\"visits\":")
        array(plan.visits) { out, visit in
            out.raw("[")
            out.int(visit.number)
            out.raw(",")
            out.day(visit.on)
            out.raw(",")
            out.array(visit.advisers) { $0.string($1) }
            out.raw(",")
            out.pairs(visit.ratings)
            out.raw(",")
            out.array(visit.followUps) { $0.string($1) }
            out.raw(",")
            out.optional(visit.note) { $0.string($1) }
            out.raw("]")
        }
        raw(",\"weaknesses\":")
        array(plan.weaknesses) { out, weakness in
            out.raw("[")
            out.string(weakness.id)
            out.raw(",")
            out.string(weakness.statement)
            out.raw(",")
            out.string(weakness.outcome.rawValue)
            out.raw(",")
            out.bool(weakness.monitored)
            out.raw("]")
        }
        raw(",\"workstreams\":")
        array(plan.workstreams) { out, workstream in
            out.raw("[")
            out.string(workstream.id)
            out.raw(",")
            out.string(workstream.title)
            out.raw(",")
            out.optional(workstream.lead) { $0.string($1) }
            out.raw(",")
            out.optional(workstream.accountable) { $0.string($1) }
            out.raw(",")
            out.optional(workstream.partner) { $0.string($1.rawValue) }
            out.raw(",")
            out.array(workstream.addresses) { $0.string($1) }
            out.raw("]")
        }
        raw("}")
    }

    mutating func action(_ action: ActionItem) {
        raw("[")
        string(action.id)
        raw(",")
        string(action.workstream)
        raw(",")
        string(action.title)
        raw(",")
        optional(action.lead) { $0.string($1) }
        raw(",")
        day(action.originalDue)
        raw(",")
        day(action.due)
        raw(",")
        string(action.status.rawValue)
        raw(",")
        deferredList(action.statusHistory) { out, change in
            out.raw("[")
            out.day(change.on)
            out.raw(",")
            out.string(change.status.rawValue)
            out.raw(",")
            out.optional(change.note) { $0.string($1) }
            out.raw("]")
        }
        raw(",")
        optional(action.completed) { $0.day($1) }
        raw(",")
        deferredList(action.retargets) { out, retarget in
            out.raw("[")
            out.day(retarget.on)
            out.raw(",")
            out.day(retarget.from)
            out.raw(",")
            out.day(retarget.to)
            out.raw(",")
            out.string(retarget.reason)
            out.raw(",")
            out.optional(retarget.agreedWith) { $0.string($1) }
            out.raw("]")
        }
        raw("]")
    }

    mutating func reading(_ reading: Reading) {
        raw("[")
        day(reading.on)
        raw(",")
        double(reading.value)
        raw("]")
    }

    mutating func measure(_ measure: Measure) {
        raw("[")
        string(measure.id)
        raw(",")
        string(measure.workstream)
        raw(",")
        string(measure.title)
        raw(",")
        string(measure.unit)
        raw(",")
        string(measure.direction.rawValue)
        raw(",")
        reading(measure.baseline)
        raw(",")
        optional(measure.national) { $0.double($1) }
        raw(",")
        reading(measure.target)
        raw(",")
        countedArray(measure.readings) { $0.reading($1) }
        raw("]")
    }

    mutating func evidence(_ evidence: Evidence) {
        raw("[")
        string(evidence.id)
        raw(",")
        string(evidence.workstream)
        raw(",")
        optional(evidence.weakness) { $0.string($1) }
        raw(",")
        string(evidence.kind.rawValue)
        raw(",")
        day(evidence.on)
        raw(",")
        string(evidence.title)
        raw(",")
        optional(evidence.source) { $0.string($1) }
        raw(",")
        optional(evidence.file) { out, file in
            out.raw("[")
            out.string(file.path)
            out.raw(",")
            out.int(Int(file.size))
            out.raw(",")
            out.string(file.sha256)
            out.raw("]")
        }
        raw(",")
        optional(evidence.link) { $0.string($1) }
        raw("]")
    }
}

/// A deferred list's items encoded on a thread of their own, for `SnapshotEncoder.plan`.
private final class BackgroundItems: @unchecked Sendable {
    /// The bytes; written before `done` is signalled, read only after `wait`.
    private var items: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)

    /// Starts `encode` on another thread.
    init(_ encode: @escaping @Sendable () -> [UInt8]) {
        Thread.detachNewThread { [self] in
            items = encode()
            done.signal()
        }
    }

    /// Waits for the thread (call once) and returns the bytes.
    func wait() -> [UInt8] {
        done.wait()
        return items
    }
}
