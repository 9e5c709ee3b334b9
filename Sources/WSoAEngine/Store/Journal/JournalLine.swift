/// The journal line format (DESIGN.md §4): one canonical JSON object per line, keys sorted,
/// `{"by":…,"data":{…},"on":…,"prev":…,"recorded":…,"seq":…,"type":…,"v":1}`.
///
/// The one reader and the one writer of lines. The reader accepts any key order and spacing,
/// but nothing it does not know: an unknown field, or a line over `maximumBytes`, is damage.
/// The writer's output always reads back (the store checks that before it appends), and the
/// text limits `decide` applies (`TextField`) keep every event far below `maximumBytes`, so no
/// command can write a line that would stop the plan being read. `wsoa verify` checks the text
/// limits of every line again, with the other rules.
enum JournalLine {
    /// The journal schema version this build reads and writes (the line's `v`).
    static let schemaVersion: Int64 = 1

    /// The longest line a reader accepts, and so the longest a writer writes. Every event within
    /// its text limits (`TextField`) is far shorter; the cap keeps a hostile file from costing
    /// seconds and gigabytes a line.
    static let maximumBytes = 1 << 20

    /// What a reader takes from a line.
    struct Decoded: Sendable {
        /// The line's `seq`.
        let seq: Int
        /// The line's `prev`, as a digest.
        let prev: SHA256.Digest
        /// The event.
        let event: PlanEvent
        /// Whether the recorder confirmed that text which looks like personal data may be kept.
        let personalDataAllowed: Bool
        /// `recorded` and `by`, when the reader asked to keep them (they are checked either way).
        let recorded: String?
        let by: String?
    }

    /// The bytes of `entry`'s line, without its newline.
    static func encode(_ entry: JournalEntry) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONWriter.write(json(entry), into: &bytes)
        return bytes
    }

    /// `entry`'s line as a JSON object.
    static func json(_ entry: JournalEntry) -> JSONValue {
        var data = entry.event.data
        if entry.personalDataAllowed { data["personalDataAllowed"] = .bool(true) }
        return .object([
            "by": .string(entry.by),
            "data": .object(data),
            "on": .string(entry.event.on.description),
            "prev": .string(entry.prev),
            "recorded": .string(entry.recorded),
            "seq": .int(Int64(entry.seq)),
            "type": .string(entry.event.type.rawValue),
            "v": .int(schemaVersion),
        ])
    }

    /// Reads one line (without its newline), throwing `invalidEvent` or `malformedJSON` with
    /// what is wrong; the journal adds the file and line number.
    static func decode(_ line: UnsafeRawBufferPointer, keepText: Bool) throws -> Decoded {
        guard line.count <= maximumBytes else {
            throw WSoAError.invalidEvent(reason: "it is longer than \(maximumBytes >> 20) MiB, far beyond any event wsoa writes")
        }
        var fields = try JSONFields(line, context: "the line")
        // The fields in the order a canonical line has them (keys sorted), which is the order
        // `JSONFields` finds fastest, except `data`, read last because it needs `type`.
        let by = try fields.string("by", keep: keepText)
        let on = try fields.day("on")
        guard let prev = try fields.digest("prev") else { throw WSoAError.invalidEvent(reason: "prev is not 64 lower-case hex digits") }
        let recorded = try fields.string("recorded", keep: keepText)
        let seq = try fields.int("seq")
        let typeName = try fields.string("type")
        let version = try fields.int("v")
        guard version == schemaVersion else {
            throw WSoAError.invalidEvent(reason: "schema version \(version) is not one this wsoa reads (it reads version \(schemaVersion))")
        }
        guard let type = EventType.named[typeName] else { throw WSoAError.invalidEvent(reason: "the event type '\(typeName)' is unknown") }
        guard seq >= 1, seq <= Int64(Int32.max) else { throw WSoAError.invalidEvent(reason: "seq \(seq) is out of range") }
        var data = try fields.fields("data", context: "data")
        let allowed = try data.optionalBool("personalDataAllowed") ?? false
        let event = try PlanEvent(type: type, on: on, data: &data)
        try fields.requireNoOthers()
        return Decoded(seq: Int(seq), prev: prev, event: event, personalDataAllowed: allowed, recorded: recorded, by: by)
    }
}
