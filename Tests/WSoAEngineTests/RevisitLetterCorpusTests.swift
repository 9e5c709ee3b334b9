import Foundation
import Testing
@testable import WSoAEngine

/// The fictional revisit letters of `Tests/Fixtures/revisit-letters/` (see its README), each
/// with the facts a person reading it would take from it in a JSON file beside it.
///
/// Adding a letter is adding its two files: every `.txt` there is read, and a letter without
/// its `.json` fails, so none is skipped by mistake.
enum RevisitLetterCorpus {
    /// `Tests/Fixtures/revisit-letters`, found from this file (in `Tests/WSoAEngineTests`),
    /// as the seed letters are, since the test target has no resources.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/revisit-letters").standardizedFileURL

    /// The letters' file names without extension, in order.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }()

    /// The letter's text, exactly as stored (CRLF and all).
    static func text(_ name: String) throws -> String {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".txt"))
        return try #require(String(data: data, encoding: .utf8), "\(name).txt is not UTF-8")
    }

    /// The letter's expected facts.
    static func expected(_ name: String) throws -> Expected {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
        return try JSONDecoder().decode(Expected.self, from: data)
    }

    /// What a letter's JSON file says it holds.
    struct Expected: Decodable {
        /// One weakness's expected judgement.
        struct Judgement: Decodable {
            /// The quote exactly, when given.
            var quote: String?
            /// A distinctive start of the quote, when the whole is not given.
            var quotePrefix: String?
            /// The end of the quote, to show it was not cut short (a page break inside it).
            var quoteSuffix: String?
            /// "sufficient" or "insufficient".
            var outcome: String
            /// The start of the verdict sentence, where it matters which sentence was used.
            var verdict: String?
        }

        /// The refusal a letter must get instead of a reading.
        struct Refusal: Decodable {
            /// The field named, e.g. "judgements".
            var field: String
            /// Fragments the hint must contain (which weakness, where the reader looked).
            var contains: [String]
        }

        /// What the letter is, for people.
        var about: String
        /// The area, e.g. "Exampleshire".
        var area: String?
        /// The letter's date, `YYYY-MM-DD`.
        var letterDate: String?
        /// The first and last days of the visit.
        var visit: [String]?
        /// The inspection letter's date the revisit letter cites.
        var originalLetterDate: String?
        /// Each weakness's judgement, in the letter's order.
        var judgements: [Judgement]?
        /// Whether the letter mentions an accelerated progress plan.
        var acceleratedProgressPlan: Bool?
        /// Whether the letter says monitoring is to cease.
        var monitoringCeaseRecommended: Bool?
        /// The fields warned about, in order; absent means warnings are not checked.
        var warnings: [String]?
        /// The refusal expected instead of a reading.
        var error: Refusal?
    }
}

/// Every fictional revisit letter read through `LetterReader.readRevisit`, field by field.
@Suite("Letters: fictional revisit letter corpus")
struct RevisitLetterCorpusTests {
    @Test("the corpus is there, and every letter has its expected facts")
    func corpusIsComplete() throws {
        #expect(RevisitLetterCorpus.names.count >= 8, "letters found: \(RevisitLetterCorpus.names)")
        let files = try FileManager.default.contentsOfDirectory(atPath: RevisitLetterCorpus.directory.path)
        for name in RevisitLetterCorpus.names {
            #expect(files.contains(name + ".json"), "\(name).txt has no \(name).json beside it")
        }
        for json in files where json.hasSuffix(".json") {
            #expect(files.contains(String(json.dropLast(5)) + ".txt"), "\(json) has no letter beside it")
        }
        #expect(files.contains("README.md"))
    }

