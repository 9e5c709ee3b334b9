/// A revisit letter's sentence that judges progress, with its outcome and whether it judges
/// one weakness or the letter's weaknesses together.
///
/// Letters word the judgement many ways ("has made sufficient progress in addressing this area
/// of significant weakness", "has not made enough progress", "made insufficient progress",
/// "Sufficient progress has not been made …"), and findings use the same words loosely
/// ("despite the progress made"). So a sentence is a verdict only when it carries one of the
/// judgement phrases, and is about one weakness only when it says so ("this area", "this
/// weakness") or is the area's own verdict standing alone. Sentences about all or some of the
/// weaknesses ("two of the five significant weaknesses") are summary verdicts, read by
/// ``RevisitSummary``. "Whether" sentences ("to decide whether sufficient progress has been
/// made …") describe the revisit's purpose and judge nothing.
struct RevisitVerdict: Hashable, Sendable {
    /// What a verdict sentence is about.
    enum Scope: Hashable, Sendable {
        /// One area of significant weakness: the one it stands beside.
        case weakness
        /// Several or all of them, as the summary near the top and the closing paragraph say.
        case summary
    }

    /// The sentence, verbatim.
    var sentence: String
    /// `sufficient` or `insufficient` (never `open`).
    var outcome: WeaknessOutcome
    /// What it is about.
    var scope: Scope

    /// The longest sentence, in UTF-8 bytes, read as a verdict (real ones are under 300).
    static let longestSentence = 1_000

    /// Phrases that judge progress insufficient. They are looked for before the sufficient
    /// ones at the same place, because most contain "sufficient progress".
    static let insufficientPhrases = [
        "not made sufficient", "not made enough", "not made adequate", "not yet made sufficient", "not yet made enough",
        "insufficient progress", "not sufficient progress", "not enough progress", "sufficient progress has not",
        "sufficient progress had not", "sufficient progress has yet to", "enough progress has not", "enough progress had not",
        "progress has not been sufficient", "progress has been insufficient", "progress is not sufficient",
        "progress was not sufficient", "not making sufficient", "not making enough", "not demonstrated sufficient",
        "not shown sufficient", "too little progress",
    ]

    /// Phrases that judge progress sufficient.
    static let sufficientPhrases = ["sufficient progress", "enough progress", "progress has been sufficient", "progress is sufficient"]

    /// Phrases that tie a verdict to the one weakness it stands beside.
    static let thisPhrases = [
        "this area", "this weakness", "this significant weakness", "this serious weakness", "this aspect",
        "this particular", "this specific",
    ]

    /// Words that make a verdict about several weaknesses.
    static let summaryWords: Set<String> = ["weaknesses", "all", "each", "every", "any", "none", "both", "areas"]

    /// Numbers as letters write them in counts ("two of the five").
    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12,
    ]

    /// Reads `sentence` as a verdict, if it is one.
    ///
    /// `standalone` says the sentence is its paragraph's only one, as a verdict set apart is:
    /// then "The area has made sufficient progress." counts without naming the weakness.
    ///
    /// A verdict is one plain sentence: a "sentence" longer than ``longestSentence`` is text run
    /// together, never a verdict, and leaving it unread keeps hostile input quick.
    static func reading(of sentence: String, standalone: Bool) -> RevisitVerdict? {
        guard sentence.utf8.count <= longestSentence else { return nil }
        let lower = sentence.lowercased()
        guard lower.contains("progress"), !lower.contains("whether"), let found = outcome(of: lower) else { return nil }
        if thisPhrases.contains(where: lower.contains) {
            return RevisitVerdict(sentence: sentence, outcome: found.outcome, scope: .weakness)
        }
        let words = Self.words(lower)
        let counted = words.indices.contains { index in
            index + 1 < words.count && words[index + 1] == "of" && number(words[index]) != nil
        }
        if counted || words.contains(where: summaryWords.contains) {
            return RevisitVerdict(sentence: sentence, outcome: found.outcome, scope: .summary)
        }
        let areaSubject = ["area has", "area have", "area had", "area is", "partnership has"].contains(where: lower.contains)
            || ["sufficient progress", "enough progress", "insufficient progress"].contains(where: lower.hasPrefix)
        if areaSubject, standalone || words.contains("weakness") {
            return RevisitVerdict(sentence: sentence, outcome: found.outcome, scope: .weakness)
        }
        return nil
    }

    /// The outcome a lower-cased text states, and where the phrase stating it ends.
    ///
    /// The phrase that starts first wins, so "has made sufficient progress …, although not
    /// enough progress in X" is sufficient; at the same place the insufficient phrase wins
    /// ("sufficient progress has not been made").
    static func outcome(of lower: String) -> (outcome: WeaknessOutcome, end: String.Index)? {
        var best: (outcome: WeaknessOutcome, range: Range<String.Index>)?
        for (phrases, outcome) in [(insufficientPhrases, WeaknessOutcome.insufficient), (sufficientPhrases, .sufficient)] {
            for phrase in phrases {
                guard let range = lower.range(of: phrase) else { continue }
                if let current = best, current.range.lowerBound <= range.lowerBound { continue }
                best = (outcome, range)
            }
        }
        return best.map { ($0.outcome, $0.range.upperBound) }
    }

    /// The value of a count word ("two", "2"), if it is one.
    static func number(_ word: String) -> Int? {
        if let value = numberWords[word] { return value }
        guard word.count <= 2, word.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(word)
    }

    /// The lower-cased words of `lower`: runs of letters and digits.
    static func words(_ lower: String) -> [String] {
        lower.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }
}
