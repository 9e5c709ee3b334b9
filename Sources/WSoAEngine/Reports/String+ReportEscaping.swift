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

    /// The text inert in Markdown, on one line: every character Markdown could read as
    /// syntax (links, emphasis, code, HTML, tables, headings) is backslash-escaped, and line
    /// breaks become spaces, so a recorded `<script>` or `](javascript:` stays literal text.
    ///
    /// `&` is escaped only where it could start an entity (`&amp;`, `&#60;`), so "A & B"
    /// still reads naturally as plain text.
    ///
    /// ASCII text (nearly all of it) is escaped byte by byte; anything else goes scalar by
    /// scalar (``markdownEscapedByScalar``), which is the definition.
    var markdownEscaped: String {
        var text = self
        if let escaped = text.withUTF8({ String.markdownEscapedASCII($0) }) { return escaped ?? self }
        return markdownEscapedByScalar
    }

    /// ``markdownEscaped`` for ASCII `bytes`: `.some(nil)` when nothing changes, nil when not ASCII.
    private static func markdownEscapedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        func escapes(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "#"),
                 UInt8(ascii: "~"): return true
            default: return false
            }
        }
        var changes = false
        for (index, byte) in bytes.enumerated() {
            guard byte < 0x80 else { return nil }
            if escapes(byte) || byte < 0x20 || byte == 0x7F { changes = true }
            if byte == UInt8(ascii: "&") && index + 1 < bytes.count && bytes[index + 1] >= 0x80 { return nil }
            if byte == UInt8(ascii: "&") { changes = true }
        }
        guard changes else { return .some(nil) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        for (index, byte) in bytes.enumerated() {
            if escapes(byte) {
                result.append(UInt8(ascii: "\\"))
                result.append(byte)
            } else if byte == UInt8(ascii: "&") {
                let next = index + 1 < bytes.count ? bytes[index + 1] : UInt8(ascii: " ")
                if next == UInt8(ascii: "#") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(next | 0x20) {
                    result.append(UInt8(ascii: "\\"))
                }
                result.append(byte)
            } else if byte < 0x20 || byte == 0x7F {
                result.append(0x20)
            } else {
                result.append(byte)
            }
        }
        return .some(String(decoding: result, as: UTF8.self))
    }

    /// ``markdownEscaped`` scalar by scalar: the definition, for text that is not ASCII.
    var markdownEscapedByScalar: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        let scalars = Array(unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "(", ")", "<", ">", "|", "#", "~":
                result += "\\"
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
