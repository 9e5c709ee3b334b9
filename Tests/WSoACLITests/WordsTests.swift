import Foundation
import Testing
import WSoAEngine

/// What people read says phases, events and statuses in words ("statement due", "letter
/// published", "at risk"), never the journal's camelCase names; what machines read (`--json`)
/// keeps those names exactly. And each command takes only the global options it uses.
@Suite struct WordsTests {
    /// A plan in `statementDue` with one workstream and one action, viewed on 1 June 2024.
    static func plan() -> InProcess {
        let wsoa = try! InProcess(today: "2024-06-01")
        for step in [
            ["init"],
            ["new", "demo", "--area", "Demo", "--inspected", "2022-01-10..2022-01-14"],
            ["advance", "demo", "letter", "--on", "2022-03-01", "--received", "2022-03-02", "--wsoa", "--weakness", "First.", "--weakness", "Second."],
            ["workstream", "add", "demo", "ehc", "--title", "EHC quality", "--addresses", "W1,W2", "--on", "2022-03-10"],
            ["action", "add", "demo", "--workstream", "ehc", "--title", "Audit plans", "--due", "2022-06-30", "--on", "2022-03-10"],
        ] { wsoa.succeed(step) }
        return wsoa
    }

    /// The journal's camelCase names that must not reach people.
    static let camelCase = ["statementDue", "statementUnderReview", "noStatementRequired", "cessationRecommended",
                            "acceleratedProgress", "letterPublished", "statementSubmitted", "statementJudged",
                            "monitoringVisitHeld", "revisitReported", "monitoringCeased", "planCreated", "workstreamAdded",
                            "actionAdded", "actionUpdated", "recordAmended", "recordWithdrawn", "notStarted", "onTrack",
                            "atRisk", "offTrack"]

