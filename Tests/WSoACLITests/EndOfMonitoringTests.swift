import Foundation
import Testing
import WSoAEngine

/// The end of monitoring as it really happens, through the command line: partial cessation,
/// the accelerated progress plan (APP) and its formal reviews, escalation, a directed revisit,
/// and the national pause of 2020–21 on the revisit clock.
@Suite struct EndOfMonitoringTests {
    static let plan = "northby-2018"

    /// A plan (invented: Northby) revisited in February 2022, three of four weaknesses
    /// insufficient; today 3 December 2026.
    static func revisited() throws -> InProcess {
        let wsoa = try InProcess(today: "2026-12-03")
        for step in [
            ["init"],
            ["new", plan, "--area", "Northby", "--inspected", "2018-11-19..2018-11-23"],
            ["advance", plan, "letter", "--on", "2019-01-25", "--received", "2019-01-28", "--wsoa",
             "--weakness", "Leaders do not work together.", "--weakness", "Co-production is weak.",
             "--weakness", "The quality of EHC plans is poor.", "--weakness", "Transition is poorly planned."],
            ["advance", plan, "submit", "--on", "2019-04-25"],
            ["advance", plan, "judge", "--on", "2019-05-20", "--fit"],
            ["advance", plan, "revisit", "--on", "2022-02-25", "--visited", "2022-01-18..2022-01-20",
             "--sufficient", "W1", "--insufficient", "W2,W3,W4"],
        ] { wsoa.succeed(step) }
        return wsoa
    }

    /// Runs a command that must be refused with `status`, and requires the journal unchanged.
    static func refused(_ wsoa: InProcess, _ arguments: [String], status: Int32 = 1,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let before = try wsoa.journal(plan)
        let result = wsoa.run(arguments)
        #expect(result.status == status, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try wsoa.journal(plan) == before, "a refused command wrote", sourceLocation: sourceLocation)
        return String(result.errorLines.first ?? "")
    }

    static func status(_ wsoa: InProcess) throws -> JSONValue {
        try JSONReader.parse(wsoa.succeed(["status", plan, "--json"]).stdout)
    }

    @Test func aWeaknessJudgedSufficientStaysMonitoredUntilReleased() throws {
        let wsoa = try Self.revisited()
        var json = try Self.status(wsoa)
        #expect(json["weaknesses"]?.arrayValue?.map { $0["standing"]?.stringValue }
                == ["sufficientAwaitingRelease", "inAcceleratedProgressPlan", "inAcceleratedProgressPlan", "inAcceleratedProgressPlan"])
        let text = wsoa.succeed(["status", Self.plan]).stdout
        #expect(text.contains("  W1  [sufficient progress at the revisit (letter of 25 February 2022); monitored until DfE and NHS England release it]\n"))
        #expect(text.contains("  W2  [not sufficient progress at the revisit (letter of 25 February 2022); in the accelerated progress plan]\n"))
        #expect(text.contains("  Accelerated progress plan: not yet submitted; not yet published locally\n"))

