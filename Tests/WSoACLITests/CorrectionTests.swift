import Foundation
import Testing
import WSoAEngine

/// Corrections in the open: every amend and withdraw command, what views show afterwards, and
/// the corrections refused because they would leave the record contradicting itself.
@Suite struct CorrectionTests {
    /// The demo plan of `DeliveryRecordTests` (journal lines 1–22), recorded in-process, viewed on 1 June 2024.
    static func demo() throws -> InProcess {
        let wsoa = try InProcess(today: "2024-06-01")
        for step in DeliveryRecordTests.demoSteps { wsoa.succeed(step) }
        return wsoa
    }

    static func status(_ wsoa: InProcess) throws -> JSONValue {
        try JSONReader.parse(wsoa.succeed(["status", "demo", "--json"]).stdout)
    }

    /// Runs a command that must be refused; returns its error line.
    static func refused(_ wsoa: InProcess, _ arguments: [String], status: Int32 = 1,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let before = try wsoa.journal("demo")
        let result = wsoa.run(arguments)
        #expect(result.status == status, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try wsoa.journal("demo") == before, "a refused command wrote", sourceLocation: sourceLocation)
        return String(result.errorLines.first ?? "")
    }

    @Test func anActionIsAmendedAndWithdrawnInTheOpen() throws {
        let wsoa = try Self.demo()
        wsoa.succeed(["action", "amend", "demo", "A3", "--title", "Audit 40 EHC plans", "--lead", "QA lead", "--reason", "Title was a draft"])
        wsoa.succeed(["action", "withdraw", "demo", "A2", "--reason", "Duplicate of the forum's own survey"])
        let json = try Self.status(wsoa)
        let actions = try #require(json["actions"]?.arrayValue)
        #expect(actions.map { $0["id"]?.stringValue } == ["A1", "A3"])
        #expect(actions[1]["title"]?.stringValue == "Audit 40 EHC plans")
        #expect(actions[1]["lead"]?.stringValue == "QA lead")
        #expect(actions[1]["amended"] == .bool(true))
        #expect(actions[0]["amended"] == .bool(false))
        let corrections = try #require(json["corrections"]?.arrayValue)
        #expect(corrections.map { $0["line"]?.intValue } == [23, 24])
        #expect(corrections[0]["fields"] == .array([.string("title"), .string("lead")]))
        #expect(corrections[1]["kind"]?.stringValue == "withdrawn")
        // The original lines stay, and point to their corrections.
        let history = wsoa.succeed(["history", "demo", "--kind", "action"]).stdout
        #expect(history.contains("7.  2022-03-10  action added  A3 [ehc] due 2023-03-31: Audit plans"))
        #expect(history.contains("      corrected by line 23 on 2024-06-01: title “Audit 40 EHC plans”; lead “QA lead”"))
        #expect(history.contains("      withdrawn by line 24 on 2024-06-01"))
        // Nothing more is recorded about a withdrawn action, and it cannot be withdrawn twice.
        #expect(try Self.refused(wsoa, ["action", "update", "demo", "A2", "--status", "onTrack"])
                    .contains("Rule known-reference refuses 'action status reported' for demo: A2 was withdrawn on 2024-06-01"))
        #expect(try Self.refused(wsoa, ["action", "withdraw", "demo", "A2", "--reason", "again"]).contains("A2 was withdrawn on 2024-06-01"))
        let status = wsoa.succeed(["status", "demo"]).stdout
        #expect(status.contains("line 24: A2 withdrawn on 2024-06-01: Duplicate of the forum's own survey"))
        wsoa.succeed(["verify", "demo"])
    }

    @Test func anAmendmentMustChangeSomethingThatKindOfRecordHas() throws {
        let wsoa = try Self.demo()
        #expect(try Self.refused(wsoa, ["action", "amend", "demo", "A1", "--reason", "r"], status: 64)
                    .contains("something to change (--title, --lead)"))
        #expect(try Self.refused(wsoa, ["action", "amend", "demo", "A1", "--title", "T"], status: 64).contains("--reason"))
        #expect(try Self.refused(wsoa, ["action", "amend", "demo", "A1", "--title", "T", "--reason", "  "])
                    .contains("required-text"))
        #expect(try Self.refused(wsoa, ["action", "amend", "demo", "A9", "--title", "T", "--reason", "r"])
                    .contains("there is no action A9 (the plan has A1 to A3)"))
    }

    @Test func aReadingRecordedWronglyIsCorrectedNotAddedTwice() throws {
        let wsoa = try Self.demo()
        wsoa.succeed(["measure", "correct", "demo", "M2", "--on", "2022-10-01", "--value", "24", "--reason", "Typed 26 for 24"])
        let measures = try #require(try Self.status(wsoa)["measures"]?.arrayValue)
        #expect(measures[1]["latest"]?["value"]?.doubleValue == 24)
        #expect(try Self.refused(wsoa, ["measure", "correct", "demo", "M2", "--on", "2022-10-02", "--value", "24", "--reason", "r"])
                    .contains("M2 has no reading on 2022-10-02 to correct (record one with 'wsoa measure record')"))
        #expect(try Self.refused(wsoa, ["measure", "amend", "demo", "M2", "--baseline", "30@2023-02-01", "--reason", "r"])
                    .contains("M2's target date 2023-01-01 would not be after its baseline date 2023-02-01"))
        wsoa.succeed(["measure", "amend", "demo", "M2", "--title", "Days waiting for a first appointment", "--unit", "working days",
                      "--reason", "Clearer title"])
        let history = wsoa.succeed(["history", "demo", "--workstream", "ehc", "--kind", "measure"]).stdout
        #expect(history.contains("corrected by line 23 on 2024-06-01: value 24"))
        #expect(history.contains("corrected by line 24 on 2024-06-01: title “Days waiting for a first appointment”; unit “working days”"))
        wsoa.succeed(["verify", "demo"])
    }

    @Test func evidenceSpeaksToSeveralWeaknessesAndCanBeWithdrawn() throws {
        let wsoa = try Self.demo()
        wsoa.succeed(["evidence", "add", "demo", "--workstream", "ehc", "--kind", "data", "--on", "2023-07-01", "--title", "Both",
                      "--weakness", "W1", "--weakness", "W2"])
        wsoa.succeed(["evidence", "add", "demo", "--workstream", "ehc", "--kind", "data", "--on", "2023-07-02", "--title", "Both again",
                      "--weakness", "W1,W2"])
        wsoa.succeed(["evidence", "amend", "demo", "E1", "--weakness", "W1,W2", "--kind", "impact", "--reason", "Speaks to both"])
        wsoa.succeed(["evidence", "withdraw", "demo", "E2", "--reason", "Recorded against the wrong plan"])
        let report = try JSONReader.parse(wsoa.succeed(["report", "demo", "--format", "json"]).stdout)
        let items = try #require(report["sinceLastVisit"]?["evidence"]?.arrayValue)
        #expect(items.map { $0["id"]?.stringValue } == ["E1", "E3", "E4"])
        #expect(items.map { $0["weaknesses"] } == Array(repeating: .array([.string("W1"), .string("W2")]), count: 3))
        #expect(items[0]["kind"]?.stringValue == "impact")
        let status = wsoa.succeed(["status", "demo"]).stdout
        #expect(status.contains("Evidence: 3 items (and 1 withdrawn)"))
        #expect(try Self.refused(wsoa, ["evidence", "amend", "demo", "E1", "--on", "2024-06-02", "--reason", "r"])
                    .contains("for demo: the corrected date 2024-06-02 is after today (2024-06-01)"))
        wsoa.succeed(["verify", "demo"])
    }

    @Test func aWorkstreamTakesSeveralPartnersAndIsAmended() throws {
        let wsoa = try Self.demo()
        wsoa.succeed(["workstream", "add", "demo", "joint", "--title", "Joint commissioning", "--addresses", "W1,W2",
                      "--partner", "la", "--partner", "health,education"])
        wsoa.succeed(["workstream", "amend", "demo", "joint", "--partner", "la,health", "--addresses", "W2", "--reason", "Education left"])
        let workstreams = try #require(try Self.status(wsoa)["workstreams"]?.arrayValue)
        let joint = try #require(workstreams.first { $0["id"]?.stringValue == "joint" })
        #expect(joint["partners"] == .array([.string("la"), .string("health")]))
        #expect(joint["partner"]?.stringValue == "la")
        #expect(joint["addresses"] == .array([.string("W2")]))
        #expect(joint["amended"] == .bool(true))
        #expect(try Self.refused(wsoa, ["workstream", "amend", "demo", "joint", "--addresses", "W2,W2", "--reason", "r"])
                    .contains("it names W2 more than once"))
        #expect(try Self.refused(wsoa, ["workstream", "amend", "demo", "joint", "--partner", "nhs", "--reason", "r"], status: 64)
                    .contains("use one of la, health"))
    }

    @Test func aVisitRecordedTwiceIsWithdrawnAndItsDateCorrected() throws {
        let wsoa = try Self.demo()
        wsoa.succeed(["visit", "add", "demo", "--on", "2023-01-10", "--adviser", "DfE adviser",
                      "--attendee", "Jo Bloggs (Head of SEND)", "--attendee", "Sam Lee"])
        // The same visit again on the same day is refused (once-a-day); recorded again with a mistyped date, it is withdrawn.
        #expect(try Self.refused(wsoa, ["visit", "demo", "--on", "2023-01-10", "--adviser", "DfE adviser"]).contains("V2 is already recorded"))
        wsoa.succeed(["visit", "demo", "--on", "2023-01-13", "--adviser", "DfE adviser"])
        wsoa.succeed(["visit", "withdraw", "demo", "V3", "--reason", "Recorded twice"])
        wsoa.succeed(["visit", "amend", "demo", "V2", "--on", "2023-01-11", "--rate", "W1=green", "--reason", "The visit was on the 11th"])
        let json = try Self.status(wsoa)
        let visits = try #require(json["visits"]?.arrayValue)
        #expect(visits.map { $0["id"]?.stringValue } == ["V1", "V2"])
        #expect(visits[1]["on"]?.stringValue == "2023-01-11")
        #expect(visits[1]["attendees"] == .array([.object(["name": .string("Jo Bloggs"), "role": .string("Head of SEND")]),
                                                 .object(["name": .string("Sam Lee"), "role": .null])]))
        #expect(visits[1]["ratings"] == .object(["W1": .string("green")]))
        #expect(try Self.refused(wsoa, ["visit", "amend", "demo", "V2", "--on", "2022-09-01", "--reason", "r"])
                    .contains("line 23 (monitoring visit on 2022-09-01) would come before line 16 (monitoring visit on 2022-10-01)"))
        #expect(try Self.refused(wsoa, ["visit", "withdraw", "demo", "V3", "--reason", "r"]).contains("V3 was withdrawn on 2024-06-01"))
        #expect(try Self.refused(wsoa, ["visit", "withdraw", "demo", "V2", "--on", "2023-01-01", "--reason", "r"], status: 64)
                    .contains("'--on' of 'wsoa visit withdraw' cannot be used here"))
        wsoa.succeed(["verify", "demo"])
    }

    @Test func aLifecycleDateIsCorrectedOnlyInOrderAndOnlyTheLatestIsWithdrawn() throws {
        let wsoa = try Self.demo()
        // Line 12 is the judgement (1 July 2022); line 10 the submission (1 June 2022).
        #expect(try Self.refused(wsoa, ["advance", "demo", "correct", "12", "--on", "2022-05-01", "--reason", "r"])
                    .contains("line 12 (statement judged on 2022-05-01) would come before line 10 (statement submitted on 2022-06-01)"))
        wsoa.succeed(["advance", "demo", "correct", "12", "--on", "2022-06-30", "--reason", "Letter dated 30 June"])
        #expect(try Self.status(wsoa)["judgements"]?.arrayValue?.first?["on"]?.stringValue == "2022-06-30")
        #expect(try Self.refused(wsoa, ["advance", "demo", "withdraw", "12", "--reason", "r"])
                    .contains("only the latest lifecycle event can be withdrawn, and that is line 16"))
        #expect(try Self.refused(wsoa, ["advance", "demo", "correct", "5", "--on", "2022-05-01", "--reason", "r"])
                    .contains("line 5 is not a lifecycle event that can be corrected"))
        #expect(try Self.refused(wsoa, ["advance", "demo", "correct", "x7", "--on", "2022-05-01", "--reason", "r"], status: 64)
                    .contains("give the journal line's number"))
        wsoa.succeed(["advance", "demo", "withdraw", "16", "--reason", "Visit belongs to another area"])
        wsoa.succeed(["advance", "demo", "withdraw", "12", "--reason", "Judgement not yet received"])
        #expect(try Self.status(wsoa)["phase"]?.stringValue == "statementUnderReview")
        wsoa.succeed(["advance", "demo", "judge", "--on", "2022-07-04", "--fit"])
        #expect(try Self.status(wsoa)["phase"]?.stringValue == "monitoring")
        #expect(try Self.refused(wsoa, ["advance", "demo", "withdraw", "2", "--reason", "r"])
                    .contains("only the latest lifecycle event can be withdrawn"))
        wsoa.succeed(["verify", "demo"])
    }

    @Test func theLetterCannotBeWithdrawnFromUnderItsWorkstreams() throws {
        let wsoa = try InProcess(today: "2024-06-01")
        for step in DeliveryRecordTests.demoSteps.prefix(4) { wsoa.succeed(step) }
        #expect(try Self.refused(wsoa, ["advance", "demo", "withdraw", "2", "--reason", "r"])
                    .contains("the workstreams coproduction were added under the letter's weaknesses"))
    }

    @Test func aClosedPlanCanStillBeCorrected() throws {
        let wsoa = try InProcess()
        wsoa.recordStockton()
        let plan = "stockton-on-tees-2019"
        let before = try JSONReader.parse(wsoa.succeed(["status", plan, "--json"]).stdout)
        #expect(before["phase"]?.stringValue == "closed")
        wsoa.succeed(["advance", plan, "correct", "2", "--on", "2019-04-25", "--reason", "Letter dated the 25th"])
        let after = try JSONReader.parse(wsoa.succeed(["status", plan, "--json"]).stdout)
        #expect(after["inspection"]?["letter"]?.stringValue == "2019-04-25")
        #expect(after["phase"]?.stringValue == "closed")
        wsoa.succeed(["verify", plan])
    }
}

