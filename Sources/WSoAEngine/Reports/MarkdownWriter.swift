/// Builds a Markdown document block by block, with exactly one blank line between blocks.
///
/// Callers pass text already escaped (or fixed, safe words); tables escape their own cells.
struct MarkdownWriter {
    /// The document so far.
    private(set) var text = ""

    /// `## Heading` from already-escaped (or fixed, safe) text.
    mutating func heading(_ level: Int, _ escaped: String) {
        separate()
        text += String(repeating: "#", count: level) + " " + escaped + "\n\n"
    }

    /// A paragraph of already-escaped text.
    mutating func paragraph(_ escaped: String) {
        separate()
        text += escaped + "\n\n"
    }

    /// Lines of already-escaped text, one after another (a list, a blockquote).
    mutating func lines(_ escaped: [String]) {
        separate()
        for line in escaped { text += line + "\n" }
    }

    /// Ends the current block.
    mutating func blank() {
        separate()
    }

    /// A GitHub-flavoured table; cells are escaped here, numeric columns right-aligned.
    mutating func table(_ table: ReportTable) {
        separate()
        text += "| " + table.columns.map(\.markdownEscapedInCell).joined(separator: " | ") + " |\n"
        text += "|" + table.columns.indices.map { table.numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for row in table.rows {
            text += "| " + row.map(MarkdownWriter.cell).joined(separator: " | ") + " |\n"
        }
        text += "\n"
    }

    /// A table cell's Markdown: a safe web address as an autolink (its characters taken
    /// literally, so it stays the address recorded), anything else escaped.
    private static func cell(_ cell: ReportCell) -> String {
        if cell.text.isEmpty { return "–" }
        if cell.isLink, let address = cell.text.safeWebAddress { return "<\(address)>" }
        return cell.text.markdownEscapedInCell
    }

    /// Makes sure the text ends with a blank line (unless it is empty).
    private mutating func separate() {
        guard !text.isEmpty else { return }
        if !text.hasSuffix("\n") { text += "\n" }
        if !text.hasSuffix("\n\n") { text += "\n" }
    }
}
