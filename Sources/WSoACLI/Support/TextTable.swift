/// Left-aligned columns for terminal tables, two spaces apart, no trailing spaces.
enum TextTable {
    /// The rows (the first is the header) as aligned lines, each cell's control characters
    /// shown escaped (so the columns line up with what is shown).
    static func render(_ rows: [[String]]) -> [String] {
        let rows = rows.map { $0.map(\.visible) }
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                let isLast = column == row.count - 1
                line += isLast ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }
            return line
        }
    }
}
