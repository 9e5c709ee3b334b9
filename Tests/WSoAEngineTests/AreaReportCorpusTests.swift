import Foundation
import Testing
@testable import WSoAEngine

/// A folder of area SEND inspection reports (2023 framework), each `NAME.txt` with the facts
/// it must read as in `NAME.json` beside it.
///
/// Two folders use it: `Tests/Fixtures/reports-2023/` (nine real, published reports: the
/// design's `shared/reports-2023/` copied unchanged, and Oxfordshire's, converted the same way) and `Tests/Fixtures/area-reports-fictional/`
/// (reports written for the tests). Both are found from this file, as the seed letters are,
/// since the test target has no resources. Adding a report is adding its two files.
struct AreaReportCorpus: Sendable {
    /// The real reports.
    static let real = AreaReportCorpus(folder: "reports-2023")
    /// The fictional reports.
    static let fictional = AreaReportCorpus(folder: "area-reports-fictional")

    /// The folder's path.
    let directory: URL

    /// The corpus in `Tests/Fixtures/<folder>`.
    init(folder: String) {
        directory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(folder).standardizedFileURL
    }

    /// The reports' file names without extension, in order.
    var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The report's text, exactly as stored (form feeds, CRLF and all).
    func text(_ name: String) throws -> String {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".txt"))
        return try #require(String(data: data, encoding: .utf8), "\(name).txt is not UTF-8")
    }

    /// The report's expected facts.
    func expected(_ name: String) throws -> Expected {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
        return try JSONDecoder().decode(Expected.self, from: data)
    }

    /// What a report's JSON file says it holds (the shared reports' keys, plus a few the
    /// fictional ones add).
    struct Expected: Decodable {
        /// The refusal a report must get instead of a reading.
        struct Refusal: Decodable {
            /// The field named, e.g. "inspection outcome".
            var field: String
            /// Fragments the hint must contain.
            var contains: [String]
        }

        /// The area, e.g. "West Northamptonshire".
        var area: String?
        /// The first day of the inspection, `YYYY-MM-DD`.
        var inspectionStart: String?
        /// The last day of the inspection.
        var inspectionEnd: String?
        /// The previous inspection as stated, or null.
        var previousInspection: String?
        /// `positive`, `inconsistent` or `widespread-systemic`.
        var outcome: String?
        /// The next full inspection's horizon in years, or null.
        var nextFullInspectionYears: Int?
        /// The monitoring inspection's horizon in months, or null.
        var monitoringInspectionMonths: Int?
        /// The areas for priority action, verbatim.
        var areasForPriorityAction: [String]?
        /// The areas for improvement, verbatim.
        var areasForImprovement: [String]?
        /// The responsible body of each priority action (fictional reports only).
        var partners: [String?]?
        /// The fields warned about, in order (fictional reports only; absent: not checked).
        var warnings: [String]?
        /// The refusal expected instead of a reading (fictional reports only).
        var error: Refusal?
        /// What the report tests, for people (fictional reports only).
        var about: String?
    }
}

