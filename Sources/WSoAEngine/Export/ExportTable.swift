/// The rows `wsoa export` writes for one kind of item: headers in words a person reads, then one
/// row per item, ids first, dates as `YYYY-MM-DD`.
public struct ExportTable: Hashable, Sendable {
    /// The column headers, e.g. "ID", "Due date".
    public let headers: [String]
    /// One row per item, each as long as `headers`.
    public let rows: [[ExportCell]]

    /// Makes a table; every row must be as long as the headers.
    public init(headers: [String], rows: [[ExportCell]]) {
        precondition(rows.allSatisfy { $0.count == headers.count }, "an export row has as many cells as there are headers")
        self.headers = headers
        self.rows = rows
    }
}
