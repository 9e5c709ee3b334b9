import Foundation
import Testing
@testable import WSoAEngine

/// The five public seed documents, kept in the package as test fixtures (`Tests/Fixtures/seeds/`,
/// see its README), so every test runs on a fresh clone and none is ever skipped.
enum LetterSeeds {
    /// `Tests/Fixtures/seeds`, found from this file (in `Tests/WSoAEngineTests`).
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seeds").standardizedFileURL

    /// The text of the seed whose file name starts with `number` (e.g. "003").
    static func text(_ number: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let name = try #require(names.first { $0.hasPrefix(number + "_") && $0.hasSuffix(".txt") },
                                "seed \(number) is missing from \(directory.path)")
        return try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// Every seed's number.
    static let numbers = ["000", "001", "002", "003", "004"]
}

/// Parses a date the test knows is valid.
private func day(_ text: String) throws -> Day { try Day(parsing: text) }

/// Whether `text` is one sentence as the house style wants: a full stop at the end, no line break.
func isOneSentence(_ text: String) -> Bool {
    text.hasSuffix(".") && !text.contains("\n") && !text.contains("\r") && !text.isEmpty
}

/// The letter readers on the five real seed documents (`Tests/Fixtures/seeds/`): each field
/// read as a person reading the letter would, or named as missing.
@Suite("Letters: the five seed documents")
struct LetterSeedConformanceTests {
    // MARK: 000 Stockton-on-Tees revisit

