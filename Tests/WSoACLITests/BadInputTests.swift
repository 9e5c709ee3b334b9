import Foundation
import Testing

/// Bad input gets one clear sentence and the contract's exit code — never a crash.
@Suite struct BadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        let arguments: [String]
        let status: Int32
        let mentions: String
        var description: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["status", "nowhere-2020"], status: 1, mentions: "There is no plan 'nowhere-2020'"),
        Case(arguments: ["advance", "stockton-on-tees-2019", "submit", "--on", "2019-02-30"], status: 64,
             mentions: "February 2019 has 28 days"),
        Case(arguments: ["new", "x-2020", "--area", "X", "--inspected", "2020-03-06..2020-03-02"], status: 64,
             mentions: "before it starts"),
        Case(arguments: ["status", "../x"], status: 64, mentions: "'../x' is not a valid plan id"),
        Case(arguments: ["status", "Plan 1"], status: 64, mentions: "'Plan 1' is not a valid plan id"),
        Case(arguments: ["status", "stockton-on-tees-2019", "--plan", "x"], status: 64, mentions: "did you mean '--plans'?"),
        Case(arguments: ["stauts", "stockton-on-tees-2019"], status: 64, mentions: "did you mean 'status'?"),
        Case(arguments: ["advance", "stockton-on-tees-2019", "submit", "--on"], status: 64, mentions: "needs a value"),
        Case(arguments: ["advance", "stockton-on-tees-2019", "judge", "--on", "2019-10-17", "--fit"], status: 1,
             mentions: "Rule lifecycle refuses 'statement judged' for stockton-on-tees-2019"),
        Case(arguments: ["advance", "stockton-on-tees-2019", "submit", "--on", "2019-01-01"], status: 1,
             mentions: "Rule dates-in-order refuses 'statement submitted'"),
        Case(arguments: ["new", "stockton-on-tees-2019", "--area", "X", "--inspected", "2019-02-04..2019-02-08"],
             status: 1, mentions: "already exists"),
        Case(arguments: ["advance", "stockton-on-tees-2019", "submit", "--on", "2019-08-12", "--as-of", "2019-09-01"],
             status: 64, mentions: "only applies to views"),
        Case(arguments: ["status", "stockton-on-tees-2019", "--as-of", "2018-01-01"], status: 1, mentions: "had not begun"),
        Case(arguments: ["advance", "stockton-on-tees-2019", "submit", "--on", "2019-08-12", "--on=2019-08-13"], status: 64,
             mentions: "The option '--on' of 'wsoa advance submit' takes one value but was given twice ('2019-08-12', then '2019-08-13'); give it once."),
    ]

    @Test(arguments: cases)
    func refusedWithOneSentence(_ example: Case) throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 2)
        let before = try wsoa.journal("stockton-on-tees-2019")
        let result = try wsoa.run(example.arguments)
        #expect(result.status == example.status)
        let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("Error: "))
        #expect(first.contains(example.mentions), "stderr was: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        if example.status == 64 {
            #expect(result.stderr.contains("\nUsage: wsoa "))
            #expect(result.stderr.contains("--help' for more information."))
        }
        #expect(try wsoa.journal("stockton-on-tees-2019") == before, "a refused command changed the journal")
    }

    @Test func missingPlansDirectoryIsExplained() throws {
        let wsoa = try WSoABinary()
        let result = try wsoa.run(["list"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: There is no plans directory at "))
    }
}
