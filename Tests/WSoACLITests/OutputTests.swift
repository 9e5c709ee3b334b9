import Foundation
import Testing
import WSoAEngine
@testable import WSoACLI

/// What the everyday commands print: history in the engine's words, JSON that is exactly JSON.
@Suite struct OutputTests {
    static let plan = "stockton-on-tees-2019"

    /// A Stockton history with a visit, a mixed revisit and a partner's new name.
    static func record(_ wsoa: InProcess) {
        wsoa.recordStockton(through: 4)
        wsoa.succeed(["visit", plan, "--on", "2020-01-15", "--adviser", "DfE SEND adviser", "--rate", "W1=amber",
                      "--follow-up", "Check the forum's terms", "--note", "First support and challenge visit."])
        wsoa.succeed(["advance", plan, "revisit", "--on", "2022-09-26", "--visited", "2022-07-11..2022-07-13",
                      "--sufficient", "W1,W3", "--insufficient", "W2,W4"])
        wsoa.succeed(["partner", plan, "--health", "NHS North East and North Cumbria ICB", "--on", "2022-07-01"])
    }

    @Test func historyTellsEachEventInTheEnginesWords() throws {
        let wsoa = try InProcess()
        Self.record(wsoa)
        let history = wsoa.succeed(["history", Self.plan]).stdout
        let lines = history.split(separator: "\n", omittingEmptySubsequences: false)
        let recorded = lines.filter { $0.hasPrefix("      recorded ") }
        #expect(recorded.count == 7)
        #expect(recorded.allSatisfy { $0.wholeMatch(of: /\ {6}recorded \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ by tester/) != nil }, "\(recorded)")
        #expect(lines.filter { !$0.hasPrefix("      recorded ") }.joined(separator: "\n") == """
            1.  2019-02-08  plan created  Stockton-on-Tees, inspected 4–8 February 2019 (framework 2016)
            2.  2019-04-24  letter published  written statement required for 4 areas of significant weakness; received 2 May 2019
            3.  2019-08-12  statement submitted  statement submitted
            4.  2019-10-17  statement judged  fit for purpose
                  note: Cabinet report date.
            5.  2020-01-15  monitoring visit  monitoring visit with DfE SEND adviser; ratings W1 amber
                  note: First support and challenge visit.
            7.  2022-07-01  partner renamed  health partner now called NHS North East and North Cumbria ICB
            6.  2022-09-26  revisit reported  revisited 11–13 July 2022; sufficient: W1, W3; insufficient: W2, W4

            """)
        // --as-of keeps the events that had taken effect by then.
        let early = wsoa.succeed(["history", Self.plan, "--as-of", "2019-09-01"]).stdout
        #expect(early.split(separator: "\n").filter { !$0.hasPrefix("      ") }.map { $0.prefix(3) } == ["1. ", "2. ", "3. "])
        // --json gives every line whole, as written.
        let json = try JSONReader.parse(wsoa.succeed(["history", Self.plan, "--json"]).stdout)
        let entries = try #require(json.arrayValue)
        // In the order things happened: the rename of 1 July was recorded after the revisit letter of 26 September.
        #expect(entries.map { $0["seq"]?.intValue } == [1, 2, 3, 4, 5, 7, 6].map { Int64($0) })
        #expect(entries[4]["data"]?["followUps"] == .array([.string("Check the forum's terms")]))
        #expect(entries.allSatisfy { $0["v"]?.intValue == 1 && $0["prev"]?.stringValue?.count == 64 })
    }

    /// A status for an action with its latest report, and the evidence tallied.
    @Test func statusJSONCarriesLastReportedAndTheEvidenceTally() throws {
        let wsoa = try InProcess()
        wsoa.recordStockton(through: 4)
        wsoa.succeed(["workstream", "add", Self.plan, "coproduction", "--title", "Co-production", "--addresses", "W1", "--on", "2019-10-20"])
        wsoa.succeed(["action", "add", Self.plan, "--workstream", "coproduction", "--title", "Forum charter", "--due", "2020-03-31", "--on", "2019-10-20"])
        wsoa.succeed(["action", "update", Self.plan, "A1", "--status", "atRisk", "--on", "2020-01-10"])
        wsoa.succeed(["action", "retarget", Self.plan, "A1", "--due", "2020-06-30", "--reason", "Forum elections", "--on", "2020-02-01"])
        wsoa.succeed(["evidence", "add", Self.plan, "--workstream", "coproduction", "--kind", "voice", "--on", "2020-01-10", "--title", "Forum minutes"])
        wsoa.succeed(["evidence", "add", Self.plan, "--workstream", "coproduction", "--kind", "voice", "--on", "2020-01-09", "--title", "Earlier survey"])
        let json = try JSONReader.parse(wsoa.succeed(["status", Self.plan, "--json", "--as-of", "2020-03-01"]).stdout)
        let action = try #require(json["actions"]?.arrayValue?.first)
        #expect(action["lastReported"]?.stringValue == "2020-01-10")
        #expect(action["status"]?.stringValue == "atRisk")
        #expect(action["due"]?.stringValue == "2020-06-30")
        #expect(action["statusHistory"] == nil)
        let evidence = try #require(json["evidence"])
        #expect(evidence["total"]?.intValue == 2)
        #expect(evidence["counts"]?["voice"]?.intValue == 2)
        // The latest of a kind is the one with the latest day, not the last recorded.
        #expect(evidence["latest"]?["voice"] == .object(["id": .string("E1"), "on": .string("2020-01-10"), "title": .string("Forum minutes")]))
        // Before any report.
        let before = try JSONReader.parse(wsoa.succeed(["status", Self.plan, "--json", "--as-of", "2019-12-01"]).stdout)
        #expect(before["actions"]?.arrayValue?.first?["lastReported"] == .null)
        #expect(before["evidence"]?["total"]?.intValue == 0)
    }

    /// `--json` output is exactly JSON, whatever the command: a program reads it as it is.
    @Test func everyJSONOutputIsJSON() throws {
        let wsoa = try InProcess()
        wsoa.succeed(["init"])
        let commands: [[String]] = [
            ["new", Self.plan, "--area", "Stockton-on-Tees", "--inspected", "2019-02-04..2019-02-08", "--json"],
            ["advance", Self.plan, "letter", "--on", "2019-04-24", "--wsoa", "--weakness", "Co-production.", "--json"],
            ["status", Self.plan, "--json"], ["list", "--json"], ["deadlines", "--json"], ["history", Self.plan, "--json"],
            ["verify", "--json"], ["advance", Self.plan, "--json"], ["init", "--json"],
        ]
        for arguments in commands {
            let result = wsoa.succeed(arguments)
            #expect(throws: Never.self, "\(arguments)") { try JSONReader.parse(result.stdout) }
            #expect(result.stdout.hasSuffix("}\n") || result.stdout.hasSuffix("]\n"), "\(arguments)")
        }
        // The report's own JSON is written as it is.
        let report = wsoa.succeed(["report", Self.plan, "--format", "json"])
        #expect(throws: Never.self) { try JSONReader.parse(report.stdout) }
    }

    /// The byte scan for controls agrees with the scalar definition on every scalar near the
    /// ones it looks for, alone and inside other text, and `visible` escapes exactly those.
    @Test func theByteScanForControlsMatchesTheScalars() {
        let values = Array(0x00...0xFF) + Array(0x2000...0x2070) + [0x3000, 0xFEFF, 0x1F600]
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "a\(scalar)b", "— \(scalar)", "\(scalar)é"] {
                #expect(text.hasInvisibleControl == text.unicodeScalars.contains(where: \.isInvisibleControl), "U+\(String(value, radix: 16))")
            }
        }
        #expect("a\u{1B}[31mb\u{2028}c\u{85}".visible == "a\\u{1B}[31mb\\u{2028}c\\u{85}")
        #expect("Plan — “quoted” café".visible == "Plan — “quoted” café")
    }
}
