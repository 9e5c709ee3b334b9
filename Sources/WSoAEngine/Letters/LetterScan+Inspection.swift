import Foundation

extension LetterScan {
    /// Reads an inspection outcome letter's fields, applying `overrides`.
    mutating func inspection(_ overrides: LetterOverrides) throws -> LetterReading<InspectionLetter> {
        let readArea = self.area()
        let area = try resolve(.area, read: readArea, given: overrides.area, show: { $0 },
                               hint: "there is no 'Joint local area SEND inspection in …' heading or 'the local area of …' in the opening sentence")
        let dateLine = letterDateLine()
        let letterDate = try resolve(.letterDate, read: dateLine?.day, given: overrides.letterDate, show: \.longDescription,
                                     hint: "no line above 'Dear …' is a date such as '23 April 2018'")
        let visit = try resolve(.visit, read: self.visit(), given: overrides.visit, show: \.longDescription,
                                hint: "no date range such as 'Between 26 February 2018 and 8 March 2018' or 'From 11 to 15 July 2016' was found")
        checkOrder(letterDate: letterDate, visit: visit)

        let addressees = LetterAddressees(lines: addresseeLines(after: dateLine.map { ($0.paragraph, $0.line) }), area: readArea ?? area)
        warnings += addressees.warnings
        let localAuthority = resolveOptional(.localAuthority, read: addressees.localAuthority, given: overrides.localAuthority, show: { $0 })
        let healthPartner = resolveOptional(.healthPartner, read: addressees.healthPartner, given: overrides.healthPartner, show: { $0 })
        let officer = resolveOptional(.nominatedOfficer, read: addressees.nominatedOfficer, given: overrides.nominatedOfficer, show: { $0 })

        let listed = weaknessList()
        var required = statementRequirement()
        if required == nil, !listed.isEmpty {
            warn(.statementRequired, "no sentence says a written statement of action is required, but the letter lists areas of significant weakness, so one is taken to be required.")
            required = true
        }
        if required == nil, letter.signOffIndex == nil {
            warn(.statementRequired, "the letter has no 'Yours sincerely' and may be cut short, and what there is does not require a written statement of action.")
        }
        let statementRequired = try resolve(.statementRequired, read: required ?? false, given: overrides.statementRequired,
                                            show: { $0 ? "a statement is required" : "no statement is required" }, hint: "")
        var weaknesses: [String] = []
        if statementRequired {
            weaknesses = try resolve(.weaknesses, read: listed.isEmpty ? nil : listed, given: overrides.weaknesses,
                                     show: { "\($0.count) weaknesses" },
                                     hint: "the letter requires a written statement of action but the list after 'the following areas of significant weakness:' is missing")
        } else if let given = overrides.weaknesses, !given.isEmpty {
            warnings.removeAll { $0.field == .weaknesses }
            warn(.weaknesses, "weaknesses were given but the letter requires no written statement of action.")
            weaknesses = given
        }
        let facts = InspectionLetter(area: area, letterDate: letterDate, visit: visit, localAuthority: localAuthority,
                                     healthPartner: healthPartner, nominatedOfficer: officer,
                                     statementRequired: statementRequired, weaknesses: weaknesses)
        return LetterReading(facts: facts, warnings: warnings)
    }

    /// Whether a sentence requires a written statement of action (true), says none is
    /// required (false), or the letter does not say (nil).
    ///
    /// A letter that requires no statement usually just does not mention one (Stoke-on-Trent,
    /// 2016), so silence reads as "not required"; the caller warns when the letter may be
    /// cut short.
    mutating func statementRequirement() -> Bool? {
        let about = sentences(in: bodyStart..<paragraphs.count) {
            $0.contains("statement of action") || $0.contains("wsoa")
        }
        let negatives = ["not required", "no written statement", "not need", "does not require", "not be required", "is not necessary"]
        var positive = false
        var negative = false
        for (_, sentence) in about {
            let lower = sentence.lowercased()
            if negatives.contains(where: lower.contains) {
                negative = true
            } else if lower.contains("required") || lower.contains("must produce") || lower.contains("must submit") {
                positive = true
            }
        }
        switch (positive, negative) {
        case (true, true):
            warn(.statementRequired, "the letter both requires a written statement of action and says one is not required, so it is taken to be required.")
            return true
        case (true, false): return true
        case (false, true): return false
        case (false, false): return nil
        }
    }

    /// The areas of significant weakness listed after the letter's lead-in ("… tackle the
    /// following areas of significant weakness:"), each joined onto one line and cleaned.
    mutating func weaknessList() -> [String] {
        guard let leadIn = (bodyStart..<paragraphs.count).first(where: { index in
            let text = lowered[index]
            return text.contains("weakness") && (text.contains("following area") || (text.hasSuffix(":") && text.contains("significant weakness")))
        }) else { return [] }
        var items: [String] = []
        var sawBullet = false
        var index = leadIn + 1
        while index < paragraphs.count, items.count <= 20 {
            let paragraph = paragraphs[index]
            if LetterText.isSignOff(paragraph.text) || paragraph.isHeading { break }
            if paragraph.isBullet {
                sawBullet = true
                items.append(paragraph.text)
            } else if sawBullet {
                break
            } else {
                items += Self.splitUnbulleted(paragraph.lines)
            }
            index += 1
        }
        if items.count > 20 {
            items = Array(items.prefix(20))
            warn(.weaknesses, "the list of weaknesses runs on past 20 items, so only the first 20 were kept.")
        }
        if !sawBullet, items.count > 1 {
            warn(.weaknesses, "the weaknesses have no bullets, so each paragraph after the lead-in was taken as one weakness.")
        }
        return items.map(Self.cleanListItem).filter { !$0.isEmpty }
    }

    /// Splits unbulleted, hard-wrapped list lines into items where a line ends a sentence and
    /// the next begins with a capital.
    static func splitUnbulleted(_ lines: [String]) -> [String] {
        var items: [String] = []
        var current = ""
        for line in lines {
            if current.isEmpty {
                current = line
                continue
            }
            let endsItem = current.hasSuffix(".") || current.hasSuffix(";")
            if endsItem, line.first?.isUppercase == true {
                items.append(current)
                current = line
            } else {
                current += " " + line
            }
        }
        if !current.isEmpty { items.append(current) }
        return items
    }

    /// A list item without the list's own punctuation ("…;", "…; and").
    static func cleanListItem(_ item: String) -> String {
        var text = item.split(whereSeparator: { $0 == " " }).joined(separator: " ")
        for joiner in ["; and", "; or", ", and", ";", ","] where text.hasSuffix(joiner) {
            text = String(text.dropLast(joiner.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        return text
    }
}
