/// The journal line format (DESIGN.md §4): one canonical JSON object per line, keys sorted,
/// `{"by":…,"data":{…},"on":…,"prev":…,"recorded":…,"seq":…,"type":…,"v":1}`, and on a line a
/// merge of two copies moved, `"merged":{"copy":…,"id":…,"seq":…}` (`MergeNote`; `id` only when renumbered).
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
        /// Where a merge moved the line from, when the reader asked to keep text.
        let merged: MergeNote?
        /// The day in Europe/London the line was recorded, read from `recorded` whether or not
        /// the text is kept: what the rule not-in-future checks the line's dates against.
        let recordedOn: Day?
        /// The first text rule that refuses the event, when the reader was asked to check them
        /// (`Journal.walk(checkingText:)`); nil when none does, or when it was not asked.
        var textCheck: TextCheck?
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
        var fields: [String: JSONValue] = [
            "by": .string(entry.by),
            "data": .object(data),
            "on": .string(entry.event.on.description),
            "prev": .string(entry.prev),
            "recorded": .string(entry.recorded),
            "seq": .int(Int64(entry.seq)),
            "type": .string(entry.event.type.rawValue),
            "v": .int(schemaVersion),
        ]
        if let merged = entry.merged {
            var note: [String: JSONValue] = ["copy": .string(merged.copy), "seq": .int(Int64(merged.seq))]
            if let id = merged.id { note["id"] = .string(id) }
            fields["merged"] = .object(note)
        }
        return .object(fields)
    }

    /// Reads one line (without its newline), throwing `invalidEvent` or `malformedJSON` with
    /// what is wrong; the journal adds the file and line number.
    static func decode(_ line: UnsafeRawBufferPointer, keepText: Bool) throws -> Decoded {
        guard line.count <= maximumBytes else {
            throw WSoAError.invalidEvent(reason: "it is longer than \(maximumBytes >> 20) MiB, far beyond any event wsoa writes")
        }
        var fields = try JSONObjectReader(line, context: "the line")
        var by: String?, sawBy = false, on: Day?, prev: SHA256.Digest?, sawPrev = false, recorded: String?, sawRecorded = false, recordedOn: Day?
        var seq: Int64?, typeName: String?, version: Int64?, data: Range<Int>?, merged: MergeNote?
        while let key = try fields.nextKey() {
            switch key {
            case "by":
                sawBy = true
                if keepText { by = try fields.string(key) } else { try fields.skipString(key) }
            case "data": data = try fields.passObject(key)
            case "merged": merged = try fields.object(key, context: "merged") { try mergeNote(from: &$0) }
            case "on": on = try fields.day(key)
            case "prev":
                sawPrev = true
                prev = try fields.digest(key)
            case "recorded":
                sawRecorded = true
                let stamp = try fields.string(key)
                recordedOn = Day.london(utcStamp: stamp)
                if keepText { recorded = stamp }
            case "seq": seq = try fields.int(key)
            case "type": typeName = try fields.string(key)
            case "v": version = try fields.int(key)
            default: throw fields.unknownField(key)
            }
        }
        // Checked in the order that says most: a line of another version first.
        let v = try fields.required(version, "v")
        guard v == schemaVersion else {
            throw WSoAError.invalidEvent(reason: "schema version \(v) is not one this wsoa reads (it reads version \(schemaVersion))")
        }
        let name = try fields.required(typeName, "type")
        guard let type = EventType.named[name] else { throw WSoAError.invalidEvent(reason: "the event type '\(name)' is unknown") }
        let number = try fields.required(seq, "seq")
        guard number >= 1, number <= Int64(Int32.max) else { throw WSoAError.invalidEvent(reason: "seq \(number) is out of range") }
        guard sawPrev else { throw fields.missing("prev") }
        guard let prev else { throw WSoAError.invalidEvent(reason: "prev is not 64 lower-case hex digits") }
        guard sawRecorded else { throw fields.missing("recorded") }
        guard sawBy else { throw fields.missing("by") }
        let day = try fields.required(on, "on")
        let (event, allowed) = try fields.object(at: try fields.required(data, "data"), context: "data",
                                                 setAside: "personalDataAllowed") { data in
            try PlanEvent(type: type, on: day, data: &data)
        }
        guard merged == nil || number > 1 else {
            throw WSoAError.invalidEvent(reason: "the first line cannot have been moved by a merge")
        }
        return Decoded(seq: Int(number), prev: prev, event: event, personalDataAllowed: allowed ?? false, recorded: recorded, by: by,
                       merged: keepText ? merged : nil, recordedOn: recordedOn)
    }

    /// A line's `merged` object: the copy's head (64 lower-case hex digits), the line's
    /// number there and, if the merge renumbered it, the id it gave there — nothing else.
    private static func mergeNote(from fields: inout JSONObjectReader) throws -> MergeNote {
        var copy: SHA256.Digest?, seq: Int64?, id: String?
        while let key = try fields.nextKey() {
            switch key {
            case "copy": copy = try fields.hexDigest(key)
            case "seq": seq = try fields.int(key)
            case "id":
                let text = try fields.string(key)
                guard let letter = text.first, "AMEFV".contains(letter), text.count <= 11,
                      let number = Int(text.dropFirst()), number >= 1, String(number) == text.dropFirst() else {
                    throw WSoAError.invalidEvent(reason: "merged 'id' is not an id such as E41")
                }
                id = text
            default: throw fields.unknownField(key)
            }
        }
        guard let copy else { throw fields.missing("copy") }
        let number = try fields.required(seq, "seq")
        guard number >= 1, number <= Int64(Int32.max) else { throw WSoAError.invalidEvent(reason: "merged 'seq' \(number) is out of range") }
        return MergeNote(copy: copy.hex, seq: Int(number), id: id)
    }
}
