#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a journal line straight into a `JournalEntry`, without building a `JSONValue` tree,
/// when the line is in the exact form `JournalEntry.lineBytes` writes.
///
/// Replay reads every line of a journal on every command, and the general path (`JSONReader`
/// into dictionaries, then `JournalEntry(json:)`) spends most of its time building and
/// hashing dictionaries that are thrown away at once. This reader walks the canonical line
/// (`{"by":…,"data":{…},"on":…,"prev":…,"recorded":…,"seq":…,"type":…,"v":1}`, keys sorted,
/// no whitespace) and builds the entry as it goes, for the event types that make up nearly
/// every line of a long journal (actions, measures' values, evidence, submissions and
/// judgements).
///
/// It is only a fast path: anything else — another key order or spacing, an unknown or
/// unexpected key, a rarer event type, a value of an unexpected kind, a date or number it
/// would have to think about — makes it answer nil, and `Journal` reads the line with the
/// general path, which then accepts or refuses it with its own message. So it never accepts
/// a line the general path refuses, and what it accepts it reads to the identical entry
/// (`JournalLineReaderTests` checks both on every line the tests write and on a fuzzed corpus).
enum JournalLineReader {
    /// Reads `line` the fast way when it can and the general way otherwise, throwing what the
    /// general path throws.
    ///
    /// In debug builds every line read the fast way is read the general way too and must come
    /// out identical, so every test that reads a journal also checks this reader.
    static func read(_ line: ArraySlice<UInt8>) throws -> JournalEntry {
        guard let fast = entry(line) else { return try JournalEntry(json: JSONReader.parse(line)) }
        #if DEBUG
        let general = try? JournalEntry(json: JSONReader.parse(line))
        precondition(general == fast, "JournalLineReader disagrees with the general path on \(String(decoding: line, as: UTF8.self))")
        #endif
        return fast
    }

    /// The entry on `line`, or nil when the line is not one this reader handles.
    static func entry(_ line: ArraySlice<UInt8>) -> JournalEntry? {
        line.withUnsafeBytes { entry($0) }
    }

    /// The entry in `bytes` (one line, without its newline), or nil when the line is not one
    /// this reader handles.
    static func entry(_ bytes: UnsafeRawBufferPointer) -> JournalEntry? {
        guard let parts = parts(bytes, keepText: true) else { return nil }
        return JournalEntry(seq: parts.seq, prev: parts.prevText, recorded: parts.recorded, by: parts.by,
                            event: parts.event, personalDataAllowed: parts.personalDataAllowed)
    }

    /// What replay keeps of a line: its place in the chain and its event. `by` and `recorded`
    /// are checked exactly as for a `JournalEntry` but not kept, and `prev` is held as a digest,
    /// which saves a replay three or four heap allocations a line.
    struct Replayed: Equatable {
        /// The line's `seq`.
        let seq: Int
        /// The line's `prev`, read from its hex digits.
        let prev: SHA256.Digest
        /// The line's event.
        let event: PlanEvent

        /// What replay keeps of `entry`, a line read the general way.
        init(_ entry: JournalEntry) {
            // `JournalEntry(json:)` refuses any `prev` that is not 64 lower-case hex digits.
            guard let prev = SHA256.Digest(hex: entry.prev) else { preconditionFailure("prev is not 64 hex digits") }
            self.init(seq: entry.seq, prev: prev, event: entry.event)
        }

        /// Makes one from its parts.
        init(seq: Int, prev: SHA256.Digest, event: PlanEvent) {
            self.seq = seq
            self.prev = prev
            self.event = event
        }
    }

    /// Reads `line` for replay: the fast way when it can and the general way otherwise,
    /// throwing what the general path throws, so it accepts and refuses exactly the lines
    /// `read` does.
    ///
    /// In debug builds every line read the fast way is read the general way too and must come
    /// out identical.
    static func replayed(_ line: ArraySlice<UInt8>) throws -> Replayed {
        let fast = line.withUnsafeBytes { bytes in
            parts(bytes, keepText: false).map { Replayed(seq: $0.seq, prev: $0.prev, event: $0.event) }
        }
        guard let fast else { return Replayed(try JournalEntry(json: JSONReader.parse(line))) }
        #if DEBUG
        let general = try? JournalEntry(json: JSONReader.parse(line))
        precondition(general.map(Replayed.init) == fast,
                     "JournalLineReader's replay path disagrees with the general path on \(String(decoding: line, as: UTF8.self))")
        #endif
        return fast
    }

