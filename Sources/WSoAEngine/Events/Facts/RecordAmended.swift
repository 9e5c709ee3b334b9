extension PlanEvent {
    /// Something recorded earlier was corrected: the fields given replace the recorded ones,
    /// with the reason. `on` is the day the correction was recorded; the original line stays.
    public struct RecordAmended: EventFacts {
        static let type = EventType.recordAmended
        /// The day the correction was recorded.
        public let on: Day
        /// What is corrected.
        public let target: RecordTarget
        /// The fields that change.
        public let changes: Amendment
        /// Why.
        public let reason: String

        /// An amendment.
        public init(on: Day, target: RecordTarget, changes: Amendment, reason: String) {
            self.on = on
            self.target = target
            self.changes = changes
            self.reason = reason
        }

        var note: String? { nil }
        var texts: [EventText] { changes.texts + [EventText(.reason, reason)] }
        var references: [PlanReference] {
            target.references + (changes.addresses ?? []).map(PlanReference.weakness) + (changes.weaknesses ?? []).map(PlanReference.weakness)
                + (changes.ratings ?? [:]).keys.sorted().map(PlanReference.weaknessOrWorkstream)
        }
        var deliveryDates: [(name: String, day: Day)] {
            switch target {
            case .evidence: return changes.on.map { [("evidence date", $0)] } ?? []
            case .measure: return changes.target.map { [("target date", $0.on)] } ?? []
            case .workstream, .action, .reading, .visit, .lifecycle: return []
            }
        }
        var happenedDates: [(name: String, day: Day)] {
            // A corrected date is of something that happened; a target is planned.
            [("date of the correction", on)] + (changes.on.map { [("corrected date", $0)] } ?? [])
                + (changes.baseline.map { [("baseline date", $0.on)] } ?? [])
        }
        var recordID: String? { target.recordID }
        public var summary: String {
            "\(target.description) amended (\(changes.descriptions.joined(separator: "; "))): \(reason)"
        }

        init(on: Day, data: inout JSONObjectReader) throws {
            var target = RecordTarget.Fields(), changes: Amendment?, reason: String?
            while let key = try data.nextKey() {
                switch key {
                case "changes": changes = try data.object(key) { try Amendment(from: &$0) }
                case "reason": reason = try data.string(key)
                default: try target.read(key, from: &data)
                }
            }
            self.init(on: on, target: try target.target(in: data), changes: try data.required(changes, "changes"),
                      reason: try data.required(reason, "reason"))
        }

        func encode(into data: inout [String: JSONValue]) {
            target.encode(into: &data)
            data["changes"] = .object(changes.encoded)
            data["reason"] = .string(reason)
        }
    }

    /// Something recorded earlier was withdrawn as recorded in error (a visit recorded twice,
    /// the latest lifecycle event), with the reason. It stays in the history and counts nowhere.
    public struct RecordWithdrawn: EventFacts {
        static let type = EventType.recordWithdrawn
        /// The day the withdrawal was recorded.
        public let on: Day
        /// What is withdrawn.
        public let target: RecordTarget
        /// Why.
        public let reason: String

        /// A withdrawal.
        public init(on: Day, target: RecordTarget, reason: String) {
            self.on = on
            self.target = target
            self.reason = reason
        }

        var note: String? { nil }
        var texts: [EventText] { [EventText(.reason, reason)] }
        var references: [PlanReference] { target.references }
        var deliveryDates: [(name: String, day: Day)] { [] }
        var recordID: String? { target.recordID }
        public var summary: String { "\(target.description) withdrawn: \(reason)" }

        init(on: Day, data: inout JSONObjectReader) throws {
            var target = RecordTarget.Fields(), reason: String?
            while let key = try data.nextKey() {
                switch key {
                case "reason": reason = try data.string(key)
                default: try target.read(key, from: &data)
                }
            }
            self.init(on: on, target: try target.target(in: data), reason: try data.required(reason, "reason"))
        }

        func encode(into data: inout [String: JSONValue]) {
            target.encode(into: &data)
            data["reason"] = .string(reason)
        }
    }
}

extension RecordTarget {
    /// What a correction refers to that must exist in the plan (a lifecycle line is checked by
    /// the correction rules).
    var references: [PlanReference] {
        switch self {
        case let .workstream(id): return [.workstream(id)]
        case let .action(id): return [.action(id)]
        case let .measure(id), let .reading(id, _): return [.measure(id)]
        case let .evidence(id): return [.evidence(id)]
        case let .visit(id): return [.visit(id)]
        case .lifecycle: return []
        }
    }

    /// Writes the target as a correction line's `item` and `id`, `day` or `line`.
    func encode(into data: inout [String: JSONValue]) {
        data["item"] = .string(item)
        switch self {
        case let .workstream(id), let .action(id), let .measure(id), let .evidence(id), let .visit(id):
            data["id"] = .string(id)
        case let .reading(measure, on):
            data["id"] = .string(measure)
            data["day"] = .string(on.description)
        case let .lifecycle(line):
            data["line"] = .int(Int64(line))
        }
    }

    /// The target's members as read from a line, in whatever order they come.
    struct Fields {
        var item: String?, id: String?, day: Day?, line: Int64?

        /// Reads `key` if it is one of the target's members; any other is refused as unknown.
        mutating func read(_ key: JSONKey, from data: inout JSONObjectReader) throws {
            switch key {
            case "item": item = try data.string(key)
            case "id": id = try data.string(key)
            case "day": day = try data.day(key)
            case "line": line = try data.int(key)
            default: throw data.unknownField(key)
            }
        }

