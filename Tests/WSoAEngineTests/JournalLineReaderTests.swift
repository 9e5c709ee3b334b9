import Foundation
import Testing
@testable import WSoAEngine

/// The fast journal line reader against the general path (`JSONReader` + `JournalEntry(json:)`):
/// on every line it reads it must give the identical entry, and it must never accept a line the
/// general path refuses. Checked on every line of every journal these tests write, the example
/// plans and the hostile corpus, and on a seeded fuzzed corpus of mutated lines. (In debug
/// builds `Journal` also checks the two agree on every line any test reads.)
@Suite("Journal line reader")
struct JournalLineReaderTests {
    // MARK: Agreement

    /// What both paths made of a line.
    private struct Outcome {
        var fast: JournalEntry?
        var general: JournalEntry?
    }

    /// Reads `line` both ways and checks they agree; returns both results.
    @discardableResult
    private func agree(_ line: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Outcome {
        let general = try? JournalEntry(json: JSONReader.parse(line))
        let fast = JournalLineReader.entry(line[...])
        if let fast {
            #expect(general == fast, "fast path read differently: \(String(decoding: line, as: UTF8.self))",
                    sourceLocation: sourceLocation)
        }
        let combined = try? JournalLineReader.read(line[...])
        #expect(combined == general, "combined reader differs: \(String(decoding: line, as: UTF8.self))",
                sourceLocation: sourceLocation)
        // Replay's reader (events only, `prev` as a digest) accepts exactly the same lines and
        // reads the same seq, prev and event from them.
        let replayed = try? JournalLineReader.replayed(line[...])
        #expect(replayed == general.map(JournalLineReader.Replayed.init),
                "replay reader differs: \(String(decoding: line, as: UTF8.self))", sourceLocation: sourceLocation)
        return Outcome(fast: fast, general: general)
    }

    // MARK: Valid lines

    /// One event of every type, with optional parts present and absent, awkward text and numbers.
    static func sampleEvents() throws -> [PlanEvent] {
        let visit = try DayRange(start: Day(year: 2019, month: 2, day: 4)!, end: Day(year: 2019, month: 2, day: 8)!)
        let on = Day(year: 2019, month: 5, day: 14)!
        let due = Day(year: 2020, month: 1, day: 31)!
        let texts = ["Plain words", "Quote \"here\" and back\\slash", "Tab\tnew\nline", "Café – naïve ✓ £5 😀",
                     "DEL \u{7F} and NUL \u{0} and bell \u{7}", "/slash/", ""]
        let numbers: [Double] = [0, -0.0, 41.5, -3.25, 1e-7, 12, 1e300, 0.1, 123456789.125, -2]
        var events: [PlanEvent] = [
            .planCreated(PlanEvent.PlanCreated(id: "stockton-on-tees-2019", area: "Stockton-on-Tees", visit: visit,
                                               partners: Partners(la: "Council", health: nil), note: "seed")),
            .letterPublished(on: on, received: nil, statementRequired: true, weaknesses: ["One", "Two \"quoted\""], note: nil),
            .letterPublished(on: on, received: on, statementRequired: false, weaknesses: [], note: "note"),
            .monitoringVisitHeld(on: on, advisers: ["DfE"], ratings: ["W1": .red, "ws": .green], followUps: ["f"], note: nil),
            .revisitReported(on: on, visited: visit, outcomes: ["W1": .sufficient, "W2": .insufficient], note: "r"),
            .partnerRenamed(on: on, role: .health, name: "NHS North East ICB", note: nil),
            .workstreamAdded(on: on, workstream: Workstream(id: "coproduction", title: "Co-production", lead: "Lead",
                                                           accountable: nil, partner: .parentCarerForum, addresses: ["W1"])),
            .measureAdded(on: on, measure: Measure(id: "M1", workstream: "coproduction", title: "EHC plans in 20 weeks",
                                                   unit: "%", direction: .higherIsBetter,
                                                   baseline: Reading(on: on, value: 41.5), national: 58.3,
                                                   target: Reading(on: due, value: 75))),
            .statementJudged(on: on, fit: true, note: nil),
            .statementJudged(on: on, fit: false, note: "not yet"),
        ]
        for (index, text) in texts.enumerated() {
            let note: String? = index % 3 == 0 ? nil : text
            events.append(.statementSubmitted(on: on, note: note))
            events.append(.monitoringCeased(on: on, note: note))
            events.append(.actionAdded(on: on, id: "A\(index + 1)", workstream: "coproduction", title: text.isEmpty ? "T" : text,
                                       lead: index % 2 == 0 ? nil : text, due: due))
            events.append(.actionUpdated(on: on, id: "A\(index + 1)", status: ActionStatus.allCases[index % 5], note: note))
            events.append(.actionRetargeted(on: on, id: "A\(index + 1)", due: due.adding(days: index), reason: text,
                                            agreedWith: index % 2 == 0 ? text : nil))
            events.append(.evidenceAdded(evidence: Evidence(
                id: "E\(index + 1)", workstream: "coproduction", weakness: index % 2 == 0 ? "W1" : nil,
                kind: EvidenceKind.allCases[index % 6], on: on, title: text, source: index % 3 == 1 ? text : nil,
                file: index % 3 == 2 ? FileReference(path: "evidence/\(text).pdf", size: Int64(index) * 1000, sha256: String(repeating: "a", count: 64)) : nil,
                link: index % 4 == 1 ? "https://example.gov.uk/\(index)" : nil)))
        }
        for (index, value) in numbers.enumerated() {
            events.append(.measureRecorded(on: on.adding(days: index), id: "M1", value: value))
        }
        return events
    }

    /// The canonical lines of `sampleEvents`, with and without the personal-data flag.
    static func sampleLines() throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var prev = JournalEntry.genesisHash
        for (index, event) in try sampleEvents().enumerated() {
            for allowed in [false, true] {
                let entry = JournalEntry(seq: index + 1, prev: prev, recorded: "2026-11-22T18:30:00Z",
                                         by: allowed ? "j.o'neill \"JO\"" : "send-lead", event: event,
                                         personalDataAllowed: allowed)
                lines.append(entry.lineBytes)
            }
            prev = SHA256.hexDigest(lines[lines.count - 1])
        }
        return lines
    }

    @Test("every written line reads back identically, and the common types take the fast path")
    func writtenLines() throws {
        let handled: Set<EventType> = [.statementSubmitted, .statementJudged, .monitoringCeased, .actionAdded,
                                       .actionUpdated, .actionRetargeted, .measureRecorded, .evidenceAdded]
        var fastCount = 0
        for line in try Self.sampleLines() {
            let outcome = agree(line)
            let general = try #require(outcome.general, "a written line was refused: \(String(decoding: line, as: UTF8.self))")
            if handled.contains(general.event.type) {
                #expect(outcome.fast != nil, "handled type took the slow path: \(String(decoding: line, as: UTF8.self))")
                fastCount += 1
            } else {
                #expect(outcome.fast == nil)
            }
        }
        #expect(fastCount > 80)
    }

    @Test("every line of the example plans and of the hostile corpus")
    func repositoryJournals() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [URL] = []
        for folder in ["plans", "Tests/WSoACLITests/Corpus"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "jsonl" { files.append(url) }
        }
        #expect(!files.isEmpty)
        var lines = 0
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) where line.count <= Journal.maximumLineBytes {
                agree(Array(line))
                lines += 1
            }
        }
        #expect(lines > 50)
    }

    @Test("every line of journals written through the store, read back through load and verify")
    func storeJournals() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-linereader-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = PlanStore(directory: directory)
        try store.initialize()
        let visit = try DayRange(start: Day(year: 2019, month: 2, day: 4)!, end: Day(year: 2019, month: 2, day: 8)!)
        let letter = Day(year: 2019, month: 4, day: 1)!
        _ = try store.create(PlanEvent.PlanCreated(id: "area-2019", area: "Area", visit: visit),
                             then: [.publishLetter(on: letter, received: nil, statementRequired: true,
                                                   weaknesses: ["Weakness one", "Weakness two"], note: nil)],
                             by: "lead", recorded: "2026-11-22T18:30:00Z")
        var random = SeededGenerator(seed: 7)
        let commands: [PlanCommand] = [
            .addWorkstream(on: letter, workstream: Workstream(id: "ws", title: "Workstream", addresses: ["W1", "W2"])),
            .addMeasure(on: letter, workstream: "ws", title: "Measure", unit: "%", direction: .lowerIsBetter,
                        baseline: Reading(on: letter, value: 30), national: nil, target: Reading(on: letter.adding(days: 400), value: 10)),
            .submit(on: letter.adding(days: 20), note: "Sent \"today\""),
            .judge(on: letter.adding(days: 40), fit: true, note: nil),
        ]
        for command in commands {
            _ = try store.append("area-2019", by: "lead", recorded: "2026-11-22T18:30:00Z") { try Plan.decide(command, on: $0) }
        }
        for index in 0..<300 {
            let on = letter.adding(days: 41 + index)
            let command: PlanCommand
            switch random.next() % 5 {
            case 0: command = .addAction(on: on, workstream: "ws", title: "Action \(index) – café", lead: nil, due: on.adding(days: 30))
            case 1: command = .recordMeasure(on: on, id: "M1", value: Double(random.next() % 1000) / 8)
            case 2: command = .addEvidence(on: on, workstream: "ws", weakness: "W1", kind: .voice, title: "Evidence \(index)",
                                           source: nil, file: nil, link: nil)
            case 3: command = .holdMonitoringVisit(on: on, advisers: ["DfE"], ratings: ["W1": .amber], followUps: [], note: nil)
            default: command = .updateAction(on: on, id: "A1", status: .atRisk, note: "Line\nbreak \\ and \"quote\"")
            }
            _ = try store.append("area-2019", by: "lead", recorded: "2026-11-22T18:30:00Z") { plan in
                if case .updateAction = command, plan.actions.isEmpty { return [] }
                return try Plan.decide(command, on: plan)
            }
        }
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: store.journalPath("area-2019"))))
        var fast = 0
        for line in bytes.split(separator: 0x0A) where agree(Array(line)).fast != nil { fast += 1 }
        #expect(fast > 200)
        // Load (from the snapshot a long journal leaves, and without it) and verify agree with a replay.
        let entries = try store.entries("area-2019")
        let replayed = Plan.replay(entries.map(\.event))
        #expect(try store.load("area-2019").plan == replayed)
        #expect(try store.load("area-2019").plan == replayed)
        #expect(try store.verify("area-2019").events == entries.count)
    }

    // MARK: Fuzzing

    @Test("a seeded fuzzed corpus: the fast path never accepts what the general path refuses, nor reads it differently")
    func fuzzedCorpus() throws {
        let seeds = try Self.sampleLines()
        var random = SeededGenerator(seed: 20_261_122)
        var accepted = 0, refused = 0, fast = 0
        for round in 0..<20_000 {
            var line = seeds[Int(random.next() % UInt64(seeds.count))]
            for _ in 0...(random.next() % 3) { line = Self.mutate(line, &random) }
            let outcome = agree(line)
            if outcome.general == nil { refused += 1 } else { accepted += 1 }
            if outcome.fast != nil { fast += 1 }
            if round % 5_000 == 0 { #expect(line.count < 100_000) }
        }
        // The corpus exercises both sides: plenty refused, plenty still read the fast way.
        #expect(refused > 1_000)
        #expect(accepted > 1_000)
        #expect(fast > 500)
    }

    @Test("Journal.event (replay) and Journal.entry give the same events and the same damage on fuzzed journals")
    func replayAgreesWithEntries() throws {
        var lines: [[UInt8]] = []
        var prev = JournalEntry.genesisHash
        for (index, event) in try Self.sampleEvents().enumerated() {
            let line = JournalEntry(seq: index + 1, prev: prev, recorded: "2026-11-22T18:30:00Z", by: "send-lead",
                                    event: event, personalDataAllowed: index % 3 == 0).lineBytes
            lines.append(line)
            prev = SHA256.hexDigest(line)
        }
        var random = SeededGenerator(seed: 77)
        var damaged = 0
        for round in 0..<2_000 {
            var mutated = lines
            if round > 0 {
                let place = Int(random.next() % UInt64(mutated.count))
                switch random.next() % 4 {
                case 0: mutated.swapAt(place, Int(random.next() % UInt64(mutated.count)))
                case 1: mutated.remove(at: place)
                default: mutated[place] = Self.mutate(mutated[place], &random)
                }
            }
            let bytes = Array(mutated.joined(separator: [0x0A])) + [0x0A]
            let journal = Journal(path: "plans/stockton-on-tees-2019/events.jsonl", bytes: bytes)
            var entryHash = JournalEntry.genesisHash
            var eventHash = SHA256.Digest.genesis
            for number in 1...max(journal.count, 1) where journal.count > 0 {
                let entry = Result { try journal.entry(line: number, previousHash: entryHash, planID: "stockton-on-tees-2019") }
                let event = Result { try journal.event(line: number, previous: eventHash, planID: "stockton-on-tees-2019") }
                switch (entry, event) {
                case let (.success(entry), .success(event)):
                    #expect(entry.event == event)
                case let (.failure(entryError), .failure(eventError)):
                    #expect("\(entryError)" == "\(eventError)")
                    damaged += 1
                default:
                    Issue.record("line \(number): entry \(entry), event \(event)")
                }
                entryHash = journal.hash(ofLine: number)
                eventHash = journal.digest(ofLine: number)
                #expect(eventHash.hex == entryHash)
            }
        }
        #expect(damaged > 500)
    }

    /// One random mutation of `line`.
    static func mutate(_ line: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var line = line
        guard !line.isEmpty else { return Array("{}".utf8) }
        let at = Int(random.next() % UInt64(line.count))
        switch random.next() % 16 {
        case 0:  // flip a bit
            line[at] ^= 1 << UInt8(random.next() % 8)
        case 1:  // truncate
            line.removeSubrange(at...)
        case 2:  // replace a byte with something structural
            let bytes = Array("{}[]\",:\\ 0123456789.eE-+tfnul\t\r".utf8)
            line[at] = bytes[Int(random.next() % UInt64(bytes.count))]
        case 3:  // insert whitespace
            line.insert([0x20, 0x09, 0x0A, 0x0D][Int(random.next() % 4)], at: at)
        case 4:  // an escape for an ASCII letter inside the line
            if let index = line[at...].firstIndex(where: { $0 >= 0x61 && $0 <= 0x7A }) {
                let escape = String(format: "\\u%04x", Int(line[index]))
                line.replaceSubrange(index...index, with: Array(escape.utf8))
            }
        case 5:  // unicode, valid and not
            let pieces: [[UInt8]] = [Array("é".utf8), Array("😀".utf8), [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                     [0xE2, 0x82], [0xFF], Array("\\ud83d\\ude00".utf8), Array("\\ud83d".utf8), [0x00]]
            line.insert(contentsOf: pieces[Int(random.next() % UInt64(pieces.count))], at: at)
        case 6:  // big and odd numbers in place of a number
            if let range = numberRange(in: line, from: at) {
                let numbers = ["99999999999999999999", "-9223372036854775808", "9223372036854775808", "1e400", "-0", "1.0",
                               "0.5e1", "01", "1E2", "2147483648", "0", "-1", "4.2", "1e-400", "123456789012345678901234567890"]
                line.replaceSubrange(range, with: Array(numbers[Int(random.next() % UInt64(numbers.count))].utf8))
            }
        case 7:  // reorder two top-level keys by re-serialising in another order
            line = reordered(line, &random) ?? line
        case 8:  // duplicate a key
            if let range = firstKey(in: line, from: at) {
                let member = Array(line[range]) + Array(":null,".utf8)
                line.insert(contentsOf: member, at: range.lowerBound)
            }
        case 9:  // drop a key's name, leaving an empty or shorter one
            if let range = firstKey(in: line, from: at), range.count > 2 {
                line.remove(at: range.lowerBound + 1)
            }
        case 10:  // swap a value for null, true, a string or an object
            if let colon = line[at...].firstIndex(of: UInt8(ascii: ":")) {
                let values = ["null", "true", "\"x\"", "{}", "[]", "[\"a\"]", "{\"a\":1}"]
                line.insert(contentsOf: Array((values[Int(random.next() % UInt64(values.count))] + ",\"zz\":").utf8), at: colon + 1)
            }
        case 11:  // change the type name
            let types = EventType.allCases.map(\.rawValue) + ["unknown", "ActionAdded"]
            if let range = valueRange(of: "\"type\":", in: line) {
                line.replaceSubrange(range, with: Array("\"\(types[Int(random.next() % UInt64(types.count))])\"".utf8))
            }
        case 12:  // change a date
            let dates = ["2019-02-30", "1989-12-31", "2101-01-01", "2019-13-01", "2019-1-01", "2020-02-29", "2019-02-29", "０２０１９"]
            if let range = valueRange(of: "\"on\":", in: line) {
                line.replaceSubrange(range, with: Array("\"\(dates[Int(random.next() % UInt64(dates.count))])\"".utf8))
            }
        case 13:  // add a key to data
            if let range = valueRange(of: "\"data\":", in: line), range.count >= 2 {
                let keys = ["\"personalDataAllowed\":true,", "\"personalDataAllowed\":null,", "\"aaa\":1,", "\"file\":null,",
                            "\"note\":7,", "\"weakness\":\"W9\",", "\"lead\":null,"]
                line.insert(contentsOf: Array(keys[Int(random.next() % UInt64(keys.count))].utf8), at: range.lowerBound + 1)
            }
        case 14:  // trailing bytes
            line += Array([" ", "x", ",", "}", "\r"][Int(random.next() % 5)].utf8)
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
        guard let start = (0...(max(0, line.count - needle.count))).first(where: { line[$0..<min(line.count, $0 + needle.count)].elementsEqual(needle) })
        else { return nil }
        let valueStart = start + needle.count
        guard valueStart < line.count else { return nil }
        if line[valueStart] == UInt8(ascii: "{") {
            var depth = 0
            for index in valueStart..<line.count {
                if line[index] == UInt8(ascii: "{") { depth += 1 }
                if line[index] == UInt8(ascii: "}") { depth -= 1; if depth == 0 { return valueStart..<(index + 1) } }
            }
            return nil
        }
        guard line[valueStart] == UInt8(ascii: "\""), let close = line[(valueStart + 1)...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return valueStart..<(close + 1)
    }

    /// The line re-serialised with its top-level (or data's) keys in a shuffled order.
    private static func reordered(_ line: [UInt8], _ random: inout SeededGenerator) -> [UInt8]? {
        guard case var .object(members)? = try? JSONReader.parse(line) else { return nil }
        var keys = Array(members.keys)
        keys.shuffle(using: &random)
        if random.next() % 2 == 0, case let .object(data)? = members["data"] {
            var dataKeys = Array(data.keys)
            dataKeys.shuffle(using: &random)
            members["data"] = nil
            let dataText = "{" + dataKeys.map { "\(JSONWriter.string(.string($0))):\(JSONWriter.string(data[$0]!))" }.joined(separator: ",") + "}"
            let rest = keys.filter { $0 != "data" }.map { "\(JSONWriter.string(.string($0))):\(JSONWriter.string(members[$0]!))" }
            return Array(("{\"data\":" + dataText + (rest.isEmpty ? "" : ",") + rest.joined(separator: ",") + "}").utf8)
        }
        return Array(("{" + keys.map { "\(JSONWriter.string(.string($0))):\(JSONWriter.string(members[$0]!))" }.joined(separator: ",") + "}").utf8)
    }
}
