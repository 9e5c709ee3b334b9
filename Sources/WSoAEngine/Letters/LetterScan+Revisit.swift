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

        let (judgements, openingEnd, closingStart) = try self.judgements()
        let opening = bodyStart..<openingEnd
        let originalLetterDate = firstDate(in: opening, after: [
            "letter published on ", "report published on ", "report letter published on ", "letter dated ",
            "published on ", "letter of ",
        ])
        let issued = datedSentence(in: opening, mentioning: ["statement of action", "wsoa"], and: "issued", field: .statementIssued)
        let fit = datedSentence(in: bodyStart..<paragraphs.count, mentioning: ["fit for purpose"], and: "fit for purpose", field: .fitForPurpose)

        let lastVerdict = closingStart ?? bodyStart
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
                 .statementIssued, .fitForPurpose, .judgements, .cessation, .outcome, .previousInspection,
                 .areasForPriorityAction, .areasForImprovement, .nextInspection, .monitoringInspection:
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

    /// The judgements, with where the opening paragraphs end (the summary and the dates it
    /// cites are read there) and where the closing paragraphs begin (after the last verdict).
    typealias Judgements = (judgements: [QuotedJudgement], openingEnd: Int, closingStart: Int?)

    /// Each weakness as quoted, with its judgement.
    ///
    /// The findings are cut into one part per weakness — marked by lead-ins ("The initial
    /// inspection found that:"), numbered headings, or, failing both, quotations of the
    /// weakness — and each part's own verdict is used wherever it stands in the part: before
    /// the findings, after them, or under the heading. A part without one takes the summary
    /// paragraph's judgement when the summary names it, or says all or none made sufficient
    /// progress. Without any such marks, each weakness is taken as the first paragraph after
    /// the previous verdict (or after "Main findings"), with a warning.
    mutating func judgements() throws -> Judgements {
        let findingsHeading = (bodyStart..<paragraphs.count).first(where: isFindingsHeading)
        let from = findingsHeading.map { $0 + 1 } ?? bodyStart
        let signOff = letter.signOffIndex.flatMap { $0 > from ? $0 : nil } ?? paragraphs.count
        var sections = try markedSections(in: from..<signOff)
        if sections.isEmpty { sections = quotedSections(in: from..<signOff) }
        let closingStart = (bodyStart..<paragraphs.count).last(where: { !weaknessVerdicts($0).isEmpty }).map { $0 + 1 }
        guard let first = sections.first else {
            let judgements = try positionalJudgements(after: findingsHeading)
            return (judgements, min(paragraphs.count, bodyStart + 6), closingStart)
        }
        let openingEnd = min(findingsHeading ?? first.start, first.start)
        let summary = RevisitSummary(Array(paragraphs[bodyStart..<max(bodyStart, openingEnd)]))
        let placements = summary.placements(of: sections.map(\.quote))
        // A letter that puts each verdict before its weakness's lead-in shows it before the first.
        let verdictsLead = (from..<first.start).contains { weaknessVerdicts($0).contains(where: \.standalone) }
        var judgements: [QuotedJudgement] = []
        for (position, section) in sections.enumerated() {
            let end = position + 1 < sections.count ? sections[position + 1].start : signOff
            let own: RevisitVerdict?
            if verdictsLead {
                let after = position == 0 ? from : sections[position - 1].quoteEnd + 1
                own = try verdict(of: section, position: position, in: [after..<section.quoteStart], remainder: "")
            } else {
                own = try verdict(of: section, position: position,
                                  in: [section.start..<section.quoteStart, (section.quoteEnd + 1)..<max(section.quoteEnd + 1, end)],
                                  remainder: section.remainder)
            }
            if let own {
                judgements.append(QuotedJudgement(quote: section.quote, outcome: own.outcome, verdict: own.sentence))
                if case let .judged(said, _) = placements[position], said != own.outcome {
                    warn(.judgements, "the summary paragraph says the \(Self.ordinal(position + 1)) weakness ('\(Self.quoted(section.quote))') \(Self.progressPhrase(said)), but the judgement beside it says it \(Self.progressPhrase(own.outcome)), which is used.")
                }
                continue
            }
            switch placements[position] {
            case let .judged(outcome, sentence):
                judgements.append(QuotedJudgement(quote: section.quote, outcome: outcome, verdict: sentence))
            case let .unsaid(reason):
                let after = max(0, end - section.quoteEnd - 1)
                let span = position + 1 < sections.count ? "before the next weakness" : "to the end of the letter"
                let looked = after == 0 ? "in the paragraphs after it (there are none \(span))"
                    : "in the \(after == 1 ? "paragraph" : "\(after) paragraphs") after it, \(span)"
                throw WSoAError.letterFieldMissing(field: LetterField.judgements.description,
                                                   hint: "no judgement was found for the \(Self.ordinal(position + 1)) quoted weakness ('\(Self.quoted(section.quote))') \(looked), \(reason)")
            }
        }
        checkCounts(summary, against: judgements)
        return (judgements, openingEnd, closingStart)
    }

    /// The verdict of `section` among paragraphs `ranges` and the `remainder` of its quote's
    /// paragraph, or nil when there is none.
    ///
    /// A verdict set apart in a paragraph of its own is preferred to one inside the findings.
    /// Two that disagree are refused, since either could be the one meant.
    func verdict(of section: RevisitSection, position: Int, in ranges: [Range<Int>], remainder: String) throws -> RevisitVerdict? {
        var found: [(verdict: RevisitVerdict, standalone: Bool)] = []
        for range in ranges {
            for index in range where index < paragraphs.count { found += weaknessVerdicts(index) }
        }
        for sentence in LetterSentences.split(remainder) {
            if let verdict = RevisitVerdict.reading(of: sentence, standalone: false), verdict.scope == .weakness {
                found.append((verdict, false))
            }
        }
        let preferred = found.contains(where: \.standalone) ? found.filter(\.standalone) : found
        guard let first = preferred.first else { return nil }
        if let other = preferred.first(where: { $0.verdict.outcome != first.verdict.outcome }) {
            throw WSoAError.letterFieldMissing(field: LetterField.judgements.description,
                                               hint: "the \(Self.ordinal(position + 1)) quoted weakness ('\(Self.quoted(section.quote))') is judged both ways, '\(Self.quoted(first.verdict.sentence))' and '\(Self.quoted(other.verdict.sentence))'")
        }
        return first.verdict
    }

    /// Warns when the summary's counts disagree with the weaknesses and judgements read.
    mutating func checkCounts(_ summary: RevisitSummary, against judgements: [QuotedJudgement]) {
        if let total = summary.total, total != judgements.count {
            warn(.judgements, "the summary paragraph counts \(total) significant weaknesses but \(judgements.count) were found quoted, so check them.")
            return
        }
        for outcome in [WeaknessOutcome.sufficient, .insufficient] {
            let read = judgements.filter { $0.outcome == outcome }.count
            if let stated = summary.stated(outcome, of: judgements.count), stated != read {
                warn(.judgements, "the summary paragraph says \(stated) of the weaknesses \(Self.progressPhrase(outcome)), but the letter judges \(read) so beside them, so check them.")
                return
            }
        }
    }

    /// "made sufficient progress" or "did not make sufficient progress", for warnings.
    static func progressPhrase(_ outcome: WeaknessOutcome) -> String {
        switch outcome {
        case .sufficient: return "made sufficient progress"
        case .insufficient: return "did not make sufficient progress"
        case .open: return "is not yet judged"
        }
    }

    /// "1st", "2nd", "3rd", "4th", "11th", "22nd": a weakness's place, for refusals.
    static func ordinal(_ number: Int) -> String {
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix)"
    }

    /// Judgements for a letter with neither lead-ins, numbered headings nor quotations: each
    /// weakness is the first paragraph after the previous verdict, or after "Main findings".
    mutating func positionalJudgements(after findingsHeading: Int?) throws -> [QuotedJudgement] {
        let verdicts = (bodyStart..<paragraphs.count).filter { !weaknessVerdicts($0).isEmpty }
        guard !verdicts.isEmpty else {
            throw WSoAError.letterFieldMissing(field: LetterField.judgements.description,
                                               hint: "no sentence says the area 'has made sufficient progress' or 'has not made sufficient progress' in addressing an area of significant weakness")
        }
        var judgements: [QuotedJudgement] = []
        var previous = findingsHeading ?? -1
        for index in verdicts {
            let quoteIndex = previous + 1
            guard previous >= 0, quoteIndex < index, let found = weaknessVerdicts(index).first?.verdict else {
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
