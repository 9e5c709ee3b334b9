import Testing
@testable import WSoAEngine

/// Parses a date the test knows is valid.
private func day(_ text: String) throws -> Day { try Day(parsing: text) }

/// A range from two dates the test knows are valid.
private func range(_ start: String, _ end: String) throws -> DayRange {
    try DayRange(start: day(start), end: day(end))
}

/// A synthetic inspection outcome letter for a made-up area, laid out like the 2016 letters.
///
/// Every field can be changed, so each test varies just what it is about.
struct SyntheticInspection {
    var date = "14 March 2019"
    var addressees = [
        "Ms Alex Example", "Director of Children's Services", "Exampleshire County Council", "County Hall",
        "Exampletown", "EX1 1AA", "",
        "Sam Sample, Accountable Officer, NHS Exampleshire Clinical Commissioning Group", "",
        "Jo Bloggs, Local Area Nominated Officer, Exampleshire County Council",
    ]
    var heading = "Joint local area SEND inspection in Exampleshire"
    var visit = "Between 4 February 2019 and 8 February 2019"
    var required = true
    var leadIn = "The local area is required to produce and submit a Written Statement of Action to Ofsted that explains how the local area will tackle the following areas of significant weakness:"
    var weaknesses = [
        "Leaders’ understanding of the local area’s effectiveness is weak.",
        "The quality of EHC plans is too variable – especially for older plans.",
    ]
    var bullet = "-"
    var signOff = true

