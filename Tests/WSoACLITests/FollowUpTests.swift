import Foundation
import Testing
import WSoAEngine

/// Follow-ups agreed at visits: owned, due, closed, and shown wherever deadlines are.
@Suite struct FollowUpTests {
    @Test func aFollowUpNamesTheWeaknessesItConcerns() throws {
        let wsoa = try CorrectionTests.demo()
        let error = try CorrectionTests.refused(wsoa, ["followup", "add", "demo", "--visit", "V1", "--title", "Audit", "--owner", "QA lead",
                                                      "--due", "2022-11-30", "--weakness", "W1,W9"])
        #expect(error.contains("W9") && error.contains("known-reference"), "\(error)")
        #expect(try CorrectionTests.refused(wsoa, ["followup", "add", "demo", "--visit", "V1", "--title", "Audit", "--owner", "QA lead",
                                                   "--due", "2022-11-30", "--weakness", "W1", "--weakness", "W1"]).contains("it names W1 more than once"))
        #expect(try CorrectionTests.refused(wsoa, ["followup", "add", "demo", "--visit", "V1", "--title", "Audit", "--owner", "QA lead",
                                                   "--due", "2022-11-30", "--weakness", ""], status: 64).contains("it names nothing"))
        wsoa.succeed(["followup", "add", "demo", "--visit", "V1", "--title", "Audit", "--owner", "QA lead", "--due", "2022-11-30",
                      "--weakness", "W1"])
        wsoa.succeed(["followup", "add", "demo", "--visit", "V1", "--title", "Publish the plan", "--owner", "Head of SEND", "--due", "2022-11-30"])
        let journal = String(decoding: try wsoa.journal("demo"), as: UTF8.self)
        #expect(journal.contains("\"weaknesses\":[\"W1\"]"))
        let report = try JSONReader.parse(wsoa.succeed(["report", "demo", "--format", "json"]).stdout)
        let weaknesses = try #require(report["weaknesses"]?.arrayValue)
        // F1 concerns W1 only; F2, naming none, concerns every weakness.
        #expect(weaknesses.map { $0["followUps"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [] }
                == weaknesses.map { $0["id"]?.stringValue == "W1" ? ["F1", "F2"] : ["F2"] })
        let w1 = try #require(weaknesses.first)
        #expect(w1["verdict"]?["reasons"]?.arrayValue?.contains { $0["signal"]?.stringValue == "followUp" } == true)
        wsoa.succeed(["verify", "demo"])
    }

    @Test func aFollowUpIsTrackedFromTheVisitToItsClosure() throws {
        let wsoa = try CorrectionTests.demo()
        // V1 was on 1 October 2022.
        wsoa.succeed(["followup", "add", "demo", "--visit", "V1", "--title", "Share the survey method", "--owner", "Participation lead",
                      "--due", "2022-11-30"])
        wsoa.succeed(["followup", "add", "demo", "--visit", "V1", "--title", "Audit sample of 20 plans", "--owner", "QA lead",
                      "--due", "2024-06-28", "--on", "2022-10-03"])
        var json = try CorrectionTests.status(wsoa)
        var followUps = try #require(json["followUps"]?.arrayValue)
        #expect(followUps.map { $0["id"]?.stringValue } == ["F1", "F2"])
        #expect(followUps[0]["agreed"]?.stringValue == "2022-10-01")
        #expect(followUps[0]["overdue"] == .bool(true))
        #expect(followUps[1]["overdue"] == .bool(false))
        let status = wsoa.succeed(["status", "demo"]).stdout
        #expect(status.contains("Follow-ups from visits (2 open, 0 closed)"))
        #expect(status.contains("F1  Share the survey method [V1, owner Participation lead] — due 30 November 2022, OVERDUE"))
        let deadlines = wsoa.succeed(["deadlines"]).stdout
        #expect(deadlines.contains("F1 Share the survey method"))
        #expect(deadlines.contains("F2 Audit sample of 20 plans"))
        let report = try JSONReader.parse(wsoa.succeed(["report", "demo", "--format", "json"]).stdout)
        #expect(report["decisions"]?["openFollowUps"]?.arrayValue?.map { $0["id"]?.stringValue } == ["F1", "F2"])
        let markdown = wsoa.succeed(["report", "demo", "--format", "markdown"]).stdout
        #expect(markdown.contains("Open follow-ups from visits") && markdown.contains("Share the survey method"))

        wsoa.succeed(["followup", "close", "demo", "F1", "--on", "2023-05-01", "--evidence", "E1", "--note", "Method shared with the forum"])
        json = try CorrectionTests.status(wsoa)
        followUps = try #require(json["followUps"]?.arrayValue)
        #expect(followUps[0]["closed"]?.stringValue == "2023-05-01")
        #expect(followUps[0]["closedBy"]?.stringValue == "E1")
        #expect(!wsoa.succeed(["deadlines"]).stdout.contains("F1 "))
        // As it stood before the closure, F1 was open.
        let before = try JSONReader.parse(wsoa.succeed(["status", "demo", "--json", "--as-of", "2023-04-30"]).stdout)
        #expect(before["followUps"]?.arrayValue?.first?["closed"] == .null)
        wsoa.succeed(["verify", "demo"])
    }

    @Test func followUpsAreRefusedWhenTheyDoNotFit() throws {
        let wsoa = try CorrectionTests.demo()
        #expect(try CorrectionTests.refused(wsoa, ["followup", "add", "demo", "--visit", "V2", "--title", "T", "--owner", "O", "--due", "2023-01-01"])
                    .contains("there is no monitoring visit V2 (the plan has V1 only)"))
        #expect(try CorrectionTests.refused(wsoa, ["followup", "add", "demo", "--visit", "V1", "--title", "T", "--owner", "O", "--due", "2022-09-01"])
                    .contains("F1 would be due on 2022-09-01, before the day it was agreed (2022-10-01)"))
        #expect(try CorrectionTests.refused(wsoa, ["followup", "add", "demo", "--visit", "V1", "--title", "T", "--owner", "O", "--due", "2023-01-01",
                                                   "--on", "2022-09-30"])
                    .contains("F1 would be agreed on 2022-09-30, before its visit V1 on 2022-10-01"))
        #expect(try CorrectionTests.refused(wsoa, ["followup", "add", "demo", "--visit", "V1", "--title", "T", "--due", "2023-01-01"], status: 64)
                    .contains("--owner"))
        wsoa.succeed(["followup", "add", "demo", "--visit", "V1", "--title", "T", "--owner", "O", "--due", "2023-01-01"])
        wsoa.succeed(["followup", "close", "demo", "F1", "--on", "2023-01-02"])
        #expect(try CorrectionTests.refused(wsoa, ["followup", "close", "demo", "F1", "--on", "2023-01-03"])
                    .contains("F1 was already closed on 2023-01-02"))
        // The visit it was agreed at can no longer be withdrawn from under it.
        #expect(try CorrectionTests.refused(wsoa, ["visit", "withdraw", "demo", "V1", "--reason", "r"])
                    .contains("the follow-ups F1 were agreed at V1"))
    }
}

