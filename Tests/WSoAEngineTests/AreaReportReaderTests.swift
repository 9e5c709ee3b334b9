import Foundation
import Testing
@testable import WSoAEngine

/// Every report of both corpora, named "real/NAME" or "fictional/NAME".
private let allReports: [String] = AreaReportCorpus.real.names.map { "real/" + $0 }
    + AreaReportCorpus.fictional.names.map { "fictional/" + $0 }

/// The text of a report named as in ``allReports``.
private func reportText(_ label: String) throws -> String {
    let parts = label.split(separator: "/", maxSplits: 1).map(String.init)
    let corpus = parts[0] == "real" ? AreaReportCorpus.real : AreaReportCorpus.fictional
    return try corpus.text(parts[1])
}

/// A real report's text with `old` replaced, checking the replacement happened.
private func edited(_ name: String, replacing old: String, with new: String) throws -> String {
    let text = try AreaReportCorpus.real.text(name)
    try #require(text.contains(old), "\(name) does not contain '\(old)'")
    return text.replacingOccurrences(of: old, with: new)
}

/// Reads `text` as a report, and checks every refusal and warning is one sentence; returns
/// the refusal's description, or nil when it read.
@discardableResult
private func exerciseReportReader(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    _ = LetterKind.classify(text)
    do {
        for warning in try LetterReader.readAreaReport(text).warnings {
            #expect(isOneSentence(warning.message), "warning is not one sentence: \(warning)", sourceLocation: sourceLocation)
        }
        return nil
    } catch let error as WSoAError {
        #expect(isOneSentence(error.description), "refusal is not one sentence: \(error.description)", sourceLocation: sourceLocation)
        return error.description
    } catch {
        Issue.record("not a WSoAError: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The area SEND report reader's contract beyond the corpora: refusals, overrides, the
/// classifier's boundaries, robustness and determinism.
@Suite("Letters: area SEND report reader", .timeLimit(.minutes(5)))
struct AreaReportReaderTests {
    // MARK: Kinds

    @Test("LetterReader.read returns an area report reading equal to readAreaReport's", arguments: allReports)
    func readDecidesTheKind(label: String) throws {
        let text = try reportText(label)
        guard case let .areaReport(reading) = try? LetterReader.read(text) else {
            // The refused fixture is refused by both.
            #expect(throws: WSoAError.self) { try LetterReader.readAreaReport(text) }
            return
        }
        #expect(reading == (try LetterReader.readAreaReport(text)))
        #expect(AnyLetterReading.areaReport(reading).kind == .areaReport)
    }

    @Test("the 2016 letters and the council report are not taken for area reports", arguments: LetterSeeds.numbers)
    func seedsAreNotAreaReports(number: String) throws {
        let text = try LetterSeeds.text(number)
        #expect(LetterKind.classify(text) != .areaReport)
        #expect(throws: WSoAError.self) { try LetterReader.readAreaReport(text) }
    }

    @Test("a 2016 inspection letter given to the report reader is refused as the wrong kind")
    func inspectionLetterIsTheWrongKind() throws {
        let error = try #require(throws: WSoAError.self) { try LetterReader.readAreaReport(try LetterSeeds.text("003")) }
        #expect(error == .letterKindMismatch(expected: .areaReport, found: .inspectionOutcome))
        #expect(error.description == "This is an inspection outcome letter, not an area SEND inspection report.")
    }

    @Test("an area report given to a letter reader is refused as the wrong kind")
    func reportIsTheWrongKindForLetters() throws {
        let text = try AreaReportCorpus.real.text("oldham-2023")
        #expect(throws: WSoAError.letterKindMismatch(expected: .inspectionOutcome, found: .areaReport)) {
            try LetterReader.readInspection(text)
        }
        #expect(throws: WSoAError.letterKindMismatch(expected: .revisit, found: .areaReport)) {
            try LetterReader.readRevisit(text)
        }
    }

    @Test("a council paper that quotes a report's title and outcome is not a report")
    func councilPaperQuotingAReport() throws {
        let paper = """
        Report to Cabinet
        Agenda item 7
        Area SEND inspection of Kelbridge Local Area Partnership
        Inspection dates: 11 to 15 March 2024
        Inspection outcome
        The local area partnership’s arrangements lead to inconsistent experiences and outcomes
        for children and young people with SEND. Ofsted and the CQC will return within three years.
        Recommendation: that Cabinet notes the report.
        """
        #expect(LetterKind.classify(paper) == .notALetter)
        let error = try #require(throws: WSoAError.self) { try LetterReader.readAreaReport(paper) }
        #expect(error.description.contains("council report"), "\(error)")
    }

    @Test("a letter that speaks of a local area partnership keeps the 2023-letter refusal")
    func letterUnderTheNewFramework() throws {
        let letter = """
        Dear Director

        Area SEND inspection of Kelbridge Local Area Partnership

        Ofsted and the Care Quality Commission write about the local area partnership's monitoring inspection.

        Yours sincerely
        """
        #expect(LetterKind.classify(letter) == .notALetter)
        let error = try #require(throws: WSoAError.self) { try LetterReader.read(letter) }
        #expect(error.description.contains("area SEND framework that began in 2023"))
    }

    // MARK: Refusals

    @Test("text that is not a report is refused in one sentence", arguments: [
        "", "Shopping list: eggs, milk, bread.", "Local area partnership report",
        "Minutes of the SEND partnership board, 4 March 2024. Ofsted visited last year.",
    ])
    func notAReport(text: String) throws {
        let error = try #require(throws: WSoAError.self) { try LetterReader.readAreaReport(text) }
        guard case .notALetter = error else {
            Issue.record("expected notALetter, got \(error)")
            return
        }
        #expect(isOneSentence(error.description))
    }

    @Test("a report without its outcome sentence is refused, naming the outcome")
    func missingOutcome() throws {
        let text = try edited("gateshead-2023", replacing: "lead to inconsistent experiences and outcomes", with: "are under review")
        let error = try #require(throws: WSoAError.self) { try LetterReader.readAreaReport(text) }
        guard case let .letterFieldMissing(field, hint) = error else {
            Issue.record("expected letterFieldMissing, got \(error)")
            return
        }
        #expect(field == "inspection outcome")
        #expect(hint.contains("lead to inconsistent experiences and outcomes"))
        #expect(isOneSentence(error.description))
    }

    @Test("a report without inspection dates is refused, naming them")
    func missingDates() throws {
        let text = try edited("oldham-2023", replacing: "Inspection dates: 26 to 30 June 2023\n", with: "")
        #expect(throws: WSoAError.letterFieldMissing(field: "visit dates", hint: "there is no 'Inspection dates:' field with a range such as '18 to 22 March 2024'")) {
            try LetterReader.readAreaReport(text)
        }
    }

    @Test("a report whose title and footers name no area is refused, naming the area")
    func missingArea() throws {
        var text = try AreaReportCorpus.real.text("dudley-2025")
        text = text.replacingOccurrences(of: "Area SEND inspection of Dudley\nLocal Area Partnership\n", with: "")
        text = text.replacingOccurrences(of: "Area SEND inspection report: Dudley Local Area Partnership\n", with: "")
        let error = try #require(throws: WSoAError.self) { try LetterReader.readAreaReport(text) }
        guard case let .letterFieldMissing(field, _) = error else {
            Issue.record("expected letterFieldMissing, got \(error)")
            return
        }
        #expect(field == "area")
    }

    // MARK: Overrides

    @Test("given area, dates and outcome replace what is read and drop their warnings")
    func overridesReplaceFacts() throws {
        let text = try AreaReportCorpus.real.text("oldham-2023")
        let visit = try DayRange(start: Day(parsing: "2023-06-27"), end: Day(parsing: "2023-06-30"))
        let reading = try LetterReader.readAreaReport(text, overrides: LetterOverrides(area: "Oldham Borough", visit: visit, outcome: .inconsistent))
        #expect(reading.facts.area == "Oldham Borough")
        #expect(reading.facts.visit == visit)
        #expect(reading.facts.outcome == .inconsistent)
        #expect(reading.warnings(for: .area).count == 1, "\(reading.warnings)")
        #expect(reading.warnings(for: .visit).count == 1)
        #expect(reading.warnings(for: .outcome).count == 1)
        #expect(reading.warnings(for: .outcome)[0].message.contains("widespread and/or systemic failings"))
        // The report's priority actions do not fit the outcome given, which is said.
        #expect(reading.warnings(for: .areasForPriorityAction).count == 1)
    }

    @Test("overrides complete a report whose fields cannot be read")
    func overridesFillMissingFields() throws {
        var text = try edited("gateshead-2023", replacing: "lead to inconsistent experiences and outcomes", with: "are under review")
        text = text.replacingOccurrences(of: "Inspection dates:\n\n22 to 26 May 2023\n", with: "")
        let visit = try DayRange(start: Day(parsing: "2023-05-22"), end: Day(parsing: "2023-05-26"))
        let reading = try LetterReader.readAreaReport(text, overrides: LetterOverrides(visit: visit, outcome: .inconsistent))
        #expect(reading.facts.visit == visit && reading.facts.outcome == .inconsistent)
        #expect(reading.facts.areasForImprovement.count == 5)
        #expect(reading.warnings(for: .outcome).isEmpty && reading.warnings(for: .visit).isEmpty)
    }

    // MARK: Warnings

    @Test("an outcome without its horizon is read, with a warning")
    func missingHorizon() throws {
        let text = try edited("gateshead-2023", replacing: "The next full area SEND inspection will be within approximately 3 years.\n", with: "")
        let reading = try LetterReader.readAreaReport(text)
        #expect(reading.facts.outcome == .inconsistent)
        #expect(reading.facts.nextInspectionYears == nil)
        #expect(reading.warnings.map(\.field) == [.nextInspection])
    }

    @Test("a systemic outcome without its monitoring horizon is read, with a warning")
    func missingMonitoringHorizon() throws {
        let text = try edited("oldham-2023", replacing: "A monitoring inspection will be carried out within approximately 18 months. ", with: "")
        let reading = try LetterReader.readAreaReport(text)
        #expect(reading.facts.monitoringInspectionMonths == nil)
        #expect(reading.facts.nextInspectionYears == 3)
        #expect(reading.warnings.map(\.field) == [.monitoringInspection])
    }

    @Test("priority actions under an outcome that brings none are read, with a warning")
    func priorityActionsUnderInconsistentOutcome() throws {
        let table = "Areas for priority action\nThe local area partnership should urgently reduce waiting times for autism assessments.\n\nAreas for improvement\nAreas for improvement\n"
        let text = try edited("newham-2024", replacing: "Areas for improvement\nAreas for improvement\n", with: table)
        let reading = try LetterReader.readAreaReport(text)
        #expect(reading.facts.areasForPriorityAction.map(\.statement) == ["The local area partnership should urgently reduce waiting times for autism assessments."])
        #expect(reading.facts.areasForImprovement.count == 5)
        #expect(reading.warnings.map(\.field) == [.areasForPriorityAction])
    }

    @Test("a responsible-body column with fewer cells than actions is said, and the strong boundary kept")
    func cellCountDiffers() throws {
        let secondCell = "Worcestershire County\nCouncil, Worcestershire\nChildren’s First and NHS\nHerefordshire and\nWorcestershire ICB\n\nThe local area partnership should urgently develop"
        let text = try edited("worcestershire-2024", replacing: secondCell, with: "The local area partnership should urgently develop")
        let reading = try LetterReader.readAreaReport(text)
        let actions = reading.facts.areasForPriorityAction
        #expect(actions.count == 2)
        #expect(actions.first?.partner?.hasPrefix("Worcestershire County Council") == true)
        #expect(actions.last?.partner == nil)
        let warnings = reading.warnings(for: .areasForPriorityAction)
        #expect(warnings.contains { $0.message.contains("has 1 cell but 2 priority actions were found") }, "\(warnings)")
    }

    @Test("a boundary the rows overrule is warned about", arguments: ["west-northamptonshire-2024"])
    func rowsOverruleAWeakBoundary(name: String) throws {
        let reading = try LetterReader.readAreaReport(try AreaReportCorpus.real.text(name))
        let warnings = reading.warnings(for: .areasForPriorityAction)
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.hasPrefix("'Health leaders must ensure that there is sufficie…' could begin a new priority action") == true)
    }

    @Test("page footers giving other inspection dates than the field are warned about; the field is taken")
    func footerDatesDiffer() throws {
        let reading = try LetterReader.readAreaReport(try AreaReportCorpus.real.text("oxfordshire-2023"))
        #expect(reading.facts.visit == (try DayRange(start: Day(parsing: "2023-07-13"), end: Day(parsing: "2023-07-21"))))
        let visit = reading.warnings(for: .visit)
        #expect(visit.map(\.message) == ["the 'Inspection dates' field gives 13–21 July 2023 but the page footers give 17–21 July 2023, so the field's dates are used; check which are right."])
        // Its two bare "Leaders should/must" rows are the other warnings.
        #expect(reading.warnings.map(\.field) == [.visit, .areasForImprovement, .areasForImprovement])
        // Footers that agree say nothing; one footer that differs is enough.
        let oldham = try LetterReader.readAreaReport(try AreaReportCorpus.real.text("oldham-2023"))
        #expect(oldham.warnings(for: .visit).isEmpty)
        let text = try AreaReportCorpus.real.text("oldham-2023")
        let footer = "Area SEND inspection report: Oldham Local Area Partnership, 26 to 30 June 2023"
        let first = try #require(text.range(of: footer))
        let edited = text.replacingCharacters(in: first, with: "Area SEND inspection report: Oldham Local Area Partnership, 19 to 23 June 2023")
        let one = try LetterReader.readAreaReport(edited)
        #expect(one.facts.visit == (try DayRange(start: Day(parsing: "2023-06-26"), end: Day(parsing: "2023-06-30"))))
        #expect(one.warnings(for: .visit).first?.message.contains("the page footers give 19–23 June 2023") == true, "\(one.warnings)")
        // Dates given by the officer replace the warning with the usual one.
        let given = try DayRange(start: Day(parsing: "2023-07-17"), end: Day(parsing: "2023-07-21"))
        let overridden = try LetterReader.readAreaReport(try AreaReportCorpus.real.text("oxfordshire-2023"), overrides: LetterOverrides(visit: given))
        #expect(overridden.facts.visit == given)
        #expect(overridden.warnings(for: .visit).count == 1)
        #expect(overridden.warnings(for: .visit).first?.message.contains("was given, so the given value is used") == true)
    }

    @Test("no other real report's footers disagree with its dates", arguments: AreaReportCorpus.real.names.filter { $0 != "oxfordshire-2023" })
    func footerDatesAgree(name: String) throws {
        #expect(try LetterReader.readAreaReport(try AreaReportCorpus.real.text(name)).warnings(for: .visit).isEmpty)
    }

    // MARK: Summary

    @Test("the summary lists every fact, P and I items numbered, partners apart")
    func summary() throws {
        let facts = try LetterReader.readAreaReport(try AreaReportCorpus.real.text("oldham-2023")).facts
        let summary = facts.summary
        #expect(summary.prefix(6).map(\.field) == [.area, .visit, .previousInspection, .outcome, .nextInspection, .monitoringInspection])
        #expect(summary[1].value == "26–30 June 2023")
        #expect(summary[4].value == "within approximately 3 years")
        #expect(summary[5].value == "within approximately 18 months")
        let actions = summary.filter { $0.field == .areasForPriorityAction }.map(\.value)
        #expect(actions.count == 2)
        #expect(actions[0].hasPrefix("P1: Leaders at Oldham Metropolitan Borough Council and NHS Greater Manchester ICB should cooperate"))
        #expect(actions[0].hasSuffix("in Oldham. (responsible: Oldham Metropolitan Borough Council and NHS Greater Manchester ICB)"))
        let improvements = summary.filter { $0.field == .areasForImprovement }.map(\.value)
        #expect(improvements.map { String($0.prefix(4)) } == ["I1: ", "I2: ", "I3: "])
        let positive = try LetterReader.readAreaReport(try AreaReportCorpus.real.text("bedford-borough-2024")).facts.summary
        #expect(positive.first { $0.field == .monitoringInspection }?.value == "none stated")
        #expect(!positive.contains { $0.field == .areasForPriorityAction })
    }

    // MARK: Robustness and determinism

    @Test("reports cut anywhere read or refuse in one sentence, never crashing", arguments: allReports)
    func cutsAnywhere(label: String) throws {
        // Reading a report takes milliseconds in a debug build, so the cuts are sampled: 16
        // prefixes and suffixes at odd character offsets (mid-word, mid-line, mid-footer).
        let characters = Array(try reportText(label))
        for step in 0...16 {
            let length = characters.count * step / 16
            exerciseReportReader(String(characters[..<length]))
            exerciseReportReader(String(characters[length...]))
        }
    }

    @Test("a report cut after any line, or missing a page, is read or refused cleanly", arguments: allReports)
    func cutsAtLines(label: String) throws {
        let text = try reportText(label)
        let lines = text.components(separatedBy: "\n")
        // The report's own scan, without classification, so every fifth line is affordable:
        // a prefix the classifier refuses would otherwise never reach the scan at all.
        for count in stride(from: 0, through: lines.count, by: 5) {
            var scan = LetterScan(LetterText(""), kind: .areaReport)
            _ = try? scan.areaReport(AreaReportText(lines.prefix(count).joined(separator: "\n")), LetterOverrides())
        }
        let pages = text.components(separatedBy: "\u{0C}")
        for dropped in pages.indices {
            var kept = pages
            kept.remove(at: dropped)
            exerciseReportReader(kept.joined(separator: "\u{0C}"))
        }
    }

    @Test("hostile fragments around the report's headings never crash the reader", arguments: [
        "Local area partnership report\nArea SEND inspection of\nInspection dates:\n\n\n",
        "Local area partnership report\nArea SEND inspection of X Local Area Partnership\nInspection outcome\nAreas for priority action\nResponsible body\nAreas for improvement",
        "Local area partnership report\nArea SEND inspection of A Local Area Partnership\nInspection dates: 1 to 2 May 2024\nInspection outcome\nwidespread and/or systemic failings within approximately\nAreas for priority action\nResponsible body\nNHS ICB Leaders at\nand\n\u{0C}\u{0C}\nAreas for",
        "Local area partnership report\nArea SEND inspection of B Local Area Partnership\nInspection dates:\nDates of previous inspection:\nInspection dates:\nInspection outcome\npositive experiences and outcomes\nArea for improvement\n◼◼◼\n▪\n•\n1\n2\n3",
        String(repeating: "Areas for improvement\n", count: 2_000),
        "Local area partnership report\nArea SEND inspection of C Local Area Partnership\nInspection dates: 1 to 2 May 2024\nInspection outcome\ninconsistent experiences and outcomes\nAreas for improvement\n" + String(repeating: "Leaders at A should act. ", count: 3_000),
    ])
    func hostileFragments(text: String) {
        exerciseReportReader(text)
    }

    @Test("a huge table of findings and cell fragments is read in linear time")
    func hugeTable() throws {
        let head = "Local area partnership report\nArea SEND inspection of Kelbridge Local Area Partnership\nInspection dates: 1 to 5 July 2024\nInspection outcome\nThere are widespread and/or systemic failings.\nAreas for priority action\nResponsible body\n"
        let cells = String(repeating: "Kelbridge\n", count: 8_000)
        let actions = String(repeating: "Area leaders must act now on this.\n", count: 8_000)
        let text = head + cells + "\nAreas for priority action\n" + actions + "Areas for improvement\n" + actions
        #expect(text.utf8.count < LetterReader.maximumBytes)
        let clock = ContinuousClock()
        let start = clock.now
        let reading = try LetterReader.readAreaReport(text)
        #expect(clock.now - start < .seconds(30))
        #expect(reading.facts.areasForPriorityAction.count == 8_000)
        #expect(reading.facts.areasForPriorityAction.first?.partner?.hasPrefix("Kelbridge Kelbridge") == true)
        #expect(reading.facts.areasForImprovement.count == 8_000)
    }

    @Test("readings are identical across runs, tasks and line-end styles", arguments: allReports)
    func deterministic(label: String) async throws {
        let text = try reportText(label)
        let first = Result { try LetterReader.readAreaReport(text) }
        let rendered = render(first)
        let parallel = await withTaskGroup(of: String.self) { group in
            for _ in 0..<4 {
                group.addTask { render(Result { try LetterReader.readAreaReport(text) }) }
            }
            var all: [String] = []
            for await one in group { all.append(one) }
            return all
        }
        #expect(parallel.allSatisfy { $0 == rendered })
        let unix = text.replacingOccurrences(of: "\r\n", with: "\n")
        let windows = unix.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(render(Result { try LetterReader.readAreaReport(unix) }) == rendered)
        #expect(render(Result { try LetterReader.readAreaReport(windows) }) == rendered)
    }
}

/// A reading or refusal as bytes: every summary entry and warning, or the refusal.
private func render(_ result: Result<LetterReading<AreaSENDReport>, any Error>) -> String {
    switch result {
    case let .success(reading):
        let facts = reading.facts.summary.map { "\($0.field.rawValue)=\($0.value)" }
        return (facts + reading.warnings.map(\.description)).joined(separator: "\n")
    case let .failure(error):
        return "refused: \(error)"
    }
}
