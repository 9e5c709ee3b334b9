/// A table of a report, built once from the assessment and laid out by each renderer, so
/// the Markdown and HTML papers always show the same rows in the same order.
struct ReportTable: Sendable {
    /// What the table lists, for HTML's `<caption>` (and screen readers).
    let caption: String
    /// The column headings.
    let columns: [String]
    /// The rows; the first cell of each names the row (HTML writes it as `<th scope="row">`).
    let rows: [[ReportCell]]
    /// The columns holding numbers, right-aligned.
    let numeric: Set<Int>

    /// Makes a table.
    init(caption: String, columns: [String], rows: [[ReportCell]], numeric: Set<Int> = []) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.numeric = numeric
    }

    /// Whether there are no rows (a renderer then writes a sentence instead).
    var isEmpty: Bool { rows.isEmpty }
}
