/// How a line of a report's findings opens, as a clue to whether a new finding starts there.
///
/// Areas for priority action and for improvement are table rows that `pdftotext` prints with
/// no blank line or bullet between them, and one finding may hold several sentences and
/// paragraphs. What a new finding almost always does is open with the body that must act: a
/// qualified subject such as "Area leaders …", "Leaders across the partnership …", "The local
/// area partnership should …" or "NHS North East London ICB should …". A sentence that carries
/// on the finding before it opens by pointing back ("They should …", "This includes …"). The
/// bare "Leaders should …" is ambiguous: often a finding's second sentence, but in a table
/// without a responsible-body column it may just as well start the next finding (Oxfordshire
/// 2023: "Leaders should improve their strategic approach to transition planning …"). Only the
/// opening words are looked at, so the test is the same wherever the line is.
enum AreaReportItemOpening: Hashable, Sendable {
    /// A qualified subject that names who must act: the usual start of a finding.
    case subject
    /// A word that refers back ("They", "This", "Also") or a subject going on ("Leaders should
    /// also …"): the usual start of a finding's second sentence.
    case continuation
    /// A bare actor and what they must do ("Leaders should …", "Leaders must …"): a finding's
    /// second sentence or a new finding, which only the layout or the row count can tell.
    case bareSubject
    /// Any other capitalised opening ("To ensure …", "Some children …"): a new finding only
    /// when the layout says a new paragraph starts.
    case plain
    /// Not a sentence start at all: a lower-case word, a digit, a bullet or punctuation.
    case none

    /// Classifies the opening of `line`.
    init(_ line: String) {
        guard let first = line.unicodeScalars.first, first.properties.isUppercase else {
            self = .none
            return
        }
        let words = Self.words(line)
        guard let head = words.first else {
            self = .none
            return
        }
        let second = words.count > 1 ? words[1] : ""
        if Self.pointingBack.contains(head) || (head == "in" && Self.inPhrases.contains(second)) {
            self = .continuation
            return
        }
        // "Area leaders should then …", "Health leaders must also …": a subject that goes
        // on from the sentence before, whoever it names.
        if let modal = words.prefix(8).firstIndex(where: Self.modals.contains), modal + 1 < words.count,
           Self.goingOn.contains(words[modal + 1]) {
            self = .continuation
            return
        }
        if Self.actors.contains(head) {
            // "Leaders across the partnership …" names them; "Leaders should …" may carry on.
            self = Self.qualifiers.contains(second) ? .subject : .bareSubject
            return
        }
        let capitalised = Self.capitalisedWords(line)
        // "Area leaders", "Local authority and health leaders", "Strategic leaders across …".
        if let actor = words.prefix(7).firstIndex(where: Self.actors.contains), actor > 0 {
            self = .subject
            return
        }
        // "The local area partnership should …", "The ICB must …".
        if head == "the", let modal = words.prefix(7).firstIndex(where: Self.modals.contains), modal > 1,
           words[1..<modal].contains(where: Self.bodies.contains) {
            self = .subject
            return
        }
        // "NHS North East London ICB should …", "Kelbridge Council and NHS Kelbridge ICB must …".
        if capitalised.count >= 1, capitalised.count < words.count, Self.modals.contains(words[capitalised.count]),
           capitalised.contains(where: { Self.bodies.contains($0.lowercased()) || Self.isAcronym($0) }) {
            self = .subject
            return
        }
        self = .plain
    }

    // MARK: Word lists

    /// Openings that refer back to what came before.
    static let pointingBack: Set<String> = [
        "they", "this", "these", "those", "it", "its", "their", "there", "such", "also", "additionally",
        "furthermore", "moreover", "however", "then", "both", "consequently", "therefore", "as", "and", "but",
        "or", "so", "here", "that", "which", "including",
    ]

    /// Words after "In" that make it a link to what came before ("In addition, …").
    static let inPhrases: Set<String> = ["addition", "particular", "turn", "doing", "this", "these", "that", "response"]

    /// Adverbs straight after the modal that tie a sentence to the one before ("should also").
    static let goingOn: Set<String> = ["also", "then", "therefore", "additionally", "likewise", "similarly"]

    /// Who acts in a finding.
    static let actors: Set<String> = ["leaders", "leader", "partners", "commissioners", "managers"]

    /// Words after a bare actor that say which ones ("Leaders at …", "Leaders across …").
    static let qualifiers: Set<String> = [
        "across", "at", "in", "within", "from", "of", "for", "throughout", "responsible", "working", "with",
        "based", "on",
    ]

    /// What must happen, after the subject.
    static let modals: Set<String> = ["should", "must", "need", "needs", "will", "ought"]

    /// Nouns that make a phrase a body that can act.
    static let bodies: Set<String> = [
        "partnership", "partners", "council", "authority", "icb", "board", "trust", "nhs", "area", "service",
        "services", "commissioners", "ccg", "system", "forum",
    ]

    // MARK: Words

    /// The first dozen words of `line`, lower-cased, without punctuation around them.
    static func words(_ line: String) -> [String] {
        line.split(separator: " ", maxSplits: 12, omittingEmptySubsequences: true).prefix(12).map { word in
            String(word.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0 == "-" || $0 == "’" || $0 == "'" }
                .map(Character.init))
        }.filter { !$0.isEmpty }
    }

    /// The run of words at the start of `line` that could be an organisation's name:
    /// capitalised words and acronyms, and "and", "of", "the", "for", "upon", "on" between
    /// them, ending with a capitalised word. Commas and apostrophes are kept in the words.
    static func capitalisedWords(_ line: String) -> [String] {
        var run: [String] = []
        var lastCapital = 0
        for word in line.split(separator: " ", omittingEmptySubsequences: true).prefix(12) {
            let bare = word.trimmingPunctuation
            guard let first = bare.unicodeScalars.first else { break }
            if first.properties.isUppercase {
                run.append(String(word))
                lastCapital = run.count
            } else if connectors.contains(bare), !run.isEmpty {
                run.append(String(word))
            } else {
                break
            }
        }
        return Array(run.prefix(lastCapital))
    }

    /// Lower-case words allowed inside an organisation's name.
    static let connectors: Set<String> = ["and", "of", "the", "for", "upon", "on", "&"]

    /// Whether `word` is an acronym such as "NHS" or "ICB".
    static func isAcronym(_ word: String) -> Bool {
        let letters = word.trimmingPunctuation.unicodeScalars
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
    }
}

extension StringProtocol {
    /// The text without punctuation at either end ("Council," → "Council").
    var trimmingPunctuation: String {
        let scalars = Array(unicodeScalars)
        var start = 0
        var end = scalars.count
        func isWordScalar(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "&" }
        while start < end, !isWordScalar(scalars[start]) { start += 1 }
        while end > start, !isWordScalar(scalars[end - 1]) { end -= 1 }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
