import Foundation
import Testing
@testable import WSoAEngine

/// `JournalLine`, the one reader and the one writer of journal lines (DESIGN.md §4).
///
/// What it writes it must read back exactly; what it reads must mean exactly what a general JSON
/// parse (`JSONReader`) of the same bytes says, or be refused; it accepts keys in any order and
/// any JSON whitespace, but never a field it does not know, a repeated key or a line over
/// `JournalLine.maximumBytes`. Checked on every line these tests write, on the example plans,
/// and on a seeded corpus of mutated lines.
@Suite("Journal line")
struct JournalLineTests {
    // MARK: Helpers

    /// Decodes `line`, keeping `recorded` and `by`.
    static func decode(_ line: [UInt8]) throws -> JournalLine.Decoded {
        try line.withUnsafeBytes { try JournalLine.decode($0, keepText: true) }
    }

    /// The entry a decoded line stands for.
    static func entry(_ decoded: JournalLine.Decoded) -> JournalEntry {
        JournalEntry(seq: decoded.seq, prev: decoded.prev.hex, recorded: decoded.recorded ?? "", by: decoded.by ?? "",
                     event: decoded.event, personalDataAllowed: decoded.personalDataAllowed, merged: decoded.merged)
    }

    /// `value` with what may legitimately differ between equal lines taken out: members that
    /// are null (an absent optional), empty lists and objects (what an absent list is read as),
    /// a `personalDataAllowed` of false, and the difference between `1` and `1.0`.
    static func normalized(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .null: return nil
        case let .int(number): return .double(Double(number))
        case let .array(elements):
            let kept = elements.compactMap(normalized)
            return kept.isEmpty ? nil : .array(kept)
        case let .object(members):
            var kept: [String: JSONValue] = [:]
            for (key, member) in members {
                if key == "personalDataAllowed", member == .bool(false) { continue }
                if let member = normalized(member) { kept[key] = member }
            }
            return kept.isEmpty ? nil : .object(kept)
        case .bool, .double, .string: return value
        }
    }

    // MARK: Lines written

    /// One event of every type, with optional parts present and absent, awkward text and numbers.
    static func sampleEvents() throws -> [PlanEvent] {
        let visit = try DayRange(start: Day(year: 2019, month: 2, day: 4)!, end: Day(year: 2019, month: 2, day: 8)!)
        let on = Day(year: 2019, month: 5, day: 14)!
        let due = Day(year: 2020, month: 1, day: 31)!
        let texts = ["Plain words", "Quote \"here\" and back\\slash", "Tab\tnew\nline", "Café – naïve ✓ £5 😀",
                     "DEL \u{7F} and NUL \u{0} and bell \u{7}", "/slash/", "\u{202E}rtl e\u{301} \u{2028}"]
        let numbers: [Double] = [0, -0.0, 41.5, -3.25, 1e-7, 12, 1e300, 0.1, 123456789.125, -2, .leastNonzeroMagnitude, 1e16,
                                 Double.greatestFiniteMagnitude]
        var events: [PlanEvent] = [
            .planCreated(PlanEvent.PlanCreated(id: "stockton-on-tees-2019", area: "Stockton-on-Tees", visit: visit,
                                               partners: Partners(la: "Council", health: nil), note: "seed")),
            .planCreated(PlanEvent.PlanCreated(id: "newshire-2023", area: "Newshire", visit: DayRange(day: on))),
            .letterPublished(.init(on: on, statementRequired: true, weaknesses: ["One", "Two \"quoted\""])),
            .letterPublished(.init(on: on, received: on, statementRequired: false, weaknesses: [], note: "note")),
            .monitoringVisitHeld(.init(on: on, advisers: ["DfE"], ratings: ["W1": .red, "ws": .green], followUps: ["f"])),
            .monitoringVisitHeld(.init(on: on)),
            .monitoringVisitHeld(.init(on: on, advisers: ["NHSE"], attendees: [Attendee(name: "Jo Bloggs", role: "Head of SEND"),
                                                                              Attendee(name: "Sam \"Q\" Lee")])),
            .revisitReported(.init(on: on, visited: visit, outcomes: ["W1": .sufficient, "W2": .insufficient], note: "r")),
            .partnerRenamed(.init(on: on, role: .health, name: "NHS North East ICB")),
            .partnerRenamed(.init(on: on, role: .la, name: "New \"Council\"", note: "n")),
            .workstreamAdded(.init(on: on, workstream: Workstream(id: "coproduction", title: "Co-production", lead: "Lead",
                                                                  partners: [.parentCarerForum], addresses: ["W1"]))),
            .workstreamAdded(.init(on: on, workstream: Workstream(id: "joint", title: "Joint", partners: [.la, .health], addresses: ["W1", "W2"]))),
            .workstreamAdded(.init(on: on, workstream: Workstream(id: "ws", title: "T", accountable: "Director", addresses: []))),
            .measureAdded(.init(on: on, id: "M1", workstream: "coproduction", title: "EHC plans in 20 weeks", unit: "%",
                                direction: .higherIsBetter, baseline: Reading(on: on, value: 41.5), national: 58.3,
                                target: Reading(on: due, value: 75))),
            .measureAdded(.init(on: on, id: "M2", workstream: "ws", title: "Waits", unit: "days", direction: .lowerIsBetter,
                                baseline: Reading(on: visit.start, value: -0.0), target: Reading(on: due, value: 1e-7))),
            .statementJudged(.init(on: on, fit: true)),
            .statementJudged(.init(on: on, fit: false, note: "not yet")),
        ]
        for (index, text) in texts.enumerated() {
            let note: String? = index % 3 == 0 ? nil : text
            events.append(.statementSubmitted(.init(on: on, note: note)))
            events.append(.monitoringCeased(.init(on: on, note: note)))
            events.append(.actionAdded(.init(on: on, id: "A\(index + 1)", workstream: "coproduction", title: text,
                                             lead: index % 2 == 0 ? nil : text, due: due)))
            events.append(.actionUpdated(.init(on: on, id: "A\(index + 1)", status: ActionStatus.allCases[index % 5], note: note)))
            events.append(.actionRetargeted(.init(on: on, id: "A\(index + 1)", due: due.adding(days: index), reason: text,
                                                  agreedWith: index % 2 == 0 ? text : nil)))
            events.append(.evidenceAdded(.init(
                on: on, id: "E\(index + 1)", workstream: "coproduction", weaknesses: [["W1"], [], ["W1", "W2"]][index % 3],
                kind: EvidenceKind.allCases[index % EvidenceKind.allCases.count], title: text,
                source: index % 3 == 1 ? text : nil,
                file: index % 3 == 2 ? FileReference(path: "evidence/\(text).pdf", size: Int64(index) * 1000,
                                                     sha256: String(repeating: "a", count: 64), copied: index % 2 == 0) : nil,
                link: index % 4 == 1 ? "https://example.gov.uk/\(index)" : nil)))
        }
        for (index, value) in numbers.enumerated() {
            events.append(.measureRecorded(.init(on: on.adding(days: index), id: "M1", value: value)))
        }
        events.append(.planCreated(PlanEvent.PlanCreated(id: "estimated-2017", area: "E", visit: visit, estimated: ["visit"])))
        events.append(.letterPublished(.init(on: on, received: on, statementRequired: true, weaknesses: ["W"], estimated: ["on", "received"])))
        events.append(.statementSubmitted(.init(on: on, estimated: ["on"])))
        events.append(.statementJudged(.init(on: on, fit: true, note: "n", estimated: ["on"])))
        events.append(.monitoringVisitHeld(.init(on: on, estimated: ["on"])))
        events.append(.revisitReported(.init(on: on, visited: visit, outcomes: ["W1": .sufficient], estimated: ["on", "visited"])))
        events.append(.monitoringCeased(.init(on: on, estimated: ["on"])))
        events.append(.weaknessesReleased(.init(on: on, weaknesses: ["W1", "W3"], note: texts[1])))
        events.append(.weaknessesReleased(.init(on: on, weaknesses: ["W2"], estimated: ["on"])))
        events.append(.appRequested(.init(on: on, due: due)))
        events.append(.appRequested(.init(on: on, due: due, note: texts[4], estimated: ["on"])))
        events.append(.appSubmitted(.init(on: on)))
        events.append(.appSubmitted(.init(on: on, due: due, note: texts[2], estimated: ["on"])))
        events.append(.appJudged(.init(on: on, accepted: true)))
        events.append(.appJudged(.init(on: on, accepted: false, note: texts[1], estimated: ["on"])))
        events.append(.appPublished(.init(on: on, link: "https://example.gov.uk/app?x=\"1\"")))
        events.append(.appPublished(.init(on: on, link: "https://example.gov.uk/app", note: texts[3], estimated: ["on"])))
        events.append(.progressReviewHeld(.init(on: on, outcomes: ["W2": .sufficient, "W4": .insufficient])))
        events.append(.progressReviewHeld(.init(on: on, outcomes: ["W4": .sufficient], note: texts[1], estimated: ["on"])))
        events.append(.escalationIssued(.init(on: on, kind: .improvementNotice, issuer: "the Secretary of State for Education")))
        events.append(.escalationIssued(.init(on: on, kind: .statutoryDirection, issuer: texts[1], link: "https://www.gov.uk/d",
                                              note: texts[2], estimated: ["on"])))
        events.append(.revisitDirected(.init(on: on, issuer: "the Secretary of State for Education")))
        events.append(.revisitDirected(.init(on: on, issuer: texts[3], link: "https://www.gov.uk/r", note: texts[1], estimated: ["on"])))
        events.append(.reportPublished(.init(on: on, outcome: .inconsistent, improvements: [texts[1]])))
        events.append(.reportPublished(.init(on: on, received: due, outcome: .widespreadSystemic, priorityActions: [texts[1], texts[3]],
                                             responsible: ["P2": texts[2]], improvements: [texts[3], "Improve."],
                                             previousInspection: "Not previously inspected", nextInspectionYears: 3, note: texts[1],
                                             estimated: ["on", "received"])))
        events.append(.strategicPlanPublished(.init(on: on)))
        events.append(.strategicPlanPublished(.init(on: on, link: "https://example.gov.uk/strategy", note: texts[2], estimated: ["on"])))
        events.append(.priorityActionPlanSubmitted(.init(on: on)))
        events.append(.priorityActionPlanSubmitted(.init(on: on, note: texts[3], estimated: ["on"])))
        events.append(.priorityActionPlanJudged(.init(on: on, accepted: true)))
        events.append(.priorityActionPlanJudged(.init(on: on, accepted: false, note: texts[1], estimated: ["on"])))
        events.append(.monitoringInspectionReported(.init(on: on, visited: visit, outcomes: ["P1": .sufficient, "P2": .insufficient])))
        events.append(.monitoringInspectionReported(.init(on: on, visited: visit, outcomes: ["P1": .sufficient], note: texts[2],
                                                          estimated: ["on", "visited"])))
        events.append(.deadlineSet(.init(on: on, clock: .strategicPlan, due: due)))
        events.append(.deadlineSet(.init(on: on, clock: .priorityActionPlan, due: due, note: texts[3], estimated: ["on"])))
        events.append(.followUpAdded(.init(on: on, id: "F1", visit: "V1", title: texts[3], owner: "Participation lead", due: due)))
        events.append(.followUpClosed(.init(on: due, id: "F1")))
        events.append(.followUpClosed(.init(on: due, id: "F1", evidence: "E2", note: texts[1])))
        var everything = Amendment()
        everything.title = texts[1]
        everything.lead = texts[3]
        everything.accountable = "Director"
        everything.partners = [.la, .health]
        everything.addresses = ["W1", "W2"]
        everything.unit = "%"
        everything.baseline = Reading(on: on, value: 12.5)
        everything.target = Reading(on: due, value: -0.0)
        everything.value = 1e-7
        everything.on = due
        everything.kind = .voice
        everything.weaknesses = ["W2"]
        everything.source = texts[2]
        everything.link = "https://example.gov.uk/x"
        everything.file = FileReference(path: "/docs/\(texts[1]).pdf", size: 0, sha256: String(repeating: "b", count: 64), copied: true)
        everything.advisers = ["DfE", "NHSE"]
        everything.attendees = [Attendee(name: "Jo", role: "Head of SEND"), Attendee(name: "Sam")]
        everything.ratings = ["W1": .amber, "ws": .red]
        var title = Amendment()
        title.title = "Right title"
        for (index, target) in [RecordTarget.workstream("coproduction"), .action("A3"), .measure("M1"),
                                .reading(measure: "M1", on: on), .evidence("E2"), .visit("V1"), .lifecycle(line: 7)].enumerated() {
            events.append(.recordAmended(.init(on: due, target: target, changes: index == 0 ? everything : title, reason: texts[index])))
            events.append(.recordWithdrawn(.init(on: due, target: target, reason: texts[(index + 1) % texts.count])))
        }
        for (index, reason) in [nil, texts[3]].enumerated() {
            events.append(.lineSetAside(.init(on: due, copy: String(repeating: "ab", count: 32), seq: 9 + index,
                                              key: String(repeating: "0f", count: 32), type: index == 0 ? .recordAmended : .statementSubmitted,
                                              setAsideOn: on, id: index == 0 ? "E1" : nil, by: texts[index], recorded: "2026-11-23T10:00:00Z",
                                              reason: reason)))
        }
        return events
    }

    /// The canonical entries of `sampleEvents`, each with and without the personal-data flag,
    /// and with recorders' names that need escaping.
    static func sampleEntries() throws -> [JournalEntry] {
        var entries: [JournalEntry] = []
        var prev = JournalEntry.genesisHash
        for (index, event) in try sampleEvents().enumerated() {
            for allowed in [false, true] {
                let entry = JournalEntry(seq: index + 1, prev: prev, recorded: "2026-11-22T18:30:00Z",
                                         by: allowed ? "j.o'neill \"JO\" \u{1B}[31m" : "send-lead", event: event,
                                         personalDataAllowed: allowed)
                entries.append(entry)
                prev = SHA256.hexDigest(entry.lineBytes)
            }
        }
        return entries
    }

    /// Checks that `line` decodes to exactly `entry`, with and without its text, and that
    /// writing what was read gives the same bytes back.
    static func expectReadsBack(_ line: [UInt8], as entry: JournalEntry, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = String(decoding: line, as: UTF8.self)
        let decoded = try decode(line)
        #expect(Self.entry(decoded) == entry, "\(text)", sourceLocation: sourceLocation)
        #expect(decoded.recorded == entry.recorded && decoded.by == entry.by, sourceLocation: sourceLocation)
        #expect(JournalLine.encode(Self.entry(decoded)) == line, "not canonical: \(text)", sourceLocation: sourceLocation)
        let lean = try line.withUnsafeBytes { try JournalLine.decode($0, keepText: false) }
        #expect(lean.event == entry.event && lean.seq == entry.seq && lean.prev.hex == entry.prev, sourceLocation: sourceLocation)
        #expect(lean.personalDataAllowed == entry.personalDataAllowed, sourceLocation: sourceLocation)
        #expect(lean.recorded == nil && lean.by == nil, "text kept when not asked for", sourceLocation: sourceLocation)
    }

    @Test("every sample line (every event type, optional parts present and absent) decodes to exactly what was encoded")
    func sampleLinesReadBack() throws {
        let entries = try Self.sampleEntries()
        #expect(Set(entries.map(\.event.type)) == Set(EventType.allCases), "a type of event has no sample")
        for entry in entries { try Self.expectReadsBack(entry.lineBytes, as: entry) }
    }

    @Test("every line of random plans decodes to exactly what was encoded")
    func randomPlanLinesReadBack() throws {
        var lines = 0
        for seed in UInt64(400)..<412 {
            let events = TestJournals.randomEvents(seed: seed, steps: 400)
            let entries = TestJournals.entries(events, personalDataAllowed: { $0 % 3 == 0 })
            for entry in entries { try Self.expectReadsBack(entry.lineBytes, as: entry) }
            lines += entries.count
        }
        #expect(lines > 1_000)
    }

    @Test("every line of the example plans decodes, chains, and is written back byte for byte")
    func examplePlans() throws {
        let plans = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("plans")
        // Hidden entries (the plans directory's mark) are not plans.
        let folders = try FileManager.default.contentsOfDirectory(atPath: plans.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(folders.count >= 5)
        var read = 0
        for folder in folders {
            let bytes = [UInt8](try Data(contentsOf: plans.appendingPathComponent("\(folder)/\(Journal.fileName)")))
            #expect(bytes.last == 0x0A, "\(folder) ends in a torn line")
            var previous = JournalEntry.genesisHash
            for (index, line) in TestJournals.lines(bytes).enumerated() {
                let decoded = try Self.decode(line)
                #expect(decoded.seq == index + 1, "\(folder) line \(index + 1)")
                #expect(decoded.prev.hex == previous, "\(folder) line \(index + 1)")
                #expect(JournalLine.encode(Self.entry(decoded)) == line, "\(folder) line \(index + 1) is not canonical")
                // And it means what a general JSON parse of it says.
                #expect(Self.normalized(try JSONReader.parse(line)) == Self.normalized(Self.entry(decoded).json))
                previous = SHA256.hexDigest(line)
                read += 1
            }
        }
        #expect(read > 600)
    }

    // MARK: Any order, any spacing

    /// `value` written with its keys shuffled at every level, random JSON whitespace between
    /// tokens, and (outside hashes) some characters of its strings escaped.
    static func scrambled(_ value: JSONValue, _ random: inout SeededGenerator, key: String? = nil) -> String {
        func space() -> String { random.chance(0.3) ? random.pick([" ", "\t", "\r", "\n", "  \n\t"]) : "" }
        func string(_ text: String, escaping: Bool) -> String {
            guard escaping else { return JSONWriter.string(.string(text)) }
            var out = "\""
            for scalar in text.unicodeScalars {
                if random.chance(0.3) {
                    if scalar.value > 0xFFFF {
                        let v = scalar.value - 0x10000
                        out += String(format: "\\u%04X\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))
                    } else {
                        out += String(format: random.chance(0.5) ? "\\u%04x" : "\\u%04X", scalar.value)
                    }
                } else {
                    // By scalar: a combining mark would join the quote in a `Character`.
                    let written = JSONWriter.string(.string(String(scalar))).unicodeScalars
                    out += String(String.UnicodeScalarView(written.dropFirst().dropLast()))
                }
            }
            return out + "\""
        }
        switch value {
        case let .object(members):
            var keys = Array(members.keys)
            keys.shuffle(using: &random)
            let body = keys.map { name in
                space() + string(name, escaping: true) + space() + ":" + space() + scrambled(members[name]!, &random, key: name) + space()
            }
            return "{" + space() + body.joined(separator: ",") + "}"
        case let .array(elements):
            return "[" + space() + elements.map { scrambled($0, &random) + space() }.joined(separator: "," + space()) + "]"
        case let .string(text):
            // Hashes are read as 64 plain hex digits, never escaped: `prev`, and a set-aside line's `copy` and `key`.
            return string(text, escaping: !["prev", "copy", "key"].contains(key))
        default:
            return JSONWriter.string(value)
        }
    }

    @Test("keys in any order, at every level, with any JSON whitespace and escapes, read as the canonical line", arguments: 0..<4)
    func anyOrderAndSpacing(seed: UInt64) throws {
        var random = SeededGenerator(seed: 31 + seed)
        for entry in try Self.sampleEntries() {
            let text = Self.scrambled(entry.json, &random)
            let decoded = try Self.decode(Array(text.utf8))
            #expect(Self.entry(decoded) == entry, "\(text)")
        }
    }

    // MARK: Refusals

    /// A canonical line, as JSON to edit.
    static func sampleObject(_ type: EventType) throws -> [String: JSONValue] {
        let entry = try #require(try sampleEntries().first { $0.event.type == type && $0.personalDataAllowed })
        return try #require(entry.json.objectValue)
    }

    /// The failure decoding `text` gives, or nil when it decodes.
    static func failure(_ text: String) -> WSoAError? {
        do {
            _ = try decode(Array(text.utf8))
            return nil
        } catch let error as WSoAError {
            return error
        } catch {
            return .fileSystem(path: "", reason: "unexpected \(error)")
        }
    }

    /// Where an unknown field goes, and the words that must name it.
    @Test("an unknown field anywhere is refused, naming the field and where it is", arguments: [
        ("", "the line has the field 'zz', which this version of wsoa does not know"),
        ("data", "data has the field 'zz', which this version of wsoa does not know"),
        ("data.visit", "data 'visit' has the field 'zz', which this version of wsoa does not know"),
        ("data.partners", "data 'partners' has the field 'zz', which this version of wsoa does not know"),
    ])
    func unknownFields(place: String, message: String) throws {
        var line = try Self.sampleObject(.planCreated)
        switch place {
        case "": line["zz"] = .int(1)
        case "data":
            var data = try #require(line["data"]?.objectValue)
            data["zz"] = .null
            line["data"] = .object(data)
        default:
            var data = try #require(line["data"]?.objectValue)
            let name = String(place.dropFirst(5))
            var nested = try #require(data[name]?.objectValue)
            nested["zz"] = .string("x")
            data[name] = .object(nested)
            line["data"] = .object(data)
        }
        #expect(Self.failure(JSONWriter.string(.object(line))) == .invalidEvent(reason: message))
    }

    @Test("unknown fields in every event's data and in nested parts are refused by name")
    func unknownFieldsInEveryEvent() throws {
        for type in EventType.allCases {
            var line = try Self.sampleObject(type)
            var data = try #require(line["data"]?.objectValue)
            data["surprise"] = .bool(true)
            line["data"] = .object(data)
            #expect(Self.failure(JSONWriter.string(.object(line)))
                    == .invalidEvent(reason: "data has the field 'surprise', which this version of wsoa does not know"), "\(type)")
        }
        // A file reference, a reading and a measure's target are objects of their own.
        let nested: [(EventType, String, String)] = [(.evidenceAdded, "file", "data 'file'"), (.measureAdded, "baseline", "data 'baseline'"),
                                                     (.measureAdded, "target", "data 'target'"), (.revisitReported, "visited", "data 'visited'"),
                                                     (.recordAmended, "changes", "data 'changes'")]
        for (type, name, context) in nested {
            let entries = try Self.sampleEntries().filter { $0.event.type == type }
            let line = try #require(entries.compactMap { $0.json.objectValue }.first { $0["data"]?[name]?.objectValue != nil })
            var data = try #require(line["data"]?.objectValue)
            var part = try #require(data[name]?.objectValue)
            part["extra"] = .int(0)
            data[name] = .object(part)
            var edited = line
            edited["data"] = .object(data)
            #expect(Self.failure(JSONWriter.string(.object(edited)))
                    == .invalidEvent(reason: "\(context) has the field 'extra', which this version of wsoa does not know"))
        }
    }

    @Test("a key given twice is refused, naming the key, wherever it is and however it is written", arguments: [
        (#"{"by":"a","by":"b","data":{},"on":"2019-05-14","prev":"P","recorded":"r","seq":3,"type":"statementSubmitted","v":1}"#, "by"),
        (#"{"seq":3,"by":"a","data":{},"on":"2019-05-14","prev":"P","recorded":"r","seq":3,"type":"statementSubmitted","v":1}"#, "seq"),
        (#"{"by":"a","data":{"note":"x","note":"y"},"on":"2019-05-14","prev":"P","recorded":"r","seq":3,"type":"statementSubmitted","v":1}"#, "note"),
        (#"{"type":"statementSubmitted","data":{"note":"x"},"on":"2019-05-14","prev":"P","recorded":"r","seq":3,"by":"a","v":1,"\u0074ype":"statementSubmitted"}"#, "type"),
        (#"{"by":"a","data":{"personalDataAllowed":true,"personalDataAllowed":false},"on":"2019-05-14","prev":"P","recorded":"r","seq":3,"type":"statementSubmitted","v":1}"#, "personalDataAllowed"),
        (#"{"by":"a","data":{"outcomes":{"W1":"sufficient","W1":"insufficient"},"visited":{"end":"2019-05-01","start":"2019-04-29"}},"on":"2019-05-14","prev":"P","recorded":"r","seq":3,"type":"revisitReported","v":1}"#, "W1"),
        (#"{"by":"a","data":{"outcomes":{"W1":"sufficient"},"visited":{"start":"2019-04-29","end":"2019-05-01","start":"2019-04-29"}},"on":"2019-05-14","prev":"P","recorded":"r","seq":3,"type":"revisitReported","v":1}"#, "start"),
    ])
    func duplicateKeys(text: String, key: String) throws {
        let line = text.replacingOccurrences(of: "\"P\"", with: "\"\(String(repeating: "0", count: 64))\"")
        let failure = try #require(Self.failure(line))
        guard case let .malformedJSON(reason, offset) = failure else {
            Issue.record("expected malformedJSON, got \(failure)")
            return
        }
        #expect(reason == "duplicate key \"\(key)\"")
        // The offset is the second key's opening quote.
        let bytes = Array(line.utf8)
        #expect(offset > 0 && offset < bytes.count && bytes[offset] == UInt8(ascii: "\""), "offset \(offset)")
        // The general parser finds the same repeat at the same place.
        #expect(throws: failure) { try JSONReader.parse(bytes) }
    }

    @Test("the line's fields are checked, each refusal saying what is wrong", arguments: [
        (#"{"by":"a","data":{},"on":"2019-05-14","prev":"Z","recorded":"r","seq":3,"type":"statementSubmitted","v":2}"#,
         "schema version 2 is not one this wsoa reads (it reads version 1)"),
        (#"{"by":"a","data":{},"on":"2019-05-14","prev":"Z","recorded":"r","seq":3,"type":"statementSubmitted"}"#, "the line has no 'v'"),
        (#"{"by":"a","data":{},"on":"2019-05-14","prev":"Z","recorded":"r","seq":3,"type":"improvementNotice","v":1}"#,
         "the event type 'improvementNotice' is unknown"),
        (#"{"by":"a","data":{},"on":"2019-05-14","prev":"Z","recorded":"r","seq":0,"type":"statementSubmitted","v":1}"#, "seq 0 is out of range"),
        (#"{"by":"a","data":{},"on":"2019-05-14","prev":"Z","recorded":"r","seq":2147483648,"type":"statementSubmitted","v":1}"#,
         "seq 2147483648 is out of range"),
        (#"{"by":"a","data":{},"on":"2019-05-14","prev":"Z","recorded":"r","seq":3.0,"type":"statementSubmitted","v":1}"#,
         "the line 'seq' is not an integer"),
        (#"{"by":"a","data":{},"on":"2019-05-14","prev":"Z","recorded":"r","seq":"3","type":"statementSubmitted","v":1}"#,
         "the line 'seq' is not an integer"),
        (#"{"by":"a","data":{},"on":"2019-05-14","prev":"0","recorded":"r","seq":3,"type":"statementSubmitted","v":1}"#,
         "prev is not 64 lower-case hex digits"),
        (#"{"by":"a","data":{},"on":"2019-05-14","recorded":"r","seq":3,"type":"statementSubmitted","v":1}"#, "the line has no 'prev'"),
        (#"{"by":"a","data":{},"on":"2019-05-14","prev":"Z","seq":3,"type":"statementSubmitted","v":1}"#, "the line has no 'recorded'"),
        (#"{"data":{},"on":"2019-05-14","prev":"Z","recorded":"r","seq":3,"type":"statementSubmitted","v":1}"#, "the line has no 'by'"),
        (#"{"by":7,"data":{},"on":"2019-05-14","prev":"Z","recorded":"r","seq":3,"type":"statementSubmitted","v":1}"#, "the line 'by' is not a string"),
        (#"{"by":"a","data":{},"prev":"Z","recorded":"r","seq":3,"type":"statementSubmitted","v":1}"#, "the line has no 'on'"),
        (#"{"by":"a","on":"2019-05-14","prev":"Z","recorded":"r","seq":3,"type":"statementSubmitted","v":1}"#, "the line has no 'data'"),
        (#"{"by":"a","data":[],"on":"2019-05-14","prev":"Z","recorded":"r","seq":3,"type":"statementSubmitted","v":1}"#,
         "the line 'data' is not a JSON object"),
        (#"{"by":"a","data":{"personalDataAllowed":"yes"},"on":"2019-05-14","prev":"Z","recorded":"r","seq":3,"type":"statementSubmitted","v":1}"#,
         "data 'personalDataAllowed' is not true or false"),
        (#"{"by":"a","data":{"fit":"yes"},"on":"2019-05-14","prev":"Z","recorded":"r","seq":3,"type":"statementJudged","v":1}"#,
         "data 'fit' is not true or false"),
        (#"{"by":"a","data":{},"on":"2019-05-14","prev":"Z","recorded":"r","seq":3,"type":"statementJudged","v":1}"#, "data has no 'fit'"),
        (#"{"by":"a","data":{"id":"M1","value":1e400},"on":"2019-05-14","prev":"Z","recorded":"r","seq":3,"type":"measureRecorded","v":1}"#,
         "number out of range"),
        (#"{"by":"a","data":{"id":"M1","value":null},"on":"2019-05-14","prev":"Z","recorded":"r","seq":3,"type":"measureRecorded","v":1}"#,
         "data 'value' is not a number"),
    ])
    func fieldRefusals(text: String, reason: String) throws {
        let line = text.replacingOccurrences(of: "\"Z\"", with: "\"\(String(repeating: "0", count: 64))\"")
        let failure = try #require(Self.failure(line), "accepted: \(line)")
        switch failure {
        case let .invalidEvent(actual), let .malformedJSON(actual, _): #expect(actual == reason)
        default: Issue.record("unexpected \(failure)")
        }
    }

    @Test("a merge's note reads back with the id the line gave in its copy, and is refused when malformed", arguments: [
        (#"{"copy":"Z","id":"E188","seq":613}"#, "E188"),
        (#"{"id":"V2","seq":9,"copy":"Z"}"#, "V2"),
        (#"{"copy":"Z","seq":613}"#, nil),
        (#"{"copy":"Z","id":"X1","seq":613}"#, "merged 'id' is not an id such as E41"),
        (#"{"copy":"Z","id":"E01","seq":613}"#, "merged 'id' is not an id such as E41"),
        (#"{"copy":"Z","id":"E","seq":613}"#, "merged 'id' is not an id such as E41"),
        (#"{"copy":"Z","id":"E+5","seq":613}"#, "merged 'id' is not an id such as E41"),
        (#"{"copy":"Z","id":7,"seq":613}"#, "'id' is not a string"),
        (#"{"copy":"0","seq":613}"#, "merged 'copy' is not 64 lower-case hex digits"),
        (#"{"copy":"Z","seq":0}"#, "merged 'seq' 0 is out of range"),
        (#"{"copy":"Z","seq":3,"was":"E1"}"#, "'was'"),
    ] as [(String, String?)])
    func mergeNotes(note: String, idOrRefusal: String?) throws {
        let zero = String(repeating: "0", count: 64)
        let line = #"{"by":"a","data":{},"merged":NOTE,"on":"2019-05-14","prev":"Z","recorded":"r","seq":3,"type":"statementSubmitted","v":1}"#
            .replacingOccurrences(of: "NOTE", with: note).replacingOccurrences(of: "\"Z\"", with: "\"\(zero)\"")
        guard let idOrRefusal, idOrRefusal.contains(" ") || idOrRefusal.hasPrefix("'") else {
            let decoded = try Self.decode(Array(line.utf8))
            let merged = try #require(decoded.merged)
            #expect(merged.copy == zero && merged.id == idOrRefusal)
            let written = JournalLine.json(Self.entry(decoded))
            #expect(written["merged"]?["id"]?.stringValue == idOrRefusal, "the note's id is not written as read")
            return
        }
        let failure = try #require(Self.failure(line), "accepted: \(line)")
        switch failure {
        case let .invalidEvent(actual), let .malformedJSON(actual, _): #expect(actual.contains(idOrRefusal), "\(actual)")
        default: Issue.record("unexpected \(failure)")
        }
    }

    @Test("dates are strict YYYY-MM-DD within the supported years", arguments: [
        "2019-02-30", "2019-02-29", "1989-12-31", "2101-01-01", "2019-13-01", "2019-00-10", "2019-1-01", "2019-01-1",
        "20190101", "2019/01/01", "２０１９-01-01", "2019-01-01 ", " 2019-01-01", "2019-01-01T00:00:00Z", "",
    ])
    func badDates(date: String) throws {
        let line = #"{"by":"a","data":{},"on":"\#(date)","prev":"\#(String(repeating: "0", count: 64))","recorded":"r","seq":3,"type":"statementSubmitted","v":1}"#
        #expect(Self.failure(line) == .invalidEvent(reason: "the line 'on' is not a valid date ('\(date)')"))
    }

    @Test("a line up to maximumBytes is read; one byte more is refused before it is parsed")
    func sizeLimit() throws {
        let entry = try #require(try Self.sampleEntries().first)
        var line = entry.lineBytes
        // JSON whitespace before the closing brace: still the same line.
        line.insert(contentsOf: [UInt8](repeating: 0x20, count: JournalLine.maximumBytes - line.count), at: line.count - 1)
        #expect(line.count == JournalLine.maximumBytes)
        #expect(Self.entry(try Self.decode(line)) == entry)
        line.insert(0x20, at: line.count - 1)
        #expect(Self.failure(String(decoding: line, as: UTF8.self))
                == .invalidEvent(reason: "it is longer than 1 MiB, far beyond any event wsoa writes"))
    }

    // MARK: Fuzzing

    @Test("a seeded corpus of mutated lines: each is refused, or read as exactly what a JSON parse of it says; none crashes")
    func fuzzedCorpus() throws {
        let seeds = try Self.sampleEntries().map(\.lineBytes)
        var random = SeededGenerator(seed: 20_261_122)
        var accepted = 0, refused = 0
        for _ in 0..<20_000 {
            var line = seeds[random.below(seeds.count)]
            for _ in 0...random.below(3) { line = Self.mutate(line, &random) }
            let text = String(decoding: line, as: UTF8.self)
            guard let decoded = try? Self.decode(line) else {
                refused += 1
                continue
            }
            accepted += 1
            // Nothing a strict JSON parser refuses (bad UTF-8, a repeated key, trailing bytes) is read.
            guard let tree = try? JSONReader.parse(line) else {
                Issue.record("accepted a line that is not JSON: \(text)")
                continue
            }
            let entry = Self.entry(decoded)
            #expect(Self.normalized(tree) == Self.normalized(entry.json), "read differently: \(text)")
            // What was read is written canonically and reads back the same.
            #expect(try Self.decode(entry.lineBytes).event == decoded.event, "\(text)")
        }
        // The corpus exercises both sides.
        #expect(refused > 5_000)
        #expect(accepted > 1_000)
    }

    /// One random mutation of `line`.
    static func mutate(_ line: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var line = line
        guard !line.isEmpty else { return Array("{}".utf8) }
        let at = random.below(line.count)
        switch random.below(16) {
        case 0:  // flip a bit
            line[at] ^= 1 << UInt8(random.below(8))
        case 1:  // truncate
            line.removeSubrange(at...)
        case 2:  // replace a byte with something structural
            let bytes = Array("{}[]\",:\\ 0123456789.eE-+tfnul\t\r".utf8)
            line[at] = random.pick(bytes)
        case 3:  // insert whitespace
            line.insert(random.pick([0x20, 0x09, 0x0A, 0x0D]), at: at)
        case 4:  // an escape for an ASCII letter inside the line
            if let index = line[at...].firstIndex(where: { $0 >= 0x61 && $0 <= 0x7A }) {
                line.replaceSubrange(index...index, with: Array(String(format: "\\u%04x", Int(line[index])).utf8))
            }
        case 5:  // Unicode, valid and not
            let pieces: [[UInt8]] = [Array("é".utf8), Array("😀".utf8), [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                     [0xE2, 0x82], [0xFF], Array("\\ud83d\\ude00".utf8), Array("\\ud83d".utf8), [0x00]]
            line.insert(contentsOf: random.pick(pieces), at: at)
        case 6:  // big and odd numbers in place of a number
            if let range = numberRange(in: line, from: at) {
                let numbers = ["99999999999999999999", "-9223372036854775808", "9223372036854775808", "1e400", "-0", "1.0",
                               "0.5e1", "01", "1E2", "2147483648", "0", "-1", "4.2", "1e-400", "123456789012345678901234567890"]
                line.replaceSubrange(range, with: Array(random.pick(numbers).utf8))
            }
        case 7:  // reorder keys by writing the line again in another order
            line = (try? JSONReader.parse(line)).map { Array(scrambled($0, &random).utf8) } ?? line
        case 8:  // duplicate a key
            if let range = firstKey(in: line, from: at) {
                line.insert(contentsOf: Array(line[range]) + Array(":null,".utf8), at: range.lowerBound)
            }
        case 9:  // shorten a key's name
            if let range = firstKey(in: line, from: at), range.count > 2 { line.remove(at: range.lowerBound + 1) }
        case 10:  // swap a value for null, true, a string or an object
            if let colon = line[at...].firstIndex(of: UInt8(ascii: ":")) {
                let values = ["null", "true", "\"x\"", "{}", "[]", "[\"a\"]", "{\"a\":1}"]
                line.insert(contentsOf: Array((random.pick(values) + ",\"zz\":").utf8), at: colon + 1)
            }
        case 11:  // change the type name
            if let range = valueRange(of: "\"type\":", in: line) {
                let types = EventType.allCases.map(\.rawValue) + ["unknown", "ActionAdded"]
                line.replaceSubrange(range, with: Array("\"\(random.pick(types))\"".utf8))
            }
        case 12:  // change a date
            if let range = valueRange(of: random.pick(["\"on\":", "\"due\":", "\"start\":", "\"end\":"]), in: line) {
                let dates = ["2019-02-30", "1989-12-31", "2101-01-01", "2019-13-01", "2019-1-01", "2020-02-29", "2019-02-29",
                             "2100-12-31", "1990-01-01", "２０１９", "2019-05-13"]
                line.replaceSubrange(range, with: Array("\"\(random.pick(dates))\"".utf8))
            }
        case 13:  // add a key to data
            if let range = valueRange(of: "\"data\":", in: line), range.count >= 2 {
                let keys = ["\"personalDataAllowed\":true,", "\"personalDataAllowed\":null,", "\"personalDataAllowed\":false,",
                            "\"aaa\":1,", "\"file\":null,", "\"note\":7,", "\"note\":null,", "\"weakness\":\"W9\",", "\"lead\":null,"]
                line.insert(contentsOf: Array(random.pick(keys).utf8), at: range.lowerBound + 1)
            }
        case 14:  // trailing bytes
            line += Array(random.pick([" ", "x", ",", "}", "\r", "\n", "{}"]).utf8)
        default:  // delete a byte
            line.remove(at: at)
        }
        return line
    }

    /// The digits (and sign, fraction, exponent) of the first number at or after `from`, outside strings (roughly).
    private static func numberRange(in line: [UInt8], from: Int) -> Range<Int>? {
        guard let colon = line[from...].firstIndex(where: { $0 == UInt8(ascii: ":") }), colon + 1 < line.count,
              line[colon + 1] == UInt8(ascii: "-") || (line[colon + 1] >= 0x30 && line[colon + 1] <= 0x39) else { return nil }
        var end = colon + 1
        while end < line.count, "-+.eE0123456789".utf8.contains(line[end]) { end += 1 }
        return (colon + 1)..<end
    }

    /// The first `"key"` (with its quotes) at or after `from`.
    private static func firstKey(in line: [UInt8], from: Int) -> Range<Int>? {
        guard let colon = line[from...].firstIndex(of: UInt8(ascii: ":")), colon > 0, line[colon - 1] == UInt8(ascii: "\""),
              let open = line[..<(colon - 1)].lastIndex(of: UInt8(ascii: "\"")) else { return nil }
        return open..<colon
    }

    /// The value after `key` (a string, or an object for `data`), assuming no quotes inside it.
    private static func valueRange(of key: String, in line: [UInt8]) -> Range<Int>? {
        let needle = Array(key.utf8)
        guard line.count >= needle.count,
              let start = (0...(line.count - needle.count)).first(where: { line[$0..<($0 + needle.count)].elementsEqual(needle) })
        else { return nil }
        let valueStart = start + needle.count
        guard valueStart < line.count else { return nil }
        if line[valueStart] == UInt8(ascii: "{") {
            var depth = 0
            for index in valueStart..<line.count {
                if line[index] == UInt8(ascii: "{") { depth += 1 }
                if line[index] == UInt8(ascii: "}") {
                    depth -= 1
                    if depth == 0 { return valueStart..<(index + 1) }
                }
            }
            return nil
        }
        guard line[valueStart] == UInt8(ascii: "\""), let close = line[(valueStart + 1)...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return valueStart..<(close + 1)
    }
}
