extension LetterScan {
    // MARK: Verdicts

    /// The verdicts about one weakness in paragraph `index`, each with whether it stands alone
    /// (its paragraph's only sentence, as a judgement set apart from the findings is).
    func weaknessVerdicts(_ index: Int) -> [(verdict: RevisitVerdict, standalone: Bool)] {
        guard lowered[index].contains("progress") else { return [] }
        let sentences = LetterSentences.split(paragraphs[index].text)
        let standalone = sentences.count == 1
        return sentences.compactMap { sentence in
            guard let verdict = RevisitVerdict.reading(of: sentence, standalone: standalone), verdict.scope == .weakness else { return nil }
            return (verdict, standalone)
        }
    }

    /// Whether paragraph `index` is "Main findings", the heading the findings start under.
    func isFindingsHeading(_ index: Int) -> Bool {
        let text = lowered[index]
        return text.utf8.count <= 40 && (text.hasPrefix("main findings") || text == "findings" || text == "findings:")
    }

    // MARK: Lead-ins

    /// Last words of a lead-in ("… found that:", "… the following:", "… was:").
    static let leadInEndWords: Set<String> = [
        "found", "that", "following", "was", "were", "identified", "inspection", "weakness", "is", "are", "states",
        "stated", "said", "noted", "reported", "concluded", "judged", "highlighted", "follows",
    ]

    /// Phrases by which a lead-in points back at the initial inspection's findings.
    static let backReferences = [
        "initial inspection", "inspection found", "inspection identified", "previous inspection", "original inspection",
        "first inspection", "last inspection", "inspection in ", "at the inspection", "inspection report",
    ]

    /// How a lead-in that carries its quote in the same paragraph begins.
    static let leadInOpeners = [
        "the initial inspection found", "at the initial inspection", "the area of significant weakness identified",
        "at the time of the initial inspection", "the initial inspection identified", "the inspection found",
        "the original inspection found", "at the previous inspection", "the previous inspection found",
        "the inspection identified",
    ]

    /// Whether paragraph `index` introduces a quoted weakness in the next paragraph ("The
    /// initial inspection found that:", "At the initial inspection, inspectors found:").
    ///
    /// A lead-in is short, judges nothing, and ends as an introduction does: with a colon
    /// after a word such as "found", "that", "following" or "was", or — its colon lost — with
    /// no full stop, right before a quotation. One that points back at the inspection ("the
    /// initial inspection") introduces whatever follows unless it carries on in lower case (a
    /// list); one that only says "found" or "weakness" must be followed by a quotation or a
    /// heading. So a finding such as "Inspectors found that leaders have improved the local
    /// offer." is never one, however short, and nor are "Inspectors found that leaders have:"
    /// or "Inspectors found that:" before a list of what leaders did.
    func isLeadIn(_ index: Int) -> Bool {
        guard index >= 0, index < paragraphs.count else { return false }
        let text = lowered[index]
        guard text.utf8.count <= 250, let last = RevisitVerdict.words(text).last, Self.leadInEndWords.contains(last),
              weaknessVerdicts(index).isEmpty else { return false }
        let next = index + 1 < paragraphs.count ? paragraphs[index + 1] : nil
        let nextIsQuotation = next.map { LetterQuotation.opening($0.text) != nil } ?? false
        let refersBack = Self.backReferences.contains(where: text.contains)
        let saysFound = ["found", "identified", "weakness"].contains(where: text.contains)
        if text.hasSuffix(":") {
            if refersBack { return !(next?.text.first?.isLowercase ?? false) }
            return saysFound && (nextIsQuotation || next?.isHeading == true)
        }
        let unfinished = !(text.last.map { ".!?;".contains($0) } ?? false)
        return unfinished && (refersBack || saysFound) && nextIsQuotation
    }

    /// The quotation a lead-in carries in its own paragraph ("At the initial inspection,
    /// inspectors found that ‘leaders do not …’."), when paragraph `index` is one.
    func inlineLeadIn(_ index: Int) -> LetterQuotation? {
        let text = paragraphs[index].text
        guard let opener = Self.leadInOpeners.first(where: lowered[index].hasPrefix),
              let found = text.range(of: opener, options: [.caseInsensitive, .anchored]) else { return nil }
        var previous: Character = " "
        for position in text[found.upperBound...].indices {
            let character = text[position]
            if "“‘\"".contains(character), previous == " " || previous == ":" {
                guard let quotation = LetterQuotation.opening(String(text[position...])),
                      RevisitVerdict.words(quotation.quote).count >= 4 else { return nil }
                return quotation
            }
            previous = character
        }
        return nil
    }

