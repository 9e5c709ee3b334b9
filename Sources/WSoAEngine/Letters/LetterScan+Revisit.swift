import Foundation

extension LetterScan {
    /// Reads a revisit letter's fields, applying `overrides`.
    mutating func revisit(_ overrides: LetterOverrides) throws -> LetterReading<RevisitLetter> {
        let readArea = self.area()
        let area = try resolve(.area, read: readArea, given: overrides.area, show: { $0 },
                               hint: "there is no 'Joint local area SEND revisit in …' heading or 'revisited …' in the opening sentence")
        let dateLine = letterDateLine()
        let letterDate = try resolve(.letterDate, read: dateLine?.day, given: overrides.letterDate, show: \.longDescription,
                                     hint: "no line above 'Dear …' is a date such as '26 September 2022'")
        let visit = try resolve(.visit, read: self.visit(), given: overrides.visit, show: \.longDescription,
                                hint: "no date range such as 'Between 11 and 13 July 2022' was found")
        checkOrder(letterDate: letterDate, visit: visit)

        let judgements = try self.judgements()
        let opening = bodyStart..<(firstLeadIn() ?? min(paragraphs.count, bodyStart + 6))
        let originalLetterDate = firstDate(in: opening, after: [
            "letter published on ", "report published on ", "report letter published on ", "letter dated ",
            "published on ", "letter of ",
        ])
        let issued = datedSentence(in: opening, mentioning: ["statement of action", "wsoa"], and: "issued", field: .statementIssued)
        let fit = datedSentence(in: bodyStart..<paragraphs.count, mentioning: ["fit for purpose"], and: "fit for purpose", field: .fitForPurpose)

        let lastVerdict = judgementEnd ?? bodyStart
        let ceaseSentences = sentences(in: lastVerdict..<paragraphs.count, where: Self.mentionsCeasing)
            + sentences(in: bodyStart..<lastVerdict, where: Self.mentionsCeasing)
        let cessation = ceaseSentences.first?.sentence
        let anyInsufficient = judgements.contains { $0.outcome == .insufficient }
        let negated = cessation.map { text in
            let lower = text.lowercased()
            return ["not cease", "should not", "will not", "not be ceas"].contains(where: lower.contains)
        } ?? false
        let ceaseRecommended = cessation != nil && !anyInsufficient && !negated
        if cessation == nil, !anyInsufficient {
            warn(.cessation, "every weakness was judged sufficient but no sentence says the monitoring visits will or should cease.")
        }
        let app = lowered.contains { $0.contains("accelerated progress plan") }
        if anyInsufficient, !app {
            warn(.judgements, "a weakness was judged not to have made sufficient progress but the letter does not mention an accelerated progress plan.")
        }

        let addressees = LetterAddressees(lines: addresseeLines(after: dateLine.map { ($0.paragraph, $0.line) }), area: readArea ?? area)
        // Addressees are a by-product of a revisit letter: only the doubts about names found are kept.
        warnings += addressees.warnings.filter { warning in
            switch warning.field {
            case .localAuthority: return addressees.localAuthority != nil
            case .healthPartner: return addressees.healthPartner != nil
            case .nominatedOfficer: return addressees.nominatedOfficer != nil
            case .area, .letterDate, .visit, .statementRequired, .weaknesses, .originalLetterDate,
                 .statementIssued, .fitForPurpose, .judgements, .cessation:
                return true
            }
        }
        let facts = RevisitLetter(
            area: area, letterDate: letterDate, visit: visit, originalLetterDate: originalLetterDate,
            statementIssued: issued, fitForPurpose: fit, judgements: judgements, cessation: cessation,
            monitoringCeaseRecommended: ceaseRecommended, acceleratedProgressPlan: app,
            localAuthority: resolveOptional(.localAuthority, read: addressees.localAuthority, given: overrides.localAuthority, show: { $0 }),
            healthPartner: resolveOptional(.healthPartner, read: addressees.healthPartner, given: overrides.healthPartner, show: { $0 }),
            nominatedOfficer: resolveOptional(.nominatedOfficer, read: addressees.nominatedOfficer, given: overrides.nominatedOfficer, show: { $0 }))
        return LetterReading(facts: facts, warnings: warnings)
    }

    /// Whether a lower-cased sentence talks about monitoring or visits ceasing.
    static func mentionsCeasing(_ lower: String) -> Bool {
        (lower.contains("cease") || lower.contains("ceasing")) && (lower.contains("visit") || lower.contains("monitoring"))
    }

    // MARK: Judgements

    /// Whether paragraph `index` introduces a quoted weakness ("The initial inspection found that:").
    func isLeadIn(_ index: Int) -> Bool {
        let text = lowered[index]
        guard text.utf8.count <= 250 else { return false }
        return text.contains("inspection found") || text.contains("inspectors found")
            || (text.hasSuffix(":") && text.contains("found"))
    }

    /// The first lead-in's index.
    func firstLeadIn() -> Int? {
        (bodyStart..<paragraphs.count).first(where: isLeadIn)
    }

    /// The index just after the last verdict, where the closing paragraphs begin.
    var judgementEnd: Int? {
        (bodyStart..<paragraphs.count).last(where: { verdict(in: $0) != nil }).map { $0 + 1 }
    }

