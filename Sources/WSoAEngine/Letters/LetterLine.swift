/// One line of a letter with converter debris removed and its bullet or heading mark noted.
///
/// Converters leave markdown (`**bold**`, `### Heading`, `[text](mailto:…)`, `\-`), HTML
/// (`<b>`, `&amp;`) and list marks (`-`, `•`, `■`, `1.`) in the text. None of them is part of
/// what the letter says, so they are removed before anything is read; whether the line was a
/// bullet or heading is kept because it tells where list items and sections begin. Each pass
/// is a forward scan whose look-ahead stops at the next opening mark, so the work stays linear
/// even on hostile input.
struct LetterLine: Hashable, Sendable {
    /// The cleaned text, whitespace collapsed; empty for a blank line.
    var text: String
    /// Whether the line began with a bullet or list number.
    var isBullet: Bool
    /// Whether the line was a markdown heading.
    var isHeading: Bool
    /// Whether the line was a markdown heading whose first mark is a list number ("### 2.").
    ///
    /// Revisit letters number their sections this way; cleaning empties a heading that held
    /// only the number, so without this the section break would be lost.
    var isNumberedHeading: Bool

    /// A blank line.
    init(blank: ()) {
        text = ""
        isBullet = false
        isHeading = false
        isNumberedHeading = false
    }

    /// Cleans one raw line.
    init(cleaning raw: String) {
        var scalars = Array(raw.unicodeScalars)
        var bullet = false
        var heading = false
        var numberedHeading = false
        // A markdown "* item" bullet must be seen before emphasis removal deletes every "*".
        if let first = scalars.firstIndex(where: { $0 != " " }), scalars[first] == "*",
           first + 1 < scalars.count, scalars[first + 1] == " " {
            bullet = true
            scalars.removeSubrange(...first)
        }
        scalars = LetterLine.replacingLinks(scalars)
        scalars = LetterLine.removingTagsAndEntities(scalars)
        scalars = LetterLine.removingEmphasis(scalars)
        var start = 0
        // Marks can stack ("- ### **Title**"), so strip until nothing changes (bounded).
        for _ in 0..<6 {
            while start < scalars.count, scalars[start] == " " { start += 1 }
            if let after = LetterLine.headingMark(scalars, start) {
                heading = true
                start = after
            } else if let after = LetterLine.bulletMark(scalars, start) {
                // Only a number straight after a heading mark numbers a section.
                numberedHeading = numberedHeading || (heading && !bullet && !LetterLine.symbolBullets.contains(scalars[start])
                    && !LetterLine.spacedBullets.contains(scalars[start]))
                bullet = true
                start = after
            } else if start < scalars.count, scalars[start] == ">",
                      start + 1 == scalars.count || scalars[start + 1] == " " {
                start += 1 // a blockquote mark
            } else {
                break
            }
        }
        var text = LetterLine.collapsingSpaces(scalars[start...])
        if text.unicodeScalars.allSatisfy({ "-=_*~".unicodeScalars.contains($0) }) {
            text = "" // a horizontal rule or a setext underline
        }
        self.text = text
        isBullet = bullet
        isHeading = heading && !text.isEmpty
        isNumberedHeading = numberedHeading
    }

    /// Whether the line ends like a sentence or a lead-in (full stop, colon, ? or !).
    var endsSentence: Bool {
        let closers = "’”'\")]".unicodeScalars
        guard let last = text.unicodeScalars.reversed().first(where: { !closers.contains($0) }) else { return false }
        return ".:!?".unicodeScalars.contains(last)
    }

    // MARK: Passes

    /// `[text](target)` and `![alt](target)` become `text` / `alt`.
    static func replacingLinks(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard s.contains("[") else { return s }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == "[", let close = scan(s, from: i + 1, to: "]", stoppingAt: "[", limit: 400),
               close + 1 < s.count, s[close + 1] == "(",
               let end = scan(s, from: close + 2, to: ")", stoppingAt: "[", limit: 1000) {
                if out.last == "!" { out.removeLast() }
                out.append(contentsOf: s[(i + 1)..<close])
                i = end + 1
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    /// HTML tags (`<b>`, `</span>`, `<br/>`) are removed, autolinks (`<https://…>`) keep their
    /// address, and the common entities (`&amp;`, `&nbsp;`, `&rsquo;`, `&#8217;`) are decoded.
    static func removingTagsAndEntities(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard s.contains("<") || s.contains("&") else { return s }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            let scalar = s[i]
            if scalar == "<", let close = scan(s, from: i + 1, to: ">", stoppingAt: "<", limit: 200) {
                let inner = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                if isTag(inner) {
                    // A block-level tag separates words; an inline one does not.
                    if inner.lowercased().hasPrefix("br") || inner.lowercased().hasPrefix("p") { out.append(" ") }
                    i = close + 1
                    continue
                }
                if isAutolink(inner) {
                    out.append(contentsOf: s[(i + 1)..<close])
                    i = close + 1
                    continue
                }
            }
            if scalar == "&", let close = scan(s, from: i + 1, to: ";", stoppingAt: "&", limit: 10),
               let decoded = entity(String(String.UnicodeScalarView(s[(i + 1)..<close]))) {
                out.append(decoded)
                i = close + 1
                continue
            }
            out.append(scalar)
            i += 1
        }
        return out
    }

    /// Markdown emphasis (`**`, `__`, `*`, `~~`) is removed and backslash escapes (`\-`) undone.
    static func removingEmphasis(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            let scalar = s[i]
            let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
            if scalar == "*" {
                i += 1
            } else if (scalar == "_" || scalar == "~"), next == scalar {
                i += 2
            } else if scalar == "\\", let escaped = next, escaped.isASCII,
                      escaped.properties.isPatternSyntax || escaped == "_" {
                out.append(escaped)
                i += 2
            } else {
                out.append(scalar)
                i += 1
            }
        }
        return out
    }