        #expect(wsoa.succeed(["advance", Self.plan, "release", "--on", "2022-04-08", "--weakness", "W1", "--note", "DfE letter of 8 April 2022"]).stdout
                == "Recorded weaknesses released for \(Self.plan) on 8 April 2022 (line 6).\n")
        json = try Self.status(wsoa)
        let w1 = try #require(json["weaknesses"]?.arrayValue?.first)
        #expect(w1["monitored"]?.boolValue == false && w1["standing"]?.stringValue == "released")
        #expect(w1["released"]?["on"]?.stringValue == "2022-04-08")
        #expect(w1["released"]?["note"]?.stringValue == "DfE letter of 8 April 2022")
        #expect(json["phase"]?.stringValue == "acceleratedProgress")
        #expect(wsoa.succeed(["status", Self.plan]).stdout.contains("  W1  [released from monitoring on 8 April 2022]\n"))
    }

    @Test func theAPPIsSubmittedSentBackAcceptedAndPublished() throws {
        let wsoa = try Self.revisited()
        wsoa.succeed(["advance", Self.plan, "app-submit", "--on", "2022-04-01", "--due", "2022-03-31"])
        wsoa.succeed(["advance", Self.plan, "app-return", "--on", "2022-04-04", "--note", "The measures have no baselines."])
        wsoa.succeed(["advance", Self.plan, "app-submit", "--on", "2022-04-06"])
        wsoa.succeed(["advance", Self.plan, "app-accept", "--on", "2022-04-08", "--note", "Deemed fit for purpose."])
        wsoa.succeed(["advance", Self.plan, "app-publish", "--on", "2022-04-12", "--link", "https://example.org/northby/app"])
        let json = try Self.status(wsoa)
        let app = try #require(json["acceleratedProgressPlan"])
        #expect(app["status"]?.stringValue == "accepted on 8 April 2022")
        #expect(app["published"]?["link"]?.stringValue == "https://example.org/northby/app")
        #expect(app["steps"]?.arrayValue?.map { $0["step"]?.stringValue ?? "" } == ["submitted", "returned", "submitted", "accepted", "published"])
        // The submission clock is the latest submission's: this one had no date asked for.
        #expect(json["clocks"]?.arrayValue?.contains { $0["name"]?.stringValue == "appSubmission" } == false)
        let text = wsoa.succeed(["status", Self.plan]).stdout
        #expect(text.contains("  APP sent back by DfE and NHS England 4 April 2022 — The measures have no baselines.\n"))
        #expect(text.contains("  Accelerated progress plan: accepted on 8 April 2022; published 12 April 2022 at https://example.org/northby/app\n"))
        let history = wsoa.succeed(["history", Self.plan]).stdout
        #expect(history.contains("2022-04-12  APP published  accelerated progress plan published at https://example.org/northby/app\n"))
    }

    @Test func aSubmissionAskedForByADateIsEarlyOrLate() throws {
        let wsoa = try Self.revisited()
        wsoa.succeed(["advance", Self.plan, "app-submit", "--on", "2022-04-01", "--due", "2022-03-31"])
        let clock = try #require(try Self.status(wsoa)["clocks"]?.arrayValue?.first { $0["name"]?.stringValue == "appSubmission" })
        #expect(clock["due"]?.stringValue == "2022-03-31" && clock["met"]?.stringValue == "2022-04-01")
        #expect(clock["workingDaysLate"]?.intValue == 1)
    }

    @Test func formalReviewsJudgeWhatIsLeftAndSetTheNextReview() throws {
        let wsoa = try Self.revisited()
        var clocks = try Self.status(wsoa)["clocks"]?.arrayValue?.filter { $0["name"]?.stringValue == "appReview" } ?? []
        #expect(clocks.map { $0["due"]?.stringValue } == ["2022-08-25"])
        wsoa.succeed(["advance", Self.plan, "review", "--on", "2022-09-29", "--insufficient", "W2,W3,W4"])
        wsoa.succeed(["advance", Self.plan, "review", "--on", "2023-04-20", "--sufficient", "W2", "--insufficient", "W3", "--insufficient", "W4"])
        clocks = try Self.status(wsoa)["clocks"]?.arrayValue?.filter { $0["name"]?.stringValue == "appReview" } ?? []
        #expect(clocks.map { $0["due"]?.stringValue } == ["2022-08-25", "2023-03-29", "2023-10-20"])
        #expect(clocks.map { $0["state"]?.stringValue } == ["met", "met", "overdue"])
        let report = wsoa.succeed(["report", Self.plan, "--format", "md", "--as-of", "2023-05-01"]).stdout
        #expect(report.contains("**Not ready for the next formal review: W3 and W4 are not yet sufficient.**"), "\(report.prefix(600))")
        #expect(report.contains("- **Formal review:** 20 April 2023: W2 sufficient progress, W3 not sufficient progress, W4 not sufficient progress\n"))
        #expect(report.contains("| W2 | Likely sufficient; awaiting release |"))
    }

    @Test func releasingTheLastWeaknessEndsMonitoring() throws {
        let wsoa = try Self.revisited()
        wsoa.succeed(["advance", Self.plan, "release", "--on", "2022-04-08", "--weakness", "W1"])
        wsoa.succeed(["advance", Self.plan, "review", "--on", "2022-09-29", "--sufficient", "W2,W3", "--insufficient", "W4"])
        wsoa.succeed(["advance", Self.plan, "release", "--on", "2022-10-14", "--weakness", "W2", "--weakness", "W3"])
        let report = wsoa.succeed(["report", Self.plan, "--format", "md"]).stdout
        // The report of a plan in its APP takes the remaining weaknesses one by one, and lists the released briefly.
        #expect(report.contains("### W4: "))
        #expect(!report.contains("### W1: ") && !report.contains("### W2: "))
        #expect(report.contains("### Already released from monitoring (3)\n\n- W1: Leaders do not work together. — released from monitoring on 8 April 2022 after sufficient progress at the revisit (letter of 25 February 2022).\n"))
        #expect(report.contains("- W2: Co-production is weak. — released from monitoring on 14 October 2022 after sufficient progress at the formal review on 29 September 2022.\n"))
        wsoa.succeed(["advance", Self.plan, "review", "--on", "2023-03-20", "--sufficient", "W4"])
        let last = wsoa.succeed(["advance", Self.plan, "release", "--on", "2023-04-03", "--weakness", "W4"]).stdout
        #expect(last.contains("\(Self.plan) is now in the phase 'closed'."), "\(last)")
        let json = try Self.status(wsoa)
        #expect(json["phase"]?.stringValue == "closed")
        #expect(json["weaknesses"]?.arrayValue?.allSatisfy { $0["standing"]?.stringValue == "released" } == true)
        #expect(wsoa.succeed(["verify", Self.plan]).stdout.contains(": ok"))
    }

    @Test func escalationAndADirectedRevisit() throws {
        let wsoa = try Self.revisited()
        wsoa.succeed(["advance", Self.plan, "escalate", "--on", "2023-08-04", "--kind", "statutory-direction",
                      "--link", "https://www.gov.uk/direction", "--note", "After DfE found no sufficient progress."])
        let refusal = try Self.refused(wsoa, ["advance", Self.plan, "revisit", "--on", "2023-12-01", "--visited", "2023-10-09..2023-10-11",
                                              "--sufficient", "W2,W3,W4"])
        #expect(refusal.hasPrefix("Error: Rule revisit-directed refuses 'revisit reported' for northby-2018: Ofsted and CQC revisit an area"))
        wsoa.succeed(["advance", Self.plan, "revisit-directed", "--on", "2023-09-01"])
        // A further revisit judges what is left in the APP, not W1 (already judged sufficient).
        let twice = try Self.refused(wsoa, ["advance", Self.plan, "revisit", "--on", "2023-12-01", "--visited", "2023-10-09..2023-10-11",
                                            "--sufficient", "W1,W2,W3,W4"])
        #expect(twice.contains("W1 has already been judged (sufficient progress at the revisit (letter of 25 February 2022)); only W2, W3, W4 are to be judged"), "\(twice)")
        wsoa.succeed(["advance", Self.plan, "revisit", "--on", "2023-12-01", "--visited", "2023-10-09..2023-10-11", "--sufficient", "W2,W3,W4"])
        let json = try Self.status(wsoa)
        #expect(json["phase"]?.stringValue == "cessationRecommended")
        #expect(json["escalations"]?.arrayValue?.map { $0["kind"]?.stringValue ?? "" } == ["statutoryDirection", "revisitDirected"])
        #expect(json["escalations"]?.arrayValue?.first?["issuer"]?.stringValue == "the Secretary of State for Education")
        #expect(json["revisits"]?.arrayValue?.map { $0["directed"]?.boolValue } == [false, true])
        let text = wsoa.succeed(["status", Self.plan]).stdout
        #expect(text.contains("  Statutory direction issued by the Secretary of State for Education on 4 August 2023 (https://www.gov.uk/direction) — After DfE found no sufficient progress.\n"))
        #expect(text.contains("  Further revisit (directed) 9–11 October 2023; letter 1 December 2023: W2 sufficient progress, W3 sufficient progress, W4 sufficient progress\n"))
    }

    @Test func aStatutoryDirectionCanComeWithNoRevisit() throws {
        let wsoa = try InProcess(today: "2026-12-03")
        wsoa.succeed(["init"])
        wsoa.succeed(["new", "slough-2021", "--area", "Slough", "--inspected", "2021-09-27..2021-10-01"])
        wsoa.succeed(["advance", "slough-2021", "letter", "--on", "2021-11-23", "--wsoa", "--weakness", "Leadership is weak."])
        wsoa.succeed(["advance", "slough-2021", "submit", "--on", "2022-02-18"])
        wsoa.succeed(["advance", "slough-2021", "judge", "--on", "2022-04-01", "--fit"])
        wsoa.succeed(["advance", "slough-2021", "escalate", "--on", "2023-08-04", "--kind", "statutory-direction"])
        let json = try JSONReader.parse(wsoa.succeed(["status", "slough-2021", "--json"]).stdout)
        #expect(json["phase"]?.stringValue == "monitoring")
        #expect(json["escalations"]?.arrayValue?.count == 1)
    }

    @Test("refusals name the rule and write nothing", arguments: [
        (["release", "--on", "2022-04-08", "--weakness", "W2"], "release-judged-sufficient",
         "W2 was last judged not sufficient progress at the revisit (letter of 25 February 2022)"),
        (["release", "--on", "2022-04-08", "--weakness", "W9"], "known-reference", "there is no weakness W9"),
        (["app-accept", "--on", "2022-04-08"], "app-in-order", "no accelerated progress plan has been submitted to decide on"),
        (["app-publish", "--on", "2022-04-08", "--link", "https://example.org/app"], "app-in-order",
         "no accelerated progress plan has been submitted to publish"),
        (["review", "--on", "2022-09-29", "--insufficient", "W2,W3"], "review-judges-every-weakness", "no judgement was given for W4"),
        (["review", "--on", "2022-09-29", "--sufficient", "W1", "--insufficient", "W2,W3,W4"], "review-judges-every-weakness",
         "W1 has already been judged"),
        (["review", "--on", "2022-01-01", "--insufficient", "W2,W3,W4"], "dates-in-order", "is before 2022-02-25"),
        (["app-submit", "--on", "2030-01-01"], "not-in-future", "is after today (2026-12-03)"),
    ])
    func refusal(arguments: [String], rule: String, says: String) throws {
        let wsoa = try Self.revisited()
        let error = try Self.refused(wsoa, ["advance", Self.plan] + arguments)
        #expect(error.contains("Rule \(rule) refuses"), "\(error)")
        #expect(error.contains(says), "\(error)")
    }

    @Test("usage errors exit 64 and write nothing", arguments: [
        (["app-return", "--on", "2022-04-08"], "needs --note"),
        (["escalate", "--on", "2022-04-08", "--kind", "warning-letter"], "use one of improvement-notice, statutory-direction"),
        (["escalate", "--on", "2022-04-08"], "needs --kind"),
        (["release", "--on", "2022-04-08", "--weakness", ""], "--weakness"),
        (["app-publish", "--on", "2022-04-08"], "needs --link"),
        (["release", "--on", "2022-13-08", "--weakness", "W1"], "is not a valid date"),
        (["app-submit", "--on", "2022-04-08", "--due", "2022-04-01", "--due", "2022-04-02"], "--due"),
    ])
    func usage(arguments: [String], says: String) throws {
        let wsoa = try Self.revisited()
        let error = try Self.refused(wsoa, ["advance", Self.plan] + arguments, status: 64)
        #expect(error.contains(says), "\(error)")
    }

    @Test func eachNewStepIsCorrectedOrWithdrawnInTheOpen() throws {
        let wsoa = try Self.revisited()
        wsoa.succeed(["advance", Self.plan, "release", "--on", "2022-04-08", "--weakness", "W1"])
        wsoa.succeed(["advance", Self.plan, "review", "--on", "2022-09-29", "--sufficient", "W2", "--insufficient", "W3,W4"])
        // The review was on the 28th: corrected, the next review counts from the right day.
        wsoa.succeed(["advance", Self.plan, "correct", "7", "--on", "2022-09-28", "--reason", "The meeting was on the 28th."])
        var json = try Self.status(wsoa)
        #expect(json["reviews"]?.arrayValue?.first?["on"]?.stringValue == "2022-09-28")
        #expect(json["weaknesses"]?.arrayValue?[1]["judged"]?["on"]?.stringValue == "2022-09-28")
        // Withdrawn, W2 is back in the APP as the revisit left it.
        wsoa.succeed(["advance", Self.plan, "withdraw", "7", "--reason", "Recorded against the wrong plan."])
        json = try Self.status(wsoa)
        #expect(json["reviews"]?.arrayValue?.isEmpty == true)
        #expect(json["weaknesses"]?.arrayValue?[1]["standing"]?.stringValue == "inAcceleratedProgressPlan")
        // Then the release: W1 is monitored again.
        wsoa.succeed(["advance", Self.plan, "withdraw", "6", "--reason", "DfE had not yet decided."])
        json = try Self.status(wsoa)
        #expect(json["weaknesses"]?.arrayValue?.first?["standing"]?.stringValue == "sufficientAwaitingRelease")
        #expect(wsoa.succeed(["verify", Self.plan]).stdout.contains(": ok"))
        let history = wsoa.succeed(["history", Self.plan]).stdout
        #expect(history.contains("weaknesses released"))
    }

    @Test func theRevisitClockSaysItWasPausedNationally() throws {
        let wsoa = try Self.revisited()
        let text = wsoa.succeed(["status", Self.plan]).stdout
        // Fit for purpose 20 May 2019: 18 months is 20 November 2020, plus the 380 paused days.
        #expect(text.contains("  revisit expected       due 5 December 2021 (paused nationally 17 Mar 2020 – 31 Mar 2021, revisits suspended for COVID-19: 380 days added) — met on 18 January 2022, 28 working days late\n"), "\(text)")
        let clock = try #require(try Self.status(wsoa)["clocks"]?.arrayValue?.first { $0["name"]?.stringValue == "revisit" })
        #expect(clock["pauses"]?.arrayValue?.first?["days"]?.intValue == 380)
        #expect(clock["pauses"]?.arrayValue?.first?["from"]?.stringValue == "2020-03-17")
    }
}