        /// The target the members make, refusing a combination that makes none.
        func target(in data: JSONObjectReader) throws -> RecordTarget {
            let item = try data.required(item, "item")
            func needing(_ value: String?) throws -> String { try data.required(value, "id") }
            let target: RecordTarget
            switch item {
            case "workstream": target = .workstream(try needing(id))
            case "action": target = .action(try needing(id))
            case "measure": target = .measure(try needing(id))
            case "reading": target = .reading(measure: try needing(id), on: try data.required(day, "day"))
            case "evidence": target = .evidence(try needing(id))
            case "visit": target = .visit(try needing(id))
            case "lifecycle":
                let line = try data.required(line, "line")
                guard line > 0, line <= Int64(Int32.max) else { throw WSoAError.invalidEvent(reason: "data 'line' \(line) is not a line number") }
                target = .lifecycle(line: Int(line))
            default: throw WSoAError.invalidEvent(reason: "data 'item' has the unknown value '\(item)'")
            }
            // Members the target does not use are refused, as any unknown field would be.
            let extra = [("id", id != nil && target.isLifecycle), ("day", day != nil && !target.isReading),
                         ("line", line != nil && !target.isLifecycle)].first(where: \.1)
            if let extra { throw WSoAError.invalidEvent(reason: "data '\(extra.0)' does not belong with item '\(item)'") }
            return target
        }
    }

    private var isLifecycle: Bool { if case .lifecycle = self { return true } else { return false } }
    private var isReading: Bool { if case .reading = self { return true } else { return false } }
}

extension JSONObjectReader {
    /// The value of `key`, attendees as an object from each name to the role (`""` for none),
    /// in name order whatever order the line's keys are in.
    mutating func attendees(_ key: JSONKey) throws -> [Attendee] {
        try stringEntries(key).map { Attendee(name: $0.key, role: $0.value.isEmpty ? nil : $0.value) }.sorted { $0.name < $1.name }
    }
}

extension Attendee {
    /// Attendees as a journal line keeps them: an object from each name to the role (`""` for none).
    static func encoded(_ attendees: [Attendee]) -> JSONValue {
        .object(Dictionary(attendees.map { ($0.name, JSONValue.string($0.role ?? "")) }, uniquingKeysWith: { first, _ in first }))
    }
}

extension Amendment {
    /// Reads the `changes` of an amendment line.
    init(from data: inout JSONObjectReader) throws {
        self.init()
        while let key = try data.nextKey() {
            switch key {
            case "accountable": accountable = try data.string(key)
            case "addresses": addresses = try data.strings(key)
            case "advisers": advisers = try data.strings(key)
            case "attendees": attendees = try data.attendees(key)
            case "baseline": baseline = try data.reading(key, dayKey: "on")
            case "file": file = try data.fileReference(key)
            case "kind": kind = try data.enumeration(key, EvidenceKind.self)
            case "lead": lead = try data.string(key)
            case "link": link = try data.string(key)
            case "on": on = try data.day(key)
            case "partners": partners = try data.strings(key).map { name in
                guard let partner = LeadPartner(rawValue: name) else {
                    throw WSoAError.invalidEvent(reason: "data 'partners' has the unknown value '\(name)'")
                }
                return partner
            }
            case "ratings":
                ratings = try Dictionary(data.stringEntries(key).map { id, name in
                    guard let rating = Rating(rawValue: name) else {
                        throw WSoAError.invalidEvent(reason: "data 'ratings' '\(id)' has the unknown value '\(name)'")
                    }
                    return (id, rating)
                }, uniquingKeysWith: { first, _ in first })
            case "source": source = try data.string(key)
            case "target": target = try data.reading(key, dayKey: "by")
            case "title": title = try data.string(key)
            case "unit": unit = try data.string(key)
            case "value": value = try data.double(key)
            case "weaknesses": weaknesses = try data.strings(key)
            default: throw data.unknownField(key)
            }
        }
    }

    /// The `changes` object of an amendment line: only the fields given.
    var encoded: [String: JSONValue] {
        var data: [String: JSONValue] = [:]
        data["title"] = title.map(JSONValue.string)
        data["lead"] = lead.map(JSONValue.string)
        data["accountable"] = accountable.map(JSONValue.string)
        data["partners"] = partners.map { .array($0.map { .string($0.rawValue) }) }
        data["addresses"] = addresses.map { .array($0.map(JSONValue.string)) }
        data["unit"] = unit.map(JSONValue.string)
        data["baseline"] = baseline.map { .object(["value": .double($0.value), "on": .string($0.on.description)]) }
        data["target"] = target.map { .object(["value": .double($0.value), "by": .string($0.on.description)]) }
        data["value"] = value.map(JSONValue.double)
        data["on"] = on.map { .string($0.description) }
        data["kind"] = kind.map { .string($0.rawValue) }
        data["weaknesses"] = weaknesses.map { .array($0.map(JSONValue.string)) }
        data["source"] = source.map(JSONValue.string)
        data["link"] = link.map(JSONValue.string)
        data["file"] = file?.encoded
        data["advisers"] = advisers.map { .array($0.map(JSONValue.string)) }
        data["attendees"] = attendees.map(Attendee.encoded)
        data["ratings"] = ratings.map { .object($0.mapValues { .string($0.rawValue) }) }
        return data
    }
}