    /// A line's parts as the fast path reads them.
    private struct Parts {
        var seq: Int
        /// `prev` as a digest (only when the text is not kept).
        var prev: SHA256.Digest
        /// `prev`, `recorded` and `by` as text: empty unless the text is kept.
        var prevText: String
        var recorded: String
        var by: String
        var event: PlanEvent
        var personalDataAllowed: Bool
    }

    /// The parts of the line in `bytes`, or nil when it is not one this reader handles.
    /// `keepText` makes strings of `prev`, `recorded` and `by`; without it they are checked
    /// exactly the same way (`JSONCursor.validString` accepts what `escapedString` does), and
    /// `prev` is read into a digest instead.
    @inline(__always)
    private static func parts(_ bytes: UnsafeRawBufferPointer, keepText: Bool) -> Parts? {
        guard var cursor = JSONCursor(bytes) else { return nil }
        var scratch: [UInt8] = []
        var by = "", recorded = "", prevText = ""
        var prev = SHA256.Digest.genesis
        guard cursor.take("{\"by\":") else { return nil }
        if keepText {
            guard let text = cursor.escapedString(scratch: &scratch) else { return nil }
            by = text
        } else {
            guard cursor.validString(scratch: &scratch) else { return nil }
        }
        guard cursor.take(",\"data\":"), let data = DataFields.read(&cursor, scratch: &scratch),
              cursor.take(",\"on\":"), let on = cursor.day(),
              cursor.take(",\"prev\":"), let prevBytes = cursor.rawString() else { return nil }
        if keepText {
            guard isHash(prevBytes) else { return nil }
            prevText = String(decoding: prevBytes, as: UTF8.self)
        } else {
            guard let digest = SHA256.Digest(hex: prevBytes) else { return nil }
            prev = digest
        }
        guard cursor.take(",\"recorded\":") else { return nil }
        if keepText {
            guard let text = cursor.escapedString(scratch: &scratch) else { return nil }
            recorded = text
        } else {
            guard cursor.validString(scratch: &scratch) else { return nil }
        }
        guard cursor.take(",\"seq\":"), let seq = cursor.int(), seq >= 1, seq <= Int64(Int32.max),
              cursor.take(",\"type\":"), let typeName = cursor.rawString(), let type = eventType(typeName),
              cursor.take(",\"v\":"), cursor.int() == JournalEntry.schemaVersion,
              cursor.take(UInt8(ascii: "}")), cursor.atEnd,
              let event = data.event(type, on: on)
        else { return nil }
        return Parts(seq: Int(seq), prev: prev, prevText: prevText, recorded: recorded, by: by, event: event,
                     personalDataAllowed: data.personalDataAllowed)
    }

    /// The event type named by `name` (the handled ones; nil for the rest, which take the
    /// general path anyway).
    private static func eventType(_ name: UnsafeBufferPointer<UInt8>) -> EventType? {
        @inline(__always) func spelled(_ text: StaticString) -> Bool {
            text.utf8CodeUnitCount == name.count && memcmp(text.utf8Start, name.baseAddress!, name.count) == 0
        }
        switch name.count {
        case 11 where spelled("actionAdded"): return .actionAdded
        case 13 where spelled("actionUpdated"): return .actionUpdated
        case 13 where spelled("evidenceAdded"): return .evidenceAdded
        case 15 where spelled("measureRecorded"): return .measureRecorded
        case 15 where spelled("statementJudged"): return .statementJudged
        case 16 where spelled("actionRetargeted"): return .actionRetargeted
        case 16 where spelled("monitoringCeased"): return .monitoringCeased
        case 18 where spelled("statementSubmitted"): return .statementSubmitted
        default: return nil
        }
    }

    /// Whether `text` is 64 lower-case hex digits, as `prev` must be.
    private static func isHash(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.count == 64 && text.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}

extension JournalLineReader {
    /// The members of a line's `data` object that the handled event types use, read in
    /// sorted key order; which of them an event needs is checked once its type is known.
    private struct DataFields {
        /// The keys this reader knows, in the sorted order canonical lines have them.
        enum Key: Int, CaseIterable {
            case agreedWith, due, file, fit, id, kind, lead, link, note, personalDataAllowed, reason, source, status,
                 title, value, weakness, workstream

