extension PlanEvent {
    /// A line of another copy of the journal that officers set aside when they merged the copies
    /// (`wsoa merge --set-aside`), because it could not stand with the lines merged before it.
    ///
    /// Written by the merge itself, after the lines it merged, so that setting a line aside is
    /// done in the open: every copy that takes the merged journal shows what was left out, by
    /// whom and when it was first recorded, and a later merge of a copy that still holds the line
    /// (its author's clone, say) leaves it out again rather than meeting the same conflict. The
    /// line is named by its key (`LineKeys`), not by its bytes or ids, which differ in a copy
    /// where a merge moved or renumbered it; its bytes stay in the set-aside file of the machine
    /// that merged.
    public struct LineSetAside: EventFacts {
        static let type = EventType.lineSetAside
        /// The day of the merge.
        public let on: Day
        /// SHA-256 (lower-case hex) of the last line of the copy the line was in.
        public let copy: String
        /// Its line number in that copy.
        public let seq: Int
        /// What names the line in every copy that holds it, wherever a merge moved it or
        /// whatever ids merges gave (`LineKeys`): lower-case hex.
        public let key: String
        /// The type of the event it recorded.
        public let setAsideType: EventType
        /// The day that event took effect.
        public let setAsideOn: Day
        /// The id of the item it gave or was about, if any.
        public let setAsideID: String?
        /// Who recorded it, and when (its `by` and `recorded`).
        public let setAsideBy: String
        public let setAsideRecorded: String
        /// Why the officers set it aside, if they said.
        public let reason: String?

        /// Names the line set aside.
        public init(on: Day, copy: String, seq: Int, key: String, type: EventType, setAsideOn: Day, id: String?, by: String,
                    recorded: String, reason: String?) {
            self.on = on
            self.copy = copy
            self.seq = seq
            self.key = key
            self.setAsideType = type
            self.setAsideOn = setAsideOn
            self.setAsideID = id
            self.setAsideBy = by
            self.setAsideRecorded = recorded
            self.reason = reason
        }

        var note: String? { nil }
        var texts: [EventText] { [EventText(.recorder, setAsideBy)] + EventText.list(.reason, reason) }
        var references: [PlanReference] { [] }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var recordID: String? { nil }
        public var summary: String {
            let what = [setAsideType.words, setAsideID].compactMap { $0 }.joined(separator: " ")
            return "line \(seq) of copy \(copy.prefix(8)) (\(what), took effect \(setAsideOn), recorded by \(setAsideBy) at \(setAsideRecorded)) left out of the merge"
                + (reason.map { ": \($0)" } ?? "")
        }

        init(on: Day, data: inout JSONObjectReader) throws {
            var copy: SHA256.Digest?, seq: Int64?, key: SHA256.Digest?, type: EventType?
            var setAsideOn: Day?, id: String?, by: String?, recorded: String?, reason: String?
            while let field = try data.nextKey() {
                switch field {
                case "copy": copy = try data.hexDigest(field)
                case "seq": seq = try data.int(field)
                case "key": key = try data.hexDigest(field)
                case "setAsideType": type = try data.enumeration(field, EventType.self)
                case "setAsideOn": setAsideOn = try data.day(field)
                case "setAsideId": id = try data.optionalString(field)
                case "setAsideBy": by = try data.string(field)
                case "setAsideRecorded": recorded = try data.string(field)
                case "reason": reason = try data.optionalString(field)
                default: throw data.unknownField(field)
                }
            }
            guard let copy else { throw data.missing("copy") }
            guard let key else { throw data.missing("key") }
            let number = try data.required(seq, "seq")
            guard number >= 1, number <= Int64(Int32.max) else { throw WSoAError.invalidEvent(reason: "data 'seq' \(number) is out of range") }
            // A journal line's recording time, copied: short, and printable.
            if let recorded, recorded.unicodeScalars.count > 64 || recorded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw WSoAError.invalidEvent(reason: "data 'setAsideRecorded' is not a recording time")
            }
            self.init(on: on, copy: copy.hex, seq: Int(number), key: key.hex, type: try data.required(type, "setAsideType"),
                      setAsideOn: try data.required(setAsideOn, "setAsideOn"), id: id, by: try data.required(by, "setAsideBy"),
                      recorded: try data.required(recorded, "setAsideRecorded"), reason: reason)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["copy"] = .string(copy)
            data["seq"] = .int(Int64(seq))
            data["key"] = .string(key)
            data["setAsideType"] = .string(setAsideType.rawValue)
            data["setAsideOn"] = .string(setAsideOn.description)
            data["setAsideId"] = setAsideID.map(JSONValue.string)
            data["setAsideBy"] = .string(setAsideBy)
            data["setAsideRecorded"] = .string(setAsideRecorded)
            data["reason"] = reason.map(JSONValue.string)
        }
    }
}
