import Foundation

/// Pairs the weaknesses a revisit letter quotes with the plan's weaknesses, despite rewording.
///
/// Revisit letters quote the original weaknesses loosely: "Co-production, engagement …" for
/// "Coproduction, engagement …", a dropped "The", changed punctuation, curly or straight quotes,
/// a list's trailing ";". Exact comparison would refuse real letters, so each pair is scored in
/// 0…1 and every quote takes the best free weakness scoring at least ``threshold``. A quote that
/// matches none is reported with its closest candidates, so a front end can refuse and show
/// them rather than attach a judgement to the wrong weakness.
///
/// The score is the mean of two Dice coefficients over a normalised form of each text (lower
/// case, no punctuation, hyphenated words closed up, diacritics folded): one over the sets of
/// content words (light stemming, common words ignored), which tolerates reordering and a
/// changed word or two; one over the multisets of character pairs, which tolerates spelling and
/// hyphenation variants the word measure would count as different words.
public struct WeaknessMatcher: Hashable, Sendable {
    /// The lowest similarity accepted as a match.
    ///
    /// Measured on the seed letters: weaknesses from different areas score at most 0.57
    /// against each other, while a revisit's rewording of the same weakness scores 0.85 or
    /// more, and a quote that adds a second sentence to the plan's one about 0.69. Two
    /// weaknesses of the *same* letter can share most of their words (Redcar and Cleveland's
    /// first and third score 0.70), which is why matching is one-to-one and best-first rather
    /// than a threshold alone.
    public var threshold: Double
    /// How many closest candidates are kept for each quote.
    public var candidateLimit: Int

    /// Makes a matcher.
    public init(threshold: Double = 0.65, candidateLimit: Int = 3) {
        self.threshold = threshold
        self.candidateLimit = candidateLimit
    }

    /// A plan weakness considered for a quote, with how similar it is.
    public struct Candidate: Hashable, Sendable {
        /// The weakness id, e.g. "W2".
        public var id: String
        /// The plan's wording.
        public var statement: String
        /// The similarity in 0…1.
        public var similarity: Double

        /// Makes a candidate.
        public init(id: String, statement: String, similarity: Double) {
            self.id = id
            self.statement = statement
            self.similarity = similarity
        }
    }

    /// The outcome for one quote.
    public struct Match: Hashable, Sendable {
        /// The quote, as the letter words it.
        public var quote: String
        /// The weakness it was matched to, or nil when none scored at least the threshold.
        public var weakness: Candidate?
        /// The closest weaknesses, most similar first (at most ``WeaknessMatcher/candidateLimit``).
        public var candidates: [Candidate]

        /// Whether the quote was matched.
        public var isMatched: Bool { weakness != nil }
    }

    /// The outcome for a whole letter.
    public struct Result: Hashable, Sendable {
        /// One match per quote, in the letter's order.
        public var matches: [Match]
        /// The ids of the plan's weaknesses that no quote matched, in the plan's order.
        public var unquoted: [String]

        /// The quotes that matched nothing.
        public var unmatched: [Match] { matches.filter { !$0.isMatched } }

        /// Whether every quote matched a weakness.
        public var allMatched: Bool { matches.allSatisfy(\.isMatched) }
    }

    // MARK: Matching

    /// Matches each quote to at most one weakness, and each weakness to at most one quote.
    ///
    /// Pairs are taken best-first across all quotes, so when two quotes resemble the same
    /// weakness, the closer one gets it and the other falls back to its next best.
    public func match(_ quotes: [String], to weaknesses: [Weakness]) -> Result {
        let quoteForms = quotes.map(Normalised.init)
        let weaknessForms = weaknesses.map { Normalised($0.statement) }
        var scores = [[Double]](repeating: [], count: quotes.count)
        var pairs: [(quote: Int, weakness: Int, score: Double)] = []
        for (q, quoteForm) in quoteForms.enumerated() {
            scores[q] = weaknessForms.map { quoteForm.similarity(to: $0) }
            for (w, score) in scores[q].enumerated() { pairs.append((q, w, score)) }
        }
        pairs.sort { ($0.score, -$0.quote, -$0.weakness) > ($1.score, -$1.quote, -$1.weakness) }
        var assigned = [Int?](repeating: nil, count: quotes.count)
        var taken = Set<Int>()
        for pair in pairs where pair.score >= threshold && assigned[pair.quote] == nil && !taken.contains(pair.weakness) {
            assigned[pair.quote] = pair.weakness
            taken.insert(pair.weakness)
        }
        func candidate(_ w: Int, _ score: Double) -> Candidate {
            Candidate(id: weaknesses[w].id, statement: weaknesses[w].statement, similarity: score)
        }
        let matches = quotes.indices.map { q in
            let ranked = scores[q].enumerated()
                .sorted { ($0.element, -$0.offset) > ($1.element, -$1.offset) }
                .prefix(max(0, candidateLimit))
                .map { candidate($0.offset, $0.element) }
            return Match(quote: quotes[q], weakness: assigned[q].map { candidate($0, scores[q][$0]) },
                         candidates: Array(ranked))
        }
        let unquoted = weaknesses.indices.filter { !taken.contains($0) }.map { weaknesses[$0].id }
        return Result(matches: matches, unquoted: unquoted)
    }