/// Things that happened cannot be dated after today; things planned can.
@Suite struct NotInFutureTests {
    @Test("what happened is refused when dated after today, naming the date", arguments: [
        (["evidence", "add", "demo", "--workstream", "ehc", "--kind", "impact", "--on", "2024-06-02", "--title", "T"], "the evidence date 2024-06-02"),
        (["measure", "record", "demo", "M1", "--on", "2024-06-02", "--value", "50"], "the reading date 2024-06-02"),
        (["visit", "demo", "--on", "2024-06-03"], "the visit date 2024-06-03"),
        (["action", "update", "demo", "A3", "--status", "onTrack", "--on", "2025-01-01"], "the status report date 2025-01-01"),
        (["advance", "demo", "revisit", "--on", "2024-07-01", "--visited", "2024-05-20..2024-05-24", "--sufficient", "W1,W2"],
         "the revisit letter date 2024-07-01"),
    ])
    func happenedInTheFuture(arguments: [String], names: String) throws {
        let wsoa = try CorrectionTests.demo()
        let error = try CorrectionTests.refused(wsoa, arguments)
        #expect(error.contains("Rule not-in-future refuses"), "\(error)")
        #expect(error.contains("\(names) is after today (2024-06-01)"), "\(error)")
    }

    @Test func plannedDatesMayBeInTheFuture() throws {
        let wsoa = try CorrectionTests.demo()
        wsoa.succeed(["action", "add", "demo", "--workstream", "ehc", "--title", "Next audit", "--due", "2025-03-31"])
        wsoa.succeed(["action", "retarget", "demo", "A3", "--due", "2024-12-31", "--reason", "Auditors short"])
        wsoa.succeed(["measure", "add", "demo", "--workstream", "ehc", "--title", "Plans on time", "--unit", "%",
                      "--baseline", "40@2024-01-01", "--target", "80@2026-01-01"])
        wsoa.succeed(["evidence", "add", "demo", "--workstream", "ehc", "--kind", "impact", "--on", "2024-06-01", "--title", "Today's"])
        wsoa.succeed(["verify", "demo"])
    }
}