    // MARK: Headings

    /// What a heading that numbers an area of significant weakness holds.
    enum SectionMark {
        /// A heading such as "Area of significant weakness 2" or "Weakness 3: …", with any
        /// text after the number (a title, or the quoted weakness itself).
        case heading(inline: String)
        /// The paragraph after a heading that was only a number ("### 2."): it begins the part.
        case numbered
    }

    /// How numbered headings begin, longest first.
    static let headingPrefixes = [
        "area of significant weakness", "area of serious weakness", "significant area of weakness", "significant weakness",
        "area of weakness", "serious weakness", "weakness",
    ]

    /// Roman numerals letters number headings with.
    static let romanNumerals: Set<String> = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]

    /// The numbered heading paragraph `index` is, if it is one.
    func sectionMark(_ index: Int) -> SectionMark? {
        let paragraph = paragraphs[index]
        if paragraph.isNumberedHeading {
            return paragraph.isHeading ? .heading(inline: paragraph.text) : .numbered
        }
        let text = paragraph.text
        var rest = Substring(text)
        if let prefix = Self.headingPrefixes.first(where: { lowered[index].hasPrefix($0 + " ") }),
           let found = text.range(of: prefix + " ", options: [.caseInsensitive, .anchored]) {
            rest = text[found.upperBound...]
            for word in ["number ", "no. ", "no "] where rest.lowercased().hasPrefix(word) { rest = rest.dropFirst(word.count) }
        } else if !paragraph.isHeading {
            return nil
        }
        let token = rest.prefix { $0.isLetter || $0.isNumber }
        let lowerToken = token.lowercased()
        guard !token.isEmpty, RevisitVerdict.number(lowerToken) != nil || Self.romanNumerals.contains(lowerToken) else { return nil }
        let after = rest.dropFirst(token.count)
        // The number must end there: "Weakness 3:", "Weakness 3 – …", never "Weakness 3rd".
        guard after.isEmpty || after.first.map({ " .:)–—-".contains($0) }) == true else { return nil }
        let inline = after.drop { " .:)–—-".contains($0) }
        return .heading(inline: String(inline))
    }

    // MARK: Sections

    /// The weaknesses of paragraphs `range` that a lead-in or numbered heading marks.
    ///
    /// Throws when a lead-in has nothing quoted after it.
    func markedSections(in range: Range<Int>) throws -> [RevisitSection] {
        var sections: [RevisitSection] = []
        var index = range.lowerBound
        // A heading whose weakness comes after a lead-in of its own starts that part.
        var headingStart: Int?
        while index < range.upperBound {
            if isLeadIn(index) {
                let quoteIndex = index + 1
                guard quoteIndex < range.upperBound, !isLeadIn(quoteIndex), weaknessVerdicts(quoteIndex).isEmpty else {
                    let position = sections.count + 1
                    throw WSoAError.letterFieldMissing(field: LetterField.judgements.description,
                                                       hint: "nothing is quoted after '\(Self.quoted(paragraphs[index].text))' (lead-in \(position))")
                }
                let span = quoteSpan(from: quoteIndex, limit: range.upperBound)
                sections.append(RevisitSection(start: headingStart ?? index,
                                               quoteStart: quoteIndex, quoteEnd: span.end, quote: span.quote, remainder: span.remainder))
                headingStart = nil
                index = span.end + 1
                continue
            }
            if let quotation = inlineLeadIn(index) {
                let span = quoteSpan(quotation, at: index, limit: range.upperBound)
                sections.append(RevisitSection(start: headingStart ?? index,
                                               quoteStart: index, quoteEnd: span.end, quote: span.quote, remainder: span.remainder))
                headingStart = nil
                index = span.end + 1
                continue
            }
            guard let mark = sectionMark(index) else {
                index += 1
                continue
            }
            var next = index
            switch mark {
            case let .heading(inline):
                if RevisitVerdict.words(inline).count >= 5, RevisitVerdict.reading(of: inline, standalone: true) == nil {
                    // The heading holds the weakness itself ("Weakness 3: The quality of …").
                    var span = (quote: inline, end: index, remainder: "")
                    if let quotation = LetterQuotation.opening(inline), quotation.endsSentence {
                        span = quoteSpan(quotation, at: index, limit: range.upperBound)
                    }
                    sections.append(RevisitSection(start: index, quoteStart: index, quoteEnd: span.end,
                                                   quote: span.quote, remainder: span.remainder))
                    index = span.end + 1
                    continue
                }
                next = index + 1
            case .numbered:
                break
            }
            // A judgement may stand under the heading, before the weakness it judges.
            while next < range.upperBound, next < index + 3, weaknessVerdicts(next).contains(where: \.standalone) { next += 1 }
            guard next < range.upperBound else { break }
            if isLeadIn(next) || inlineLeadIn(next) != nil {
                headingStart = index
                index = next
                continue
            }
            if sectionMark(next) == nil || next == index, weaknessVerdicts(next).isEmpty {
                let span = quoteSpan(from: next, limit: range.upperBound)
                sections.append(RevisitSection(start: index, quoteStart: next, quoteEnd: span.end,
                                               quote: span.quote, remainder: span.remainder))
                index = span.end + 1
                continue
            }
            index += 1
        }
        return sections
    }

    /// Words that show a quotation is someone's speech, not a weakness.
    static let firstPerson: Set<String> = ["i", "we", "my", "our", "me", "us"]

    /// Verbs that attribute a quotation to a speaker ("… said one parent").
    static let attributionVerbs: Set<String> = [
        "said", "says", "told", "tell", "commented", "explained", "remarked", "added", "according", "described",
        "shared", "reported", "stated",
    ]

    /// Who letters quote besides the inspection report.
    static let speakers: Set<String> = [
        "parent", "parents", "carer", "carers", "family", "families", "young", "child", "children", "pupil", "pupils",
        "student", "students", "person", "people", "leader", "leaders", "headteacher", "professional", "practitioner",
    ]

    /// Whether paragraph `index` opens by quoting a weakness, with nothing to introduce it.
    ///
    /// The quotation must be a whole statement (it ends a sentence) of four words or more, in
    /// the third person, not a judgement, and not attributed to a speaker: so "‘The local
    /// offer is poor.’ Leaders have since …" is one, and "“We feel listened to now,” one
    /// parent said." is not.
    func isQuotedWeakness(_ index: Int) -> Bool {
        guard let quotation = LetterQuotation.opening(paragraphs[index].text), quotation.endsSentence else { return false }
        let words = RevisitVerdict.words(quotation.quote.lowercased())
        guard words.count >= 4, !words.contains(where: Self.firstPerson.contains),
              RevisitVerdict.reading(of: quotation.quote, standalone: true) == nil else { return false }
        let following = RevisitVerdict.words(quotation.rest.lowercased()).prefix(6)
        if let first = following.first, Self.attributionVerbs.contains(first) { return false }
        return !(following.contains(where: Self.attributionVerbs.contains) && following.contains(where: Self.speakers.contains))
    }

    /// The weaknesses of paragraphs `range` given as quotations alone, for a letter that
    /// neither introduces nor numbers them.
    func quotedSections(in range: Range<Int>) -> [RevisitSection] {
        var sections: [RevisitSection] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard isQuotedWeakness(index) else {
                index += 1
                continue
            }
            let span = quoteSpan(from: index, limit: range.upperBound)
            sections.append(RevisitSection(start: index, quoteStart: index, quoteEnd: span.end,
                                           quote: span.quote, remainder: span.remainder))
            index = span.end + 1
        }
        return sections
    }

    // MARK: Quotes

    /// The weakness quoted from paragraph `index` on: its words, the last paragraph they run
    /// to, and what follows them in that paragraph.
    ///
    /// A paragraph that opens with a whole quoted statement gives the quotation (findings may
    /// follow it); any other paragraph is the weakness as it stands, quotation marks and all.
    func quoteSpan(from index: Int, limit: Int) -> (quote: String, end: Int, remainder: String) {
        let text = paragraphs[index].text
        guard let quotation = LetterQuotation.opening(text), quotation.endsSentence else {
            return (text, index, "")
        }
        return quoteSpan(quotation, at: index, limit: limit)
    }

    /// `quotation`, found in paragraph `index`, completed from the next paragraphs when a page
    /// break cut it before its closing mark (at most three, and never past a judgement,
    /// lead-in or heading).
    func quoteSpan(_ quotation: LetterQuotation, at index: Int, limit: Int) -> (quote: String, end: Int, remainder: String) {
        guard !quotation.isClosed else { return (quotation.quote, index, quotation.rest) }
        var parts = [quotation.quote]
        var next = index + 1
        while next < min(limit, index + 4) {
            if let closing = LetterQuotation.closing(paragraphs[next].text, closer: quotation.closer) {
                parts.append(closing.quote)
                return (parts.joined(separator: " "), next, closing.rest)
            }
            if !weaknessVerdicts(next).isEmpty || isLeadIn(next) || sectionMark(next) != nil { break }
            parts.append(paragraphs[next].text)
            next += 1
        }
        return (quotation.quote, index, "")
    }
}
