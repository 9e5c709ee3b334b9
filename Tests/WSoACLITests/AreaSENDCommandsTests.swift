import Foundation
import Testing
import WSoAEngine

/// The 2023 framework through the command line, in process: a report read from its text or
/// typed in, the steps after it, `status --json`'s keys, the readiness question and the
/// lifecycle diagram. The reports are the real ones kept in `Tests/Fixtures/reports-2023/`.
@Suite struct AreaSENDCommandsTests {
    static let reports = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reports-2023")

    static func report(_ name: String) -> String { reports.appendingPathComponent("\(name).txt").path }

    /// A plans directory with Oldham's 2023 report read in (widespread/systemic failings, two
    /// areas for priority action, three for improvement).
    static func oldham() throws -> InProcess {
        let wsoa = try InProcess(today: "2026-12-03")
        wsoa.succeed(["init"])
        wsoa.succeed(["new", "oldham-2023", "--from-letter", report("oldham-2023"), "--on", "2023-08-29"])
        return wsoa
    }

    @Test func aReportReadFromItsTextOpensA2023PlanWithEveryFinding() throws {
        let wsoa = try Self.oldham()
        let json = try JSONReader.parse(wsoa.succeed(["status", "oldham-2023", "--json"]).stdout)
        #expect(json["framework"]?.stringValue == "2023")
        #expect(json["phase"]?.stringValue == "priorityActionPlanDue")
        #expect(json["inspection"]?["outcome"]?.stringValue == "widespread-systemic")
        #expect(json["inspection"]?["previousInspection"]?.stringValue == "2 to 6 October 2017")
        let actions = try #require(json["areasForPriorityAction"]?.arrayValue)
        #expect(actions.map { $0["id"]?.stringValue } == ["P1", "P2"])
        #expect(actions[1]["partner"]?.stringValue == "NHS Greater Manchester ICB and Oldham Metropolitan Borough Council")
        #expect(actions[0]["statement"]?.stringValue?.hasPrefix("Leaders at Oldham Metropolitan Borough Council and NHS Greater Manchester ICB should cooperate") == true)
        let improvements = try #require(json["areasForImprovement"]?.arrayValue)
        #expect(improvements.map { $0["id"]?.stringValue } == ["I1", "I2", "I3"])
        #expect(improvements[0]["partner"] == nil)
        let clocks = try #require(json["clocks"]?.arrayValue)
        #expect(clocks.map { $0["name"]?.stringValue } == ["strategicPlan", "priorityActionPlan", "monitoringInspection", "nextInspection"])
        #expect(clocks.allSatisfy { $0["estimated"]?.boolValue == true && $0["basis"]?.stringValue?.hasPrefix("default:") == true })
        let text = wsoa.succeed(["status", "oldham-2023"]).stdout
        #expect(text.contains("Phase: priority action plan due   [framework 2023, as of 3 December 2026]"))
        #expect(text.contains("Areas for priority action\n  P1  [not yet judged at a monitoring inspection]"))
        #expect(text.contains("      responsible: Oldham Metropolitan Borough Council and NHS Greater Manchester ICB"))
    }

    @Test func aDryRunShowsEveryFieldAndWritesNothing() throws {
        let wsoa = try InProcess(today: "2026-12-03")
        wsoa.succeed(["init"])
        let dry = wsoa.succeed(["new", "gateshead-2023", "--from-letter", Self.report("gateshead-2023"), "--dry-run"])
        #expect(dry.stdout.hasPrefix("Read gateshead-2023.txt as an area SEND inspection report:\n"))
        #expect(dry.stdout.contains("  inspection outcome     inconsistent experiences and outcomes\n"))
        #expect(dry.stdout.contains("I5: "))
        #expect(dry.stdout.hasSuffix("Nothing was written (--dry-run).\n"))
        #expect(!FileManager.default.fileExists(atPath: "\(wsoa.plans)/gateshead-2023"))
    }

    @Test(arguments: [
        ([], "needs --on DATE (the day the report was published) or --received DATE"),
        (["--on", "2023-07-24", "--inspected", "2022-05-23..2022-05-27"], "it reads as a 2023 area SEND report, but the inspection began on 2022-05-23"),
        (["--dry-run", "--inspected", "2022-05-23..2022-05-27"], "under the local area SEND inspection framework (2016)"),
        (["--on", "2023-07-24", "--outcome", "good"], "use one of positive, inconsistent, widespread-systemic"),
    ])
    func aReportThatCannotBeRecordedAsGivenIsAUsageErrorAndWritesNothing(extra: [String], says: String) throws {
        let wsoa = try InProcess(today: "2026-12-03")
        wsoa.succeed(["init"])
        let result = wsoa.run(["new", "gateshead-2023", "--from-letter", Self.report("gateshead-2023")] + extra)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(says), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(wsoa.plans)/gateshead-2023"))
    }

