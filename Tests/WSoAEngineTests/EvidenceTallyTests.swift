import Testing
@testable import WSoAEngine

/// The tally status shows must be what counting every item says, with the first of several
/// latest items on the same day, as `max(by:)` over the items in id order picks; and the tally
/// a plan keeps must be the tally of its delivery record's items.
@Suite("Evidence tally")
struct EvidenceTallyTests {
    /// Seeded items with many kinds and days repeated.
    static func items(_ count: Int, seed: UInt64) -> [Evidence] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { index in
            Evidence(id: "E\(index + 1)", workstream: "w", kind: random.pick(EvidenceKind.allCases),
                     on: Day(daysSince1970: 19_000 + random.below(40)), title: "item \(index)", source: nil, file: nil, link: nil,
                     line: index + 2)
        }
    }

    @Test("counts and latest items agree with a count and max(by:) over the items", arguments: [0, 1, 7, 300])
    func agreesWithCounting(count: Int) {
        let items = Self.items(count, seed: UInt64(count) + 11)
        let tally = EvidenceTally(items)
        #expect(tally.count == count)
        for kind in EvidenceKind.allCases {
            let ofKind = items.filter { $0.kind == kind }
            #expect(tally.counts[kind] == (ofKind.isEmpty ? nil : ofKind.count))
            #expect(tally.latest[kind] == ofKind.max(by: { $0.on < $1.on }))
        }
    }

    @Test("a plan's evidence is every evidenceAdded event folded so far, in order, in every as-of view", arguments: 0..<6)
    func planAgreesWithEvents(seed: UInt64) {
        let events = TestJournals.randomEvents(seed: 300 + seed, steps: 500)
        for asOf in Set(events.map(\.on)).sorted() {
            let (plan, _) = TestJournals.fold(events, asOf: asOf)
            let added = events.filter { $0.on <= asOf }.compactMap { event -> String? in
                guard case let .evidenceAdded(added) = event else { return nil }
                return added.id
            }
            #expect(plan.evidence.map(\.id) == added, "seed \(seed) as of \(asOf)")
        }
    }
}