            /// The key spelled by `name`, or nil.
            init?(_ name: UnsafeBufferPointer<UInt8>) {
                @inline(__always) func spelled(_ text: StaticString) -> Bool {
                    text.utf8CodeUnitCount == name.count && memcmp(text.utf8Start, name.baseAddress!, name.count) == 0
                }
                switch name.count {
                case 2 where spelled("id"): self = .id
                case 3 where spelled("due"): self = .due
                case 3 where spelled("fit"): self = .fit
                case 4 where spelled("file"): self = .file
                case 4 where spelled("kind"): self = .kind
                case 4 where spelled("lead"): self = .lead
                case 4 where spelled("link"): self = .link
                case 4 where spelled("note"): self = .note
                case 5 where spelled("title"): self = .title
                case 5 where spelled("value"): self = .value
                case 6 where spelled("reason"): self = .reason
                case 6 where spelled("source"): self = .source
                case 6 where spelled("status"): self = .status
                case 8 where spelled("weakness"): self = .weakness
                case 10 where spelled("agreedWith"): self = .agreedWith
                case 10 where spelled("workstream"): self = .workstream
                case 19 where spelled("personalDataAllowed"): self = .personalDataAllowed
                default: return nil
                }
            }

            /// This key's bit in `DataFields.present`.
            var bit: UInt32 { 1 << UInt32(rawValue) }
        }

        /// One bit per `Key` present.
        var present: UInt32 = 0
        var agreedWith: String?
        var due: Day?
        var file: FileReference?
        var fit = false
        var id = ""
        var kind = EvidenceKind.activity
        var lead: String?
        var link: String?
        var note: String?
        var personalDataAllowed = false
        var reason = ""
        var source: String?
        var status = ActionStatus.notStarted
        var title = ""
        var value = 0.0
        var weakness: String?
        var workstream = ""

        /// Reads the `data` object; nil for an unknown key, keys out of order or repeated, or a
        /// value of a kind the key never has in a line this reader handles.
        static func read(_ cursor: inout JSONCursor, scratch: inout [UInt8]) -> DataFields? {
            var fields = DataFields()
            guard cursor.take(UInt8(ascii: "{")) else { return nil }
            if cursor.take(UInt8(ascii: "}")) { return fields }
            var last = -1
            repeat {
                guard let name = cursor.rawString(), let key = Key(name), key.rawValue > last,
                      cursor.take(UInt8(ascii: ":")) else { return nil }
                last = key.rawValue
                fields.present |= key.bit
                switch key {
                case .agreedWith: guard optionalString(&cursor, &scratch, into: &fields.agreedWith) else { return nil }
                case .lead: guard optionalString(&cursor, &scratch, into: &fields.lead) else { return nil }
                case .link: guard optionalString(&cursor, &scratch, into: &fields.link) else { return nil }
                case .note: guard optionalString(&cursor, &scratch, into: &fields.note) else { return nil }
                case .source: guard optionalString(&cursor, &scratch, into: &fields.source) else { return nil }
                case .weakness: guard optionalString(&cursor, &scratch, into: &fields.weakness) else { return nil }
                case .id:
                    guard let text = cursor.escapedString(scratch: &scratch) else { return nil }
                    fields.id = text
                case .reason:
                    guard let text = cursor.escapedString(scratch: &scratch) else { return nil }
                    fields.reason = text
                case .title:
                    guard let text = cursor.escapedString(scratch: &scratch) else { return nil }
                    fields.title = text
                case .workstream:
                    guard let text = cursor.escapedString(scratch: &scratch) else { return nil }
                    fields.workstream = text
                case .due:
                    guard let day = cursor.day() else { return nil }
                    fields.due = day
                case .fit:
                    guard let flag = cursor.bool() else { return nil }
                    fields.fit = flag
                case .personalDataAllowed:
                    guard let flag = cursor.bool() else { return nil }
                    fields.personalDataAllowed = flag
                case .value:
                    guard let number = cursor.number() else { return nil }
                    fields.value = number
                case .status:
                    guard let name = cursor.rawString(), let status: ActionStatus = spelledCase(name) else { return nil }
                    fields.status = status
                case .kind:
                    guard let name = cursor.rawString(), let kind: EvidenceKind = spelledCase(name) else { return nil }
                    fields.kind = kind
                case .file:
                    guard cursor.take("{\"path\":"), let path = cursor.escapedString(scratch: &scratch),
                          cursor.take(",\"sha256\":"), let sha256 = cursor.escapedString(scratch: &scratch),
                          cursor.take(",\"size\":"), let size = cursor.int(), cursor.take(UInt8(ascii: "}"))
                    else { return nil }
                    fields.file = FileReference(path: path, size: size, sha256: sha256)
                }
            } while cursor.take(UInt8(ascii: ","))
            guard cursor.take(UInt8(ascii: "}")) else { return nil }
            return fields
        }

