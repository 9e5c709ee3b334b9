/// A weakness's evidence at the as-of day: counts by kind, and the items inspectors weigh most.
public struct EvidenceSummary: Hashable, Sendable {
    /// One count per kind, in `EvidenceKind.allCases` order (every kind, zeros included).
    public let counts: [EvidenceCount]
    /// The most recent impact item (latest date; the later-recorded on a tie).
    public let latestImpact: Evidence?
    /// The most recent voice item.
    public let latestVoice: Evidence?
    /// The quarters holding impact evidence, oldest first.
    public let impactQuarters: [Quarter]
    /// The first day of the last-6-months window.
    public let recentFrom: Day
    /// The items themselves at their current version, withdrawn ones left out, newest first
    /// (on a tie of dates, the later recorded first), so the board can check what was counted.
    public let items: [Evidence]

    /// Summarises `items` (already chosen for the weakness) at `asOf`.
    public init(_ items: [Evidence], asOf: Day) {
        self.init(items, asOf: asOf, weakness: nil, workstreams: [])
    }

    /// Summarises, in one pass, the items of `evidence` that count for `weakness` (tagged
    /// with it, or untagged from one of `workstreams`), or every item when `weakness` is nil.
    ///
    /// A long plan holds tens of thousands of items; choosing them into an array of their
    /// own, then filtering by date and by kind, copied every item several times over. Here
    /// only the fields tested are read, and only the two latest items are copied.
    init(_ evidence: [Evidence], asOf: Day, weakness: String?, workstreams: Set<String>) {
        let from = Ladder.recentFrom(asOf)
        recentFrom = from
        let kinds = EvidenceKind.allCases
        var totals = [Int](repeating: 0, count: kinds.count)
        var recents = [Int](repeating: 0, count: kinds.count)
        var latestImpact: Int?
        var latestVoice: Int?
        var quarters: Set<Quarter> = []
        var chosen: [Int] = []
        evidence.withUnsafeBufferPointer { items in
            for index in items.indices where items[index].on <= asOf && items[index].withdrawn == nil {
                if let weakness {
                    if !items[index].weaknesses.isEmpty {
                        guard items[index].weaknesses.contains(weakness) else { continue }
                    } else if !workstreams.contains(items[index].workstream) {
                        continue
                    }
                }
                chosen.append(index)
                let on = items[index].on
                let kind = items[index].kind
                if let slot = kinds.firstIndex(of: kind) {
                    totals[slot] += 1
                    if on >= from { recents[slot] += 1 }
                }
                switch kind {
                case .impact:
                    quarters.insert(Quarter(on))
                    if EvidenceSummary.isLater(index, than: latestImpact, in: items) { latestImpact = index }
                case .voice:
                    if EvidenceSummary.isLater(index, than: latestVoice, in: items) { latestVoice = index }
                default:
                    break
                }
            }
        }
        counts = kinds.indices.map { EvidenceCount(kind: kinds[$0], total: totals[$0], recent: recents[$0]) }
        self.latestImpact = latestImpact.map { evidence[$0] }
        self.latestVoice = latestVoice.map { evidence[$0] }
        impactQuarters = quarters.sorted()
        items = chosen.reversed().map { evidence[$0] }.sorted { ($0.on, $0.id.idNumber) > ($1.on, $1.id.idNumber) }
    }

    /// Every item in the summary.
    public var total: Int { counts.reduce(0) { $0 + $1.total } }

    /// The count for `kind`.
    public func count(_ kind: EvidenceKind) -> EvidenceCount {
        counts.first { $0.kind == kind } ?? EvidenceCount(kind: kind, total: 0, recent: 0)
    }

    /// The latest item of `kind` in `items`; on a tie of dates the one recorded later (higher id).
    static func latest(_ kind: EvidenceKind, in items: [Evidence]) -> Evidence? {
        var best: Evidence?
        for item in items where item.kind == kind && isLater(item, than: best) { best = item }
        return best
    }

    /// Whether `item` beats `current` for the latest: a later date, or the same date and a
    /// higher id (so on a full tie the earlier in the list stays).
    private static func isLater(_ item: Evidence, than current: Evidence?) -> Bool {
        guard let current else { return true }
        return item.on > current.on || (item.on == current.on && item.id.idNumber > current.id.idNumber)
    }

    /// ``isLater(_:than:)`` for items of `items` by index, without copying them.
    private static func isLater(_ index: Int, than current: Int?, in items: UnsafeBufferPointer<Evidence>) -> Bool {
        guard let current else { return true }
        return items[index].on > items[current].on
            || (items[index].on == items[current].on && items[index].id.idNumber > items[current].id.idNumber)
    }
}