    @Test func theReportNamesNoAddresseesSoThePartnersAreTheOnesGiven() throws {
        let wsoa = try InProcess(today: "2026-12-03")
        wsoa.succeed(["init"])
        wsoa.succeed(["new", "gateshead-2023", "--from-letter", Self.report("gateshead-2023"), "--on", "2023-07-24",
                      "--la", "Gateshead Council", "--health", "NHS North East and North Cumbria ICB"])
        let json = try JSONReader.parse(wsoa.succeed(["status", "gateshead-2023", "--json"]).stdout)
        #expect(json["partners"]?["la"]?.stringValue == "Gateshead Council")
        #expect(json["partnerRenames"]?.arrayValue?.isEmpty == true)
        // A 2016 letter for an inspection under the 2023 framework is refused before anything is read into a plan.
        let letter = wsoa.run(["new", "x-2023", "--from-letter", try LetterCommandsTests.seed("003"), "--inspected", "2023-03-06..2023-03-10"])
        #expect(letter.status == 64 && letter.stderr.contains("it reads as an inspection outcome letter (2016 framework), but the inspection began on 2023-03-06"))
    }

    @Test func theReceivedDayStandsInForAnUnknownPublicationDateAndSaysSo() throws {
        let wsoa = try InProcess(today: "2026-12-03")
        wsoa.succeed(["init"])
        wsoa.succeed(["new", "dudley-2025", "--from-letter", Self.report("dudley-2025"), "--received", "2025-03-04"])
        let json = try JSONReader.parse(wsoa.succeed(["status", "dudley-2025", "--json"]).stdout)
        #expect(json["inspection"]?["letter"]?.stringValue == "2025-03-04")
        #expect(json["estimatedDates"]?.arrayValue?.contains { $0["line"]?.intValue == 2 && $0["field"]?.stringValue == "on" } == true)
        #expect(json["clocks"]?.arrayValue?.map { $0["name"]?.stringValue } == ["strategicPlan", "nextInspection"])
    }

    @Test func aReportTypedInPairsEachResponsibleBodyWithItsAction() throws {
        let wsoa = try InProcess(today: "2026-12-03")
        wsoa.succeed(["init"])
        wsoa.succeed(["new", "newshire-2024", "--area", "Newshire", "--inspected", "2024-02-05..2024-02-09"])
        let mismatch = wsoa.run(["advance", "newshire-2024", "report", "--on", "2024-04-12", "--outcome", "widespread-systemic",
                                 "--priority-action", "Act one.", "--priority-action", "Act two.", "--responsible", "The council"])
        #expect(mismatch.status == 64)
        #expect(mismatch.stderr.contains("give one responsible body per --priority-action, in the same order (2 given), or none"))
        let stray = wsoa.run(["advance", "newshire-2024", "report", "--on", "2024-04-12", "--outcome", "positive",
                              "--priority-action", "Act."])
        #expect(stray.status == 1 && stray.stderr.contains("outcome-matches-findings"))
        wsoa.succeed(["advance", "newshire-2024", "report", "--on", "2024-04-12", "--outcome", "widespread-systemic",
                      "--priority-action", "Act one.", "--priority-action", "Act two.", "--responsible", "The council",
                      "--responsible", "The ICB", "--improvement", "Improve.", "--next-inspection-years", "3"])
        let json = try JSONReader.parse(wsoa.succeed(["status", "newshire-2024", "--json"]).stdout)
        #expect(json["areasForPriorityAction"]?.arrayValue?.map { $0["partner"]?.stringValue } == ["The council", "The ICB"])
        let next = wsoa.succeed(["advance", "newshire-2024"]).stdout
        #expect(next.contains("wsoa advance newshire-2024 pap-submit --on DATE"))
        #expect(!next.contains("letter published"))
    }

    @Test func theReportAsksAboutTheMonitoringInspectionOfTheAreasForPriorityActionOnly() throws {
        let wsoa = try Self.oldham()
        wsoa.succeed(["workstream", "add", "oldham-2023", "governance", "--title", "Shared governance", "--addresses", "P1,I1", "--on", "2023-10-02"])
        let report = wsoa.succeed(["report", "oldham-2023", "--as-of", "2024-03-01"]).stdout
        #expect(report.hasPrefix("# Monitoring inspection readiness: Oldham\n"))
        #expect(report.contains("**Not ready for the monitoring inspection: P1 and P2 are not yet sufficient.**"))
        #expect(report.contains("| I1 | Not yet sufficient; for the next full inspection |"))
        #expect(report.contains("## 2. Areas for priority action and for improvement"))
        let json = try JSONReader.parse(wsoa.succeed(["report", "oldham-2023", "--as-of", "2024-03-01", "--format", "json"]).stdout)
        #expect(json["verdict"]?["holdingBack"]?.arrayValue?.compactMap(\.stringValue) == ["P1", "P2"])
        #expect(json["plan"]?["outcome"]?.stringValue == "widespread-systemic")
    }

    @Test func theLifecycleOfEitherFrameworkIsDrawn() throws {
        let wsoa = try InProcess(today: "2026-12-03")
        let mermaid = wsoa.succeed(["lifecycle", "--framework", "2023", "--format", "mermaid"]).stdout
        #expect(mermaid.contains("    inspected --> priorityActionPlanDue: reportPublished (widespread/systemic failings)"))
        #expect(!mermaid.contains("statementDue"))
        #expect(wsoa.succeed(["lifecycle"]).stdout.hasPrefix("Lifecycle (framework 2016)"))
        let bad = wsoa.run(["lifecycle", "--framework", "2019"])
        #expect(bad.status == 64 && bad.stderr.contains("use one of 2016, 2023"))
    }
}
