import Testing
@testable import WSoAEngine

/// The one-pass evidence summary must equal the summary as first written (choose the items,
/// then filter by date and by kind), kept here as the reference.
@Suite("Evidence summary in one pass")
struct EvidenceSummaryTests {
    /// The summary the way it was first computed.
    static func reference(_ items: [Evidence], asOf: Day) -> (counts: [EvidenceCount], impact: Evidence?, voice: Evidence?,
                                                              quarters: [Quarter], from: Day) {
        let dated = items.filter { $0.on <= asOf }
        let from = Ladder.recentFrom(asOf)
        let counts = EvidenceKind.allCases.map { kind in
            let ofKind = dated.filter { $0.kind == kind }
            return EvidenceCount(kind: kind, total: ofKind.count, recent: ofKind.filter { $0.on >= from }.count)
        }
        func latest(_ kind: EvidenceKind) -> Evidence? {
            var best: Evidence?
            for item in dated where item.kind == kind {
                guard let current = best else { best = item; continue }
                if item.on > current.on || (item.on == current.on && item.id.idNumber > current.id.idNumber) { best = item }
            }
            return best
        }
        let quarters = Set(dated.filter { $0.kind == .impact }.map { Quarter($0.on) }).sorted()
        return (counts, latest(.impact), latest(.voice), quarters, from)
    }

    @Test(arguments: 0..<8)
    func onePassEqualsTheReference(seed: UInt64) {
        var random = SeededGenerator(seed: 600 + seed)
        let start = ReadinessTestPlan.day("2023-01-01")
        var items: [Evidence] = []
        for index in 0..<Int.random(in: 0...400, using: &random) {
            // Ids repeat and dates tie now and then, so both tie-breaks are exercised.
            let number = Bool.random(using: &random) ? index + 1 : Int.random(in: 1...20, using: &random)
            items.append(Evidence(id: Bool.random(using: &random) ? "E\(number)" : "X", workstream: ["ws", "other"].randomElement(using: &random)!,
                                  weaknesses: [[], ["W1"], ["W2"], ["W1", "W2"]].randomElement(using: &random)!,
                                  kind: EvidenceKind.allCases.randomElement(using: &random)!,
                                  on: start.adding(days: Int.random(in: 0...900, using: &random)), title: "Item \(index)", source: nil, file: nil, link: nil,
                                  line: index + 2))
        }
        for asOf in [start, start.adding(days: 200), start.adding(days: 700), start.adding(days: 2_000)] {
            let include: (Evidence) -> Bool = { item in item.weaknesses.isEmpty ? item.workstream == "ws" : item.weaknesses.contains("W1") }
            let summary = EvidenceSummary(items, asOf: asOf, weakness: "W1", workstreams: ["ws"])
            let expected = Self.reference(items.filter(include), asOf: asOf)
            #expect(summary.counts == expected.counts)
            #expect(summary.latestImpact == expected.impact)
            #expect(summary.latestVoice == expected.voice)
            #expect(summary.impactQuarters == expected.quarters)
            #expect(summary.recentFrom == expected.from)
            #expect(EvidenceSummary(items.filter(include), asOf: asOf) == summary)
        }
    }
}
