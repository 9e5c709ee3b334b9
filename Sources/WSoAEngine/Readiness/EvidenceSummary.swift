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

    /// Summarises `items` (already chosen for the weakness) at `asOf`.
    public init(_ items: [Evidence], asOf: Day) {
        let dated = items.filter { $0.on <= asOf }
        let from = Ladder.recentFrom(asOf)
        recentFrom = from
        counts = EvidenceKind.allCases.map { kind in
            let ofKind = dated.filter { $0.kind == kind }
            return EvidenceCount(kind: kind, total: ofKind.count, recent: ofKind.filter { $0.on >= from }.count)
        }
        latestImpact = EvidenceSummary.latest(.impact, in: dated)
        latestVoice = EvidenceSummary.latest(.voice, in: dated)
        impactQuarters = Set(dated.filter { $0.kind == .impact }.map { Quarter($0.on) }).sorted()
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
        for item in items where item.kind == kind {
            guard let current = best else { best = item; continue }
            if item.on > current.on || (item.on == current.on && item.id.idNumber > current.id.idNumber) { best = item }
        }
        return best
    }
}