    // MARK: Marks at the start of a line

    /// The index after a markdown heading mark (`#`…`######` then a space) at `start`.
    static func headingMark(_ s: [Unicode.Scalar], _ start: Int) -> Int? {
        var i = start
        while i < s.count, s[i] == "#", i - start < 6 { i += 1 }
        guard i > start, i == s.count || s[i] == " " else { return nil }
        return i
    }

    /// The index after a bullet or list-number mark at `start`.
    ///
    /// Symbol bullets (•, ■, ▪ …) need no space after them, because pdftotext often drops it;
    /// a hyphen, dash, plus or number must be followed by a space, so "co-production" or
    /// "2019" at the start of a wrapped line is not taken for a list mark.
    static func bulletMark(_ s: [Unicode.Scalar], _ start: Int) -> Int? {
        guard start < s.count else { return nil }
        let first = s[start]
        func spaced(_ index: Int) -> Int? {
            if index == s.count { return index }
            return s[index] == " " ? index + 1 : nil
        }
        if symbolBullets.contains(first) { return start + 1 }
        if spacedBullets.contains(first) { return spaced(start + 1) }
        // 1. 12) (a) (iv) a)
        var i = start
        if first == "(" {
            i += 1
            let body = i
            while i < s.count, i - body < 4, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) { i += 1 }
            guard i > body, i < s.count, s[i] == ")" else { return nil }
            return spaced(i + 1)
        }
        while i < s.count, i - start < 2, ("0"..."9").contains(s[i]) { i += 1 }
        if i > start {
            guard i < s.count, s[i] == "." || s[i] == ")" else { return nil }
            return spaced(i + 1)
        }
        if first.isASCII, first.properties.isLowercase, start + 1 < s.count, s[start + 1] == ")" {
            return spaced(start + 2)
        }
        return nil
    }

    /// Bullets that are never the start of a word.
    static let symbolBullets: Set<Unicode.Scalar> = [
        "•", "■", "▪", "●", "◦", "○", "‣", "⁃", "➢", "➤", "►", "▶", "✓", "✔", "·", "□", "◆", "♦",
        "▫", "→", "∙", "◼", "◾", "❖", "⦁",
    ]

    /// Bullets that count only when a space follows.
    static let spacedBullets: Set<Unicode.Scalar> = ["-", "–", "—", "+", "−"]

    // MARK: Helpers

    /// The index of `target` at or after `from`, giving up at `stop` or after `limit` scalars.
    static func scan(_ s: [Unicode.Scalar], from: Int, to target: Unicode.Scalar,
                     stoppingAt stop: Unicode.Scalar, limit: Int) -> Int? {
        var i = from
        while i < s.count, i - from < limit {
            if s[i] == target { return i }
            if s[i] == stop { return nil }
            i += 1
        }
        return nil
    }

    /// Whether `inner` (what is between `<` and `>`) is an HTML tag we know.
    static func isTag(_ inner: String) -> Bool {
        var name = Substring(inner)
        if name.hasPrefix("/") { name = name.dropFirst() }
        let tagName = name.prefix { $0.isLetter || ("0"..."9").contains($0) }.lowercased()
        guard !tagName.isEmpty else { return false }
        let rest = name.dropFirst(tagName.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "/" else { return false }
        return htmlTags.contains(tagName)
    }

    /// The tags converters leave in letter text.
    static let htmlTags: Set<String> = [
        "b", "i", "u", "s", "em", "strong", "br", "p", "span", "div", "sup", "sub", "font", "a",
        "small", "mark", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr",
        "td", "th", "tbody", "thead", "hr", "strike", "del", "ins", "blockquote", "section",
        "header", "footer", "img", "center", "big", "tt", "code", "pre",
    ]

    /// Whether `inner` is an autolink's address.
    static func isAutolink(_ inner: String) -> Bool {
        let lower = inner.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")
            || lower.hasPrefix("www.")) && !inner.contains(" ")
    }

    /// The character an HTML entity name (without `&` and `;`) stands for.
    static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "nbsp", "ensp", "emsp", "thinsp": return " "
        case "quot": return "\""
        case "apos": return "'"
        case "lt": return "<"
        case "gt": return ">"
        case "rsquo": return "’"
        case "lsquo": return "‘"
        case "rdquo": return "”"
        case "ldquo": return "“"
        case "ndash": return "–"
        case "mdash": return "—"
        case "bull": return "•"
        case "hellip": return "…"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits)
            }
            guard let code = value, let scalar = Unicode.Scalar(code), code >= 0x20 else { return nil }
            if code == 0xA0 { return " " }
            return scalar
        }
    }

    /// The scalars as text with runs of spaces collapsed and the ends trimmed.
    static func collapsingSpaces(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s {
            if scalar == " " {
                pendingSpace = !view.isEmpty
            } else {
                if pendingSpace { view.append(" ") }
                pendingSpace = false
                view.append(scalar)
            }
        }
        return String(view)
    }
}
