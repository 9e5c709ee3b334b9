/// A headed part of a report section: a table, or a short list, or the sentence that says
/// why there is nothing to show.
struct ReportPart: Sendable {
    /// The part's heading, with its count, e.g. "Overdue actions (3)".
    let heading: String
    /// Its rows as a table (empty when the part is a list).
    let table: ReportTable?
    /// Its rows as plain-text list items, each with an optional tone (empty for a table).
    let items: [ReportCell]
    /// The sentence to show when there are no rows.
    let empty: String

    /// A part shown as a table.
    init(heading: String, table: ReportTable, empty: String) {
        self.heading = heading
        self.table = table
        self.items = []
        self.empty = empty
    }

    /// A part shown as a list.
    init(heading: String, items: [ReportCell], empty: String) {
        self.heading = heading
        self.table = nil
        self.items = items
        self.empty = empty
    }

    /// Whether there is nothing to show but the sentence.
    var isEmpty: Bool { (table?.isEmpty ?? true) && items.isEmpty }
}