    /// The verdict sentence in paragraph `index` and its outcome, if it has one.
    ///
    /// A verdict is about *this* weakness ("… in addressing this area of significant
    /// weakness"); the summary about all of them ("… all four of the significant weaknesses")
    /// is not one.
    func verdict(in index: Int) -> (sentence: String, outcome: WeaknessOutcome)? {
        let text = lowered[index]
        guard text.contains("progress"), text.contains("this area") || text.contains("this weakness")
            || text.contains("this significant weakness") || text.contains("this serious weakness") else { return nil }
        for sentence in LetterSentences.split(paragraphs[index].text) {
            let lower = sentence.lowercased()
            guard lower.contains("progress"), lower.contains("this area") || lower.contains("this weakness")
                || lower.contains("this significant weakness") || lower.contains("this serious weakness") else { continue }
            let negatives = ["not made sufficient", "not made enough", "insufficient progress", "not yet made sufficient",
                             "has not made", "have not made", "not sufficient progress"]
            if negatives.contains(where: lower.contains) { return (sentence, .insufficient) }
            if lower.contains("sufficient progress") || lower.contains("enough progress") { return (sentence, .sufficient) }
        }
        return nil
    }

    /// Each weakness as quoted after its lead-in, with the verdict that follows it.
    ///
    /// Without lead-ins, each weakness is taken as the first paragraph after the previous
    /// verdict (or after "Main findings"), with a warning.
    mutating func judgements() throws -> [QuotedJudgement] {
        let leadIns = (bodyStart..<paragraphs.count).filter(isLeadIn)
        var judgements: [QuotedJudgement] = []
        if !leadIns.isEmpty {
            for (position, leadIn) in leadIns.enumerated() {
                let end = position + 1 < leadIns.count ? leadIns[position + 1] : paragraphs.count
                let quoteIndex = leadIn + 1
                guard quoteIndex < end, verdict(in: quoteIndex) == nil else {
                    throw WSoAError.letterFieldMissing(field: LetterField.judgements.description,
                                                       hint: "nothing is quoted after '\(Self.quoted(paragraphs[leadIn].text))' (lead-in \(position + 1))")
                }
                var verdictFound: (sentence: String, outcome: WeaknessOutcome)?
                for index in (quoteIndex + 1)..<end {
                    verdictFound = verdict(in: index)
                    if verdictFound != nil { break }
                }
                guard let found = verdictFound else {
                    throw WSoAError.letterFieldMissing(field: LetterField.judgements.description,
                                                       hint: "no verdict ('has made sufficient progress' or 'has not made sufficient progress' in addressing this area of significant weakness) follows the weakness quoted as '\(Self.quoted(paragraphs[quoteIndex].text))'")
                }
                judgements.append(QuotedJudgement(quote: Self.cleanQuote(paragraphs[quoteIndex].text),
                                                  outcome: found.outcome, verdict: found.sentence))
            }
            return judgements
        }
        let verdicts = (bodyStart..<paragraphs.count).filter { verdict(in: $0) != nil }
        guard !verdicts.isEmpty else {
            throw WSoAError.letterFieldMissing(field: LetterField.judgements.description,
                                               hint: "no sentence says the area 'has made sufficient progress' or 'has not made sufficient progress' in addressing an area of significant weakness")
        }
        let findings = (bodyStart..<paragraphs.count).first { lowered[$0] == "main findings" }
        var previous = findings ?? -1
        for index in verdicts {
            let quoteIndex = previous + 1
            guard previous >= 0, quoteIndex < index, let found = verdict(in: index) else {
                throw WSoAError.letterFieldMissing(field: LetterField.judgements.description,
                                                   hint: "the letter judges a weakness but does not quote it after 'The initial inspection found that:'")
            }
            judgements.append(QuotedJudgement(quote: Self.cleanQuote(paragraphs[quoteIndex].text),
                                              outcome: found.outcome, verdict: found.sentence))
            previous = index
        }
        warn(.judgements, "there are no 'The initial inspection found that:' lead-ins, so each weakness was taken as the first paragraph after the previous judgement; check them.")
        return judgements
    }

    /// A quoted weakness without surrounding quotation marks.
    static func cleanQuote(_ text: String) -> String {
        var quote = text
        let pairs: [(Character, Character)] = [("“", "”"), ("\"", "\""), ("‘", "’"), ("'", "'")]
        for (open, close) in pairs where quote.count > 2 && quote.first == open && quote.last == close {
            let inner = quote.dropFirst().dropLast()
            if !inner.contains(open) { quote = String(inner) }
            break
        }
        return quote
    }

    // MARK: Dates mentioned

    /// The first date written right after any of `phrases` in paragraphs `range`.
    func firstDate(in range: Range<Int>, after phrases: [String]) -> Day? {
        for index in range where index < paragraphs.count {
            for phrase in phrases where lowered[index].contains(phrase) {
                if let day = Self.date(after: phrase, in: paragraphs[index].text, window: 4) { return day }
            }
        }
        return nil
    }

    /// The date after `anchor` in the first sentence of `range` that mentions one of `topics`
    /// and `anchor`; warns when such a sentence has no date.
    mutating func datedSentence(in range: Range<Int>, mentioning topics: [String], and anchor: String,
                                field: LetterField) -> Day? {
        let candidates = sentences(in: range) { lower in
            topics.contains(where: lower.contains) && lower.contains(anchor)
        }
        for (_, sentence) in candidates {
            if let day = Self.date(after: anchor, in: sentence, window: 8) { return day }
        }
        if let first = candidates.first {
            warn(field, "the letter mentions it ('\(Self.quoted(first.sentence))') but gives no full date.")
        }
        return nil
    }
}