        /// The case whose raw value is exactly the bytes `name`, found without making a `String`
        /// of them; nil otherwise. Byte equality implies the `String` equality `init(rawValue:)`
        /// tests, so a line this accepts reads the same either way; a spelling only Unicode
        /// equivalence would match answers nil and is left to the general path.
        private static func spelledCase<Case: RawRepresentable & CaseIterable>(_ name: UnsafeBufferPointer<UInt8>) -> Case?
            where Case.RawValue == String {
            for candidate in Case.allCases {
                var raw = candidate.rawValue
                let matches = raw.withUTF8 { spelled in
                    spelled.count == name.count && memcmp(spelled.baseAddress!, name.baseAddress!, name.count) == 0
                }
                if matches { return candidate }
            }
            return nil
        }

        /// Reads a string or `null`, as `JSONFields.optionalString` accepts.
        private static func optionalString(_ cursor: inout JSONCursor, _ scratch: inout [UInt8], into slot: inout String?) -> Bool {
            if cursor.null() { return true }
            guard let text = cursor.escapedString(scratch: &scratch) else { return false }
            slot = text
            return true
        }

        /// The event of `type` these fields make, or nil when the type is not one this reader
        /// handles, a key it needs is missing, or a key it does not read is present.
        func event(_ type: EventType, on: Day) -> PlanEvent? {
            // Every type reads `note` (and the line `personalDataAllowed`); the rest are per type.
            let required: UInt32
            var allowed = Key.note.bit | Key.personalDataAllowed.bit
            let event: PlanEvent
            switch type {
            case .statementSubmitted:
                required = 0
                event = .statementSubmitted(on: on, note: note)
            case .monitoringCeased:
                required = 0
                event = .monitoringCeased(on: on, note: note)
            case .statementJudged:
                required = Key.fit.bit
                event = .statementJudged(on: on, fit: fit, note: note)
            case .actionAdded:
                required = Key.due.bit | Key.id.bit | Key.title.bit | Key.workstream.bit
                allowed |= Key.lead.bit
                guard let due else { return nil }
                event = .actionAdded(on: on, id: id, workstream: workstream, title: title, lead: lead, due: due)
            case .actionUpdated:
                required = Key.id.bit | Key.status.bit
                event = .actionUpdated(on: on, id: id, status: status, note: note)
            case .actionRetargeted:
                required = Key.due.bit | Key.id.bit | Key.reason.bit
                allowed |= Key.agreedWith.bit
                guard let due else { return nil }
                event = .actionRetargeted(on: on, id: id, due: due, reason: reason, agreedWith: agreedWith)
            case .measureRecorded:
                required = Key.id.bit | Key.value.bit
                event = .measureRecorded(on: on, id: id, value: value)
            case .evidenceAdded:
                required = Key.id.bit | Key.kind.bit | Key.title.bit | Key.workstream.bit
                allowed |= Key.file.bit | Key.link.bit | Key.source.bit | Key.weakness.bit
                event = .evidenceAdded(evidence: Evidence(
                    id: id, workstream: workstream, weakness: weakness, kind: kind, on: on, title: title, source: source,
                    file: file, link: link))
            case .planCreated, .letterPublished, .monitoringVisitHeld, .revisitReported, .partnerRenamed,
                 .workstreamAdded, .measureAdded:
                return nil
            }
            guard present & required == required, present & ~(allowed | required) == 0 else { return nil }
            return event
        }
    }
}