/// A measure's values are checked against its unit.
@Suite struct MeasureUnitTests {
    @Test("a value that cannot be in the measure's unit is refused", arguments: [
        (["measure", "record", "demo", "M1", "--on", "2023-07-01", "--value", "140"], "value-fits-unit", "the value 140 is not a percentage (0 to 100)"),
        (["measure", "record", "demo", "M2", "--on", "2023-07-01", "--value", "-3"], "value-fits-unit", "the value -3 days cannot be negative"),
        (["measure", "add", "demo", "--workstream", "ehc", "--title", "T", "--unit", "%", "--baseline", "40@2023-01-01",
          "--target", "120@2024-01-01"], "value-fits-unit", "the target 120 is not a percentage (0 to 100)"),
        (["measure", "correct", "demo", "M1", "--on", "2022-12-31", "--value", "101", "--reason", "r"], "correction-keeps-record",
         "M1's reading of 2022-12-31: 101 is not a percentage (0 to 100)"),
    ])
    func refused(arguments: [String], rule: String, says: String) throws {
        let wsoa = try CorrectionTests.demo()
        let error = try CorrectionTests.refused(wsoa, arguments)
        #expect(error.contains("Rule \(rule) refuses"), "\(error)")
        #expect(error.contains(says), "\(error)")
    }