/// What the first review of issue 15's change found: holes closed, and real sequences allowed.
@Suite struct EndOfMonitoringReviewTests {
    static let plan = EndOfMonitoringTests.plan

    @Test func aDirectedRevisitNeedsSomethingLeftToJudge() throws {
        let wsoa = try EndOfMonitoringTests.revisited()
        wsoa.succeed(["advance", Self.plan, "revisit-directed", "--on", "2022-06-01"])
        wsoa.succeed(["advance", Self.plan, "review", "--on", "2022-08-01", "--sufficient", "W2,W3,W4"])
        let empty = try EndOfMonitoringTests.refused(wsoa, ["advance", Self.plan, "revisit", "--on", "2022-12-01",
                                                            "--visited", "2022-10-03..2022-10-05"])
        #expect(empty.contains("Rule revisit-directed refuses") && empty.contains("no weakness is left in the accelerated progress plan to judge"), "\(empty)")
    }

    @Test func aDirectionNeedsSomethingLeftToRevisit() throws {
        let wsoa = try EndOfMonitoringTests.revisited()
        wsoa.succeed(["advance", Self.plan, "review", "--on", "2022-08-01", "--sufficient", "W2,W3,W4"])
        let refusal = try EndOfMonitoringTests.refused(wsoa, ["advance", Self.plan, "revisit-directed", "--on", "2022-09-01"])
        #expect(refusal.contains("no weakness is left in the accelerated progress plan to revisit"), "\(refusal)")
    }

