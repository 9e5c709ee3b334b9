/// A quotation that opens a paragraph of a letter: the quoted words, and what follows them.
///
/// Revisit letters quote each area of significant weakness back, in curly (“…”, ‘…’) or
/// straight quotes, sometimes as a paragraph of its own and sometimes at the head of the first
/// paragraph of findings (‘The local offer is poor.’ Leaders have since …). Single curly
/// quotes are also apostrophes (“leaders’ understanding”, “the area’s”), so the closing mark
/// is chosen with care: after punctuation, before punctuation or the end, or before a space
/// when it cannot be a plural possessive. The scan is one forward pass over the scalars.
struct LetterQuotation: Hashable, Sendable {
    /// The quoted words, without the marks, trimmed.
    var quote: String
    /// What follows the closing mark, trimmed of spaces and leading punctuation (empty when
    /// the quotation is the whole text).
    var rest: String
    /// Whether a closing mark was found; an open quotation runs to the end of the text (a
    /// page break may have cut it, and the close is in a later paragraph).
    var isClosed: Bool
    /// Whether the quotation ends a sentence (a full stop inside or just after the closing
    /// mark, or nothing after it), as a quoted weakness does and a quoted phrase does not.
    var endsSentence: Bool
    /// The closing mark that ends this quotation, for finding it in a later paragraph.
    var closer: Unicode.Scalar

    /// Opening marks and the closing mark each expects.
    static let pairs: [Unicode.Scalar: Unicode.Scalar] = [
        "“": "”", "‘": "’", "\"": "\"", "'": "'", "«": "»", "„": "“", "‚": "‘",
    ]

    /// The quotation `text` opens with, if it opens with a quotation mark.
    static func opening(_ text: String) -> LetterQuotation? {
        // Most paragraphs open with a letter: tell so before copying out a long paragraph.
        guard let first = text.unicodeScalars.first(where: { $0 != " " }), pairs[first] != nil else { return nil }
        let s = Array(text.unicodeScalars)
        var start = 0
        while start < s.count, s[start] == " " { start += 1 }
        guard start < s.count, let closer = pairs[s[start]] else { return nil }
        let body = start + 1
        guard let close = closingIndex(s, from: body, closer: closer) else {
            let quote = LetterLine.collapsingSpaces(s[body...])
            return quote.isEmpty ? nil : LetterQuotation(quote: quote, rest: "", isClosed: false, endsSentence: true, closer: closer)
        }
        let quote = LetterLine.collapsingSpaces(s[body..<close])
        guard !quote.isEmpty else { return nil }
        let rest = restAfter(s, close + 1)
        let stopInside = quote.unicodeScalars.last.map { ".!?".unicodeScalars.contains($0) } ?? false
        let stopAfter = close + 1 < s.count && ".!?".unicodeScalars.contains(s[close + 1])
        return LetterQuotation(quote: quote, rest: rest, isClosed: true, endsSentence: stopInside || stopAfter || rest.isEmpty,
                               closer: closer)
    }

    /// Where an open quotation closes in a later paragraph: the words before the closing mark
    /// and what follows it, or nil when `text` does not close it.
    static func closing(_ text: String, closer: Unicode.Scalar) -> (quote: String, rest: String)? {
        let s = Array(text.unicodeScalars)
        guard let close = closingIndex(s, from: 0, closer: closer) else { return nil }
        return (LetterLine.collapsingSpaces(s[..<close]), restAfter(s, close + 1))
    }

    /// The index of the mark that closes a quotation opened just before `from`.
    ///
    /// Double marks close at the first closer. A single mark is an apostrophe as often as a
    /// quote, so it closes only where an apostrophe could not stand: after punctuation, at
    /// the end, before punctuation, or before a space when the word is not a
    /// plural possessive ("parents’ views").
    private static func closingIndex(_ s: [Unicode.Scalar], from: Int, closer: Unicode.Scalar) -> Int? {
        let single = closer == "’" || closer == "'" || closer == "‘"
        var i = from
        while i < s.count {
            defer { i += 1 }
            guard s[i] == closer else { continue }
            if !single { return i }
            let previous: Unicode.Scalar = i > from ? s[i - 1] : " "
            let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
            if ".!?,;:".unicodeScalars.contains(previous) { return i }
            guard let following = next else { return i }
            if ",;:.!?)".unicodeScalars.contains(following) { return i }
            let wordEnd = previous.properties.isAlphabetic || ("0"..."9").contains(previous)
            if following == " ", wordEnd, previous != "s", previous != "S" { return i }
        }
        return nil
    }

    /// The text after index `from`, without leading spaces and punctuation.
    private static func restAfter(_ s: [Unicode.Scalar], _ from: Int) -> String {
        var start = from
        while start < s.count, " .,;:".unicodeScalars.contains(s[start]) { start += 1 }
        return start < s.count ? LetterLine.collapsingSpaces(s[start...]) : ""
    }
}
