/// One weakness as a revisit letter quotes it, with the inspectors' judgement on it.
///
/// The quote is the letter's wording, which may differ slightly from the plan's (revisit
/// letters reword, hyphenate and punctuate freely); ``WeaknessMatcher`` pairs the two.
public struct QuotedJudgement: Hashable, Sendable {
    /// The weakness as the revisit letter quotes it, verbatim.
    public var quote: String
    /// `sufficient` ("has made sufficient progress") or `insufficient` ("has not made …").
    public var outcome: WeaknessOutcome
    /// The letter's verdict sentence, verbatim, as evidence for the outcome.
    public var verdict: String

    /// Makes a quoted judgement.
    public init(quote: String, outcome: WeaknessOutcome, verdict: String) {
        self.quote = quote
        self.outcome = outcome
        self.verdict = verdict
    }
}