    @Test func aCorrectionCannotDateADirectionAfterItsRevisitBegan() throws {
        let wsoa = try EndOfMonitoringTests.revisited()
        wsoa.succeed(["advance", Self.plan, "revisit-directed", "--on", "2022-06-01"])
        wsoa.succeed(["advance", Self.plan, "revisit", "--on", "2022-09-30", "--visited", "2022-08-22..2022-08-24", "--sufficient", "W2,W3,W4"])
        let refusal = try EndOfMonitoringTests.refused(wsoa, ["advance", Self.plan, "correct", "6", "--on", "2022-09-15", "--reason", "Misread"])
        #expect(refusal.contains("Rule correction-keeps-record refuses"), "\(refusal)")
        #expect(refusal.contains("the further revisit would start on 2022-08-22, before the Secretary of State directed it on 2022-09-15"), "\(refusal)")
    }

    @Test func aDecisionArrivingAfterALaterVisitIsRecordedOnItsOwnDate() throws {
        let wsoa = try EndOfMonitoringTests.revisited()
        wsoa.succeed(["visit", Self.plan, "--on", "2022-07-02", "--adviser", "DfE"])
        wsoa.succeed(["followup", "add", Self.plan, "--visit", "V1", "--title", "Send the survey", "--owner", "Lead", "--due", "2022-08-01"])
        // DfE's release letter of 20 June, and a notice of 25 June, arrive after the July visit was logged.
        wsoa.succeed(["advance", Self.plan, "release", "--on", "2022-06-20", "--weakness", "W1"])
        wsoa.succeed(["advance", Self.plan, "escalate", "--on", "2022-06-25", "--kind", "improvement-notice"])
        // Visits stay in order among themselves, and the inspection's own steps with everything.
        let visit = try EndOfMonitoringTests.refused(wsoa, ["visit", Self.plan, "--on", "2022-06-28", "--adviser", "NHS England"])
        #expect(visit.contains("before 2022-07-02, the date of the last lifecycle event (monitoring visit)"), "\(visit)")
        #expect(wsoa.succeed(["verify", Self.plan]).stdout.contains(": ok"))
        let early = try EndOfMonitoringTests.refused(wsoa, ["advance", Self.plan, "release", "--on", "2022-02-01", "--weakness", "W1"])
        #expect(early.contains("Rule dates-in-order refuses"), "\(early)")
        // A correction elsewhere is not refused because a visit and a decision are out of order with each other.
        wsoa.succeed(["advance", Self.plan, "correct", "5", "--on", "2022-02-24", "--reason", "The letter is dated the 24th"])
    }

