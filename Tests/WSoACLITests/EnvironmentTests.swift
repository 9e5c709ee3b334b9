import Foundation
import Testing
import WSoAEngine

/// The environment wsoa reads (`WSOA_PLANS`, `WSOA_TODAY`, `WSOA_LOCK_TIMEOUT`): a value that is
/// set but cannot be used is a usage error (64) naming the variable, never silently ignored.
@Suite struct EnvironmentTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let value: String
        let reason: String
        var description: String { "\(name)='\(value)'" }
    }

    static let cases: [Case] = [
        Case(name: "WSOA_LOCK_TIMEOUT", value: "abc", reason: "give a number of seconds from 0 to 3600"),
        Case(name: "WSOA_LOCK_TIMEOUT", value: "-1", reason: "give a number of seconds from 0 to 3600"),
        Case(name: "WSOA_LOCK_TIMEOUT", value: "3601", reason: "give a number of seconds from 0 to 3600"),
        Case(name: "WSOA_LOCK_TIMEOUT", value: "nan", reason: "give a number of seconds from 0 to 3600"),
        Case(name: "WSOA_LOCK_TIMEOUT", value: "", reason: "give a number of seconds from 0 to 3600"),
        Case(name: "WSOA_TODAY", value: "2019-02-30", reason: "give a date as YYYY-MM-DD between 1990 and 2100"),
        Case(name: "WSOA_TODAY", value: "tomorrow", reason: "give a date as YYYY-MM-DD between 1990 and 2100"),
        Case(name: "WSOA_TODAY", value: "2101-01-01", reason: "give a date as YYYY-MM-DD between 1990 and 2100"),
        Case(name: "WSOA_TODAY", value: "", reason: "give a date as YYYY-MM-DD between 1990 and 2100"),
        Case(name: "WSOA_PLANS", value: "", reason: "it is empty; unset it or give a value"),
    ]

    @Test(arguments: cases)
    func anUnusableValueIsAUsageError(_ example: Case) throws {
        let wsoa = try InProcess()
        wsoa.recordStockton(through: 2)
        let before = try wsoa.journal("stockton-on-tees-2019")
        for arguments in [["list"], ["advance", "stockton-on-tees-2019", "submit", "--on", "2019-08-12"]] {
            let result = wsoa.run(arguments, environment: [example.name: example.value])
            #expect(result.status == 64, "\(arguments)")
            // One sentence, with no usage line: the command line was not at fault.
            #expect(result.errorLines == ["Error: The environment variable \(example.name)='\(example.value)' cannot be used: \(example.reason)."])
            #expect(result.stdout.isEmpty)
        }
        #expect(try wsoa.journal("stockton-on-tees-2019") == before)
    }

    @Test func goodValuesAreUsed() throws {
        let wsoa = try InProcess(today: "2019-06-01")
        wsoa.recordStockton(through: 2)
        // WSOA_TODAY is the day views are computed at.
        #expect(wsoa.succeed(["status", "stockton-on-tees-2019"]).stdout.contains("as of 1 June 2019"))
        let later = wsoa.run(["status", "stockton-on-tees-2019"], environment: ["WSOA_TODAY": "2019-08-13"])
        #expect(later.stdout.contains("OVERDUE by 1 working day"))
        // --plans wins over WSOA_PLANS, even an empty one.
        #expect(wsoa.run(["list", "--plans", wsoa.plans], environment: ["WSOA_PLANS": ""]).status == 0)
        // A timeout of 0 is allowed: try the lock once.
        // (WSOA_TODAY is also the recorder's today: what happened cannot be dated after it.)
        #expect(wsoa.run(["advance", "stockton-on-tees-2019", "submit", "--on", "2019-08-12"],
                         environment: ["WSOA_LOCK_TIMEOUT": "0", "WSOA_TODAY": "2019-08-12"]).status == 0)
        // The recorder is --by, else WSOA_USER, else USER (with none, nothing is recorded: below).
        #expect(wsoa.run(["advance", "stockton-on-tees-2019", "judge", "--on", "2019-10-17", "--fit"], environment: ["WSOA_TODAY": "2019-10-17"]).status == 0)
        #expect(wsoa.run(["partner", "stockton-on-tees-2019", "--health", "NHS Tees Valley CCG", "--on", "2019-10-18"],
                         environment: ["WSOA_USER": nil, "USER": "ann", "WSOA_TODAY": "2019-10-18"]).status == 0)
        #expect(wsoa.run(["partner", "stockton-on-tees-2019", "--health", "NHS North East ICB", "--on", "2022-07-01", "--by", "Bo"],
                         environment: ["WSOA_USER": "ann", "WSOA_TODAY": "2022-07-01"]).status == 0)
        let history = try JSONReader.parse(wsoa.succeed(["history", "stockton-on-tees-2019", "--json"]).stdout)
        #expect(history.arrayValue?.compactMap { $0["by"]?.stringValue } == ["tester", "tester", "tester", "tester", "ann", "Bo"])
    }

    /// Every line names who recorded it: with no `--by`, `WSOA_USER` or `USER` (or only blank
    /// ones) a command that records is refused (64) and writes nothing; reading needs no name.
    @Test(arguments: [[String: String?]](arrayLiteral: ["WSOA_USER": nil, "USER": nil], ["WSOA_USER": "  ", "USER": nil],
                                                        ["WSOA_USER": nil, "USER": ""]))
    func noRecorderNoWrite(environment: [String: String?]) throws {
        let wsoa = try InProcess()
        wsoa.recordStockton(through: 2)
        let before = try wsoa.journal("stockton-on-tees-2019")
        for arguments in [["advance", "stockton-on-tees-2019", "submit", "--on", "2019-08-12"],
                          ["advance", "stockton-on-tees-2019", "submit", "--on", "2019-08-12", "--by", " "],
                          ["new", "x-2026", "--area", "X", "--inspected", "2026-03-02..2026-03-06"]] {
            let result = wsoa.run(arguments, environment: environment)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.errorLines.first == "Error: 'wsoa \(arguments[0] == "new" ? "new" : "advance submit")' needs --by NAME (or WSOA_USER set to the name of who is recording).")
        }
        #expect(try wsoa.journal("stockton-on-tees-2019") == before)
        #expect(!FileManager.default.fileExists(atPath: "\(wsoa.plans)/x-2026"))
        #expect(wsoa.run(["status", "stockton-on-tees-2019"], environment: environment).status == 0)
        let named = wsoa.run(["advance", "stockton-on-tees-2019", "submit", "--on", "2019-08-12", "--by", "Jo Bloggs"], environment: environment)
        #expect(named.status == 0)
        #expect(try wsoa.journal("stockton-on-tees-2019").count > before.count)
    }
}
