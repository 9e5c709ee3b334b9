/// A letter's text with PDF-to-text debris cleaned away: clean lines for the address block and
/// joined paragraphs for everything else.
///
/// Officers paste letters copied out of PDFs, so the text arrives with markdown and HTML left
/// over from converters, odd bullets, hard-wrapped lines, page-break gaps that cut sentences in
/// two, repeated page headers, CRLF line ends, non-breaking spaces and a byte-order mark. The
/// readers only ever look at this cleaned form. Every step is a single forward scan (no regular
/// expressions), so the cost is linear in the input and no input can make it hang.
struct LetterText: Sendable {
    /// One paragraph: a run of lines between blank lines, or one bullet item or heading.
    struct Paragraph: Hashable, Sendable {
        /// The paragraph's words joined by single spaces, debris removed.
        var text: String
        /// The cleaned lines it was built from, for the address block where lines matter.
        var lines: [String]
        /// Whether it began with a bullet or list number (removed from `text`).
        var isBullet: Bool
        /// Whether it was a markdown heading (`#` removed from `text`).
        var isHeading: Bool
        /// Whether it is, or directly follows, a markdown heading numbered as a list ("### 2.").
        ///
        /// A revisit letter may number its areas of weakness only so; the heading that held
        /// nothing but the number has gone from the paragraphs, so the mark is kept here.
        var isNumberedHeading = false
    }

    /// The paragraphs in order.
    let paragraphs: [Paragraph]

    /// Cleans `raw` and splits it into paragraphs.
    init(_ raw: String) {
        let rawLines = LetterText.splitLines(raw)
        var cleaned = rawLines.map(LetterLine.init(cleaning:))
        LetterText.dropPageFurniture(&cleaned)
        paragraphs = LetterText.joinPageGaps(LetterText.buildParagraphs(cleaned))
    }

    /// Whether nothing but whitespace and debris was left.
    var isEmpty: Bool { paragraphs.isEmpty }

    /// The index of the salutation ("Dear …"), if there is one near the top.
    var salutationIndex: Int? {
        paragraphs.prefix(80).firstIndex { $0.text.hasPrefix("Dear ") || $0.text == "Dear" }
    }

    /// The index of the sign-off ("Yours sincerely" or "Yours faithfully"), if any.
    var signOffIndex: Int? {
        paragraphs.firstIndex { LetterText.isSignOff($0.text) }
    }

    /// Whether `text` is a letter's sign-off line.
    static func isSignOff(_ text: String) -> Bool {
        let lower = text.prefix(20).lowercased()
        return lower.hasPrefix("yours sincerely") || lower.hasPrefix("yours faithfully")
    }

    // MARK: Lines

    /// Splits on every kind of line end (LF, CRLF, lone CR, U+2028/9, NEL) and removes the
    /// scalars that are never content: the byte-order mark, zero-width spaces, soft hyphens,
    /// control characters and the replacement character left by lossy decoding.
    ///
    /// Spaces of every width (non-breaking, thin, tab) become a plain space, so "26 February"
    /// with a non-breaking space reads the same as with a normal one. A form feed (pdftotext's
    /// page break) becomes a gap of blank lines, so it is treated like any other page gap.
    static func splitLines(_ raw: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        func endLine() {
            lines.append(String(current))
            current = String.UnicodeScalarView()
        }
        for scalar in raw.unicodeScalars {
            let value = scalar.value
            defer { previousWasCR = value == 0x0D }
            switch value {
            case 0x0A:
                if !previousWasCR { endLine() }
            case 0x0D, 0x85, 0x2028, 0x2029:
                endLine()
            case 0x0C:
                endLine()
                lines.append("")
                lines.append("")
            case 0x09, 0x0B, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                current.append(" ")
            case 0xFEFF, 0x200B...0x200D, 0x2060, 0xAD, 0xFFFD, 0xFFFE, 0xFFFF:
                continue
            case 0x00...0x1F, 0x7F...0x9F:
                continue
            case 0xF000...0xF0FF:
                // Symbol-font bullets that pdftotext maps into the private use area.
                current.append("•")
            default:
                current.append(scalar)
            }
        }
        endLine()
        return lines
    }

