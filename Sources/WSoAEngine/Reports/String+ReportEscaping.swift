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

    /// The text inert in Markdown, on one line, with ordinary punctuation left as typed.
    ///
    /// Only what Markdown could read as syntax is backslash-escaped: code (`` ` ``), emphasis
    /// (`*`, and `_` at a word's edge), links and images (`[`, `]` — so `(` and `)` never need
    /// it), HTML and autolinks (`<`), table cells (`|`), strike-through (`~`), a backslash,
    /// `&` where it could start an entity, and at the very start only, what would open a
    /// heading, quote or list (`#`, `>`, `-`, `+`, `=`, `1.`). Line breaks and control
    /// characters become spaces and bidirectional controls U+FFFD, so a recorded `<script>` or
    /// `](javascript:` stays literal text, and "A (B) & C #2 > D" reads as typed on GitHub,
    /// SharePoint and in a plain-text email.
    ///
    /// Text with nothing to escape (most of a report) is returned as it is after one pass over
    /// its bytes; the rest goes scalar by scalar (``markdownEscapedByScalar``, the definition).
    var markdownEscaped: String {
        var text = self
        let plain = text.withUTF8 { bytes -> Bool in
            guard let first = bytes.first, !"#>-+=0123456789".utf8.contains(first) else { return false }
            for index in bytes.indices {
                switch bytes[index] {
                case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                     UInt8(ascii: "<"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "&"), ..<0x20, 0x7F:
                    return false
                case 0xC2 where String.isC1Control(bytes, at: index), 0xE2 where String.isBidiControl(bytes, at: index):
                    return false
                default:
                    continue
                }
            }
            return true
        }
        return plain ? self : markdownEscapedByScalar
    }

    /// ``markdownEscaped`` scalar by scalar: the definition.
    var markdownEscapedByScalar: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        let scalars = Array(unicodeScalars)
        // A leading "12. " or "3) " would start a numbered list: the digits' end is escaped.
        let listNumber = scalars.prefix { ("0"..."9").contains($0) }.count
        func isWordCharacter(_ index: Int) -> Bool {
            index >= 0 && index < scalars.count && (scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]))
        }
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\", "`", "*", "[", "]", "<", "|", "~":
                result += "\\"
                result.unicodeScalars.append(scalar)
            case "_" where !(isWordCharacter(index - 1) && isWordCharacter(index + 1)):
                result += "\\_"
            case "#", ">", "-", "+", "=", ".", ")":
                // A Swift `where` guards only the last pattern of a case, so the position is tested here.
                let endsNumber = index == listNumber && (1...9).contains(listNumber) && (index + 1 == scalars.count || scalars[index + 1] == " ")
                let opensBlock = "#>-+=".unicodeScalars.contains(scalar) ? index == 0 : endsNumber
                if opensBlock { result += "\\" }
                result.unicodeScalars.append(scalar)
            case "&":
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                if next == "#" || next.properties.isAlphabetic { result += "\\" }
                result += "&"
            case "\n", "\r", "\t":
                result += " "
            default:
                if scalar.isControl { result += " " }
                else if scalar.isBidiControl { result += "\u{FFFD}" }
                else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
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
