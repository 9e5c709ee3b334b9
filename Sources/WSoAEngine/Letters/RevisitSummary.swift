/// What a revisit letter's summary paragraph near the top says about the weaknesses together.
///
/// Every revisit letter sums up before its findings: "The area has made sufficient progress in
/// addressing all four of the significant weaknesses …", or "… two of the five … The area has
/// not made sufficient progress in addressing the other three". Some letters judge each
/// weakness only there, naming them ("… two of the four significant weaknesses: the quality of
/// EHC plans and the local offer"). So the summary is read into claims — an outcome, how many
/// it covers, and the words it names them by — and used for any weakness whose own judgement
/// is missing, and to check the judgements beside the weaknesses. A summary that gives only
/// counts cannot say which weakness is which, and then nothing is guessed.
struct RevisitSummary: Hashable, Sendable {
    /// How many weaknesses a claim covers.
    enum Quantity: Hashable, Sendable {
        /// All of them ("all four", "each of the", "any of the" after a "not").
        case all
        /// A number of them ("two of the five", "one significant weakness").
        case count(Int)
        /// The rest ("the other three", "the remaining weaknesses").
        case others(Int?)
        /// Not said ("the significant weaknesses in …").
        case unstated
    }

    /// One clause of the summary that judges progress.
    struct Claim: Hashable, Sendable {
        /// `sufficient` or `insufficient`.
        var outcome: WeaknessOutcome
        /// The sentence the clause is in, verbatim, as evidence for a judgement taken from it.
        var sentence: String
        /// How many weaknesses it covers.
        var quantity: Quantity
        /// The content words it names weaknesses by (empty when it names none).
        var names: Set<String>
    }

    /// How the summary places one quoted weakness.
    enum Placement: Hashable, Sendable {
        /// The summary judges it, in `sentence`.
        case judged(WeaknessOutcome, sentence: String)
        /// The summary does not say; `reason` ends "nor in …", for a refusal's hint.
        case unsaid(reason: String)
    }

    /// The claims in the letter's order.
    var claims: [Claim]
    /// The number of weaknesses the summary counts ("of the five"), if it says.
    var total: Int?

    /// Words of a summary clause that say how it judges, not which weakness it names.
    static let boilerplate: Set<String> = [
        "area", "made", "make", "sufficient", "insufficient", "enough", "progress", "addressing", "address", "tackling",
        "tackle", "improve", "improving", "significant", "serious", "weakness", "weaknesse", "identified", "initial",
        "inspection", "inspector", "found", "other", "remaining", "all", "each", "every", "any", "none", "both",
        "following", "namely", "relate", "relating", "related", "relation", "concerning", "about", "around", "regarding",
        "include", "including", "those", "but", "yet", "however", "while", "whereas", "also", "only", "against",
        "written", "statement", "action", "wsoa", "letter", "revisit", "judge", "judged", "opinion", "there", "did",
        "does", "such", "where", "what", "into", "within", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "one", "two", "eleven", "twelve", "first", "second", "third", "time", "previous", "original",
    ]

    /// Reads the claims from `paragraphs`, the opening paragraphs in order.
    ///
    /// A claim's names may run on in the same paragraph ("… two of the five. These are …") or
    /// in the bullets after a paragraph that ends with a colon, but never into a later
    /// paragraph of prose, which is about something else.
    init(_ paragraphs: [LetterText.Paragraph]) {
        var claims: [Claim] = []
        var total: Int?
        var listFollows = false
        for paragraph in paragraphs {
            let continuesList = listFollows && paragraph.isBullet
            listFollows = continuesList
            var claimedInParagraph = false
            for sentence in LetterSentences.split(paragraph.text) {
                guard sentence.utf8.count <= RevisitVerdict.longestSentence * 2 else { continue }
                let lowerSentence = sentence.lowercased()
                guard !lowerSentence.contains("whether") else { continue }
                var claimedInSentence = false
                for clause in Self.clauses(lowerSentence) {
                    if clause.contains("progress"), let found = RevisitVerdict.outcome(of: clause) {
                        let words = RevisitVerdict.words(clause)
                        total = total ?? Self.total(words)
                        claims.append(Claim(outcome: found.outcome, sentence: sentence,
                                            quantity: Self.quantity(words, outcome: found.outcome),
                                            names: Self.names(String(clause[found.end...]))))
                        claimedInSentence = true
                        claimedInParagraph = true
                    } else if !claims.isEmpty,
                              claimedInSentence || continuesList || (claimedInParagraph && Self.continuesNaming(lowerSentence)) {
                        // A list cut off by ";" or a "These are …" sentence names the last claim's weaknesses.
                        claims[claims.count - 1].names.formUnion(Self.names(clause))
                    }
                }
            }
            if claimedInParagraph, paragraph.text.hasSuffix(":") { listFollows = true }
        }
        self.claims = claims
        self.total = total
    }