    /// How similar two weakness statements are, in 0…1 (1 when they read the same once
    /// case, punctuation and hyphenation are ignored).
    public static func similarity(_ a: String, _ b: String) -> Double {
        Normalised(a).similarity(to: Normalised(b))
    }

    // MARK: Normal form

    /// A statement reduced to what its wording means for matching.
    struct Normalised {
        /// The text: lower case, letters and digits only, single spaces.
        let text: String
        /// The content words, lightly stemmed.
        let words: Set<String>
        /// Character-pair counts of `text` without spaces.
        let bigrams: [UInt64: Int]
        /// The number of character pairs.
        let bigramCount: Int

        /// Normalises `statement`.
        init(_ statement: String) {
            let folded = statement.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive],
                                           locale: nil).lowercased()
            var out = String.UnicodeScalarView()
            var previous: Unicode.Scalar = " "
            let scalars = Array(folded.unicodeScalars)
            for (index, scalar) in scalars.enumerated() {
                let isWordChar = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                if isWordChar {
                    out.append(scalar)
                } else if "'’‘`".unicodeScalars.contains(scalar) {
                    continue // "area's" and "areas" read the same
                } else if "-‐‑–—".unicodeScalars.contains(scalar), previous.properties.isAlphabetic,
                          index + 1 < scalars.count, scalars[index + 1].properties.isAlphabetic {
                    continue // "co-production" and "coproduction" read the same
                } else if scalar == "&" {
                    out.append(contentsOf: " and ".unicodeScalars)
                } else if out.last != " " {
                    out.append(" ")
                }
                previous = scalar
            }
            text = String(out).split(separator: " ").joined(separator: " ")
            words = Set(text.split(separator: " ").map(String.init).filter { !Self.stopWords.contains($0) }.map(Self.stem))
            var counts: [UInt64: Int] = [:]
            var total = 0
            var last: UInt32?
            for scalar in text.unicodeScalars where scalar != " " {
                if let last {
                    counts[UInt64(last) << 32 | UInt64(scalar.value), default: 0] += 1
                    total += 1
                }
                last = scalar.value
            }
            bigrams = counts
            bigramCount = total
        }

        /// The mean of the word and character-pair Dice coefficients.
        func similarity(to other: Normalised) -> Double {
            if text == other.text { return 1 }
            let wordDice: Double
            if words.isEmpty && other.words.isEmpty {
                wordDice = 0
            } else {
                wordDice = 2 * Double(words.intersection(other.words).count) / Double(words.count + other.words.count)
            }
            var shared = 0
            let (small, large) = bigrams.count <= other.bigrams.count ? (bigrams, other.bigrams) : (other.bigrams, bigrams)
            for (pair, count) in small { shared += min(count, large[pair] ?? 0) }
            let pairTotal = bigramCount + other.bigramCount
            let pairDice = pairTotal == 0 ? 0 : 2 * Double(shared) / Double(pairTotal)
            return min(1, max(0, (wordDice + pairDice) / 2))
        }

        /// Words too common in weakness statements to tell them apart.
        static let stopWords: Set<String> = [
            "the", "a", "an", "and", "or", "of", "to", "in", "for", "with", "on", "at", "by", "as",
            "is", "are", "be", "been", "was", "were", "that", "this", "these", "their", "they",
            "it", "its", "who", "which", "have", "has", "not", "too", "so", "from",
        ]

        /// A light stem: a plural or possessive "s" dropped ("plans" → "plan", not "process").
        static func stem(_ word: String) -> String {
            guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"),
                  !word.hasSuffix("is") else { return word }
            return String(word.dropLast())
        }
    }
}
