/// Why one row of a tracker cannot be imported: its row number, the column, the rule and what
/// is missing, so the officer can find the cell and put it right.
public struct ImportProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The spreadsheet's row number (the header is row 1).
    public let row: Int
    /// The column as the tracker heads it, when one cell is at fault.
    public let column: String?
    /// The rule's name: an ``ImportRule`` or a ``Rule`` of the record.
    public let rule: String
    /// What is missing, as a clause.
    public let reason: String

    /// Makes a problem.
    public init(row: Int, column: String?, rule: String, reason: String) {
        self.row = row
        self.column = column
        self.rule = rule
        self.reason = reason
    }

    /// `row 4, column "Due date": rule retarget-with-reason: …`.
    public var description: String {
        "row \(row)" + (column.map { ", column \"\($0)\"" } ?? "") + ": rule \(rule): \(reason)"
    }
}