    /// How many weaknesses of `count` the summary says had `outcome`, if it says.
    func stated(_ outcome: WeaknessOutcome, of count: Int) -> Int? {
        let mine = claims.filter { $0.outcome == outcome }
        guard !mine.isEmpty else { return nil }
        var sum = 0
        for claim in mine {
            switch claim.quantity {
            case .all: return count
            case let .count(value): sum += value
            case let .others(value?): sum += value
            case .others(nil), .unstated: return nil
            }
        }
        return sum
    }

    /// How the summary places each of `quotes`, in order.
    func placements(of quotes: [String]) -> [Placement] {
        guard !claims.isEmpty else {
            return quotes.map { _ in .unsaid(reason: "nor in a summary paragraph near the top, as no sentence there judges the weaknesses") }
        }
        let outcomes = Set(claims.map(\.outcome))
        // "All four …" with no claim the other way settles every weakness, named or not.
        if outcomes.count == 1, let only = claims.first(where: { $0.quantity == .all || $0.quantity == .count(quotes.count) }) {
            return quotes.map { _ in .judged(only.outcome, sentence: only.sentence) }
        }
        if let none = claims.first(where: { $0.quantity == .count(0) }), outcomes.count == 1 {
            return quotes.map { _ in .judged(Self.opposite(none.outcome), sentence: none.sentence) }
        }
        let named = claims.filter { !$0.names.isEmpty }
        guard !named.isEmpty else {
            return quotes.map { _ in .unsaid(reason: "nor in the summary paragraph, which says how many weaknesses made sufficient progress but not which") }
        }
        var placed: [Claim?] = quotes.map { best(for: $0, among: named) }
        // Weaknesses the names do not cover take the claim the other way that names none
        // ("… has not made sufficient progress in addressing the other two").
        let namedOutcomes = Set(named.map(\.outcome))
        if namedOutcomes.count == 1, let side = namedOutcomes.first {
            let other = Self.opposite(side)
            let rest = claims.first { $0.outcome == other && $0.names.isEmpty }
                ?? claims.first { $0.outcome == side && Self.impliesRest($0) }.map { Claim(outcome: other, sentence: $0.sentence, quantity: .unstated, names: []) }
            if let rest, !claims.contains(where: { $0.outcome == other && !$0.names.isEmpty }) {
                placed = placed.map { $0 ?? rest }
            }
        }
        // The counts the summary gives must agree with where the names put the weaknesses.
        for outcome in [WeaknessOutcome.sufficient, .insufficient] {
            guard let expected = stated(outcome, of: quotes.count), !placed.contains(where: { $0 == nil }) else { continue }
            if placed.filter({ $0?.outcome == outcome }).count != expected {
                return quotes.map { _ in .unsaid(reason: "nor in the summary paragraph, whose named weaknesses do not agree with its own counts") }
            }
        }
        return placed.map { claim in
            claim.map { .judged($0.outcome, sentence: $0.sentence) }
                ?? .unsaid(reason: "nor in the summary paragraph, which names weaknesses but not this one recognisably")
        }
    }

    // MARK: Reading clauses

