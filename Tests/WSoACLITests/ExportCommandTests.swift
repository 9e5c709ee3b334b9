import Foundation
import Testing
import WSoAEngine

/// `wsoa export`: a tracker to open in a spreadsheet, written only where it is safe to write.
@Suite struct ExportCommandTests {
    /// A 2016 plan in monitoring with a visit, a follow-up and a piece of evidence whose title
    /// a spreadsheet would take for a formula.
    static func plan() -> InProcess {
        let wsoa = try! InProcess(today: "2026-12-03")
        wsoa.succeed(["init"])
        wsoa.succeed(["new", "x-2022", "--area", "X", "--inspected", "2022-03-07..2022-03-11"])
        wsoa.succeed(["advance", "x-2022", "letter", "--on", "2022-04-22", "--wsoa", "--weakness", "Co-production, with families."])
        wsoa.succeed(["advance", "x-2022", "submit", "--on", "2022-07-29"])
        wsoa.succeed(["advance", "x-2022", "judge", "--on", "2022-09-02", "--fit"])
        wsoa.succeed(["workstream", "add", "x-2022", "coproduction", "--title", "Co-production", "--addresses", "W1", "--on", "2022-09-05"])
        wsoa.succeed(["evidence", "add", "x-2022", "--workstream", "coproduction", "--kind", "voice", "--on", "2022-10-03",
                      "--title", "=HYPERLINK(\"http://x\",\"Survey\")", "--weakness", "W1"])
        wsoa.succeed(["visit", "x-2022", "--on", "2022-12-02", "--adviser", "DfE adviser", "--rate", "W1=amber"])
        wsoa.succeed(["followup", "add", "x-2022", "--visit", "V1", "--title", "Share the \"survey\" method", "--owner", "Lead",
                      "--due", "2023-01-31"])
        return wsoa
    }

    @Test func aTrackerIsWrittenAsCSVWithItsRowsAndNothingRunnable() throws {
        let wsoa = Self.plan()
        let evidence = wsoa.succeed(["export", "x-2022", "--what", "evidence"]).stdout
        #expect(evidence.hasPrefix("\u{FEFF}ID,Workstream,Areas,Kind,Date,Title,Source,Link,File,SHA-256,Version,Withdrawn on\r\n"))
        #expect(evidence.contains("\r\nE1,coproduction,W1,voice,2022-10-03,\"'=HYPERLINK(\"\"http://x\"\",\"\"Survey\"\")\",,,,,,\r\n"))
        let followUps = wsoa.succeed(["export", "x-2022", "--what", "followups"]).stdout
        #expect(followUps.contains("\r\nF1,V1,\"Share the \"\"survey\"\" method\",Lead,2023-01-31,2022-12-02,,,,\r\n"))
        let visits = wsoa.succeed(["export", "x-2022", "--what", "visits"]).stdout
        #expect(visits.contains("\r\nV1,2022-12-02,DfE adviser,,W1 amber,,,\r\n"))
    }

    @Test func theSameRowsComeAsJSONKeyedByTheHeaders() throws {
        let wsoa = Self.plan()
        let json = try JSONReader.parse(wsoa.succeed(["export", "x-2022", "--what", "evidence", "--json"]).stdout)
        let row = try #require(json.arrayValue?.first)
        #expect(row["Title"]?.stringValue == "=HYPERLINK(\"http://x\",\"Survey\")")
        #expect(row["Source"] == .null)
    }

    @Test func anOutputFileIsWrittenOnlyOutsideThePlans() throws {
        let wsoa = Self.plan()
        let path = wsoa.folder.appendingPathComponent("tracker.csv").path
        let done = wsoa.succeed(["export", "x-2022", "--what", "actions", "--output", path])
        #expect(done.stdout == "Wrote 0 rows of x-2022's actions to \(path).\n")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let inside = wsoa.run(["export", "x-2022", "--what", "actions", "--output", "\(wsoa.plans)/x-2022/tracker.csv"])
        #expect(inside.status != 0)
        #expect(!FileManager.default.fileExists(atPath: "\(wsoa.plans)/x-2022/tracker.csv"))
    }

    @Test(arguments: [
        (["export", "x-2022"], "--what"),
        (["export", "x-2022", "--what", "tracker"], "use one of actions, measures, readings, evidence, visits, followups"),
        (["export", "x-2022", "--what", "actions", "--what", "evidence"], "--what"),
    ])
    func aMissingOrUnknownWhatIsAUsageError(arguments: [String], says: String) {
        let result = Self.plan().run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(says), "\(result.stderr)")
    }
}

/// `wsoa deadlines --format ics`: the calendar file, and the options it goes with.
@Suite struct DeadlinesCalendarTests {
    @Test func theCalendarIsWrittenToAFileOutsideThePlans() throws {
        let wsoa = ExportCommandTests.plan()
        let path = wsoa.folder.appendingPathComponent("deadlines.ics").path
        let done = wsoa.succeed(["deadlines", "--format", "ics", "--output", path, "--as-of", "2023-01-10"])
        #expect(done.stdout.hasPrefix("Wrote 3 deadlines as of 10 January 2023 to \(path)."))  // the follow-up, the next visit, the revisit
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("UID:x-2022.F1@wsoa\r\n") && text.contains("UID:x-2022.monitoringVisit@wsoa\r\n"))
        #expect(text.contains("Owner: Lead\\; agreed at V1."))
    }

    @Test(arguments: [
        (["deadlines", "--format", "ics", "--json"], "give one of --json and --format ics"),
        (["deadlines", "--output", "x.ics"], "it only applies with --format ics"),
        (["deadlines", "--format", "pdf"], "use one of text, ics"),
    ])
    func optionsThatDoNotGoTogetherAreAUsageError(arguments: [String], says: String) {
        let result = ExportCommandTests.plan().run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(says), "\(result.stderr)")
    }
}