/// A second visit, reading or identical evidence on the same day is refused, naming the first.
@Suite struct OncePerDayTests {
    @Test("a repeat is refused, naming what is already recorded and the command that corrects it", arguments: [
        (["visit", "demo", "--on", "2022-10-01"], "V1 is already recorded on 2022-10-01; correct it with 'wsoa visit amend demo V1"),
        (["measure", "record", "demo", "M2", "--on", "2022-10-01", "--value", "27"],
         "M2 already has a reading on 2022-10-01 (26); correct it with 'wsoa measure correct demo M2 --on 2022-10-01 --value VALUE"),
        (["evidence", "add", "demo", "--workstream", "ehc", "--kind", "impact", "--on", "2023-05-02", "--title", "Fewer complaints"],
         "E2 already records this impact evidence for 'ehc' on 2023-05-02; correct it with 'wsoa evidence amend demo E2"),
    ])
    func repeatsAreRefused(arguments: [String], says: String) throws {
        let wsoa = try CorrectionTests.demo()
        let error = try CorrectionTests.refused(wsoa, arguments)
        #expect(error.contains("Rule once-a-day refuses"), "\(error)")
        #expect(error.contains(says), "\(error)")
    }

    @Test func aWithdrawnVisitNoLongerBlocksItsDay() throws {
        let wsoa = try CorrectionTests.demo()
        wsoa.succeed(["visit", "withdraw", "demo", "V1", "--reason", "Wrong date"])
        wsoa.succeed(["visit", "demo", "--on", "2022-10-01", "--adviser", "DfE adviser"])
        wsoa.succeed(["evidence", "add", "demo", "--workstream", "ehc", "--kind", "impact", "--on", "2023-05-02", "--title", "Fewer complaints (n=40)"])
        wsoa.succeed(["verify", "demo"])
    }

    /// Evidence moved to another day by an amendment repeats on its new day, not its old one.
    @Test func amendedEvidenceIsLookedForOnItsNewDay() throws {
        let wsoa = try CorrectionTests.demo()
        wsoa.succeed(["evidence", "amend", "demo", "E2", "--on", "2023-05-03", "--reason", "The audit closed on the 3rd"])
        for (_, title) in [(0, "Fewer complaints")] {
            let error = try CorrectionTests.refused(wsoa, ["evidence", "add", "demo", "--workstream", "ehc", "--kind", "impact",
                                                           "--on", "2023-05-03", "--title", title])
            #expect(error.contains("E2 already records this impact evidence for 'ehc' on 2023-05-03"), "\(error)")
        }
        wsoa.succeed(["evidence", "add", "demo", "--workstream", "ehc", "--kind", "impact", "--on", "2023-05-02", "--title", "Fewer complaints"])
        wsoa.succeed(["verify", "demo"])
    }
}
