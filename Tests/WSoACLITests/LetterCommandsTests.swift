import Foundation
import Testing
import WSoAEngine

/// The public seed letters wsoa was designed from, kept in the package as test fixtures
/// (`Tests/Fixtures/seeds/`, see its README), so these tests run on every fresh clone.
enum SeedLetters {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seeds")
}

/// `--from-letter` on the real seed letters.
@Suite struct LetterCommandsTests {
    static let seeds = SeedLetters.folder

    static func seed(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path)
        let name = try #require(names.first { $0.hasPrefix(prefix) })
        return seeds.appendingPathComponent(name).path
    }

    @Test func anInspectionLetterBecomesAPlanWithItsWeaknesses() throws {
        let wsoa = try WSoABinary()
        try wsoa.succeed(["init"])
        let dry = try wsoa.succeed(["new", "redcar-and-cleveland-2018", "--from-letter", try Self.seed("003"), "--dry-run"])
        #expect(dry.stdout.contains("Nothing was written (--dry-run)."))
        #expect(!FileManager.default.fileExists(atPath: "\(wsoa.plans)/redcar-and-cleveland-2018"))
        try wsoa.succeed(["new", "redcar-and-cleveland-2018", "--from-letter", try Self.seed("003")])
        let json = try JSONReader.parse(try wsoa.succeed(["status", "redcar-and-cleveland-2018", "--json"]).stdout)
        #expect(json["phase"]?.stringValue == "statementDue")
        #expect(json["inspection"]?["start"]?.stringValue == "2018-02-26")
        #expect(json["inspection"]?["end"]?.stringValue == "2018-03-08")
        #expect(json["inspection"]?["letter"]?.stringValue == "2018-04-23")
        #expect(json["partners"]?["health"]?.stringValue == "South Tees Clinical Commissioning Group")
        let weaknesses = try #require(json["weaknesses"]?.arrayValue)
        #expect(weaknesses.count == 4)
        #expect(weaknesses.last?["statement"]?.stringValue
                == "Too little involvement of children, young people and families in meaningfully co-producing the services, resources and support they need.")
    }

    @Test func theOfficersNoteIsKeptWithWhatALetterSays() throws {
        let wsoa = try WSoABinary()
        try wsoa.succeed(["init"])
        try wsoa.succeed(["new", "stoke-on-trent-2016", "--from-letter", try Self.seed("004"), "--note", "Copied from the PDF by the SEND lead."])
        let history = try JSONReader.parse(try wsoa.succeed(["history", "stoke-on-trent-2016", "--json"]).stdout)
        let notes = try #require(history.arrayValue?.compactMap { $0["data"]?["note"]?.stringValue })
        #expect(notes.count == 2 && notes.allSatisfy { $0.hasPrefix("Copied from the PDF by the SEND lead. Read from the ") }, "\(notes)")
    }

    /// An option a command accepts is always used: one this use of it would ignore is refused.
    @Test(arguments: [
        (["new", "x-2026", "--area", "X", "--inspected", "2026-03-02..2026-03-06", "--dry-run"], "--dry-run", "it only applies with --from-letter"),
        (["new", "x-2026", "--area", "X", "--inspected", "2026-03-02..2026-03-06", "--received", "2026-04-01"], "--received", "it only applies with --from-letter"),
        (["new", "x-2026", "--area", "X", "--inspected", "2026-03-02..2026-03-06", "--on", "2026-04-01"], "--on", "it only applies with --from-letter"),
    ])
    func anOptionThatWouldBeIgnoredIsRefused(arguments: [String], option: String, reason: String) throws {
        let wsoa = try WSoABinary()
        try wsoa.succeed(["init"])
        let result = try wsoa.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: The option '\(option)' of 'wsoa new' cannot be used here: \(reason).\n"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(wsoa.plans)/x-2026"))
    }

    @Test func aLetterRequiringNoStatementEndsThePlanThere() throws {
        let wsoa = try WSoABinary()
        try wsoa.succeed(["init"])
        try wsoa.succeed(["new", "stoke-on-trent-2016", "--from-letter", try Self.seed("004")])
        let json = try JSONReader.parse(try wsoa.succeed(["status", "stoke-on-trent-2016", "--json"]).stdout)
        #expect(json["phase"]?.stringValue == "noStatementRequired")
        #expect(json["area"]?.stringValue == "Stoke-on-Trent")
    }

    @Test func theCabinetReportIsRefusedAsNotALetter() throws {
        let wsoa = try WSoABinary()
        try wsoa.succeed(["init"])
        let result = try wsoa.run(["new", "stockton-on-tees-2019", "--from-letter", try Self.seed("002")])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: This is not an Ofsted/CQC inspection letter, revisit letter or area SEND report: it looks like a council report"))
        #expect(!FileManager.default.fileExists(atPath: "\(wsoa.plans)/stockton-on-tees-2019"))
    }

    @Test func aRevisitLetterJudgesThePlansWeaknesses() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        let before = try wsoa.journal("stockton-on-tees-2019")
        let wrong = try wsoa.run(["advance", "stockton-on-tees-2019", "revisit", "--from-letter", try Self.seed("001")])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("matches none of the plan's weaknesses closely enough; the closest are"))
        #expect(try wsoa.journal("stockton-on-tees-2019") == before)
        // The letter decides each judgement, so judgements typed beside it are refused, not ignored.
        let typed = try wsoa.run(["advance", "stockton-on-tees-2019", "revisit", "--from-letter", try Self.seed("000"), "--insufficient", "W2"])
        #expect(typed.status == 64)
        #expect(typed.stderr.hasPrefix("Error: The option '--insufficient' of 'wsoa advance revisit' cannot be used here: with --from-letter each weakness's judgement is read from the letter.\n"))
        let dry = try wsoa.run(["advance", "stockton-on-tees-2019", "revisit", "--on", "2022-09-26", "--visited", "2022-07-11..2022-07-13", "--sufficient", "W1,W2,W3,W4", "--dry-run"])
        #expect(dry.status == 64)
        #expect(dry.stderr.hasPrefix("Error: The option '--dry-run' of 'wsoa advance revisit' cannot be used here: it only applies with --from-letter.\n"))
        #expect(try wsoa.journal("stockton-on-tees-2019") == before)
        // recordStockton rewords W1 ("Coproduction … under-developed"); the matcher still pairs it.
        try wsoa.succeed(["advance", "stockton-on-tees-2019", "revisit", "--from-letter", try Self.seed("000")])
        let json = try JSONReader.parse(try wsoa.succeed(["status", "stockton-on-tees-2019", "--json"]).stdout)
        #expect(json["phase"]?.stringValue == "cessationRecommended")
        #expect(json["revisit"]?["start"]?.stringValue == "2022-07-11")
        #expect(json["revisit"]?["letter"]?.stringValue == "2022-09-26")
        #expect(json["weaknesses"]?.arrayValue?.allSatisfy { $0["outcome"]?.stringValue == "sufficient" } == true)
    }
}
