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

    @Test("a long plan round-trips too; cut short it is refused")
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
        #expect(bytes.count > 1 << 20)
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

    /// `plan` with evidence and status reports enough to matter, several on each day.
    private func longPlan(_ plan: Plan, evidence: Int, reports: Int) throws -> Plan {
        var plan = plan
        // From a fresh plan: reading `plan`'s own evidence would decode it.
        let template = try #require(try richPlan().evidence.first)
        for number in 0..<evidence {
            var item = template
            item.id = "E\(plan.evidence.count + 1)"
            item.kind = EvidenceKind.allCases[number * 7 % EvidenceKind.allCases.count]
            item.on = Day(daysSince1970: 18_000 + number * 13 % 50)
            item.title = "Evidence \(number) with a \"quoted\" word and café"
            plan.apply(.evidenceAdded(evidence: item))
        }
        for number in 0..<reports {
            let action = plan.actions[number % plan.actions.count]
            plan.apply(.actionUpdated(on: Day(daysSince1970: 18_000 + number % 30), id: action.id,
                                      status: ActionStatus.allCases[number % ActionStatus.allCases.count],
                                      note: number % 4 == 0 ? nil : "Report \(number) — on track"))
        }
        return plan
    }

    @Test("a decoded plan keeps its evidence and status reports encoded until read, and they read back exactly")
    func deferredLists() throws {
        let original = try longPlan(try richPlan(), evidence: 500, reports: 400)
        let snapshot = Snapshot(seq: 9, lineHash: String(repeating: "1", count: 64), lineStart: 0,
                                lastOn: Day(year: 2023, month: 1, day: 2)!, plan: original)
        let decoded = try #require(Snapshot(encoded: snapshot.encoded)).plan
        #expect(!decoded.evidence.isDecoded)
        #expect(decoded.actions.allSatisfy { $0.statusHistory.isEmpty || !$0.statusHistory.isDecoded })
        #expect(decoded.actions.contains { !$0.retargets.isEmpty })
        #expect(decoded.actions.allSatisfy { $0.retargets.isEmpty || !$0.retargets.isDecoded })
        #expect(decoded.evidence.count == original.evidence.count)
        // The tally comes from the snapshot, without decoding, and is what counting the items says.
        #expect(decoded.evidenceTally == EvidenceTally(original.evidence))
        #expect(!decoded.evidence.isDecoded)

        // Folding more events (as a load's tail does) appends without decoding; the tally, a
        // new snapshot's bytes and the plan itself stay exactly those of the plan never encoded.
        let more = try longPlan(decoded, evidence: 40, reports: 30)
        let moreOriginal = try longPlan(original, evidence: 40, reports: 30)
        #expect(!more.evidence.isDecoded)
        #expect(more.evidenceTally == EvidenceTally(moreOriginal.evidence))
        #expect(!more.evidence.isDecoded)
        let again = Snapshot(seq: 10, lineHash: snapshot.lineHash, lineStart: 0, lastOn: snapshot.lastOn, plan: more).encoded
        #expect(!more.evidence.isDecoded, "re-encoding copies the encoded bytes")
        #expect(again == Snapshot(seq: 10, lineHash: snapshot.lineHash, lineStart: 0, lastOn: snapshot.lastOn,
                                  plan: moreOriginal).encoded)
        #expect(more == moreOriginal)
        #expect(more.evidence.isDecoded)
        #expect(more.evidenceTally == EvidenceTally(moreOriginal.evidence))
        // The decoded plan itself was not changed by the appends to its copy.
        #expect(decoded == original)
    }

    @Test("a changed byte inside an encoded list is refused when the snapshot is read, not when the list is")
    func checksum() throws {
        let plan = try longPlan(try richPlan(), evidence: 50, reports: 50)
        let bytes = Snapshot(seq: 3, lineHash: String(repeating: "2", count: 64), lineStart: 0,
                             lastOn: Day(year: 2023, month: 1, day: 2)!, plan: plan).encoded
        #expect(Snapshot(encoded: bytes) != nil)
        for marker in ["Evidence 17 with", "Report 33 —"] {
            let text = String(decoding: bytes, as: UTF8.self)
            let range = try #require(text.range(of: marker))
            let offset = text.utf8.distance(from: text.startIndex, to: range.lowerBound) + marker.utf8.count - 6
            var spoiled = bytes
            spoiled[offset] = spoiled[offset] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            #expect(Snapshot(encoded: spoiled) == nil, "\(marker)")
        }
        // A wrong length or count around a list is refused too.
        let text = String(decoding: bytes, as: UTF8.self)
        let evidence = try #require(text.range(of: #""evidence":["#))
        let tail = text[evidence.upperBound...]
        let count = try #require(tail.split(separator: ",").first)
        let wrongCount = text.replacingCharacters(in: evidence.upperBound..<tail.index(evidence.upperBound, offsetBy: count.count),
                                                  with: String(Int(count)! + 1))
        #expect(Snapshot(encoded: Array(wrongCount.utf8)) == nil)
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