    @Test("000 Stockton-on-Tees revisit letter: every field")
    func stocktonRevisit() throws {
        let text = try LetterSeeds.text("000")
        #expect(LetterKind.classify(text) == .revisit)
        let reading = try LetterReader.readRevisit(text)
        let letter = reading.facts
        #expect(letter.area == "Stockton-on-Tees")
        #expect(letter.letterDate == (try day("2022-09-26")))
        #expect(letter.visit == (try DayRange(start: day("2022-07-11"), end: day("2022-07-13"))))
        #expect(letter.originalLetterDate == (try day("2019-04-24")))
        #expect(letter.statementIssued == nil)
        #expect(letter.fitForPurpose == nil)
        #expect(letter.judgements.map(\.quote) == [
            "Co-production, engagement and communication with parents are underdeveloped.",
            "The quality of EHC assessments and plans is too variable.",
            "Strategic joint commissioning, in a way that demonstrably improves EHC provision and outcomes for children, young people and families, is not fully embedded.",
            "Local area leaders have not developed an effective approach to measuring and evaluating EHC outcomes for children and young people.",
        ])
        #expect(letter.judgements.allSatisfy { $0.outcome == .sufficient })
        #expect(letter.judgements.allSatisfy { $0.verdict == "The area has made sufficient progress in addressing this area of significant weakness" })
        #expect(letter.allSufficient)
        #expect(letter.cessation == "As the area has made sufficient progress in addressing all the significant weaknesses, the formal quarterly support and challenge visits from the DfE and NHS England will cease.")
        #expect(letter.monitoringCeaseRecommended)
        #expect(!letter.acceleratedProgressPlan)
        #expect(letter.localAuthority == "Stockton-on-Tees Borough Council")
        #expect(letter.healthPartner == "North East & North Cumbria Integrated Care Board")
        #expect(letter.nominatedOfficer == "Joanne Mills")
        #expect(reading.warnings.isEmpty, "unexpected warnings: \(reading.warnings)")
    }

    @Test("000's quotes match the Cabinet report's wording of the same weaknesses (002) one-to-one")
    func stocktonQuotesMatchCabinetWording() throws {
        let quotes = try LetterReader.readRevisit(LetterSeeds.text("000")).facts.judgements.map(\.quote)
        // The Cabinet report lists "the areas of focus" as indented bullets; take them at test time.
        let report = try LetterSeeds.text("002")
        let afterLeadIn = try #require(report.components(separatedBy: "areas of focus").dropFirst().first)
        let listed = afterLeadIn.components(separatedBy: "\n").filter { $0.hasPrefix("  - ") }.prefix(4)
            .map { String($0.dropFirst(4)) }
        try #require(listed.count == 4)
        #expect(listed[0].hasPrefix("Coproduction"), "the report spells it without the hyphen")
        let plan = listed.enumerated().map { Weakness(id: "W\($0.offset + 1)", statement: $0.element) }
        let result = WeaknessMatcher().match(quotes, to: plan)
        #expect(result.allMatched)
        #expect(result.matches.map { $0.weakness?.id } == ["W1", "W2", "W3", "W4"])
        #expect(result.matches.allSatisfy { ($0.weakness?.similarity ?? 0) > 0.95 })
        #expect(result.unquoted.isEmpty)
    }

    // MARK: 001 Middlesbrough revisit

    @Test("001 Middlesbrough revisit letter: every field")
    func middlesbroughRevisit() throws {
        let text = try LetterSeeds.text("001")
        #expect(LetterKind.classify(text) == .revisit)
        let reading = try LetterReader.readRevisit(text)
        let letter = reading.facts
        #expect(letter.area == "Middlesbrough")
        #expect(letter.letterDate == (try day("2019-09-26")))
        #expect(letter.visit == (try DayRange(start: day("2019-07-08"), end: day("2019-07-10"))))
        #expect(letter.originalLetterDate == nil)
        #expect(letter.statementIssued == (try day("2017-05-19")))
        #expect(letter.fitForPurpose == (try day("2017-09-22")))
        #expect(letter.judgements.map(\.quote) == [
            "There are fundamental weaknesses in the strategic leadership, governance and implementation of the disability and special educational needs reforms.",
            "Children, young people and their families have too little involvement in discussion and decision-making about the services and support they need. The local offer is poor and, as a result, children, young people and families have a weak understanding of the resources and support available in Middlesbrough.",
            "Leaders have an inaccurate view of the local area's effectiveness. They do not gather, analyse and use information and data to drive improvement in provision and outcomes for children and young people who have SEND.",
            "Strategic planning is weak and there is no strategy for jointly commissioning services across education, health and social care.",
        ])
        #expect(letter.judgements.map(\.outcome) == [.sufficient, .sufficient, .sufficient, .sufficient])
        let cessation = try #require(letter.cessation)
        #expect(cessation.hasPrefix("As the local area has made sufficient progress against all the weaknesses"))
        #expect(cessation.contains("HMCI recommends that the formal monitoring visits from Department for Education (DfE) and NHS England should cease."))
        #expect(letter.monitoringCeaseRecommended)
        #expect(letter.localAuthority == "Middlesbrough Council")
        #expect(letter.healthPartner == "County Durham and Tees Valley Clinical Commissioning Group")
        #expect(letter.nominatedOfficer == "Caroline Cannon")
        // The seed cuts the CCG's name short and runs the officer's name into it: both are flagged.
        #expect(reading.warnings.map(\.field) == [.healthPartner, .nominatedOfficer])
    }

    // MARK: 002 Cabinet report

    @Test("002 Stockton-on-Tees Cabinet report is refused as not a letter, with a helpful sentence")
    func cabinetReportRefused() throws {
        let text = try LetterSeeds.text("002")
        #expect(LetterKind.classify(text) == .notALetter)
        for read in [{ _ = try LetterReader.readInspection(text) }, { _ = try LetterReader.readRevisit(text) },
                     { _ = try LetterReader.read(text) }] as [() throws -> Void] {
            let error = try #require(throws: WSoAError.self) { try read() }
            guard case let .notALetter(reason) = error else {
                Issue.record("expected notALetter, got \(error)")
                continue
            }
            #expect(reason.contains("council report"))
            #expect(error.description.contains("Report to Cabinet"))
            #expect(isOneSentence(error.description), "\(error.description)")
            #expect(!error.isUsageError)
        }
    }

    // MARK: 003 Redcar and Cleveland inspection

    @Test("003 Redcar and Cleveland inspection outcome letter: every field, weaknesses verbatim")
    func redcarInspection() throws {
        let text = try LetterSeeds.text("003")
        #expect(LetterKind.classify(text) == .inspectionOutcome)
        let reading = try LetterReader.readInspection(text)
        let letter = reading.facts
        #expect(letter.area == "Redcar and Cleveland")
        #expect(letter.letterDate == (try day("2018-04-23")))
        #expect(letter.visit == (try DayRange(start: day("2018-02-26"), end: day("2018-03-08"))))
        #expect(letter.statementRequired)
        #expect(letter.weaknesses == [
            "Poor shared understanding of the needs of children and young people who have SEN and/or disabilities and their education, health and care outcomes.",
            "The lack of an effective approach to jointly planning and commissioning the services that children and young people who have SEN and/or disabilities need.",
            "Poor evaluation of the effectiveness of the local area's arrangements for improving the education, health and care outcomes of children and young people who have SEN and/or disabilities.",
            "Too little involvement of children, young people and families in meaningfully co-producing the services, resources and support they need.",
        ])
        #expect(letter.localAuthority == "Redcar and Cleveland Borough Council")
        #expect(letter.healthPartner == "South Tees Clinical Commissioning Group")
        #expect(letter.nominatedOfficer == "Deanne Taylor")
        #expect(letter.partners == Partners(la: "Redcar and Cleveland Borough Council", health: "South Tees Clinical Commissioning Group"))
        #expect(letter.numberedWeaknesses.map(\.id) == ["W1", "W2", "W3", "W4"])
        #expect(letter.numberedWeaknesses.allSatisfy { $0.outcome == .open && $0.monitored })
        #expect(reading.warnings.isEmpty, "unexpected warnings: \(reading.warnings)")
    }

    // MARK: 004 Stoke-on-Trent inspection

    @Test("004 Stoke-on-Trent inspection outcome letter: no statement required")
    func stokeInspection() throws {
        let text = try LetterSeeds.text("004")
        #expect(LetterKind.classify(text) == .inspectionOutcome)
        let reading = try LetterReader.readInspection(text)
        let letter = reading.facts
        // The heading says "Stoke"; the letter says "Stoke-on-Trent" throughout, and a warning says so.
        #expect(letter.area == "Stoke-on-Trent")
        #expect(reading.warnings(for: .area).count == 1)
        #expect(letter.letterDate == (try day("2016-09-08")))
        #expect(letter.visit == (try DayRange(start: day("2016-07-11"), end: day("2016-07-15"))))
        #expect(!letter.statementRequired)
        #expect(letter.weaknesses.isEmpty)
        // Addressed to the director and the CCG's chief officer without naming council or CCG.
        #expect(letter.localAuthority == nil)
        #expect(letter.healthPartner == nil)
        #expect(reading.warnings(for: .localAuthority).count == 1)
        #expect(reading.warnings(for: .healthPartner).count == 1)
        #expect(letter.nominatedOfficer == "Mr Geoff Catterall")
        #expect(reading.warnings(for: .statementRequired).isEmpty)
    }

    // MARK: Across the seeds

    @Test("a letter of the other kind is refused with a sentence naming both kinds")
    func kindMismatch() throws {
        let revisit = try LetterSeeds.text("000")
        #expect(throws: WSoAError.letterKindMismatch(expected: .inspectionOutcome, found: .revisit)) {
            try LetterReader.readInspection(revisit)
        }
        let inspection = try LetterSeeds.text("003")
        #expect(throws: WSoAError.letterKindMismatch(expected: .revisit, found: .inspectionOutcome)) {
            try LetterReader.readRevisit(inspection)
        }
        #expect(WSoAError.letterKindMismatch(expected: .revisit, found: .inspectionOutcome).description
            == "This is an inspection outcome letter, not a revisit letter.")
    }

    @Test("read(_:) decides the kind of each seed", arguments: [
        ("000", LetterKind.revisit), ("001", .revisit), ("003", .inspectionOutcome), ("004", .inspectionOutcome),
    ])
    func readDecidesKind(number: String, kind: LetterKind) throws {
        #expect(try LetterReader.read(LetterSeeds.text(number)).kind == kind)
    }

    @Test("every warning about a seed is one sentence", arguments: LetterSeeds.numbers)
    func warningsAreSentences(number: String) throws {
        guard let reading = try? LetterReader.read(LetterSeeds.text(number)) else { return }
        for warning in reading.warnings {
            #expect(isOneSentence(warning.message), "\(warning)")
        }
    }

    @Test("the seeds read the same with Windows line ends, a byte-order mark and non-breaking spaces",
          arguments: ["000", "001", "003", "004"])
    func seedsSurviveEncodingDebris(number: String) throws {
        let text = try LetterSeeds.text(number)
        let messy = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: " July ", with: "\u{00A0}July\u{00A0}")
        #expect(try LetterReader.read(messy) == LetterReader.read(text))
    }
}
