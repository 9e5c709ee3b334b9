import Foundation
import Testing
@testable import WSoAEngine

/// The snapshot's own JSON: a plan comes back exactly, the bytes are canonical JSON (so tools
/// and tests can edit them with `JSONReader`/`JSONWriter`), and anything else is refused.
@Suite("Snapshot encoding")
struct SnapshotCodecTests {
    /// A plan with every part filled in, awkward text and numbers included.
    private func richPlan() throws -> Plan {
        var plan = try #require(Plan.replay(try JournalLineReaderTests.sampleEvents()))
        plan.ceased = Day(year: 2023, month: 1, day: 2)
        plan.partners.renames.append(PartnerRename(role: .la, name: "New \"Council\"", on: Day(year: 2022, month: 7, day: 1)!))
        plan.submissions.append(Day(year: 2019, month: 7, day: 1)!)
        return plan
    }

    @Test("a plan round-trips exactly, and the bytes are canonical JSON")
    func roundTrip() throws {
        let plan = try richPlan()
        #expect(!plan.actions.isEmpty && !plan.evidence.isEmpty && !plan.measures.isEmpty && !plan.visits.isEmpty)
        #expect(plan.revisit != nil && !plan.workstreams.isEmpty && !plan.judgements.isEmpty)
        let snapshot = Snapshot(seq: 42, lineHash: String(repeating: "ab", count: 32), lineStart: 12_345,
                                lastOn: Day(year: 2023, month: 1, day: 2)!, plan: plan)
        let bytes = snapshot.encoded
        let decoded = try #require(Snapshot(encoded: bytes))
        #expect(decoded.plan == plan)
        #expect(decoded.seq == 42 && decoded.lineStart == 12_345 && decoded.lineHash == snapshot.lineHash)
        #expect(decoded.lastOn == snapshot.lastOn)
        var canonical: [UInt8] = []
        JSONWriter.write(try JSONReader.parse(bytes), into: &canonical)
        #expect(canonical == bytes, "JSONWriter would write the snapshot differently")
    }

    @Test("a long plan, whose evidence is read on another thread, round-trips too; cut short it is refused")
    func longPlan() throws {
        var plan = try richPlan()
        let template = try #require(plan.evidence.first)
        for number in 0..<6_000 {
            var item = template
            item.id = "E\(number + 1)"
            item.title = "Evidence \(number) with a \"quoted\" word, a back\\slash and café"
            item.link = number % 3 == 0 ? "https://example.gov.uk/\(number)" : nil
            plan.evidence.append(item)
        }
        for number in 0..<3_000 {
            plan.actions.append(ActionItem(id: "A\(number + 100)", workstream: "coproduction", title: "Action \(number) — long enough",
                                           lead: nil, due: Day(year: 2020, month: 1, day: 1)!))
        }
        let snapshot = Snapshot(seq: 7, lineHash: String(repeating: "0", count: 64), lineStart: 99,
                                lastOn: Day(year: 2023, month: 1, day: 2)!, plan: plan)
        let bytes = snapshot.encoded
        #expect(bytes.count > 1 << 20, "too short to take the background path")
        #expect(Snapshot(encoded: bytes)?.plan == plan)
        var streamed: [UInt8] = []
        try snapshot.encode { streamed += $0 }
        #expect(streamed == bytes)
        for cut in stride(from: 1, to: bytes.count, by: bytes.count / 37) {
            #expect(Snapshot(encoded: Array(bytes[..<cut])) == nil)
        }
        var spoiled = bytes
        spoiled[bytes.count * 3 / 4] = UInt8(ascii: "{")
        #expect(Snapshot(encoded: spoiled)?.plan != plan)
    }

    @Test("anything but a whole snapshot of this version is refused")
    func refusals() throws {
        let bytes = Snapshot(seq: 1, lineHash: String(repeating: "0", count: 64), lineStart: 0,
                             lastOn: Day(year: 2023, month: 1, day: 2)!, plan: try richPlan()).encoded
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
            #expect(Snapshot(encoded: Array(bytes[..<cut])) == nil)
        }
        for garbage in ["", "{", "[]", #"{"v":99}"#, "not json at all"] {
            #expect(Snapshot(encoded: Array(garbage.utf8)) == nil)
        }
        let otherVersion = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: #","v":3}"#, with: #","v":2}"#)
        #expect(Snapshot(encoded: Array(otherVersion.utf8)) == nil)
        #expect(Snapshot(encoded: bytes + [0x20]) == nil)
    }
}