    // MARK: Page furniture

    /// Removes repeated page headers and footers and page numbers.
    ///
    /// A line is furniture when it sits next to a page gap (two or more blank lines, a form
    /// feed, or the start or end of the text) every time it occurs, occurs at least twice
    /// (digits ignored, so "Page 2 of 5" and "Page 3 of 5" count together) and is not a
    /// sentence. Lines that repeat inside the running text — such as a revisit letter's
    /// "The initial inspection found that:" — are never all beside page gaps, so they stay.
    static func dropPageFurniture(_ lines: inout [LetterLine]) {
        let count = lines.count
        guard count > 0 else { return }
        // blanksBefore[i]: blank lines immediately before line i (a large number at the start).
        var blanksBefore = [Int](repeating: 0, count: count)
        var run = 2
        for index in 0..<count {
            blanksBefore[index] = run
            run = lines[index].text.isEmpty ? run + 1 : 0
        }
        var blanksAfter = [Int](repeating: 0, count: count)
        run = 2
        for index in stride(from: count - 1, through: 0, by: -1) {
            blanksAfter[index] = run
            run = lines[index].text.isEmpty ? run + 1 : 0
        }
        func besideGap(_ index: Int) -> Bool { blanksBefore[index] >= 2 || blanksAfter[index] >= 2 }

        var occurrences: [String: (all: Int, besideGap: Int)] = [:]
        var keys = [String?](repeating: nil, count: count)
        for index in 0..<count {
            let line = lines[index]
            guard !line.text.isEmpty, line.text.utf8.count <= 100, !line.endsSentence else { continue }
            let key = furnitureKey(line.text)
            keys[index] = key
            var entry = occurrences[key] ?? (0, 0)
            entry.all += 1
            if besideGap(index) { entry.besideGap += 1 }
            occurrences[key] = entry
        }
        for index in 0..<count {
            guard let key = keys[index] else { continue }
            let line = lines[index]
            let repeated = occurrences[key].map { $0.all >= 2 && $0.all == $0.besideGap } ?? false
            if repeated || (isPageNumber(line.text) && besideGap(index)) || isPageOfPages(line.text) {
                lines[index] = LetterLine(blank: ())
            }
        }
    }

