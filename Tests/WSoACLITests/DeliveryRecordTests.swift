import Foundation
import Testing
import WSoAEngine

/// Workstreams, actions, measures, evidence and visits, built through the real binary and
/// checked against hand-computed expectations.
@Suite struct DeliveryRecordTests {
    /// A plan in monitoring with two workstreams, three actions, two measures and evidence.
    static func recordDemo(_ wsoa: WSoABinary) throws {
        for step in demoSteps { try wsoa.succeed(step) }
    }

    /// A small plan, "demo", with two workstreams, three actions, two measures, a visit and evidence.
    static let demoSteps: [[String]] = [
        ["init"],
        ["new", "demo", "--area", "Demo", "--inspected", "2022-01-10..2022-01-14", "--health", "Demo CCG"],
        ["advance", "demo", "letter", "--on", "2022-03-01", "--wsoa", "--weakness", "First weakness.", "--weakness", "Second weakness."],
        ["workstream", "add", "demo", "coproduction", "--title", "Co-production", "--addresses", "W1",
         "--lead", "Forum lead", "--accountable", "Director", "--partner", "parent-carer-forum", "--on", "2022-03-10"],
        ["workstream", "add", "demo", "ehc", "--title", "EHC quality", "--addresses", "W2", "--on", "2022-03-10"],
        ["action", "add", "demo", "--workstream", "coproduction", "--title", "Set up forum", "--due", "2022-06-30", "--on", "2022-03-10"],
        ["action", "add", "demo", "--workstream", "coproduction", "--title", "Survey", "--due", "2022-09-30", "--on", "2022-03-10"],
        ["action", "add", "demo", "--workstream", "ehc", "--title", "Audit plans", "--due", "2023-03-31", "--on", "2022-03-10"],
        ["measure", "add", "demo", "--workstream", "coproduction", "--title", "Parents satisfied", "--unit", "%",
         "--baseline", "40@2021-12-31", "--target", "70@2024-12-31", "--national", "60", "--on", "2022-03-10"],
        ["measure", "add", "demo", "--workstream", "ehc", "--title", "Days waiting", "--unit", "days",
         "--baseline", "30@2022-01-01", "--target", "10@2023-01-01", "--lower-is-better", "--on", "2022-03-10"],
        ["advance", "demo", "submit", "--on", "2022-06-01"],
        ["action", "update", "demo", "A1", "--status", "complete", "--on", "2022-06-20"],
        ["advance", "demo", "judge", "--on", "2022-07-01", "--fit"],
        ["partner", "demo", "--health", "NHS Demo ICB", "--on", "2022-07-01"],
        ["measure", "record", "demo", "M2", "--on", "2022-07-01", "--value", "25"],
        ["action", "retarget", "demo", "A2", "--due", "2022-12-31", "--reason", "Survey delayed", "--agreed-with", "SEN strategic group", "--on", "2022-09-01"],
        ["visit", "demo", "--on", "2022-10-01", "--rate", "W1=green,ehc=amber", "--follow-up", "Check the survey"],
        ["measure", "record", "demo", "M2", "--on", "2022-10-01", "--value", "26"],
        ["action", "update", "demo", "A3", "--status", "atRisk", "--on", "2022-11-01", "--note", "Auditors short"],
        ["measure", "record", "demo", "M1", "--on", "2022-12-31", "--value", "48"],
        ["evidence", "add", "demo", "--workstream", "coproduction", "--kind", "voice", "--on", "2023-05-01",
         "--title", "Parent survey: 61% feel listened to", "--weakness", "W1", "--source", "Parent carer forum"],
        ["evidence", "add", "demo", "--workstream", "ehc", "--kind", "impact", "--on", "2023-05-02", "--title", "Fewer complaints"],
        ["measure", "record", "demo", "M1", "--on", "2023-06-30", "--value", "55"],
    ]

    static func status(_ wsoa: WSoABinary, asOf: String? = nil) throws -> JSONValue {
        try JSONReader.parse(try wsoa.succeed(["status", "demo", "--json"] + (asOf.map { ["--as-of", $0] } ?? [])).stdout)
    }

