/// Writes an ``ExportTable`` as CSV a spreadsheet opens cleanly (RFC 4180).
///
/// - UTF-8 with a byte-order mark, so Excel shows "£" and "é" as written;
/// - CRLF line ends, and a field quoted (its quotes doubled) when it holds a comma, a quote, a
///   line break or spaces at either end;
/// - free text that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is neutralised
///   with a leading apostrophe, so opening the file can never run a formula (the apostrophe is
///   what spreadsheets themselves use to mark text); values the engine wrote are left alone.
public enum CSVWriter {
    /// The characters that make a spreadsheet read a cell as a formula when it begins with one.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
    /// The byte-order mark that starts the file.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The whole file: byte-order mark, header row, then each row.
    public static func bytes(_ table: ExportTable) -> [UInt8] {
        var out = byteOrderMark
        out += Array(line(table.headers.map(ExportCell.value)).utf8)
        for row in table.rows { out += Array(line(row).utf8) }
        return out
    }

    /// One record, ending in CRLF.
    static func line(_ cells: [ExportCell]) -> String {
        cells.map { field(neutralised($0)) }.joined(separator: ",") + "\r\n"
    }

    /// The cell as it goes into the file: free text that a spreadsheet would read as a formula
    /// gets a leading apostrophe.
    static func neutralised(_ cell: ExportCell) -> String {
        switch cell {
        case let .text(text):
            guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
            return "'" + text
        case let .value(text): return text
        case .empty: return ""
        }
    }

    /// The field quoted when RFC 4180 needs it, or spaces at an end would otherwise be lost.
    static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