    @Test func aReviewWhoseOutcomeIsNotKnownIsHeldAndJudgesNothing() throws {
        let wsoa = try EndOfMonitoringTests.revisited()
        wsoa.succeed(["advance", Self.plan, "review", "--on", "2022-08-20", "--outcome-unknown", "--note", "Outcome letter not published"])
        let json = try EndOfMonitoringTests.status(wsoa)
        #expect(json["reviews"]?.arrayValue?.first?["outcomes"]?.objectValue?.isEmpty == true)
        #expect(json["weaknesses"]?.arrayValue?.map { $0["standing"]?.stringValue } == ["sufficientAwaitingRelease", "inAcceleratedProgressPlan",
                                                                                       "inAcceleratedProgressPlan", "inAcceleratedProgressPlan"])
        let clocks = json["clocks"]?.arrayValue?.filter { $0["name"]?.stringValue == "appReview" }.map { $0["state"]?.stringValue }
        #expect(clocks == ["met", "overdue"])
        #expect(wsoa.succeed(["status", Self.plan]).stdout.contains("  Formal review 20 August 2022: outcome not recorded — Outcome letter not published\n"))
        let both = try EndOfMonitoringTests.refused(wsoa, ["advance", Self.plan, "review", "--on", "2022-09-20", "--outcome-unknown", "--sufficient", "W2"], status: 64)
        #expect(both.contains("not both"), "\(both)")
        let neither = try EndOfMonitoringTests.refused(wsoa, ["advance", Self.plan, "review", "--on", "2022-09-20"], status: 64)
        #expect(neither.contains("--outcome-unknown"), "\(neither)")
    }

    @Test func aRevisedAPPFollowsAFormalReview() throws {
        let wsoa = try EndOfMonitoringTests.revisited()
        wsoa.succeed(["advance", Self.plan, "app-submit", "--on", "2022-04-01"])
        wsoa.succeed(["advance", Self.plan, "app-accept", "--on", "2022-04-08"])
        let early = try EndOfMonitoringTests.refused(wsoa, ["advance", Self.plan, "app-submit", "--on", "2022-05-01"])
        #expect(early.contains("a revised one follows a formal review or a further revisit"), "\(early)")
        wsoa.succeed(["advance", Self.plan, "review", "--on", "2022-08-20", "--insufficient", "W2,W3,W4"])
        wsoa.succeed(["advance", Self.plan, "app-submit", "--on", "2022-09-15"])
    }

    @Test func theLastReleaseRecordsTheEndOfMonitoring() throws {
        let wsoa = try EndOfMonitoringTests.revisited()
        wsoa.succeed(["advance", Self.plan, "review", "--on", "2022-08-01", "--sufficient", "W2,W3,W4"])
        wsoa.succeed(["advance", Self.plan, "release", "--on", "2022-09-01", "--weakness", "W1,W2,W3,W4"])
        var json = try EndOfMonitoringTests.status(wsoa)
        #expect(json["phase"]?.stringValue == "closed" && json["ceased"]?.stringValue == "2022-09-01")
        #expect(wsoa.succeed(["status", Self.plan]).stdout.contains("Monitoring ceased 1 September 2022."))
        wsoa.succeed(["advance", Self.plan, "correct", "7", "--on", "2022-09-02", "--reason", "Letter dated the 2nd"])
        #expect(try EndOfMonitoringTests.status(wsoa)["ceased"]?.stringValue == "2022-09-02")
        let withdrawn = wsoa.succeed(["advance", Self.plan, "withdraw", "7", "--reason", "Not yet decided"]).stdout
        #expect(!withdrawn.contains("Next:"), "\(withdrawn)")
        json = try EndOfMonitoringTests.status(wsoa)
        #expect(json["phase"]?.stringValue == "acceleratedProgress" && json["ceased"] == .null)
    }

    @Test func earlierReviewClocksStayAfterAFurtherRevisit() throws {
        let wsoa = try EndOfMonitoringTests.revisited()
        wsoa.succeed(["advance", Self.plan, "review", "--on", "2022-08-20", "--insufficient", "W2,W3,W4"])
        wsoa.succeed(["advance", Self.plan, "revisit-directed", "--on", "2022-09-01"])
        wsoa.succeed(["advance", Self.plan, "revisit", "--on", "2022-12-01", "--visited", "2022-10-03..2022-10-05", "--sufficient", "W2,W3", "--insufficient", "W4"])
        let json = try EndOfMonitoringTests.status(wsoa)
        let clocks = json["clocks"]?.arrayValue?.filter { $0["name"]?.stringValue == "appReview" } ?? []
        #expect(clocks.map { $0["due"]?.stringValue } == ["2022-08-25", "2023-06-01"])
        #expect(clocks.map { $0["state"]?.stringValue } == ["met", "overdue"])
        #expect(wsoa.succeed(["status", Self.plan]).stdout.contains("  W2  [sufficient progress at the further revisit (letter of 1 December 2022); monitored until DfE and NHS England release it]\n"))
    }

    @Test func anAPPAskedForByADateWarnsBeforeItIsDue() throws {
        let wsoa = try EndOfMonitoringTests.revisited()
        wsoa.succeed(["advance", Self.plan, "app-request", "--on", "2022-03-04", "--due", "2022-04-01"])
        let before = try JSONReader.parse(wsoa.succeed(["status", Self.plan, "--json", "--as-of", "2022-03-25"]).stdout)
        let clock = try #require(before["clocks"]?.arrayValue?.first { $0["name"]?.stringValue == "appSubmission" })
        #expect(clock["state"]?.stringValue == "dueSoon" && clock["due"]?.stringValue == "2022-04-01")
        let deadlines = wsoa.succeed(["deadlines", "--as-of", "2022-03-25"]).stdout
        #expect(deadlines.contains("APP submission due"), "\(deadlines)")
        // A submission, even one sent back and submitted again, meets it: the first after the request.
        wsoa.succeed(["advance", Self.plan, "app-submit", "--on", "2022-04-04"])
        wsoa.succeed(["advance", Self.plan, "app-return", "--on", "2022-04-11", "--note", "No baselines"])
        wsoa.succeed(["advance", Self.plan, "app-submit", "--on", "2022-04-20"])
        let after = try #require(try EndOfMonitoringTests.status(wsoa)["clocks"]?.arrayValue?.first { $0["name"]?.stringValue == "appSubmission" })
        #expect(after["met"]?.stringValue == "2022-04-04" && after["workingDaysLate"]?.intValue == 1)
        #expect(wsoa.succeed(["status", Self.plan]).stdout.contains("  APP asked for by DfE and NHS England on 4 March 2022, by 1 April 2022\n"))
    }

    @Test("links of a published plan, a notice or a direction must be web addresses", arguments: [
        "javascript:alert(1)", "ftp://example.org/app", "not a url", "https://exa mple.org",
    ])
    func webAddress(link: String) throws {
        let wsoa = try EndOfMonitoringTests.revisited()
        wsoa.succeed(["advance", Self.plan, "app-submit", "--on", "2022-04-01"])
        for arguments in [["app-publish", "--on", "2022-04-08", "--link", link],
                          ["escalate", "--on", "2022-04-08", "--kind", "statutory-direction", "--link", link],
                          ["revisit-directed", "--on", "2022-04-08", "--link", link]] {
            let refusal = try EndOfMonitoringTests.refused(wsoa, ["advance", Self.plan] + arguments)
            #expect(refusal.contains("Rule web-address refuses"), "\(refusal)")
        }
    }
}
