/// One area of significant weakness as a revisit letter's findings set it out: where its part
/// of the letter starts, the paragraphs that quote it, and the quote.
///
/// The part runs from `start` to the next section's start; its judgement may stand anywhere
/// in it other than the quote itself — before the findings, after them, or under the heading
/// before the quote — which is why the part, not the paragraph after the quote, is searched.
///
/// A part is marked by a lead-in ("The initial inspection found that:"), a numbered heading
/// ("Area of significant weakness 2", "### 2."), or, in a letter with neither, by a paragraph
/// opening with a quotation of the weakness.
struct RevisitSection: Hashable, Sendable {
    /// The first paragraph of its part: the heading or lead-in, else the quote's.
    var start: Int
    /// The first paragraph holding the quote.
    var quoteStart: Int
    /// The last paragraph holding the quote (later than `quoteStart` when a page break cut it).
    var quoteEnd: Int
    /// The weakness as quoted, without quotation marks.
    var quote: String
    /// The rest of the quote's last paragraph after the quotation (findings or a judgement that
    /// share its paragraph), or empty.
    var remainder: String
}
