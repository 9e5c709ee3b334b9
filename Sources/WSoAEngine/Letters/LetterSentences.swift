/// Splits letter paragraphs into sentences, so a field can be quoted as the sentence that says it.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quote or bracket) followed by a space
/// and a capital, digit or opening quote — except after a title or abbreviation such as "Dr",
/// "e.g." or a single initial, which letters use in names and asides.
enum LetterSentences {
    /// The sentences of `paragraph`, each trimmed.
    static func split(_ paragraph: String) -> [String] {
        let s = Array(paragraph.unicodeScalars)
        var sentences: [String] = []
        var start = 0
        var i = 0
        let closers = "’”'\")]".unicodeScalars
        let openers = "‘“'\"([".unicodeScalars
        while i < s.count {
            guard ".!?".unicodeScalars.contains(s[i]) else {
                i += 1
                continue
            }
            var end = i + 1
            while end < s.count, closers.contains(s[end]) { end += 1 }
            guard end < s.count, s[end] == " ", end + 1 < s.count else {
                i = end
                continue
            }
            let next = s[end + 1]
            let startsSentence = next.properties.isUppercase || ("0"..."9").contains(next) || openers.contains(next)
            if startsSentence, !(s[i] == "." && endsWithAbbreviation(s, before: i)) {
                sentences.append(LetterLine.collapsingSpaces(s[start..<end]))
                start = end + 1
            }
            i = end
        }
        if start < s.count {
            let last = LetterLine.collapsingSpaces(s[start...])
            if !last.isEmpty { sentences.append(last) }
        }
        return sentences
    }

    /// Whether the word before the full stop at `index` is a title, an abbreviation or an initial.
    private static func endsWithAbbreviation(_ s: [Unicode.Scalar], before index: Int) -> Bool {
        var wordStart = index
        while wordStart > 0, s[wordStart - 1] != " ", index - wordStart < 12 { wordStart -= 1 }
        let word = String(String.UnicodeScalarView(s[wordStart..<index])).lowercased()
        if word.count == 1, let only = word.unicodeScalars.first, only.properties.isAlphabetic { return true }
        return abbreviations.contains(word)
    }

    /// Words that end in a full stop without ending the sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "st", "e.g", "i.e", "etc", "no", "cllr", "rev",
        "approx", "vs", "cf", "para", "fig",
    ]
}