    @Test("each letter reads as its JSON file says", arguments: RevisitLetterCorpus.names)
    func letterReadsAsExpected(name: String) throws {
        let text = try RevisitLetterCorpus.text(name)
        let expected = try RevisitLetterCorpus.expected(name)
        #expect(LetterKind.classify(text) == .revisit, "\(name) is not classified as a revisit letter")
        if let refusal = expected.error {
            try expectRefusal(name: name, text: text, refusal: refusal)
            return
        }
        let reading = try LetterReader.readRevisit(text)
        let facts = reading.facts
        if let area = expected.area { #expect(facts.area == area) }
        if let date = expected.letterDate { #expect(facts.letterDate == (try Day(parsing: date))) }
        if let visit = expected.visit {
            try #require(visit.count == 2, "\(name).json: visit needs a first and last day")
            #expect(facts.visit == (try DayRange(start: Day(parsing: visit[0]), end: Day(parsing: visit[1]))))
        }
        if let original = expected.originalLetterDate { #expect(facts.originalLetterDate == (try Day(parsing: original))) }
        if let app = expected.acceleratedProgressPlan { #expect(facts.acceleratedProgressPlan == app) }
        if let cease = expected.monitoringCeaseRecommended { #expect(facts.monitoringCeaseRecommended == cease) }
        if let warnings = expected.warnings {
            #expect(reading.warnings.map(\.field.rawValue) == warnings, "\(name): warnings \(reading.warnings)")
        }
        let judgements = try #require(expected.judgements, "\(name).json has neither judgements nor an error")
        #expect(facts.judgements.count == judgements.count,
                "\(name): read \(facts.judgements.map { "\($0.outcome): \($0.quote)" })")
        for (position, (read, wanted)) in zip(facts.judgements, judgements).enumerated() {
            let label = "\(name), weakness \(position + 1)"
            #expect(wanted.quote != nil || wanted.quotePrefix != nil, "\(label): the JSON gives no quote")
            if let quote = wanted.quote { #expect(read.quote == quote, "\(label)") }
            if let prefix = wanted.quotePrefix { #expect(read.quote.hasPrefix(prefix), "\(label): \(read.quote)") }
            if let suffix = wanted.quoteSuffix { #expect(read.quote.hasSuffix(suffix), "\(label): \(read.quote)") }
            #expect(read.outcome.rawValue == wanted.outcome, "\(label): \(read.verdict)")
            if let verdict = wanted.verdict { #expect(read.verdict.hasPrefix(verdict), "\(label): \(read.verdict)") }
            #expect(!read.verdict.isEmpty, "\(label): no verdict sentence kept")
        }
        for warning in reading.warnings {
            #expect(isOneSentence(warning.message), "\(name): \(warning)")
        }
    }

    /// Checks that `text` is refused as `refusal` says, in one sentence.
    private func expectRefusal(name: String, text: String, refusal: RevisitLetterCorpus.Expected.Refusal) throws {
        let error = try #require(throws: WSoAError.self, "\(name) was read but should be refused") {
            try LetterReader.readRevisit(text)
        }
        guard case let .letterFieldMissing(field, hint) = error else {
            Issue.record("\(name): expected letterFieldMissing, got \(error)")
            return
        }
        #expect(field == refusal.field)
        for fragment in refusal.contains {
            #expect(hint.contains(fragment), "\(name): '\(fragment)' is not in the hint '\(hint)'")
        }
        #expect(isOneSentence(error.description), "\(error.description)")
        #expect(!error.description.hasPrefix("Error:"))
    }

    @Test("each letter truncated or shuffled reads or refuses in one sentence", arguments: RevisitLetterCorpus.names)
    func damagedLettersReadOrRefuseCleanly(name: String) throws {
        let text = try RevisitLetterCorpus.text(name)
        let characters = Array(text)
        for step in 1..<20 {
            let length = characters.count * step / 20
            exerciseLetterReaders(String(characters[..<length]))
            exerciseLetterReaders(String(characters[length...]))
        }
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<3 {
            exerciseLetterReaders(text.components(separatedBy: "\n\n").shuffled(using: &generator).joined(separator: "\n\n"))
        }
    }

    @Test("each letter reads the same with its line ends changed to CRLF or LF", arguments: RevisitLetterCorpus.names)
    func lineEndsDoNotMatter(name: String) throws {
        let text = try RevisitLetterCorpus.text(name)
        let unix = text.replacingOccurrences(of: "\r\n", with: "\n")
        let windows = unix.replacingOccurrences(of: "\n", with: "\r\n")
        let readUnix = Result { try LetterReader.readRevisit(unix) }
        let readWindows = Result { try LetterReader.readRevisit(windows) }
        switch (readUnix, readWindows) {
        case let (.success(a), .success(b)): #expect(a == b)
        case let (.failure(a), .failure(b)): #expect("\(a)" == "\(b)")
        case (.success, .failure), (.failure, .success): Issue.record("\(name) reads differently with CRLF line ends")
        }
    }
}

/// A revisit scan of `paragraphs` (blank lines between them) after a salutation, which is
/// paragraph 0, so the first given is paragraph 1.
private func scan(_ paragraphs: [String]) -> LetterScan {
    LetterScan(LetterText("Dear Ms Example\n\n" + paragraphs.joined(separator: "\n\n") + "\n"), kind: .revisit)
}

/// Telling a lead-in, which introduces a quoted weakness, from a finding, which reports what
/// inspectors saw — the distinction the reader once drew from "inspectors found" alone.
@Suite("Letters: revisit lead-ins and findings")
struct RevisitLeadInTests {
    @Test("a lead-in introduces the weakness quoted after it", arguments: [
        ("The initial inspection found that:", "Leaders have an inaccurate view of the local area’s effectiveness."),
        ("• The initial inspection found that:", "Strategic planning is weak."),
        ("At the initial inspection, inspectors found:", "“The local offer is poor.”"),
        ("- At the initial inspection, inspectors found the following:", "### **Co-production with parents is underdeveloped.**"),
        ("The area of significant weakness identified at the initial inspection was:", "‘Plans are not reviewed on time.’"),
        ("At the initial inspection inspectors found", "“The local offer is poor and rarely used.”"),
        ("Inspectors found:", "“The local offer is poor and rarely used.”"),
    ])
    func leadIn(leadIn: String, quote: String) {
        #expect(scan([leadIn, quote]).isLeadIn(1))
    }

    @Test("a finding is not a lead-in, however short and whatever follows it", arguments: [
        ("Inspectors found that leaders have improved their self-evaluation considerably.", "Leaders have set up a SEND board."),
        ("Inspectors found that leaders have improved the local offer.", "“The quality of EHC plans is too variable.”"),
        ("Inspectors found evidence of better joint working.", "“Joint commissioning is weak.”"),
        ("Leaders have improved the timeliness of plans.", "‘Plans are not reviewed on time.’"),
        ("Inspectors found that leaders have:", "- improved the local offer;"),
        ("Inspectors found that:", "• plans written since 2022 are clearer;"),
        ("Inspectors found that:", "Plans written since 2022 are clearer."),
        ("Leaders have addressed this weakness through the following:", "Leaders set up an inclusion panel."),
        ("The area has made sufficient progress in addressing this area of weakness.", "Leaders have set up a SEND board."),
        ("At the initial inspection, inspectors found that ‘leaders do not know the area’s needs’.", "Leaders have since …"),
    ])
    func finding(finding: String, next: String) {
        #expect(!scan([finding, next]).isLeadIn(1))
    }

    @Test("a lead-in may carry its quotation in its own paragraph")
    func inlineLeadIn() throws {
        let letter = scan(["At the initial inspection, inspectors found that ‘leaders do not know the area’s needs well’. Since then, leaders have …",
                           "Inspectors found that ‘leaders’ plans’ were late."])
        let quotation = try #require(letter.inlineLeadIn(1))
        #expect(quotation.quote == "leaders do not know the area’s needs well")
        #expect(quotation.rest == "Since then, leaders have …")
        #expect(letter.inlineLeadIn(2) == nil, "a finding that quotes a phrase is not a lead-in")
    }

    @Test("a short 'Inspectors found that …' finding right after the quote stays a finding")
    func shortFindingAfterQuote() throws {
        let letter = SyntheticRevisit()
        let text = letter.text.replacingOccurrences(of: "Leaders have worked with families, and inspectors looked at a range of evidence about the impact.",
                                                    with: "Inspectors found that leaders have improved co-production.")
        let reading = try LetterReader.readRevisit(text)
        #expect(reading.facts.judgements.map(\.quote) == letter.judged.map(\.quote))
        #expect(reading.warnings.isEmpty, "\(reading.warnings)")
    }

    @Test("the verdict is found before the findings as well as after them")
    func verdictBeforeFindings() throws {
        var letter = SyntheticRevisit()
        letter.judged = [("Co-production with parents is underdeveloped.", true), ("The quality of EHC plans is too variable.", false)]
        letter.closing = "An accelerated progress plan is required."
        let findings = "Leaders have worked with families, and inspectors looked at a range of evidence about the impact."
        var text = letter.text
        for verdict in ["The area has made sufficient progress in addressing this area of significant weakness.", letter.notWording] {
            text = text.replacingOccurrences(of: findings + "\n\n" + verdict, with: verdict + "\n\n" + findings)
        }
        #expect(text != letter.text)
        let reading = try LetterReader.readRevisit(text)
        #expect(reading.facts.judgements.map(\.quote) == letter.judged.map(\.quote))
        #expect(reading.facts.judgements.map(\.outcome) == [.sufficient, .insufficient])
    }

    @Test("a weakness judged both ways is refused, quoting both judgements")
    func judgedBothWays() throws {
        let text = SyntheticRevisit().text.replacingOccurrences(
            of: "Leaders have worked with families, and inspectors looked at a range of evidence about the impact.",
            with: "The area has not made sufficient progress in addressing this area of significant weakness.")
        let error = try #require(throws: WSoAError.self) { try LetterReader.readRevisit(text) }
        guard case let .letterFieldMissing(field, hint) = error else {
            Issue.record("expected letterFieldMissing, got \(error)")
            return
        }
        #expect(field == "judgements")
        #expect(hint.hasPrefix("the 1st quoted weakness ('Co-production with parents is underdeveloped.') is judged both ways"))
        #expect(isOneSentence(error.description))
    }

    @Test("a summary that disagrees with a judgement beside its weakness is flagged, and the judgement beside it used")
    func summaryDisagrees() throws {
        var letter = SyntheticRevisit()
        letter.visitSentence += "\n\nThe area has made sufficient progress in addressing both of the significant weaknesses identified at the initial inspection."
        letter.judged = [("Co-production with parents is underdeveloped.", true), ("The quality of EHC plans is too variable.", false)]
        letter.closing = "An accelerated progress plan is required."
        let reading = try LetterReader.readRevisit(letter.text)
        #expect(reading.facts.judgements.map(\.outcome) == [.sufficient, .insufficient])
        let warning = try #require(reading.warnings(for: .judgements).first)
        #expect(warning.message.contains("2nd weakness ('The quality of EHC plans is too variable.')"))
        #expect(isOneSentence(warning.message))
    }

    @Test("a summary whose counts differ from the weaknesses read is flagged", arguments: [
        ("The area has made sufficient progress in addressing all four of the significant weaknesses identified at the initial inspection.",
         "counts 4 significant weaknesses but 2 were found quoted"),
        ("The area has made sufficient progress in addressing one of the significant weaknesses identified at the initial inspection.",
         "says 1 of the weaknesses made sufficient progress, but the letter judges 2 so"),
    ])
    func summaryCountsDiffer(summary: String, fragment: String) throws {
        var letter = SyntheticRevisit()
        letter.visitSentence += "\n\n" + summary
        let reading = try LetterReader.readRevisit(letter.text)
        #expect(reading.facts.judgements.map(\.outcome) == [.sufficient, .sufficient])
        let warnings = reading.warnings(for: .judgements)
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains(fragment) == true, "\(warnings)")
        #expect(warnings.allSatisfy { isOneSentence($0.message) })
    }

    @Test("a heading numbered by markdown alone ('### 2.') still marks the paragraph after it")
    func numberedHeadingKept() {
        let text = LetterText("### 1.\n\nFirst weakness.\n\n### 2. Second weakness heading\n\nFindings.\n\n1. A numbered list item.\n")
        #expect(text.paragraphs.map(\.text) == ["First weakness.", "Second weakness heading", "Findings.", "A numbered list item."])
        #expect(text.paragraphs.map(\.isNumberedHeading) == [true, true, false, false])
    }

    @Test("ordinals name a weakness's place", arguments: [
        (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"), (22, "22nd"),
    ])
    func ordinals(number: Int, text: String) {
        #expect(LetterScan.ordinal(number) == text)
    }
}

/// Verdict sentences, summary claims and quotations, each on its own.
@Suite("Letters: revisit verdicts, summaries and quotations")
struct RevisitVerdictTests {
    @Test("verdict sentences are read with their outcome and scope", arguments: [
        ("The area has made sufficient progress in addressing this area of significant weakness.", false, "sufficient", "weakness"),
        ("The area has not made sufficient progress in addressing this area of weakness.", false, "insufficient", "weakness"),
        ("The area has made insufficient progress in addressing this weakness.", false, "insufficient", "weakness"),
        ("Sufficient progress has been made in addressing this area of significant weakness.", false, "sufficient", "weakness"),
        ("Sufficient progress has not been made in addressing this area of significant weakness.", false, "insufficient", "weakness"),
        ("The local area has not made enough progress in addressing this area of significant weakness.", false, "insufficient", "weakness"),
        ("The area has made enough progress in addressing this area of significant weakness.", false, "sufficient", "weakness"),
        ("The area has made sufficient progress.", true, "sufficient", "weakness"),
        ("The area has made sufficient progress in addressing two of the five significant weaknesses.", false, "sufficient", "summary"),
        ("The area has not made sufficient progress in addressing any of the significant weaknesses.", false, "insufficient", "summary"),
        ("As the area has made sufficient progress in addressing all the significant weaknesses, the visits will cease.", false, "sufficient", "summary"),
    ])
    func verdicts(sentence: String, standalone: Bool, outcome: String, scope: String) throws {
        let verdict = try #require(RevisitVerdict.reading(of: sentence, standalone: standalone))
        #expect(verdict.outcome.rawValue == outcome)
        #expect(verdict.scope == (scope == "weakness" ? .weakness : .summary))
        #expect(verdict.sentence == sentence)
    }

    @Test("sentences that only talk about progress are not verdicts", arguments: [
        "Ofsted and the CQC revisited the area to decide whether sufficient progress has been made in addressing each of the areas of significant weakness.",
        "Leaders have made enough progress on agreeing a framework, but it has not changed what families receive.",
        "Despite the progress made to date, there is work still to do.",
        "The area has made sufficient progress.",
        "The area is required to produce an accelerated progress plan.",
    ])
    func notVerdicts(sentence: String) {
        #expect(RevisitVerdict.reading(of: sentence, standalone: false) == nil)
    }

    @Test("a summary giving only counts places no weakness, and says so")
    func countsOnly() {
        let summary = RevisitSummary(LetterText("The area has made sufficient progress in addressing two of the five significant weaknesses. The area has not made sufficient progress in addressing three of the significant weaknesses.").paragraphs)
        #expect(summary.total == 5)
        #expect(summary.stated(.sufficient, of: 5) == 2)
        #expect(summary.stated(.insufficient, of: 5) == 3)
        let placements = summary.placements(of: ["The local offer is poor.", "Plans are late."])
        #expect(placements.allSatisfy { placement in
            if case let .unsaid(reason) = placement { return reason.contains("how many") && reason.contains("not which") }
            return false
        })
    }

    @Test("a summary naming the weaknesses places each one, the unnamed side taking the rest")
    func namedSummary() {
        let summary = RevisitSummary(LetterText("The area has made sufficient progress in addressing two of the three significant weaknesses: the timeliness of EHC needs assessments and the quality of plans. The area has not made sufficient progress in addressing the other one.").paragraphs)
        let placements = summary.placements(of: [
            "Too few EHC needs assessments are completed within 20 weeks.",
            "Leaders do not jointly commission services.",
            "The quality of EHC plans is poor.",
        ])
        let outcomes = placements.map { placement -> WeaknessOutcome? in
            if case let .judged(outcome, _) = placement { return outcome }
            return nil
        }
        #expect(outcomes == [.sufficient, .insufficient, .sufficient])
    }

    @Test("a summary whose names disagree with its own counts places nothing")
    func namesAgainstCounts() {
        let summary = RevisitSummary(LetterText("The area has made sufficient progress in addressing one of the three significant weaknesses: the quality of EHC plans and the timeliness of assessments. The area has not made sufficient progress in addressing the other two.").paragraphs)
        let placements = summary.placements(of: ["The quality of EHC plans is poor.", "Assessments lack timeliness and rigour.", "Joint commissioning is weak."])
        #expect(placements.allSatisfy { if case .unsaid = $0 { return true } else { return false } })
    }

    @Test("'any of' after 'not' judges every weakness insufficient")
    func noneSufficient() {
        let summary = RevisitSummary(LetterText("The area has not made sufficient progress in addressing any of the three significant weaknesses.").paragraphs)
        #expect(summary.placements(of: ["A is weak.", "B is weak.", "C is weak."])
            == Array(repeating: .judged(.insufficient, sentence: "The area has not made sufficient progress in addressing any of the three significant weaknesses."), count: 3))
    }

    @Test("a paraphrase's word forms match, but different words sharing a start do not", arguments: [
        ("jointly", "joint", true), ("commissioning", "commission", true), ("involved", "involvement", true),
        ("assessed", "assessment", true), ("plan", "planning", false), ("community", "communication", false),
    ])
    func wordForms(a: String, b: String, same: Bool) {
        #expect(RevisitSummary.sameWord(a, b) == same)
    }

    @Test("a quotation opening a paragraph is read past apostrophes, with what follows it")
    func quotations() throws {
        let closed = try #require(LetterQuotation.opening("‘Leaders’ understanding of the area’s needs is weak.’ Leaders have since improved."))
        #expect(closed.quote == "Leaders’ understanding of the area’s needs is weak.")
        #expect(closed.rest == "Leaders have since improved.")
        #expect(closed.isClosed && closed.endsSentence)
        let speech = try #require(LetterQuotation.opening("“We feel listened to,” one parent said."))
        #expect(!speech.endsSentence)
        let phrase = try #require(LetterQuotation.opening("‘Co-production’ with parents is weak."))
        #expect(phrase.quote == "Co-production" && !phrase.endsSentence)
        let cut = try #require(LetterQuotation.opening("“Leaders do not use information."))
        #expect(!cut.isClosed)
        let closing = try #require(LetterQuotation.closing("Leaders’ self-evaluation is generous.” Leaders now check it.", closer: cut.closer))
        #expect(closing.quote == "Leaders’ self-evaluation is generous.")
        #expect(closing.rest == "Leaders now check it.")
        #expect(LetterQuotation.opening("Leaders have improved.") == nil)
    }

    @Test("parents' quotations are not weaknesses, a quoted statement is", arguments: [
        ("“We still have to fight for everything,” one parent told inspectors.", false),
        ("“The new panel listens to us and explains its decisions.”", false),
        ("‘Every plan will be reviewed within 12 months,’ said leaders.", false),
        ("“The SEND team is much more responsive now.” Parents told inspectors this.", false),
        ("“The local offer is poor and rarely used.” Leaders have rebuilt it.", true),
        ("*\"Plans are not reviewed when needs change.\"*", true),
    ])
    func quotedWeakness(paragraph: String, isWeakness: Bool) {
        #expect(scan([paragraph]).isQuotedWeakness(1) == isWeakness)
    }
}
