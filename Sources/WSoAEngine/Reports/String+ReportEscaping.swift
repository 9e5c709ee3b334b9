extension String {
    /// The text safe inside HTML elements and quoted attributes: `&`, `<`, `>`, `"` and `'`
    /// become character references, so recorded text can never open a tag or an attribute.
    var htmlEscaped: String {
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
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" { result += " " }
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
    var markdownEscaped: String {
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
                if scalar.value < 0x20 { result += " " }
                else if scalar.isBidiControl { result += "\u{FFFD}" }
                else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}

extension Unicode.Scalar {
    /// The embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) that can
    /// reorder how text is displayed.
    var isBidiControl: Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
}