    /// The text with digits folded together and case ignored, so numbered headers compare equal.
    private static func furnitureKey(_ text: String) -> String {
        var key = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            key.append(("0"..."9").contains(scalar) ? "#" : scalar)
        }
        return String(key)
    }

    /// Whether the line is only a page number: "3", "- 3 -", "Page 3", "3 | Page".
    private static func isPageNumber(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "|" || $0 == "–" })
        guard !words.isEmpty, words.count <= 2 else { return false }
        let numbers = words.filter { $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }
        return numbers.count == 1 && words.allSatisfy { $0 == "page" || $0.allSatisfy(\.isASCIIDigit) }
    }

    /// Whether the line is "Page N of M" (alone), which is furniture wherever it appears.
    private static func isPageOfPages(_ text: String) -> Bool {
        let words = text.lowercased().split(separator: " ")
        return words.count == 4 && words[0] == "page" && words[2] == "of"
            && words[1].allSatisfy(\.isASCIIDigit) && words[3].allSatisfy(\.isASCIIDigit)
            && words[1].count <= 4 && words[3].count <= 4
    }

    // MARK: Paragraphs

    /// Groups lines into paragraphs: blank lines separate them, and every bullet item and
    /// heading starts one of its own. Hard-wrapped lines are joined with a space, or with
    /// nothing after a line that ends in a hyphenated word part ("co-" + "production").
    static func buildParagraphs(_ lines: [LetterLine]) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var current: Paragraph?
        // A bullet alone on its line (pdftotext does this) marks the next line as the item.
        var pendingBullet = false
        // Likewise a numbered heading emptied by cleaning ("### 2.") marks the next paragraph.
        var pendingNumberedHeading = false
        func flush() {
            if let paragraph = current, !paragraph.text.isEmpty { paragraphs.append(paragraph) }
            current = nil
        }
        for line in lines {
            if line.text.isEmpty {
                flush()
                pendingBullet = pendingBullet || line.isBullet
                pendingNumberedHeading = pendingNumberedHeading || line.isNumberedHeading
                continue
            }
            let isBullet = line.isBullet || pendingBullet
            let isNumberedHeading = line.isNumberedHeading || pendingNumberedHeading
            pendingBullet = false
            pendingNumberedHeading = false
            if isBullet || line.isHeading || current?.isHeading == true {
                flush()
            }
            if current != nil {
                // Appending in place keeps a long paragraph linear to build (no copy per line).
                let gap = separator(between: current!.text, and: line.text)
                current!.text += gap
                current!.text += line.text
                current!.lines.append(line.text)
            } else {
                current = Paragraph(text: line.text, lines: [line.text], isBullet: isBullet, isHeading: line.isHeading,
                                    isNumberedHeading: isNumberedHeading)
            }
        }
        flush()
        return paragraphs
    }

    /// What goes between a paragraph and its next line: nothing after a word broken at a
    /// hyphen ("co-" + "production"), else a space.
    private static func separator(between head: String, and tail: String) -> String {
        var before = head.unicodeScalars.reversed().makeIterator()
        if before.next() == "-", let letter = before.next(), letter.properties.isAlphabetic,
           let first = tail.unicodeScalars.first, first.properties.isLowercase {
            return ""
        }
        return " "
    }

    /// Rejoins paragraphs that a page break (or any blank-line gap) cut mid-sentence.
    ///
    /// The first part must not end a sentence, and the second must carry on the sentence:
    /// start with a lower-case letter, or follow a comma or a word like "the" or "and" that
    /// cannot end one. A heading such as "Main findings" followed by "Leaders have…" is
    /// therefore left alone, while "information about the" + "performance of the area…" is
    /// joined back together.
    static func joinPageGaps(_ paragraphs: [Paragraph]) -> [Paragraph] {
        var joined: [Paragraph] = []
        joined.reserveCapacity(paragraphs.count)
        for paragraph in paragraphs {
            if let last = joined.indices.last, !paragraph.isBullet, !paragraph.isHeading, !joined[last].isHeading,
               continuesSentence(joined[last].text, paragraph.text) {
                // In place (the separator worked out first, so no other reference to the text
                // is alive while it grows), so a long run of joins stays linear.
                let gap = separator(between: joined[last].text, and: paragraph.text)
                joined[last].text += gap
                joined[last].text += paragraph.text
                joined[last].lines += paragraph.lines
            } else {
                joined.append(paragraph)
            }
        }
        return joined
    }

    /// Whether `next` carries on the sentence `previous` leaves unfinished.
    private static func continuesSentence(_ previous: String, _ next: String) -> Bool {
        guard let end = previous.unicodeScalars.last, let start = next.unicodeScalars.first else { return false }
        if ".!?:;".unicodeScalars.contains(end) { return false }
        // A closing quote or bracket after a full stop still ends the sentence.
        if "’”'\")]".unicodeScalars.contains(end) {
            let trimmed = previous.unicodeScalars.dropLast()
            if let before = trimmed.last, ".!?:;".unicodeScalars.contains(before) { return false }
        }
        if LetterText.isSignOff(previous) || previous.hasPrefix("Dear ") { return false }
        if start.properties.isLowercase { return true }
        if end == "," { return true }
        // Only the end is looked at: `previous` may be a long run of joined paragraphs.
        var lastWord = String.UnicodeScalarView()
        for scalar in previous.unicodeScalars.reversed() {
            if scalar == " " || lastWord.count > 12 { break }
            lastWord.insert(scalar, at: lastWord.startIndex)
        }
        return LetterText.connectives.contains(String(lastWord).lowercased())
    }

    /// Words that cannot end an English sentence, so a paragraph ending in one was cut short.
    static let connectives: Set<String> = [
        "the", "a", "an", "and", "or", "of", "to", "in", "for", "with", "by", "from", "that",
        "which", "who", "on", "at", "as", "is", "are", "was", "were", "has", "have", "had",
        "their", "its", "this", "these", "than", "but", "into", "between", "about", "be",
    ]
}

fileprivate extension Character {
    /// Whether this is one of the ASCII digits 0-9 (not any Unicode numeral).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
