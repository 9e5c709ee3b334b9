/// How many pieces of evidence a plan holds of each kind, and the latest of each kind.
///
/// `wsoa status` shows only these, and a long plan holds tens of thousands of items: the
/// snapshot records the tally of the items it holds, so status adds up only the items
/// recorded since instead of decoding every one (`Plan.evidenceTally`).
public struct EvidenceTally: Hashable, Sendable {
    /// Items of each kind (kinds with none are absent).
    public private(set) var counts: [EvidenceKind: Int] = [:]
    /// Of each kind, the item with the latest `on`; of items on the same day, the first in id order.
    public private(set) var latest: [EvidenceKind: Evidence] = [:]

    /// The tally of `items`, in id order.
    public init(_ items: some Sequence<Evidence>) {
        for item in items { add(item) }
    }

    /// Counts `item`, which comes after every item counted so far.
    public mutating func add(_ item: Evidence) {
        counts[item.kind, default: 0] += 1
        // Strictly later only, so the first of several on the same day stays.
        if latest[item.kind].map({ $0.on < item.on }) ?? true { latest[item.kind] = item }
    }

    /// The tally made of these parts (the snapshot's reader rebuilds it); nil if they disagree
    /// (a latest item of another kind, or a count without or below its item).
    init?(counts: [EvidenceKind: Int], latest: [EvidenceKind: Evidence]) {
        for (kind, item) in latest where item.kind != kind || (counts[kind] ?? 0) < 1 { return nil }
        for (kind, count) in counts where count < 1 || latest[kind] == nil { return nil }
        self.counts = counts
        self.latest = latest
    }
}
