/// How many pieces of evidence a plan holds, of each kind, and the latest of each kind.
///
/// What the everyday views show of a plan's evidence; the items themselves are in its
/// `DeliveryRecord`, which only the views that list them read.
public struct EvidenceTally: Hashable, Sendable {
    /// Every item.
    public internal(set) var count = 0
    /// Items of each kind (kinds with none are absent).
    public internal(set) var counts: [EvidenceKind: Int] = [:]
    /// Of each kind, the item with the latest `on`; of items on the same day, the first recorded.
    public internal(set) var latest: [EvidenceKind: Evidence] = [:]

    /// An empty tally.
    public init() {}

    /// The tally of `items`, in the order recorded.
    public init(_ items: some Sequence<Evidence>) {
        for item in items { add(item) }
    }

    /// Counts `item`, recorded after every item counted so far.
    mutating func add(_ item: Evidence) {
        count += 1
        counts[item.kind, default: 0] += 1
        // Strictly later only, so the first of several on the same day stays.
        if latest[item.kind].map({ $0.on < item.on }) ?? true { latest[item.kind] = item }
    }
}