    static func expectNoCamelCase(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for name in camelCase {
            #expect(!text.contains(name), "'\(name)' in: \(text)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Words for people

    @Test func recordingSaysWhatWasRecordedInWords() {
        let wsoa = try! InProcess(today: "2024-06-01")
        wsoa.succeed(["init"])
        let created = wsoa.succeed(["new", "demo", "--area", "Demo", "--inspected", "2022-01-10..2022-01-14"]).stdout
        #expect(created.hasPrefix("""
            Recorded plan created for demo on 14 January 2022 (line 1).
            demo is now in the phase 'inspected, outcome awaited'.

            """))
        let letter = wsoa.succeed(["advance", "demo", "letter", "--on", "2022-03-01", "--received", "2022-03-02", "--wsoa", "--weakness", "First."]).stdout
        #expect(letter.hasPrefix("""
            Recorded letter published for demo on 1 March 2022 (line 2).
            demo is now in the phase 'statement due'.

            """))
        wsoa.succeed(["workstream", "add", "demo", "ehc", "--title", "EHC", "--addresses", "W1", "--on", "2022-03-10"])
        #expect(wsoa.succeed(["action", "add", "demo", "--workstream", "ehc", "--title", "Audit", "--due", "2022-06-30", "--on", "2022-03-10"]).stdout
                == "Recorded action added A1 for demo on 10 March 2022 (line 4).\n")
        #expect(wsoa.succeed(["action", "amend", "demo", "A1", "--title", "Audit 40 plans", "--reason", "Draft title"]).stdout
                == "Recorded a correction of A1 for demo on 1 June 2024 (line 5).\n")
        #expect(wsoa.succeed(["action", "withdraw", "demo", "A1", "--reason", "Duplicate"]).stdout
                == "Recorded a withdrawal of A1 for demo on 1 June 2024 (line 6).\n")
        Self.expectNoCamelCase(created + letter)
    }

    @Test func statusListAndHistorySpeakInWords() {
        let wsoa = Self.plan()
        wsoa.succeed(["action", "update", "demo", "A1", "--status", "at-risk", "--on", "2022-04-01"])

        let status = wsoa.succeed(["status", "demo"]).stdout
        #expect(status.contains("\nPhase: statement due   [framework 2016, as of 1 June 2024]\n"))
        #expect(status.contains("  W1  [not yet judged, monitored]\n"))
        #expect(status.contains("  A1  due 30 June 2022, 483 working days late [ehc, at risk] — Audit plans\n"))
        Self.expectNoCamelCase(status)

        let list = wsoa.succeed(["list"]).stdout
        #expect(list == """
            PLAN  AREA  FRAMEWORK  PHASE          NEXT DEADLINE
            demo  Demo  2016       statement due  written statement due 2022-06-15 (overdue)

            """)

        let history = wsoa.succeed(["history", "demo"]).stdout
        #expect(history.contains("5.  2022-04-01  action status reported  A1 is at risk\n"))
        Self.expectNoCamelCase(history)
    }

    @Test func advanceListsEventsAndPhasesInWords() {
        let wsoa = Self.plan()
        let advance = wsoa.succeed(["advance", "demo"]).stdout
        #expect(advance == """
            demo is in the phase 'statement due'.

            Can happen now:
              wsoa advance demo submit --on DATE
                  statement submitted → statement under review

            Not now:
              letter published: it needs the plan to be inspected, outcome awaited, and the plan is statement due
              statement judged: it needs the plan to be statement under review, and the plan is statement due
              monitoring visit: it needs the plan to be monitoring or accelerated progress plan, and the plan is statement due
              revisit reported: it needs the plan to be monitoring or accelerated progress plan, and the plan is statement due
              monitoring ceased: it needs the plan to be cessation recommended or accelerated progress plan, and the plan is statement due
              weaknesses released: it needs the plan to be accelerated progress plan, and the plan is statement due
              APP asked for: it needs the plan to be accelerated progress plan, and the plan is statement due
              APP submitted: it needs the plan to be accelerated progress plan, and the plan is statement due
              APP decision: it needs the plan to be accelerated progress plan, and the plan is statement due
              APP published: it needs the plan to be accelerated progress plan, and the plan is statement due
              formal review: it needs the plan to be accelerated progress plan, and the plan is statement due
              escalation: it needs the plan to be monitoring or accelerated progress plan, and the plan is statement due
              revisit directed: it needs the plan to be accelerated progress plan, and the plan is statement due

            """)
    }

    @Test func refusalsNameTheEventAndPhasesInWords() {
        let wsoa = Self.plan()
        let judged = wsoa.run(["advance", "demo", "judge", "--on", "2022-05-01", "--fit"])
        #expect(judged.status == 1)
        #expect(judged.stderr == "Error: Rule lifecycle refuses 'statement judged' for demo: it needs the plan to be statement under review, and the plan is statement due.\n")
    }

    // MARK: Statuses typed as words, old spellings kept

    @Test(arguments: [("at-risk", "atRisk"), ("atRisk", "atRisk"), ("not-started", "notStarted"), ("notStarted", "notStarted"),
                      ("on-track", "onTrack"), ("onTrack", "onTrack"), ("off-track", "offTrack"), ("offTrack", "offTrack"),
                      ("complete", "complete")])
    func aStatusIsAcceptedHyphenatedOrInItsOldSpelling(typed: String, recorded: String) throws {
        let wsoa = Self.plan()
        let result = wsoa.succeed(["action", "update", "demo", "A1", "--status", typed, "--on", "2022-04-01", "--json"])
        // The JSON is the journal line's own: the status keeps its journal name, whatever was typed.
        let json = try JSONReader.parse(result.stdout)
        #expect(json["recorded"]?.arrayValue?.first?["data"]?["status"]?.stringValue == recorded)
        #expect(json["recorded"]?.arrayValue?.first?["type"]?.stringValue == "actionUpdated")
        #expect(json["phase"]?.stringValue == "statementDue")
        let line = try #require(String(decoding: try wsoa.journal("demo"), as: UTF8.self).split(separator: "\n").last)
        #expect(line.contains("\"status\":\"\(recorded)\""))
    }

    @Test func aMistypedStatusListsTheHyphenatedWords() {
        let wsoa = Self.plan()
        let result = wsoa.run(["action", "update", "demo", "A1", "--status", "atrisk"])
        #expect(result.status == 64)
        #expect(result.errorLines.first == "Error: The value 'atrisk' of '--status' cannot be used: use one of not-started, on-track, at-risk, off-track, complete (did you mean 'at-risk'?).")
        let help = wsoa.succeed(["action", "update", "--help"]).stdout
        #expect(help.contains("STATUS is not-started, on-track, at-risk, off-track or complete;"))
        Self.expectNoCamelCase(help)
    }

    // MARK: JSON keeps the journal's names

    @Test func jsonKeepsTheJournalsNames() throws {
        let wsoa = Self.plan()
        wsoa.succeed(["action", "update", "demo", "A1", "--status", "at-risk", "--on", "2022-04-01"])
        let status = try JSONReader.parse(wsoa.succeed(["status", "demo", "--json"]).stdout)
        #expect(status["phase"]?.stringValue == "statementDue")
        #expect(status["clocks"]?.arrayValue?.first?["name"]?.stringValue == "statement")
        #expect(status["clocks"]?.arrayValue?.first?["state"]?.stringValue == "overdue")
        #expect(status["weaknesses"]?.arrayValue?.first?["outcome"]?.stringValue == "open")
        let list = try JSONReader.parse(wsoa.succeed(["list", "--json"]).stdout)
        #expect(list.arrayValue?.first?["phase"]?.stringValue == "statementDue")
        let advance = try JSONReader.parse(wsoa.succeed(["advance", "demo", "--json"]).stdout)
        #expect(advance.arrayValue?.map { $0["event"]?.stringValue ?? "" }
                == ["letterPublished", "statementSubmitted", "statementJudged", "monitoringVisitHeld", "revisitReported", "monitoringCeased",
                    "weaknessesReleased", "appRequested", "appSubmitted", "appJudged", "appPublished", "progressReviewHeld", "escalationIssued",
                    "revisitDirected"])
        let history = try JSONReader.parse(wsoa.succeed(["history", "demo", "--json"]).stdout)
        #expect(history.arrayValue?.last?["type"]?.stringValue == "actionUpdated")
        #expect(history.arrayValue?.last?["data"]?["status"]?.stringValue == "atRisk")
        let deadlines = try JSONReader.parse(wsoa.succeed(["deadlines", "--json"]).stdout)
        #expect(deadlines.arrayValue?.first?["phase"]?.stringValue == "statementDue")
    }

    // MARK: Each command takes only the global options it uses

    @Test(arguments: [
        (["status", "demo", "--by", "Jo"], "Error: The option '--by' of 'wsoa status' cannot be used here: it names who records, and this command records nothing."),
        (["--allow-personal-data", "list"], "Error: The option '--allow-personal-data' of 'wsoa list' cannot be used here: it lets a record keep text that looks like personal data, and this command records nothing."),
        (["verify", "--as-of", "2024-01-01"], "Error: The option '--as-of' of 'wsoa verify' cannot be used here: it only applies to views (list, status, history, deadlines, report and advance PLAN)."),
        (["lifecycle", "--plans", "elsewhere"], "Error: The option '--plans' of 'wsoa lifecycle' cannot be used here: this command reads no plans."),
        (["--as-of", "2024-01-01", "action", "update", "demo", "A1", "--status", "complete"], "Error: The option '--as-of' of 'wsoa action update' cannot be used here: it only applies to views (list, status, history, deadlines, report and advance PLAN); record the event's own date with --on."),
        (["advance", "demo", "--by", "Jo"], "Error: The option '--by' of 'wsoa advance' cannot be used here: it names who records, and this command records nothing."),
    ])
    func aGlobalOptionTheCommandDoesNotUseIsAUsageError(arguments: [String], message: String) throws {
        let wsoa = Self.plan()
        let before = try wsoa.journal("demo")
        let result = wsoa.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.errorLines.first.map(String.init) == message)
        #expect(result.errorLines.dropFirst().first?.hasPrefix("Usage: wsoa ") == true)
        #expect(try wsoa.journal("demo") == before)
    }

    @Test func eachCommandsHelpListsOnlyTheGlobalOptionsItUses() {
        let wsoa = try! InProcess()
        let all = ["--plans", "--as-of", "--by", "--json", "--allow-personal-data"]
        for (command, uses) in [
            (["status"], ["--plans", "--as-of", "--json"]),
            (["advance"], ["--plans", "--as-of", "--json"]),
            (["advance", "submit"], ["--plans", "--by", "--json", "--allow-personal-data"]),
            (["action", "update"], ["--plans", "--by", "--json", "--allow-personal-data"]),
            (["verify"], ["--plans", "--json"]),
            (["repair"], ["--plans", "--by", "--json"]),
            (["lifecycle"], ["--json"]),
            ([], []),
        ] {
            let help = wsoa.succeed(["help"] + command).stdout
            let options = String(help[help.range(of: "OPTIONS:")!.lowerBound...])
            for option in all {
                #expect(options.contains("\n  \(option) ") == uses.contains(option), "\(command) \(option)")
            }
        }
    }
}
