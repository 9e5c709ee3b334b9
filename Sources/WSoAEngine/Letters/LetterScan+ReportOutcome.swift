extension LetterScan {
    /// The text of the report's "Inspection outcome" section, on one line, and whether the
    /// heading was found.
    struct ReportOutcomeSection: Hashable, Sendable {
        /// The section's words.
        var text: String
        /// Whether the text is the section under its heading (else the top of the report).
        var underHeading: Bool
    }

    /// The outcome section: from its heading to the next section ("Information about the
    /// local area partnership", "What is it like …", a findings heading), at most 40 lines;
    /// without a heading, the first 40 lines of the report.
    func outcomeSection(_ lines: [AreaReportText.Line], heading: (index: Int, lines: Int)?) -> ReportOutcomeSection {
        let start = heading.map { $0.index + $0.lines } ?? 0
        var texts: [String] = []
        var index = start
        while index < lines.count, index - start < 40 {
            let text = lines[index].text
            if heading != nil, Self.startsReportSection(text) || AreaReportHeading.allCases.contains(where: { $0.matches(text) }) {
                break
            }
            texts.append(text)
            index += 1
        }
        var joined = Self.flattened(texts.joined(separator: " "))
        // "and/ or" and "and /or" when the converter broke the line at the slash.
        joined = joined.replacingOccurrences(of: "/ ", with: "/").replacingOccurrences(of: " /", with: "/")
        return ReportOutcomeSection(text: joined, underHeading: heading != nil)
    }

    /// Whether `text` opens one of the report's narrative sections.
    static func startsReportSection(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["information about the local area", "what is it like to be", "what is the area partnership",
                "what does the area partnership", "what is the local area partnership", "what does the local area partnership"]
            .contains { lower.hasPrefix($0) }
    }

    /// The outcome: the one of the three fixed sentences the section states.
    mutating func reportOutcome(_ section: ReportOutcomeSection) -> InspectionOutcome? {
        let phrases: [(InspectionOutcome, String)] = [
            (.widespreadSystemic, "systemic failings"), (.inconsistent, "inconsistent experiences and outcomes"),
            (.positive, "positive experiences and outcomes"),
        ]
        let text = section.text.lowercased()
        var found: [(outcome: InspectionOutcome, at: String.Index)] = []
        for (outcome, phrase) in phrases {
            if let range = text.range(of: phrase) { found.append((outcome, range.lowerBound)) }
        }
        found.sort { $0.at < $1.at }
        guard let first = found.first else { return nil }
        if !section.underHeading {
            warn(.outcome, "the report has no 'Inspection outcome' heading, so the outcome was read from the sentence near the top that says '\(first.outcome.reportWords)'; check it.")
        }
        if found.count > 1 {
            let others = found.dropFirst().map { "'\($0.outcome.reportWords)'" }.joined(separator: " and ")
            warn(.outcome, "the outcome section says '\(first.outcome.reportWords)' but also \(others), so the first is used; check it.")
        }
        return first.outcome
    }

    /// The horizons the section states: the next full inspection "within approximately three
    /// years" and the monitoring inspection "within approximately 18 months", with warnings
    /// where they are missing or disagree with the outcome.
    mutating func reportHorizons(_ section: ReportOutcomeSection, outcome: InspectionOutcome) -> (years: Int?, months: Int?) {
        var years: Int?
        var months: Int?
        for sentence in LetterSentences.split(section.text).map({ $0.lowercased() }) {
            let words = sentence.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }).map(String.init)
            for (index, word) in words.enumerated() where ["approximately", "about", "around", "roughly"].contains(word) {
                guard index + 2 < words.count, let number = Self.number(words[index + 1]) else { continue }
                let unit = words[index + 2]
                if unit.hasPrefix("month"), sentence.contains("monitoring"), months == nil {
                    months = number
                } else if unit.hasPrefix("year"), sentence.contains("inspection"), years == nil {
                    years = number
                }
            }
        }
        if let years, years != outcome.nextInspectionYears {
            warn(.nextInspection, "the report puts the next full inspection within about \(years) years, but the framework sets \(outcome.nextInspectionYears) for this outcome; check it.")
        }
        if years == nil {
            warn(.nextInspection, "the outcome was found but no sentence says when the next full inspection will be ('within approximately … years'), so none is recorded.")
        }
        switch (outcome.requiresPriorityActionPlan, months) {
        case (true, nil):
            warn(.monitoringInspection, "the outcome is widespread and/or systemic failings but no sentence says when the monitoring inspection will be ('within approximately 18 months'), so none is recorded.")
        case let (false, found?):
            warn(.monitoringInspection, "the report mentions a monitoring inspection within about \(found) months, but its outcome (\(outcome.displayName)) brings none; check it.")
        case (true, _?), (false, nil):
            break
        }
        return (years, months)
    }

    /// A number written in digits ("18") or words ("three"), up to 60.
    static func number(_ word: String) -> Int? {
        if let value = Int(word), (1...60).contains(value) { return value }
        let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
        if let index = words.firstIndex(of: word) { return index + 1 }
        switch word {
        case "twenty-four": return 24
        case "thirty": return 30
        case "thirty-six": return 36
        default: return nil
        }
    }
}
