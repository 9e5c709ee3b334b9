extension String {
    /// The text with runs of whitespace (including line breaks) collapsed to single spaces and
    /// the ends trimmed, so pasted letter text is stored the way it reads.
    var collapsingWhitespace: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The text with whitespace collapsed, or nil when nothing is left: how optional text
    /// (a note, a lead) is recorded.
    var nonBlank: String? {
        let text = collapsingWhitespace
        return text.isEmpty ? nil : text
    }

    /// Whether the text has nothing but whitespace.
    var isBlank: Bool {
        // Most text starts with a printable ASCII character: answered without cutting it into
        // characters (`verify` asks this of every text of every line).
        if let first = utf8.first, first > 0x20, first < 0x7F { return false }
        return allSatisfy(\.isWhitespace)
    }
}