    /// The named claim whose words best cover `quote`, if it does so clearly.
    ///
    /// At least two of the quote's content words (or half of them, for a short quote) must be
    /// among the claim's, and more than among any claim judging the other way.
    private func best(for quote: String, among named: [Claim]) -> Claim? {
        let words = Self.names(quote)
        guard !words.isEmpty else { return nil }
        var best: (claim: Claim, score: Int)?
        var bestBy: [WeaknessOutcome: Int] = [:]
        for claim in named {
            let score = words.filter { word in claim.names.contains { Self.sameWord(word, $0) } }.count
            bestBy[claim.outcome] = max(bestBy[claim.outcome] ?? 0, score)
            if score > (best?.score ?? 0) { best = (claim, score) }
        }
        guard let found = best, found.score >= 2 || found.score * 2 >= words.count else { return nil }
        let rival = bestBy[Self.opposite(found.claim.outcome)] ?? 0
        return found.score > rival ? found.claim : nil
    }

    /// Whether two content words are one word in different forms, as a paraphrase uses them
    /// ("jointly" for "joint", "commissioning" for "commission", "involved" for "involvement").
    ///
    /// A past or present participle's ending is set aside ("involved" → "involv"), and then
    /// one word must begin the other. Short words must match exactly, so "plan" (of EHC plans)
    /// is not "planning", and different words that share a start ("community",
    /// "communication") stay different.
    static func sameWord(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        func root(_ word: String) -> Substring {
            for ending in ["ing", "ed"] where word.hasSuffix(ending) && word.count - ending.count >= 5 {
                return word.dropLast(ending.count)
            }
            return Substring(word)
        }
        let (x, y) = (root(a), root(b))
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        return short.count >= 5 && long.hasPrefix(short)
    }

    /// Whether a claim's count leaves weaknesses judged the other way ("two of the five").
    private static func impliesRest(_ claim: Claim) -> Bool {
        switch claim.quantity {
        case .count: return true
        case .all, .others, .unstated: return false
        }
    }

    /// The other judgement.
    static func opposite(_ outcome: WeaknessOutcome) -> WeaknessOutcome {
        switch outcome {
        case .sufficient: return .insufficient
        case .insufficient, .open: return .sufficient
        }
    }

    /// The clauses of a lower-cased sentence: its parts between "but", ";", "while" and the
    /// like, so "… made sufficient progress in two … but has not … in the other three" is two.
    static func clauses(_ lower: String) -> [String] {
        var parts = [lower]
        for separator in [";", " but ", ", while ", " while ", " whereas ", ", however,", " and has ", " and have ",
                          " and the area has ", " and the local area has "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// Whether a sentence goes on naming the last claim's weaknesses ("These are …").
    static func continuesNaming(_ lower: String) -> Bool {
        !lower.contains("letter") && ["these ", "they ", "those ", "namely", "the weaknesses ", "both "].contains(where: lower.hasPrefix)
    }

    /// How many weaknesses a clause's `words` cover.
    static func quantity(_ words: [String], outcome: WeaknessOutcome) -> Quantity {
        if let index = words.firstIndex(where: { $0 == "other" || $0 == "remaining" }) {
            let near = [index - 1, index + 1].filter(words.indices.contains).compactMap { RevisitVerdict.number(words[$0]) }
            return .others(near.first)
        }
        for index in words.indices where index + 1 < words.count && words[index + 1] == "of" {
            if let value = RevisitVerdict.number(words[index]) { return .count(value) }
        }
        if words.contains("none") { return .count(0) }
        let every: Set<String> = outcome == .insufficient ? ["any", "each", "every", "both"] : ["all", "each", "every", "both"]
        if words.contains(where: every.contains) { return .all }
        if words.contains("weakness"), !words.contains("weaknesses") { return .count(1) }
        return .unstated
    }

    /// The number of weaknesses a clause counts ("of the five", "all four"), if it does.
    static func total(_ words: [String]) -> Int? {
        for index in words.indices {
            if words[index] == "of", index + 2 < words.count, words[index + 1] == "the",
               let value = RevisitVerdict.number(words[index + 2]) { return value }
            if words[index] == "all", index + 1 < words.count, let value = RevisitVerdict.number(words[index + 1]) { return value }
        }
        return nil
    }

    /// The content words of `text` that can name a weakness (stop words and the summary's own
    /// vocabulary removed, lightly stemmed as ``WeaknessMatcher`` does).
    static func names(_ text: String) -> Set<String> {
        WeaknessMatcher.Normalised(text).words.filter { !boilerplate.contains($0) && Int($0) == nil }
    }
}