/// Checks one report of a corpus against its JSON file, field for field.
func expectReportReadsAsExpected(_ corpus: AreaReportCorpus, _ name: String, partners givenPartners: [String?]? = nil) throws {
    let text = try corpus.text(name)
    let expected = try corpus.expected(name)
    #expect(LetterKind.classify(text) == .areaReport, "\(name) is not classified as an area SEND report")
    if let refusal = expected.error {
        let error = try #require(throws: WSoAError.self, "\(name) was read but should be refused") {
            try LetterReader.readAreaReport(text)
        }
        guard case let .letterFieldMissing(field, hint) = error else {
            Issue.record("\(name): expected letterFieldMissing, got \(error)")
            return
        }
        #expect(field == refusal.field, "\(name)")
        for fragment in refusal.contains {
            #expect(hint.contains(fragment), "\(name): '\(fragment)' is not in the hint '\(hint)'")
        }
        #expect(isOneSentence(error.description), "\(error.description)")
        return
    }
    let reading = try LetterReader.readAreaReport(text)
    let facts = reading.facts
    #expect(facts.area == expected.area, "\(name)")
    let start = try Day(parsing: try #require(expected.inspectionStart, "\(name).json has no inspectionStart"))
    let end = try Day(parsing: try #require(expected.inspectionEnd, "\(name).json has no inspectionEnd"))
    #expect(facts.visit == (try DayRange(start: start, end: end)), "\(name)")
    #expect(facts.previousInspection == expected.previousInspection, "\(name)")
    #expect(facts.outcome.rawValue == expected.outcome, "\(name)")
    #expect(facts.nextInspectionYears == expected.nextFullInspectionYears, "\(name)")
    #expect(facts.monitoringInspectionMonths == expected.monitoringInspectionMonths, "\(name)")
    let actions = expected.areasForPriorityAction ?? []
    #expect(facts.areasForPriorityAction.map(\.statement) == actions, "\(name): priority actions differ")
    for (index, (read, wanted)) in zip(facts.areasForPriorityAction.map(\.statement), actions).enumerated() where read != wanted {
        Issue.record("\(name) P\(index + 1):\n read   \(read)\n wanted \(wanted)")
    }
    let improvements = expected.areasForImprovement ?? []
    #expect(facts.areasForImprovement == improvements, "\(name): improvements differ")
    for (index, (read, wanted)) in zip(facts.areasForImprovement, improvements).enumerated() where read != wanted {
        Issue.record("\(name) I\(index + 1):\n read   \(read)\n wanted \(wanted)")
    }
    if let partners = givenPartners ?? expected.partners {
        #expect(facts.areasForPriorityAction.map(\.partner) == partners, "\(name): partners")
    }
    if let warnings = expected.warnings {
        #expect(reading.warnings.map(\.field.rawValue) == warnings, "\(name): warnings \(reading.warnings)")
    }
    for warning in reading.warnings {
        #expect(isOneSentence(warning.message), "\(name): \(warning)")
    }
}

/// The nine real area SEND reports of `Tests/Fixtures/reports-2023/`, each read field for
/// field against the facts read by hand.
@Suite("Letters: real area SEND reports (2023 framework)")
struct AreaReportCorpusTests {
    /// The responsible bodies of the four reports with areas for priority action, as their
    /// PDFs' tables show them (the JSON files hold no partners; their notes name them).
    static let partners: [String: [String?]] = [
        "oldham-2023": [
            "Oldham Metropolitan Borough Council and NHS Greater Manchester ICB",
            "NHS Greater Manchester ICB and Oldham Metropolitan Borough Council",
        ],
        "oxfordshire-2023": Array(repeating: "Oxfordshire County Council and NHS Buckinghamshire, Oxfordshire, and Berkshire West ICB", count: 5),
        "west-northamptonshire-2024": [
            "West Northamptonshire Council, NHS Northamptonshire Integrated Care Board and Northamptonshire Children’s Trust",
            "West Northamptonshire Council, NHS Northamptonshire Integrated Care Board and Northamptonshire Children’s Trust",
            "West Northamptonshire Council, NHS Northamptonshire Integrated Care Board and Northamptonshire Children’s Trust",
            "NHS Northamptonshire Integrated Care Board",
            "West Northamptonshire Council and NHS Northamptonshire Integrated Care Board",
        ],
        "worcestershire-2024": [
            "Worcestershire County Council, Worcestershire Children’s First and NHS Herefordshire and Worcestershire ICB",
            "Worcestershire County Council, Worcestershire Children’s First and NHS Herefordshire and Worcestershire ICB",
        ],
    ]

    @Test("the nine reports are there, each with its facts")
    func corpusIsComplete() throws {
        let names = AreaReportCorpus.real.names
        #expect(names.count == 9, "reports found: \(names)")
        let files = try FileManager.default.contentsOfDirectory(atPath: AreaReportCorpus.real.directory.path)
        for name in names {
            #expect(files.contains(name + ".json"), "\(name).txt has no \(name).json beside it")
        }
        #expect(files.contains("README.md"))
        #expect(Set(Self.partners.keys).isSubset(of: Set(names)))
    }

    @Test("each report reads field for field as its JSON file says", arguments: AreaReportCorpus.real.names)
    func reportReadsAsExpected(name: String) throws {
        let expected = try AreaReportCorpus.real.expected(name)
        let partners = Self.partners[name] ?? (expected.areasForPriorityAction ?? []).map { _ in nil }
        try expectReportReadsAsExpected(.real, name, partners: partners)
    }
}

/// The fictional area SEND reports of `Tests/Fixtures/area-reports-fictional/` (see its
/// README): the real reports' layouts, varied, each read field for field, partners included.
@Suite("Letters: fictional area SEND reports (2023 framework)")
struct AreaReportFictionalCorpusTests {
    @Test("the fictional reports are there, each with its facts")
    func corpusIsComplete() throws {
        let corpus = AreaReportCorpus.fictional
        #expect(corpus.names.count >= 10, "reports found: \(corpus.names)")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.directory.path)
        for name in corpus.names {
            #expect(files.contains(name + ".json"), "\(name).txt has no \(name).json beside it")
        }
        for json in files where json.hasSuffix(".json") {
            #expect(files.contains(String(json.dropLast(5)) + ".txt"), "\(json) has no report beside it")
        }
        #expect(files.contains("README.md"))
    }

    @Test("each report reads field for field as its JSON file says", arguments: AreaReportCorpus.fictional.names)
    func reportReadsAsExpected(name: String) throws {
        try expectReportReadsAsExpected(.fictional, name)
    }
}
