extension String {
    /// The text safe inside HTML elements and quoted attributes: `&`, `<`, `>`, `"` and `'`
    /// become character references, so recorded text can never open a tag or an attribute.
    ///
    /// Works on the UTF-8 bytes, and returns the text itself when nothing needs escaping (most
    /// of a report): going scalar by scalar was the largest cost of a long plan's HTML.
    /// ``htmlEscapedByScalar`` is the same rule written scalar by scalar, for the tests.
    var htmlEscaped: String {
        var text = self
        return text.withUTF8 { (bytes: UnsafeBufferPointer<UInt8>) -> String? in
            var index = 0
            while index < bytes.count, !String.needsHTMLEscape(bytes, at: index) { index += 1 }
            if index == bytes.count { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
                case 0x09, 0x0A: result.append(byte)
                case ..<0x20, 0x7F: result.append(0x20)
                default:
                    if String.isC1Control(bytes, at: index) {
                        result.append(0x20)
                        index += 2
                        continue
                    }
                    if String.isBidiControl(bytes, at: index) {
                        result.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        index += 3
                        continue
                    }
                    result.append(byte)
                }
                index += 1
            }
            return String(decoding: result, as: UTF8.self)
        } ?? self
    }

    /// Whether the byte at `index` starts something ``htmlEscaped`` changes.
    private static func needsHTMLEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        case 0x09, 0x0A: return false
        case ..<0x20, 0x7F: return true
        case 0xC2: return isC1Control(bytes, at: index)
        case 0xE2: return isBidiControl(bytes, at: index)
        default: return false
        }
    }

    /// Whether the bytes at `index` encode a C1 control (U+0080–U+009F, C2 80–9F).
    private static func isC1Control(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        bytes[index] == 0xC2 && index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1])
    }

    /// Whether the bytes at `index` encode a bidirectional control (U+202A–U+202E, E2 80 AA–AE;
    /// U+2066–U+2069, E2 81 A6–A9).
    private static func isBidiControl(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard bytes[index] == 0xE2, index + 2 < bytes.count else { return false }
        switch (bytes[index + 1], bytes[index + 2]) {
        case (0x80, 0xAA...0xAE), (0x81, 0xA6...0xA9): return true
        default: return false
        }
    }

    /// ``htmlEscaped`` scalar by scalar: the rule as first written, kept to check the byte
    /// version against.
    var htmlEscapedByScalar: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                // Control characters other than tab and newline have no business in a report, and
                // bidirectional overrides could make a printed line read differently from the record.
                if scalar.isControl && scalar != "\t" && scalar != "\n" { result += " " }
                else if scalar.isBidiControl { result += "\u{FFFD}" }
                else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// The text inert in Markdown, on one line, with ordinary punctuation left as typed, for
    /// the start of a block (a paragraph, a list item, a quote, a heading).
    ///
    /// Control characters and line breaks become spaces, bidirectional controls U+FFFD, and
    /// leading spaces are dropped (up to three would still let a heading or list start; four
    /// would make code). Then only what Markdown could read as syntax is backslash-escaped:
    /// code (`` ` ``), emphasis (`*`, and `_` at a word's edge), links and images (`[`, `]` — so
    /// `(` and `)` never need it), HTML and autolinks (`<`), table cells (`|`), strike-through
    /// (`~`), a backslash, `&` where it spells an entity (`&amp;`, `&#60;`), a run of `#` closing
    /// a heading, and at the start only what would open a heading, quote or list (`#`, `>`,
    /// `-`, `+`, `=`, `1.`). So a recorded `<script>` or `](javascript:` stays literal, and
    /// "A (B) & C #2 > D" reads as typed on GitHub, SharePoint and in a plain-text email. A bare
    /// web address may still be shown as a link by renderers that link them (GitHub does).
    ///
    /// Text with nothing to escape (most of a report) is returned as it is after one pass over
    /// its bytes; the rest goes scalar by scalar (``markdownEscapedByScalar``, the definition).
    var markdownEscaped: String { markdownEscaped(blockStart: true) }

    /// ``markdownEscaped`` for a table cell, where no block can start, so a leading `-`, `+`,
    /// `#` or `1.` stays as typed.
    var markdownEscapedInCell: String { markdownEscaped(blockStart: false) }

    /// ``markdownEscaped`` with the start-of-block rules or without them.
    private func markdownEscaped(blockStart: Bool) -> String {
        var text = self
        let plain = text.withUTF8 { bytes -> Bool in
            if blockStart, let first = bytes.first, "#>-+= \t0123456789".utf8.contains(first) { return false }
            for index in bytes.indices {
                switch bytes[index] {
                case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                     UInt8(ascii: "<"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "&"), UInt8(ascii: "#"), ..<0x20, 0x7F:
                    return false
                case 0xC2 where String.isC1Control(bytes, at: index), 0xE2 where String.isBidiControl(bytes, at: index):
                    return false
                default:
                    continue
                }
            }
            return true
        }
        return plain ? self : String.markdownEscape(self, blockStart: blockStart)
    }

    /// ``markdownEscaped`` scalar by scalar: the definition.
    var markdownEscapedByScalar: String { String.markdownEscape(self, blockStart: true) }

    /// The rule of ``markdownEscaped``, scalar by scalar.
    private static func markdownEscape(_ text: String, blockStart: Bool) -> String {
        // Controls first, so that one cannot hide a block marker from the start-of-block test.
        var scalars: [Unicode.Scalar] = text.unicodeScalars.map { scalar in
            scalar.isControl ? " " : scalar.isBidiControl ? "\u{FFFD}" : scalar
        }
        if blockStart { scalars = Array(scalars.drop { $0 == " " }) }
        var result = ""
        result.reserveCapacity(scalars.count + 8)
        // A leading "12. " or "3) " would start a numbered list: the digits' end is escaped.
        let listNumber = blockStart ? scalars.prefix { ("0"..."9").contains($0) }.count : 0
        func isWordCharacter(_ index: Int) -> Bool {
            index >= 0 && index < scalars.count && (scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]))
        }
        for (index, scalar) in scalars.enumerated() {
            var escaped: Bool
            switch scalar {
            case "\\", "`", "*", "[", "]", "<", "|", "~":
                escaped = true
            case "_":
                escaped = !(isWordCharacter(index - 1) && isWordCharacter(index + 1))
            case "#":
                // At the start it opens a heading; a last run of them after a space would close one.
                escaped = (blockStart && index == 0)
                    || ((index == 0 || scalars[index - 1] == " ") && scalars[index...].allSatisfy { $0 == "#" })
            case ">", "-", "+", "=":
                escaped = blockStart && index == 0
            case ".", ")":
                escaped = index == listNumber && (1...9).contains(listNumber) && (index + 1 == scalars.count || scalars[index + 1] == " ")
            case "&":
                escaped = spellsEntity(scalars[(index + 1)...])
            default:
                escaped = false
            }
            if escaped { result += "\\" }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// Whether `rest` (what follows an `&`) begins a character reference Markdown would
    /// decode: `#` and 1–7 digits, `#x` and 1–6 hex digits, or a letter and up to 31 letters and
    /// digits, then `;`.
    private static func spellsEntity(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        var body = rest.prefix { $0 != ";" }
        guard body.count < rest.count, !body.isEmpty, body.count <= 32 else { return false }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
        if body.first == "#" {
            body = body.dropFirst()
            if body.first == "x" || body.first == "X" {
                body = body.dropFirst()
                return (1...6).contains(body.count) && body.allSatisfy { isDigit($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
            }
            return (1...7).contains(body.count) && body.allSatisfy(isDigit)
        }
        return isLetter(body.first!) && body.allSatisfy { isLetter($0) || isDigit($0) }
    }

    /// The web address, when this is one a paper can safely link to: `http` or `https`, with
    /// no space, quote, angle bracket, backslash, backtick or pipe that could end the link early.
    var safeWebAddress: String? {
        let lower = lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), count > 8,
              !unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value >= 0x7F || "<>\"'`\\|".unicodeScalars.contains($0) })
        else { return nil }
        return self
    }
}

extension Unicode.Scalar {
    /// A C0 control, DEL or a C1 control (U+0000–U+001F, U+007F–U+009F): none belongs in a
    /// report, where it could recolour a terminal or hide text.
    var isControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }

    /// The embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) that can
    /// reorder how text is displayed.
    var isBidiControl: Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
}
