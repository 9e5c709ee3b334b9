extension JournalEntry {
    /// The line's JSON object (DESIGN.md §4); written canonically it has its keys sorted.
    public var json: JSONValue {
        var data = event.data.objectValue ?? [:]
        if personalDataAllowed { data["personalDataAllowed"] = .bool(true) }
        return .object([
            "by": .string(by),
            "data": .object(data),
            "on": .string(event.on.description),
            "prev": .string(prev),
            "recorded": .string(recorded),
            "seq": .int(Int64(seq)),
            "type": .string(event.type.rawValue),
            "v": .int(JournalEntry.schemaVersion),
        ])
    }

    /// The line's exact bytes, without the newline.
    public var lineBytes: [UInt8] {
        var bytes: [UInt8] = []
        JSONWriter.write(json, into: &bytes)
        return bytes
    }

    /// Reads an entry from a parsed journal line, throwing `WSoAError.invalidEvent` with what
    /// is wrong (the store adds the file and line number).
    public init(json: JSONValue) throws {
        let fields = try JSONFields(json, context: "the line")
        let version = try fields.int("v")
        guard version == JournalEntry.schemaVersion else {
            throw WSoAError.invalidEvent(reason: "schema version \(version) is not one this wsoa reads (it reads version \(JournalEntry.schemaVersion))")
        }
        let typeName = try fields.string("type")
        guard let type = EventType(rawValue: typeName) else {
            throw WSoAError.invalidEvent(reason: "the event type '\(typeName)' is unknown")
        }
        let seq = try fields.int("seq")
        guard seq >= 1, seq <= Int64(Int32.max) else {
            throw WSoAError.invalidEvent(reason: "seq \(seq) is out of range")
        }
        let prev = try fields.string("prev")
        guard prev.utf8.count == 64, prev.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else {
            throw WSoAError.invalidEvent(reason: "prev is not 64 lower-case hex digits")
        }
        let data = try JSONFields(fields.value("data"), context: "data")
        let allowed = try data.object["personalDataAllowed"].map { _ in try data.bool("personalDataAllowed") } ?? false
        self.init(seq: Int(seq), prev: prev, recorded: try fields.string("recorded"), by: try fields.string("by"),
                  event: try PlanEvent(type: type, on: try fields.day("on"), data: data), personalDataAllowed: allowed)
    }
}