    /// The letter's text, lines separated by "\n".
    var text: String {
        var lines = ["Ofsted", "Agora", "6 Cumberland Place", "Nottingham", "NG1 6HJ", "", "T 0300 123 1231", "", "", date, ""]
        lines += addressees
        lines += ["", "Dear Ms Example", "", heading, ""]
        lines += ["\(visit), Ofsted and the Care Quality Commission (CQC) conducted a joint inspection of the local area of Exampleshire to judge the effectiveness of the area in implementing the disability and special educational needs reforms as set out in the Children and Families Act 2014.", ""]
        lines += ["The inspection was led by one of Her Majesty’s Inspectors from Ofsted, with a team of inspectors including a Children’s Services Inspector from the CQC.", ""]
        if required {
            lines += ["As a result of the findings of this inspection, Her Majesty’s Chief Inspector (HMCI) has determined that a Written Statement of Action is required because of significant areas of weakness in the local area’s practice.", ""]
        }
        lines += ["Main findings", "", "\(bullet) Leaders know the area’s strengths well.", "\(bullet) Some families wait too long for assessments.", ""]
        if required {
            lines += [leadIn, ""]
            lines += weaknesses.map { "\(bullet) \($0)" }
            lines += [""]
        }
        if signOff {
            lines += ["Yours sincerely", "", "Pat Inspector", "Her Majesty’s Inspector"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A synthetic revisit letter for a made-up area.
struct SyntheticRevisit {
    var date = "26 September 2022"
    var visitSentence = "Between 11 and 13 July 2022, Ofsted and the Care Quality Commission (CQC) revisited the area of Exampleshire to decide whether sufficient progress has been made in addressing each of the areas of significant weakness detailed in the inspection report letter published on 24 April 2019."
    var judged: [(quote: String, sufficient: Bool)] = [
        ("Co-production with parents is underdeveloped.", true),
        ("The quality of EHC plans is too variable.", true),
    ]
    var notWording = "The area has not made sufficient progress in addressing this area of significant weakness."
    var closing = "As the area has made sufficient progress in addressing all the significant weaknesses, the formal quarterly support and challenge visits from the DfE and NHS England will cease."
    var leadIn = "At the initial inspection, inspectors found the following:"

    /// The letter's text.
    var text: String {
        var lines = ["Ofsted", "Agora", "6 Cumberland Place", "Nottingham", "NG1 6HJ", "", "", date, "",
                     "Ms Alex Example", "Director of Children’s Services", "Exampleshire County Council", "",
                     "Sam Sample, Executive Director, Example Valley Integrated Care Board", "",
                     "Dear Ms Example and Mr Sample", "", "Joint local area SEND revisit in Exampleshire", "",
                     visitSentence, "",
                     "As a result of the findings of the initial inspection, HMCI determined that a written statement of action was required. The statement was declared fit for purpose on 3 September 2019.", "",
                     "Main findings", ""]
        for (quote, sufficient) in judged {
            lines += ["- \(leadIn)", "", quote, "",
                      "Leaders have worked with families, and inspectors looked at a range of evidence about the impact.", "",
                      sufficient ? "The area has made sufficient progress in addressing this area of significant weakness." : notWording, ""]
        }
        lines += [closing, "", "Yours sincerely", "", "Pat Inspector"]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The letter readers on synthetic letters that vary one thing at a time from a baseline.
@Suite("Letters: synthetic letters")
struct LetterSyntheticTests {
    // MARK: The baseline

    @Test("the baseline synthetic letter reads field for field with no warnings")
    func baseline() throws {
        let reading = try LetterReader.readInspection(SyntheticInspection().text)
        let letter = reading.facts
        #expect(letter.area == "Exampleshire")
        #expect(letter.letterDate == (try day("2019-03-14")))
        #expect(letter.visit == (try range("2019-02-04", "2019-02-08")))
        #expect(letter.localAuthority == "Exampleshire County Council")
        #expect(letter.healthPartner == "NHS Exampleshire Clinical Commissioning Group")
        #expect(letter.nominatedOfficer == "Jo Bloggs")
        #expect(letter.statementRequired)
        #expect(letter.weaknesses == SyntheticInspection().weaknesses)
        #expect(reading.warnings.isEmpty, "\(reading.warnings)")
    }

    // MARK: Date phrasings

    @Test("every way a letter writes the visit", arguments: [
        ("Between 26 February 2018 and 8 March 2018", "2018-02-26", "2018-03-08"),
        ("From 11 to 15 July 2016", "2016-07-11", "2016-07-15"),
        ("Between 11 and 13 July 2022", "2022-07-11", "2022-07-13"),
        ("Between 8 and 10 July 2019", "2019-07-08", "2019-07-10"),
        ("from 30 January to 3 February 2017", "2017-01-30", "2017-02-03"),
        ("Between 26 February and 8 March 2018", "2018-02-26", "2018-03-08"),
        ("Between 30 December 2019 and 3 January 2020", "2019-12-30", "2020-01-03"),
        ("Between 30 December and 3 January 2020", "2019-12-30", "2020-01-03"),
        ("From 11–15 July 2016", "2016-07-11", "2016-07-15"),
        ("During 11 - 15 July 2016", "2016-07-11", "2016-07-15"),
        ("Between 26th February and 8th March 2018", "2018-02-26", "2018-03-08"),
        ("From Monday 11 July 2016 to Friday 15 July 2016", "2016-07-11", "2016-07-15"),
        ("Between 26 Feb and 8 Mar 2018", "2018-02-26", "2018-03-08"),
        ("Between 28 February 2020 and 2 March 2020", "2020-02-28", "2020-03-02"),
        ("From 11 July to 15 July 2016", "2016-07-11", "2016-07-15"),
    ])
    func visitPhrasings(phrase: String, start: String, end: String) throws {
        var letter = SyntheticInspection()
        letter.visit = phrase
        letter.date = "14 April 2020"
        #expect(try LetterReader.readInspection(letter.text).facts.visit == range(start, end))
    }

    @Test("every way a letter writes its date", arguments: [
        ("14 March 2019", "2019-03-14"), ("14th March 2019", "2019-03-14"), ("Thursday 14 March 2019", "2019-03-14"),
        ("Date: 14 March 2019", "2019-03-14"), ("March 14, 2019", "2019-03-14"), ("14/03/2019", "2019-03-14"),
        ("14 Mar 2019", "2019-03-14"), ("1 April 2019", "2019-04-01"),
    ])
    func letterDatePhrasings(phrase: String, expected: String) throws {
        var letter = SyntheticInspection()
        letter.date = phrase
        #expect(try LetterReader.readInspection(letter.text).facts.letterDate == day(expected))
    }

    @Test("an unusually long visit and a letter dated before the visit are flagged")
    func implausibleDatesWarn() throws {
        var letter = SyntheticInspection()
        letter.visit = "Between 4 January 2019 and 8 March 2019"
        letter.date = "1 March 2019"
        let reading = try LetterReader.readInspection(letter.text)
        #expect(reading.warnings(for: .visit).count == 1)
        #expect(reading.warnings(for: .letterDate).count == 1)
    }

    // MARK: Debris, one kind per test

    /// Reads `text` and checks the weaknesses came out clean.
    private func expectClean(_ text: String, weaknesses: [String] = SyntheticInspection().weaknesses,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let letter = try LetterReader.readInspection(text).facts
        #expect(letter.area == "Exampleshire", sourceLocation: sourceLocation)
        #expect(letter.letterDate == (try day("2019-03-14")), sourceLocation: sourceLocation)
        #expect(letter.visit == (try range("2019-02-04", "2019-02-08")), sourceLocation: sourceLocation)
        #expect(letter.weaknesses == weaknesses, sourceLocation: sourceLocation)
    }

    @Test("markdown bold (**) is removed")
    func debrisBold() throws {
        var letter = SyntheticInspection()
        letter.heading = "**" + letter.heading + "**"
        letter.weaknesses = letter.weaknesses.map { "**\($0)**" }
        letter.addressees[0] = "**Ms Alex Example**"
        try expectClean(letter.text)
    }

    @Test("markdown headings (###) are removed")
    func debrisHeadings() throws {
        var letter = SyntheticInspection()
        letter.heading = "### **" + letter.heading + "**"
        try expectClean(letter.text.replacingOccurrences(of: "Main findings", with: "## Main findings"))
    }

    @Test("HTML tags and entities (<b>, &amp;) are removed or decoded")
    func debrisHTML() throws {
        var letter = SyntheticInspection()
        letter.heading = "<b>" + letter.heading + "</b>"
        letter.weaknesses = ["<b>Leaders&rsquo; plans &amp; strategies are weak.</b>", "<i>The local offer</i> is poor.<br/>"]
        try expectClean(letter.text, weaknesses: ["Leaders’ plans & strategies are weak.", "The local offer is poor."])
    }

    @Test("markdown links ([text](mailto:…)) keep only their text")
    func debrisLinks() throws {
        var letter = SyntheticInspection()
        letter.addressees.insert("[enquiries@ofsted.gov.uk](mailto:enquiries@ofsted.gov.uk)", at: 0)
        letter.weaknesses = ["The [local offer](https://example.org/local-offer) is poor.", letter.weaknesses[1]]
        try expectClean(letter.text, weaknesses: ["The local offer is poor.", SyntheticInspection().weaknesses[1]])
    }

    @Test("bullets of every kind are removed", arguments: ["-", "•", "■", "▪", "●", "*", "1."])
    func debrisBullets(bullet: String) throws {
        var letter = SyntheticInspection()
        letter.bullet = bullet
        try expectClean(letter.text)
    }

    @Test("pdftotext's symbol-font bullet (U+F0B7) and a bullet alone on its line are handled")
    func debrisPrivateUseBullet() throws {
        let text = SyntheticInspection().text
            .replacingOccurrences(of: "- Leaders’ understanding", with: "\u{F0B7}\nLeaders’ understanding")
            .replacingOccurrences(of: "- The quality", with: "\u{F0B7} The quality")
        try expectClean(text)
    }

    @Test("hard-wrapped lines are joined, including a word split at its hyphen")
    func debrisHardWraps() throws {
        var letter = SyntheticInspection()
        letter.visit = "Between 4\nFebruary 2019 and 8 February\n2019"
        letter.weaknesses = ["Leaders’ understanding of the local\narea’s effectiveness is weak.",
                             "The quality of EHC plans is too variable – especially\nfor older plans and for co-\nproduced plans."]
        try expectClean(letter.text, weaknesses: [
            "Leaders’ understanding of the local area’s effectiveness is weak.",
            "The quality of EHC plans is too variable – especially for older plans and for co-produced plans.",
        ])
    }

    @Test("a page-break gap mid-sentence is closed, but a heading is not joined to its text")
    func debrisPageGaps() throws {
        var letter = SyntheticInspection()
        letter.weaknesses = ["Leaders’ understanding of the\n\n\n\n\nlocal area’s effectiveness is weak.",
                             "The quality of EHC plans is too\n\u{000C}\nvariable – especially for older plans."]
        letter.visit = "Between 4 February 2019 and\n\n\n8 February 2019"
        let text = letter.text
        try expectClean(text)
        let reading = try LetterReader.readInspection(text)
        #expect(reading.facts.statementRequired)
    }

    @Test("repeated page headers, footers and page numbers are dropped")
    func debrisPageHeaders() throws {
        var letter = SyntheticInspection()
        let header = "\n\n\nOfsted letter: Exampleshire local area SEND inspection\n\nPage 2 of 3\n\n"
        letter.weaknesses = ["Leaders’ understanding of the local" + header + "area’s effectiveness is weak.",
                             "The quality of EHC plans is too variable – especially for older plans."]
        let text = letter.text.replacingOccurrences(of: "Main findings",
                                                    with: "\n\n\nOfsted letter: Exampleshire local area SEND inspection\n\nPage 1 of 3\n\n\nMain findings")
        try expectClean(text)
    }

    @Test("Windows (CRLF) and old Mac (CR) line ends")
    func debrisLineEnds() throws {
        let text = SyntheticInspection().text
        try expectClean(text.replacingOccurrences(of: "\n", with: "\r\n"))
        try expectClean(text.replacingOccurrences(of: "\n", with: "\r"))
    }

    @Test("curly quotes and dashes are kept exactly as the letter has them")
    func debrisCurlyQuotesKept() throws {
        var letter = SyntheticInspection()
        letter.weaknesses = ["Families describe getting help as a “fight” — and say they are ‘not heard’.",
                             "Leaders’ plans – in education and health – lack precision."]
        try expectClean(letter.text, weaknesses: letter.weaknesses)
    }

    @Test("non-breaking and other odd spaces become plain spaces")
    func debrisNonBreakingSpaces() throws {
        var letter = SyntheticInspection()
        letter.date = "14\u{00A0}March\u{00A0}2019"
        letter.visit = "Between\u{00A0}4 February\u{202F}2019 and 8\u{2009}February 2019"
        letter.weaknesses = ["Leaders’\u{00A0}understanding of the local area’s effectiveness\u{00A0}\u{00A0}is weak.",
                             "The quality of EHC plans is too variable\u{00A0}– especially for older plans.\t"]
        try expectClean(letter.text)
    }

    @Test("a byte-order mark, zero-width spaces and soft hyphens are removed")
    func debrisByteOrderMark() throws {
        var letter = SyntheticInspection()
        letter.weaknesses = ["Leaders’ under\u{00AD}standing of the local area’s effectiveness is weak.",
                             "The quality of EHC plans\u{200B} is too variable – especially for older plans."]
        try expectClean("\u{FEFF}" + letter.text)
    }

    @Test("every kind of debris at once")
    func debrisAllAtOnce() throws {
        var letter = SyntheticInspection()
        letter.heading = "### <b>**Joint local area SEND inspection in Exampleshire**</b>"
        letter.bullet = "■"
        letter.weaknesses = ["**Leaders’ understanding of the\n\n\n\nlocal area’s effectiveness is weak.**",
                             "The quality of EHC plans is too variable –\u{00A0}especially\nfor older plans."]
        try expectClean("\u{FEFF}" + letter.text.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    // MARK: Weakness lists

    @Test("a letter with a single area of significant weakness")
    func singleWeakness() throws {
        var letter = SyntheticInspection()
        letter.leadIn = "The local area is required to produce and submit a Written Statement of Action to Ofsted that explains how the local area will tackle the following area of significant weakness:"
        letter.weaknesses = ["The local area’s joint commissioning arrangements are weak."]
        let reading = try LetterReader.readInspection(letter.text)
        #expect(reading.facts.weaknesses == letter.weaknesses)
        #expect(reading.facts.numberedWeaknesses == [Weakness(id: "W1", statement: letter.weaknesses[0])])
    }

    @Test("a letter with nine areas of significant weakness, some wrapped, keeps them in order")
    func nineWeaknesses() throws {
        var letter = SyntheticInspection()
        let nine = (1...9).map { "Weakness number \($0) concerns a different part of the SEND reforms and is not yet addressed." }
        letter.weaknesses = nine.map { $0.replacingOccurrences(of: "different part", with: "different\npart") }
        let reading = try LetterReader.readInspection(letter.text)
        #expect(reading.facts.weaknesses == nine)
        #expect(reading.facts.numberedWeaknesses.last?.id == "W9")
    }

    @Test("list punctuation (';', '; and') is not part of a weakness")
    func listPunctuation() throws {
        var letter = SyntheticInspection()
        letter.weaknesses = ["The local offer is poor;", "Plans are late; and", "Outcomes are not measured."]
        #expect(try LetterReader.readInspection(letter.text).facts.weaknesses
            == ["The local offer is poor", "Plans are late", "Outcomes are not measured."])
    }

    @Test("an unbulleted list is read one paragraph per weakness, with a warning")
    func unbulletedList() throws {
        let text = SyntheticInspection().text
            .replacingOccurrences(of: "- Leaders’ understanding", with: "\nLeaders’ understanding")
            .replacingOccurrences(of: "- The quality", with: "\nThe quality")
        let reading = try LetterReader.readInspection(text)
        #expect(reading.facts.weaknesses == SyntheticInspection().weaknesses)
        #expect(reading.warnings(for: .weaknesses).count == 1)
    }

    @Test("a letter that requires no statement has no weaknesses")
    func noStatementRequired() throws {
        var letter = SyntheticInspection()
        letter.required = false
        let reading = try LetterReader.readInspection(letter.text)
        #expect(!reading.facts.statementRequired)
        #expect(reading.facts.weaknesses.isEmpty)
        #expect(reading.warnings.isEmpty)
    }

    // MARK: Revisits

    @Test("a revisit with mixed outcomes, in the 'has not made sufficient progress' wording")
    func mixedRevisit() throws {
        var letter = SyntheticRevisit()
        letter.judged = [("Co-production with parents is underdeveloped.", true),
                         ("The quality of EHC plans is too variable.", false),
                         ("Joint commissioning is not embedded.", true)]
        letter.closing = "The area is required to produce and submit an accelerated progress plan (APP) to the Department for Education (DfE) and NHS England. The DfE and NHS England’s formal monitoring of the weaknesses where sufficient progress has been made will cease."
        let reading = try LetterReader.readRevisit(letter.text)
        let facts = reading.facts
        #expect(facts.area == "Exampleshire")
        #expect(facts.letterDate == (try day("2022-09-26")))
        #expect(facts.visit == (try range("2022-07-11", "2022-07-13")))
        #expect(facts.originalLetterDate == (try day("2019-04-24")))
        #expect(facts.fitForPurpose == (try day("2019-09-03")))
        #expect(facts.judgements.map(\.quote) == letter.judged.map(\.quote))
        #expect(facts.judgements.map(\.outcome) == [.sufficient, .insufficient, .sufficient])
        #expect(facts.judgements[1].verdict == "The area has not made sufficient progress in addressing this area of significant weakness.")
        #expect(!facts.allSufficient)
        #expect(facts.acceleratedProgressPlan)
        #expect(!facts.monitoringCeaseRecommended, "monitoring continues for the weakness without sufficient progress")
        #expect(facts.cessation == "The DfE and NHS England’s formal monitoring of the weaknesses where sufficient progress has been made will cease.")
        #expect(facts.healthPartner == "Example Valley Integrated Care Board")
        #expect(reading.warnings.isEmpty, "\(reading.warnings)")
    }

    @Test("each way of saying 'not sufficient' is read as insufficient", arguments: [
        "The area has not made sufficient progress in addressing this area of significant weakness.",
        "The local area has not made enough progress in addressing this area of significant weakness.",
        "The area has made insufficient progress in addressing this weakness.",
        "**The area has not made sufficient progress in addressing this area of significant weakness**",
    ])
    func notSufficientWordings(wording: String) throws {
        var letter = SyntheticRevisit()
        letter.judged = [("Co-production with parents is underdeveloped.", false)]
        letter.notWording = wording
        letter.closing = "The area is required to produce an accelerated progress plan."
        let facts = try LetterReader.readRevisit(letter.text).facts
        #expect(facts.judgements.map(\.outcome) == [.insufficient])
    }

    @Test("revisit quotes are matched to a plan's reworded weaknesses")
    func revisitOutcomesMatchPlan() throws {
        var letter = SyntheticRevisit()
        letter.judged = [("Co-production with parents is underdeveloped.", true), ("The quality of EHC plans is too variable.", false)]
        letter.closing = "An accelerated progress plan is required."
        let facts = try LetterReader.readRevisit(letter.text).facts
        let plan = [Weakness(id: "W1", statement: "The quality of EHC plans is too variable;"),
                    Weakness(id: "W2", statement: "Coproduction with parents is under-developed")]
        #expect(try facts.outcomes(for: plan) == ["W1": .insufficient, "W2": .sufficient])
    }

    @Test("a revisit whose weaknesses have no lead-ins is read by position, with a warning")
    func revisitWithoutLeadIns() throws {
        var letter = SyntheticRevisit()
        letter.leadIn = "REMOVED"
        let text = letter.text.replacingOccurrences(of: "- REMOVED\n\n", with: "")
            .replacingOccurrences(of: "Leaders have worked with families, and inspectors looked at a range of evidence about the impact.\n\n", with: "")
        let reading = try LetterReader.readRevisit(text)
        #expect(reading.facts.judgements.map(\.quote) == letter.judged.map(\.quote))
        #expect(reading.warnings(for: .judgements).count == 1)
    }

    // MARK: Missing fields are refused, by name

    /// The field a refusal names, or nil when `body` did not refuse with `letterFieldMissing`.
    private func missingField(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let WSoAError.letterFieldMissing(field, _) {
            return field
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test("a letter with no date line is refused, naming the letter date")
    func missingLetterDate() {
        var letter = SyntheticInspection()
        letter.date = "Reference: EX/123"
        #expect(missingField { _ = try LetterReader.readInspection(letter.text) } == "letter date")
        let error = WSoAError.letterFieldMissing(field: "letter date", hint: "no line above 'Dear …' is a date")
        #expect(isOneSentence(error.description))
    }

    @Test("a letter with no visit dates is refused, naming the visit dates")
    func missingVisit() {
        var letter = SyntheticInspection()
        letter.visit = "Earlier this year"
        #expect(missingField { _ = try LetterReader.readInspection(letter.text) } == "visit dates")
    }

    @Test("a letter with no area is refused, naming the area")
    func missingArea() {
        var letter = SyntheticInspection()
        letter.heading = "Joint local area SEND inspection"
        let text = letter.text.replacingOccurrences(of: "of the local area of Exampleshire", with: "of your local area")
        #expect(missingField { _ = try LetterReader.readInspection(text) } == "area")
    }

    @Test("a letter requiring a statement whose list is missing is refused, naming the weaknesses")
    func missingWeaknesses() {
        var letter = SyntheticInspection()
        letter.weaknesses = []
        #expect(missingField { _ = try LetterReader.readInspection(letter.text) } == "areas of significant weakness")
    }

    @Test("a revisit with no verdicts, or a lead-in with no verdict, is refused, naming the judgements")
    func missingJudgements() {
        let text = SyntheticRevisit().text
            .replacingOccurrences(of: "The area has made sufficient progress in addressing this area of significant weakness.", with: "Work continues.")
        #expect(missingField { _ = try LetterReader.readRevisit(text) } == "judgements")
        let lastVerdict = SyntheticRevisit().text.components(separatedBy: "The area has made sufficient progress in addressing this area of significant weakness.")
        let oneMissing = lastVerdict.dropLast().joined(separator: "The area has made sufficient progress in addressing this area of significant weakness.") + "Work continues." + lastVerdict.last!
        #expect(missingField { _ = try LetterReader.readRevisit(oneMissing) } == "judgements")
    }

    // MARK: Overrides

    @Test("a missing field given as an override is not refused")
    func overridesFillMissingFields() throws {
        var letter = SyntheticInspection()
        letter.date = "Reference: EX/123"
        letter.visit = "Earlier this year"
        let overrides = LetterOverrides(letterDate: try day("2019-03-14"), visit: try range("2019-02-04", "2019-02-08"))
        let reading = try LetterReader.readInspection(letter.text, overrides: overrides)
        #expect(reading.facts.letterDate == (try day("2019-03-14")))
        #expect(reading.facts.visit == (try range("2019-02-04", "2019-02-08")))
    }

    @Test("an override that differs from the letter wins, with a warning naming both")
    func overridesThatDisagreeWarn() throws {
        let overrides = LetterOverrides(area: "Exampleshire and District", healthPartner: "Example ICB")
        let reading = try LetterReader.readInspection(SyntheticInspection().text, overrides: overrides)
        #expect(reading.facts.area == "Exampleshire and District")
        #expect(reading.facts.healthPartner == "Example ICB")
        let warning = try #require(reading.warnings(for: .area).first)
        #expect(warning.message.contains("'Exampleshire'") && warning.message.contains("'Exampleshire and District'"))
        #expect(reading.warnings(for: .healthPartner).count == 1)
    }

    @Test("a reading's facts can be overridden afterwards, which drops that field's warnings")
    func overrideAfterReading() throws {
        var letter = SyntheticInspection()
        letter.addressees = ["Ms Alex Example", "Director of Children's Services", "", "Dr Chief, CCG Chief Officer"]
        var reading = try LetterReader.readInspection(letter.text)
        #expect(reading.facts.localAuthority == nil)
        #expect(reading.warnings(for: .localAuthority).count == 1)
        reading.override(\.localAuthority, with: "Exampleshire County Council", field: .localAuthority)
        #expect(reading.facts.localAuthority == "Exampleshire County Council")
        #expect(reading.warnings(for: .localAuthority).isEmpty)
    }

    // MARK: Kinds

    @Test("the classifier tells the kinds apart")
    func classifier() {
        #expect(LetterKind.classify(SyntheticInspection().text) == .inspectionOutcome)
        #expect(LetterKind.classify(SyntheticRevisit().text) == .revisit)
        #expect(LetterKind.classify("Minutes of the SEND board. Ofsted visited in May.") == .notALetter)
        #expect(LetterKind.classify("") == .notALetter)
    }

    @Test("a letter under the 2023 framework is refused with a reason")
    func newFrameworkRefused() throws {
        let text = "Dear Ms Example\n\nArea SEND inspection of Exampleshire Local Area Partnership\n\nOfsted and CQC carried out an inspection.\n\nYours sincerely\n"
        let error = try #require(throws: WSoAError.self) { try LetterReader.readInspection(text) }
        #expect(error.description.contains("2023"))
        #expect(isOneSentence(error.description))
    }
}

/// The summaries a dry run prints of what a letter would record.
@Suite("Letters: dry-run summaries")
struct LetterSummaryTests {
    @Test("an inspection letter's summary lists every field once and each weakness")
    func inspectionSummary() throws {
        let summary = try LetterReader.readInspection(SyntheticInspection().text).facts.summary
        #expect(summary.map(\.field) == [.area, .letterDate, .visit, .localAuthority, .healthPartner,
                                         .nominatedOfficer, .statementRequired, .weaknesses, .weaknesses])
        #expect(summary[2].value == "4–8 February 2019")
        #expect(summary[7].value == "W1: Leaders’ understanding of the local area’s effectiveness is weak.")
    }

    @Test("a revisit letter's summary says what is not stated")
    func revisitSummary() throws {
        var letter = SyntheticRevisit()
        letter.visitSentence = "Between 11 and 13 July 2022, Ofsted and the CQC revisited the area of Exampleshire."
        let summary = try LetterReader.readRevisit(letter.text).facts.summary
        #expect(summary.first { $0.field == .originalLetterDate }?.value == "not stated")
        #expect(summary.filter { $0.field == .judgements }.map(\.value)
            == ["1. sufficient: Co-production with parents is underdeveloped.", "2. sufficient: The quality of EHC plans is too variable."])
        #expect(summary.first { $0.field == .cessation }?.value.hasSuffix("(monitoring to cease)") == true)
    }
}