    @Test("units are read from their words", arguments: [
        ("%", MeasureUnit.percentage), ("per cent", .percentage), ("percent", .percentage), ("days", .nonNegative),
        ("working days", .nonNegative), ("number of children", .nonNegative), ("weeks", .nonNegative), ("£", .any),
        ("score", .any), ("percentage points change", .any),
    ])
    func unitWords(unit: String, kind: MeasureUnit) {
        #expect(MeasureUnit(unit) == kind)
    }
}

/// Dates recorded as estimates are shown as estimates everywhere, until a correction gives the real one.
@Suite struct EstimatedDatesTests {
    @Test func anEstimatedDateIsMarkedUntilItIsCorrected() throws {
        let wsoa = try InProcess(today: "2024-06-01")
        wsoa.succeed(["init"])
        wsoa.succeed(["new", "est", "--area", "Est", "--inspected", "2017-03-01..2017-03-31", "--estimated", "inspected"])
        wsoa.succeed(["advance", "est", "letter", "--on", "2017-05-19", "--received", "2017-05-22", "--estimated", "received",
                      "--wsoa", "--weakness", "One."])
        wsoa.succeed(["advance", "est", "submit", "--on", "2017-08-30"])
        wsoa.succeed(["advance", "est", "judge", "--on", "2017-09-22", "--fit", "--estimated", "on"])
        var status = wsoa.succeed(["status", "est"]).stdout
        #expect(status.contains("Inspection: 1–31 March 2017 (estimated); letter 19 May 2017; received 22 May 2017 (estimated)"))
        #expect(status.contains("  submitted 30 August 2017\n"))
        #expect(status.contains("judged fit for purpose 22 September 2017 (estimated)"))
        #expect(status.contains("revisit expected       due 22 March 2019 (estimated"))
        let json = try JSONReader.parse(wsoa.succeed(["status", "est", "--json"]).stdout)
        #expect(json["estimatedDates"] == .array([.object(["line": .int(1), "field": .string("visit")]),
                                                  .object(["line": .int(2), "field": .string("received")]),
                                                  .object(["line": .int(4), "field": .string("on")])]))
        let report = try JSONReader.parse(wsoa.succeed(["report", "est", "--format", "json"]).stdout)
        #expect(report["plan"]?["estimatedFacts"] == .array([.string("fit"), .string("inspection")]))
        wsoa.succeed(["advance", "est", "correct", "4", "--on", "2017-09-21", "--reason", "The letter of judgement is dated 21 September"])
        status = wsoa.succeed(["status", "est"]).stdout
        #expect(status.contains("judged fit for purpose 21 September 2017\n"))
        #expect(!status.contains("revisit expected       due 21 March 2019 (estimated"))
        wsoa.succeed(["verify", "est"])
        let refused = wsoa.run(["advance", "est", "cease", "--on", "2019-01-01", "--estimated", "received"])
        #expect(refused.status == 64)
        #expect(refused.errorLines.first?.contains("name one of this command's dates: on") == true)
    }
}
