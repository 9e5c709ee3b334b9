import Testing
@testable import WSoAEngine

/// The tally status shows must be what counting every item says, with the first of several
/// latest items on the same day, as `max(by:)` over the items in id order picks.
@Suite("Evidence tally")
struct EvidenceTallyTests {
    /// Seeded items with many kinds and days repeated.
    static func items(_ count: Int, seed: UInt64) -> [Evidence] {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        return (0..<count).map { index in
            Evidence(id: "E\(index + 1)", workstream: "w", kind: EvidenceKind.allCases[next() % EvidenceKind.allCases.count],
                     on: Day(daysSince1970: 19_000 + next() % 40), title: "item \(index)")
        }
    }

    @Test("counts and latest items agree with a count and max(by:) over the items", arguments: [0, 1, 7, 300])
    func agreesWithCounting(count: Int) {
        let items = Self.items(count, seed: UInt64(count) + 11)
        let tally = EvidenceTally(items)
        for kind in EvidenceKind.allCases {
            let ofKind = items.filter { $0.kind == kind }
            #expect(tally.counts[kind] == (ofKind.isEmpty ? nil : ofKind.count))
            #expect(tally.latest[kind] == ofKind.max(by: { $0.on < $1.on }))
        }
    }

    @Test("the parts the snapshot records are checked")
    func partsChecked() throws {
        let items = Self.items(50, seed: 3)
        let tally = EvidenceTally(items)
        #expect(EvidenceTally(counts: tally.counts, latest: tally.latest) == tally)
        var wrongKind = tally.latest
        let impact = try #require(wrongKind[.impact])
        wrongKind[.voice] = impact
        #expect(EvidenceTally(counts: tally.counts, latest: wrongKind) == nil)
        var missing = tally.latest
        missing[.impact] = nil
        #expect(EvidenceTally(counts: tally.counts, latest: missing) == nil)
        #expect(EvidenceTally(counts: [:], latest: tally.latest) == nil)
    }
}
