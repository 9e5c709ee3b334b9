/// The items of a tracker's kind by title, kept in step with the plan as rows are taken, so a
/// row without an id is matched without reading every item: a long tracker costs its length,
/// not its square.
struct TitleIndex {
    /// The positions of the items with each title, in order.
    private var positions: [String: [Int]] = [:]
    /// The title each position is filed under.
    private var titles: [String] = []

    /// The index of `titles`, the items' titles in plan order.
    init(_ titles: [String]) {
        for (position, title) in titles.enumerated() { file(position, title: title) }
    }

    /// The positions of the items titled `title`, in order.
    func positions(titled title: String) -> [Int] { positions[title] ?? [] }

    /// Files the item at `position` (an existing one, or the next) under `title`, moving it from
    /// the title it had.
    mutating func file(_ position: Int, title: String) {
        if position < titles.count {
            let old = titles[position]
            guard old != title else { return }
            positions[old]?.removeAll { $0 == position }
            titles[position] = title
        } else {
            titles.append(title)
        }
        // Positions stay in order: a retitled item goes back among the others in its place.
        var filed = positions[title] ?? []
        filed.insert(position, at: filed.firstIndex { $0 > position } ?? filed.endIndex)
        positions[title] = filed
    }
}
