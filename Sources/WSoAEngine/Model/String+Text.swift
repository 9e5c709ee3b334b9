extension String {
    /// The text with runs of whitespace (including line breaks) collapsed to single spaces and
    /// the ends trimmed, so pasted letter text is stored the way it reads.
    var collapsingWhitespace: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether the text has nothing but whitespace.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}

extension Optional where Wrapped == String {
    /// A note with whitespace collapsed, or nil when it is missing or blank.
    var trimmedNote: String? {
        guard let text = self?.collapsingWhitespace, !text.isEmpty else { return nil }
        return text
    }
}