    @Test func todaysViewMatchesHandComputedFigures() throws {
        let wsoa = try WSoABinary(today: "2024-06-01")
        try Self.recordDemo(wsoa)
        let json = try Self.status(wsoa)
        #expect(json["partners"]?["health"]?.stringValue == "NHS Demo ICB")
        let workstreams = try #require(json["workstreams"]?.arrayValue)
        #expect(workstreams.map { $0["id"]?.stringValue } == ["coproduction", "ehc"])
        #expect(workstreams[0]["actions"] == .object(["total": .int(2), "complete": .int(1), "overdue": .int(1)]))
        #expect(workstreams[1]["actions"] == .object(["total": .int(1), "complete": .int(0), "overdue": .int(1)]))
        let actions = try #require(json["actions"]?.arrayValue)
        #expect(actions[0]["completed"]?.stringValue == "2022-06-20")
        #expect(actions[0]["overdue"]?.boolValue == false)
        #expect(actions[1]["due"]?.stringValue == "2022-12-31")
        #expect(actions[1]["originalDue"]?.stringValue == "2022-09-30")
        #expect(actions.allSatisfy { $0["daysLate"] == nil }, "lateness is counted in working days only")
        #expect(actions[1]["workingDaysLate"]?.intValue == 355)
        #expect(actions[1]["retargets"]?.arrayValue?.first?["agreedWith"]?.stringValue == "SEN strategic group")
        #expect(actions[2]["workingDaysLate"]?.intValue == 292)
        #expect(actions[2]["status"]?.stringValue == "atRisk")
        // Each action's latest status report, in place of its whole status history.
        #expect(actions.map { $0["lastReported"] } == [.string("2022-06-20"), .null, .string("2022-11-01")])
        #expect(actions.allSatisfy { $0["statusHistory"] == nil })
        let measures = try #require(json["measures"]?.arrayValue)
        // M1: expected on 2023-06-30 is 40 + 30 × 546/1096 ≈ 54.95, so 55 is on track.
        #expect(measures[0]["trend"]?.stringValue == "improving")
        #expect(measures[0]["onTrack"]?.boolValue == true)
        #expect(measures[0]["latest"]?["value"]?.doubleValue == 55)
        // M2 (lower is better): 25 → 26 is worsening; expected on 2022-10-01 is 30 − 20 × 273/365 ≈ 15.04.
        #expect(measures[1]["trend"]?.stringValue == "worsening")
        #expect(measures[1]["onTrack"]?.boolValue == false)
        // Evidence is counted, with the latest of each kind; the items themselves are in the report.
        let evidence = try #require(json["evidence"])
        #expect(evidence["total"]?.intValue == 2)
        #expect(evidence["counts"] == .object(["activity": .int(0), "impact": .int(1), "voice": .int(1), "data": .int(0),
                                               "quality-assurance": .int(0), "external": .int(0)]))
        #expect(evidence["latest"]?["voice"] == .object(["id": .string("E1"), "on": .string("2023-05-01"),
                                                         "title": .string("Parent survey: 61% feel listened to")]))
        #expect(evidence["latest"]?["impact"]?["id"]?.stringValue == "E2")
        #expect(evidence["latest"]?.objectValue?.count == 2)
        let visit = try #require(json["visits"]?.arrayValue?.first)
        #expect(visit["ratings"] == .object(["W1": .string("green"), "ehc": .string("amber")]))
        let text = try wsoa.succeed(["status", "demo"]).stdout
        #expect(text.contains("A2  due 31 December 2022, 355 working days late, retargeted 1×"))
        #expect(text.contains("M2  Days waiting: baseline 30 days → latest 26 days (2022-10-01); target 10 days by 2023-01-01"))
        #expect(text.contains("Health partner: NHS Demo ICB (since 1 July 2022)"))
        #expect(text.contains("""

            Evidence: 2 items — activity 0, impact 1, voice 1, data 0, quality-assurance 0, external 0
              latest impact: E2 2023-05-02 — Fewer complaints
              latest voice: E1 2023-05-01 — Parent survey: 61% feel listened to

            """))
    }

    @Test func asOfViewsTravelBack() throws {
        let wsoa = try WSoABinary(today: "2024-06-01")
        try Self.recordDemo(wsoa)
        let early = try Self.status(wsoa, asOf: "2022-08-01")
        #expect(early["partners"]?["health"]?.stringValue == "NHS Demo ICB")
        #expect(early["actions"]?.arrayValue?[1]["due"]?.stringValue == "2022-09-30")
        #expect(early["actions"]?.arrayValue?[1]["overdue"]?.boolValue == false)
        // Only M2's first reading (25 against a baseline of 30, expected 20.08 on 2022-07-01).
        #expect(early["measures"]?.arrayValue?[1]["trend"]?.stringValue == "improving")
        #expect(early["measures"]?.arrayValue?[1]["onTrack"]?.boolValue == false)
        #expect(early["measures"]?.arrayValue?[0]["latest"] == .null)
        #expect(early["evidence"]?["total"]?.intValue == 0)
        #expect(early["evidence"]?["latest"] == .object([:]))
        #expect(early["actions"]?.arrayValue?.map { $0["lastReported"] } == [.string("2022-06-20"), .null, .null])
        #expect(!(try wsoa.succeed(["status", "demo", "--as-of", "2022-08-01"]).stdout.contains("Evidence:")))
        let beforeRename = try Self.status(wsoa, asOf: "2022-06-30")
        #expect(beforeRename["partners"]?["health"]?.stringValue == "Demo CCG")
        // A2 is due Saturday 31 December 2022; Monday 2 January 2023 was the substitute New Year's
        // Day, so Tuesday 3 January keeps the deadline and it is overdue from the Wednesday.
        for asOf in ["2023-01-01", "2023-01-02", "2023-01-03"] {
            let a2 = try #require(try Self.status(wsoa, asOf: asOf)["actions"]?.arrayValue?[1])
            #expect(a2["overdue"]?.boolValue == false, "as of \(asOf)")
            #expect(a2["workingDaysLate"]?.intValue == 0, "as of \(asOf)")
        }
        let a2 = try #require(try Self.status(wsoa, asOf: "2023-01-04")["actions"]?.arrayValue?[1])
        #expect(a2["overdue"]?.boolValue == true)
        #expect(a2["workingDaysLate"]?.intValue == 1)
    }

    struct Refusal: CustomStringConvertible, Sendable {
        let arguments: [String]
        let status: Int32
        let mentions: String
        var description: String { arguments.joined(separator: " ") }
    }

    static let refusals: [Refusal] = [
        Refusal(arguments: ["action", "add", "demo", "--workstream", "nope", "--title", "T", "--due", "2023-01-01"],
                status: 1, mentions: "Rule known-reference refuses 'action added' for demo: there is no workstream 'nope'"),
        Refusal(arguments: ["workstream", "add", "demo", "x", "--title", "T", "--addresses", "W9"],
                status: 1, mentions: "there is no weakness W9"),
        Refusal(arguments: ["workstream", "add", "demo", "ehc", "--title", "T", "--addresses", "W1"],
                status: 1, mentions: "Rule unique-id refuses 'workstream added' for demo: the workstream 'ehc' already exists"),
        Refusal(arguments: ["workstream", "add", "demo", "x", "--title", "T"],
                status: 1, mentions: "Rule addresses-a-weakness"),
        Refusal(arguments: ["action", "update", "demo", "A9", "--status", "complete"],
                status: 1, mentions: "there is no action A9 (the plan has A1 to A3)"),
        Refusal(arguments: ["action", "retarget", "demo", "A1", "--due", "2024-01-01", "--reason", "R"],
                status: 1, mentions: "Rule action-open refuses 'action retargeted' for demo: A1 is complete"),
        Refusal(arguments: ["action", "update", "demo", "A1", "--status", "atRisk", "--on", "2024-05-01"],
                status: 1, mentions: "Rule reopen-with-reason refuses 'action status reported' for demo: A1 is complete, so reopening it needs a note saying why"),
        Refusal(arguments: ["action", "add", "demo", "--workstream", "ehc", "--title", "T", "--on", "2024-05-01", "--due", "2024-04-30"],
                status: 1, mentions: "Rule due-after-added refuses 'action added' for demo: A4 would be due on 2024-04-30, before the day it is added (2024-05-01)"),
        Refusal(arguments: ["measure", "record", "demo", "M7", "--on", "2023-01-01", "--value", "3"],
                status: 1, mentions: "there is no measure M7"),
        Refusal(arguments: ["measure", "record", "demo", "M1", "--on", "2023-01-01", "--value", "lots"],
                status: 64, mentions: "The value 'lots' of '--value' cannot be used: it is not a number."),
        Refusal(arguments: ["measure", "record", "demo", "M1", "--on", "2023-01-01", "--value", "nan"],
                status: 64, mentions: "it is not a number"),
        Refusal(arguments: ["evidence", "add", "demo", "--workstream", "ehc", "--kind", "impact", "--on", "2021-12-01", "--title", "T"],
                status: 1, mentions: "Rule after-inspection refuses 'evidence added' for demo: the evidence date 2021-12-01 is before the inspection began on 2022-01-10"),
        Refusal(arguments: ["evidence", "add", "demo", "--workstream", "ehc", "--kind", "impct", "--on", "2023-01-01", "--title", "T"],
                status: 64, mentions: "(did you mean 'impact'?)"),
        Refusal(arguments: ["evidence", "add", "demo", "--workstream", "ehc", "--kind", "impact", "--on", "2023-01-01",
                            "--title", "T", "--weakness", "W3"],
                status: 1, mentions: "there is no weakness W3"),
        Refusal(arguments: ["visit", "demo", "--on", "2023-01-01", "--rate", "W1=purple"], status: 64, mentions: "use one of red, amber, green"),
        Refusal(arguments: ["visit", "demo", "--on", "2023-01-01", "--rate", "nobody=red"], status: 1, mentions: "'nobody' is neither a weakness nor a workstream"),
        Refusal(arguments: ["evidence", "add", "demo", "--workstream", "ehc", "--kind", "voice", "--on", "2023-01-01",
                            "--title", "Call the family on 943 476 5919"],
                status: 1, mentions: "Rule personal-data refuses 'evidence added' for demo: an NHS number (943 *** **19) in the title looks like personal data that could identify a child or family (--title). Remove it, or give --allow-personal-data if it must be kept.\n"),
        Refusal(arguments: ["action", "update", "demo", "A3", "--status", "onTrack", "--note", "ask jo.bloggs@example.org"],
                status: 1, mentions: "an email address"),
        // Text rules: the refusal ends with the option that gave the text.
        Refusal(arguments: ["action", "add", "demo", "--workstream", "ehc", "--title", String(repeating: "t", count: 301), "--due", "2023-01-01"],
                status: 1, mentions: "Rule text-limit refuses 'action added' for demo: the title is 301 characters long, and may be at most 300 (--title).\n"),
        Refusal(arguments: ["action", "add", "demo", "--workstream", "ehc", "--title", " \t ", "--due", "2023-01-01"],
                status: 1, mentions: "Rule required-text refuses 'action added' for demo: the title is empty (--title).\n"),
        Refusal(arguments: ["action", "retarget", "demo", "A2", "--due", "2023-06-30", "--reason", "Delayed",
                            "--agreed-with", String(repeating: "é", count: 201)],
                status: 1, mentions: "may be at most 200 (--agreed-with).\n"),
        Refusal(arguments: ["measure", "add", "demo", "--workstream", "ehc", "--title", "T", "--unit", String(repeating: "u", count: 41),
                            "--baseline", "1@2022-01-01", "--target", "2@2023-01-01"],
                status: 1, mentions: "the unit is 41 characters long, and may be at most 40 (--unit).\n"),
        Refusal(arguments: ["visit", "demo", "--on", "2023-01-01"] + (0...20).flatMap { ["--adviser", "Adviser \($0)"] },
                status: 1, mentions: "Rule text-limit refuses 'monitoring visit' for demo: it gives more than 20 adviser values (--adviser).\n"),
        Refusal(arguments: ["visit", "demo", "--on", "2023-01-01", "--by", String(repeating: "b", count: 201)],
                status: 1, mentions: "the recorder's name is 201 characters long, and may be at most 200 (--by).\n"),
    ]

    @Test(arguments: refusals)
    func refusalsNameTheRuleAndLeaveTheJournalAlone(_ refusal: Refusal) throws {
        let wsoa = try WSoABinary(today: "2024-06-01")
        try Self.recordDemo(wsoa)
        let before = try wsoa.journal("demo")
        let result = try wsoa.run(refusal.arguments)
        #expect(result.status == refusal.status)
        #expect(result.stderr.hasPrefix("Error: "))
        #expect(result.stderr.contains(refusal.mentions), "stderr was: \(result.stderr)")
        #expect(try wsoa.journal("demo") == before)
    }

    @Test func aCompleteActionIsReopenedWithANoteSayingWhy() throws {
        let wsoa = try WSoABinary(today: "2024-06-01")
        try Self.recordDemo(wsoa)
        try wsoa.succeed(["action", "update", "demo", "A1", "--status", "atRisk", "--on", "2024-05-01",
                          "--note", "Reopened: the May audit found plans still late."])
        let json = try Self.status(wsoa, asOf: "2024-06-01")
        #expect(json["actions"]?.arrayValue?.first?["status"]?.stringValue == "atRisk")
        // Added and due on the same day is allowed; only a due day before it is not.
        try wsoa.succeed(["action", "add", "demo", "--workstream", "ehc", "--title", "Same-day fix", "--on", "2024-05-01", "--due", "2024-05-01"])
    }

    @Test func nothingIsAcceptedBeforeTheLetterOrAfterClosing() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 1)
        let early = try wsoa.run(["workstream", "add", "stockton-on-tees-2019", "x", "--title", "T", "--addresses", "W1"])
        #expect(early.stderr.contains("Rule delivery-phase refuses 'workstream added'"))
        let closed = try WSoABinary()
        try closed.recordStockton()
        let late = try closed.run(["evidence", "add", "stockton-on-tees-2019", "--workstream", "x", "--kind", "impact",
                                   "--on", "2023-01-01", "--title", "T"])
        #expect(late.status == 1)
        #expect(late.stderr.contains("Rule final-phase refuses 'evidence added' for stockton-on-tees-2019"))
    }

    @Test func allowingPersonalDataIsRecorded() throws {
        let wsoa = try WSoABinary(today: "2024-06-01")
        try Self.recordDemo(wsoa)
        try wsoa.succeed(["evidence", "add", "demo", "--workstream", "ehc", "--kind", "voice", "--on", "2023-01-01",
                          "--title", "Case 943 476 5919 (consented)", "--allow-personal-data"])
        let journal = String(decoding: try wsoa.journal("demo"), as: UTF8.self)
        let last = try #require(journal.split(separator: "\n").last)
        #expect(last.contains("\"personalDataAllowed\":true"))
    }

    @Test func verifyNoticesAnEvidenceFileThatChangesOrGoes() throws {
        let wsoa = try WSoABinary(today: "2024-06-01")
        try Self.recordDemo(wsoa)
        let file = "\(wsoa.plans)/demo/audit.txt"
        try "Audit of 40 plans: 31 good or better.\n".write(toFile: file, atomically: true, encoding: .utf8)
        try wsoa.succeed(["evidence", "add", "demo", "--workstream", "ehc", "--kind", "quality-assurance",
                          "--on", "2023-02-01", "--title", "EHC audit", "--file", file, "--no-copy"])
        let history = try JSONReader.parse(try wsoa.succeed(["history", "demo", "--json"]).stdout)
        let recorded = try #require(history.arrayValue?.max { ($0["seq"]?.intValue ?? 0) < ($1["seq"]?.intValue ?? 0) }?["data"]?["file"])
        #expect(recorded["path"]?.stringValue == "demo/audit.txt")
        #expect(recorded["size"]?.intValue == 38)
        #expect(recorded["copied"] == .bool(false))
        try wsoa.succeed(["verify", "demo"])
        try "Audit of 40 plans: 35 good or better.\n".write(toFile: file, atomically: true, encoding: .utf8)
        let changed = try wsoa.run(["verify", "demo"])
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("Plan 'demo' has 1 evidence file that no longer matches the record: E3 version 1 (audit.txt): the file demo/audit.txt has changed"))
        try FileManager.default.removeItem(atPath: file)
        let gone = try wsoa.succeed(["verify", "demo"])
        #expect(gone.stdout.contains("E3 version 1 (audit.txt): it was recorded without a copy and is not at demo/audit.txt, so it was not checked"))
    }
}
