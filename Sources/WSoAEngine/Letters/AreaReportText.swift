/// An area SEND inspection report's lines, with its page furniture taken out and what stood
/// between each line and the one before it noted.
///
/// A 2023 report is mostly read line by line, not paragraph by paragraph as the 2016 letters
/// are: its findings are table rows with no blank line between them, so where a line starts,
/// how long the line before it is, and whether a blank line or a page break came between them
/// are the only cues to where one finding ends and the next begins. `pdftotext` ends every page
/// with a footer ("Area SEND inspection report: X Local Area Partnership, 18 to 22 March
/// 2024", on one line or two), the page number and a form feed; those are removed here, so an
/// item cut by a page break reads on as if the page had not ended. Every step is a forward scan
/// over the lines, linear in the text.
struct AreaReportText: Sendable {
    /// What stood between a line and the content line before it.
    enum Gap: Hashable, Sendable {
        /// Nothing: the line follows straight on.
        case none
        /// One or more blank lines, on the same page.
        case blank
        /// A page break (footer, page number or form feed), with or without blank lines.
        case page
    }

    /// One line of content.
    struct Line: Hashable, Sendable {
        /// The text, runs of spaces collapsed and the ends trimmed; never empty.
        var text: String
        /// What stood between this line and the content line before it.
        var gap: Gap
    }

    /// The content lines in order.
    let lines: [Line]
    /// The page footers' text (each joined onto one line), in order, for the area's name
    /// when the title cannot be read.
    let footers: [String]

    /// The character that stands in for a form feed while lines are split, so page breaks
    /// survive ``LetterText/splitLines(_:)`` (which turns a form feed into blank lines).
    private static let pageBreakMark: Unicode.Scalar = "\u{E000}"

    /// Splits `raw` into lines and removes footers, page numbers, form feeds and stray `◼`.
    init(_ raw: String) {
        var marked = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            if scalar == "\u{0C}" {
                marked.append("\n")
                marked.append(Self.pageBreakMark)
                marked.append("\n")
            } else if scalar != Self.pageBreakMark {
                marked.append(scalar)
            }
        }
        let texts = LetterText.splitLines(String(marked)).map(Self.collapsed)
        var lines: [Line] = []
        var footers: [String] = []
        var gap = Gap.none
        var index = 0
        while index < texts.count {
            let text = texts[index]
            if text == String(Self.pageBreakMark) {
                gap = .page
                index += 1
                continue
            }
            if text.isEmpty {
                if gap == .none { gap = .blank }
                index += 1
                continue
            }
            if Self.isFooterStart(text) {
                var footer = text
                // A footer wraps onto a second line that ends with the year: the dates alone
                // ("20 to 24 January 2025"), the end of the dates ("October 2023") or the end
                // of the name ("Partnership, 3 to 7 June 2024").
                if !Self.endsWithYear(text), index + 1 < texts.count, Self.isFooterTail(texts[index + 1]) {
                    footer += " " + texts[index + 1]
                    index += 1
                }
                footers.append(footer)
                gap = .page
                index += 1
                continue
            }
            if Self.isPageNumber(text), Self.besidePageFurniture(texts, index) {
                gap = .page
                index += 1
                continue
            }
            lines.append(Line(text: text, gap: gap))
            gap = .none
            index += 1
        }
        self.lines = lines
        self.footers = footers
    }

    // MARK: Lines

    /// The line with `◼` removed (the reports' bullet for findings, left stray after the last
    /// area for improvement), runs of spaces collapsed and the ends trimmed.
    private static func collapsed(_ line: String) -> String {
        LetterLine.collapsingSpaces(ArraySlice(line.unicodeScalars.filter { $0 != "◼" }))
    }

    /// Whether `text` is a page footer's first line.
    static func isFooterStart(_ text: String) -> Bool {
        text.utf8.count <= 200 && text.lowercased().hasPrefix("area send inspection report:")
    }

    /// Whether `text` ends with a four-digit year.
    private static func endsWithYear(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.suffix(5))
        guard scalars.count >= 4 else { return false }
        let year = scalars.suffix(4)
        let before = scalars.count == 5 ? scalars[0] : " "
        return year.allSatisfy { ("0"..."9").contains($0) } && !("0"..."9").contains(before)
    }

    /// Whether `text` can be the wrapped end of a footer: short, no sentence in it, ending
    /// with a year.
    private static func isFooterTail(_ text: String) -> Bool {
        text.utf8.count <= 80 && endsWithYear(text) && !text.contains(".") && !text.contains(":")
    }

    /// Whether `text` is only a page number.
    private static func isPageNumber(_ text: String) -> Bool {
        text.unicodeScalars.count <= 3 && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    /// Whether the line at `index` stands apart as a page number does: a blank line, a page
    /// break, a footer or the end of the text on each side.
    private static func besidePageFurniture(_ texts: [String], _ index: Int) -> Bool {
        func apart(_ neighbour: Int) -> Bool {
            guard texts.indices.contains(neighbour) else { return true }
            let text = texts[neighbour]
            return text.isEmpty || text == String(pageBreakMark) || isFooterStart(text) || endsWithYear(text)
        }
        return apart(index - 1) && apart(index + 1)
    }
}
