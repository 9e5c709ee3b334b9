import Foundation
import Testing
import WSoAEngine

/// `wsoa import`: a tracker read into a plan whole or not at all, the same file twice recording
/// nothing the second time, and a plan's export read into a fresh plan giving the same items.
@Suite struct ImportCommandTests {
    /// A plans directory holding the shipped demo plan as it was before any action, measure or
    /// evidence: its first 8 lines (created, letter, six workstreams), a hash chain of its own.
    static func freshDemo() throws -> InProcess {
        let wsoa = try InProcess(today: "2026-12-03")
        wsoa.succeed(["init"])
        let source = WSoABinary.packageRoot.appendingPathComponent("plans/demo-borough-2022/events.jsonl")
        let lines = try String(contentsOf: source, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let folder = URL(fileURLWithPath: "\(wsoa.plans)/demo-borough-2022")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data((lines.prefix(8).joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("events.jsonl"))
        return wsoa
    }

    /// The shipped demo plan's tracker of `kind`, written beside the plans directory.
    static func shippedTracker(_ kind: String, in wsoa: InProcess) throws -> String {
        let shipped = WSoABinary.packageRoot.appendingPathComponent("plans").path
        let path = wsoa.folder.appendingPathComponent("\(kind).csv").path
        wsoa.succeed(["export", "demo-borough-2022", "--what", kind, "--plans", shipped, "--output", path])
        return path
    }

    static func write(_ text: String, to name: String, in wsoa: InProcess) throws -> String {
        let path = wsoa.folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aPlansExportImportedIntoAFreshPlanGivesTheSameItemsAndASecondImportNothing() throws {
        let wsoa = try Self.freshDemo()
        let kinds = ["actions", "measures", "readings", "evidence"]
        for kind in kinds {
            let path = try Self.shippedTracker(kind, in: wsoa)
            let done = wsoa.succeed(["import", "demo-borough-2022", "--what", kind, path])
            #expect(done.stdout.contains("lines written to demo-borough-2022's journal"), "\(done.stdout)")
        }
        for kind in kinds {
            let original = try Data(contentsOf: URL(fileURLWithPath: try Self.shippedTracker(kind, in: wsoa)))
            #expect(Data(wsoa.succeed(["export", "demo-borough-2022", "--what", kind]).stdout.utf8) == original, "\(kind)")
            let again = wsoa.succeed(["import", "demo-borough-2022", "--what", kind, try Self.shippedTracker(kind, in: wsoa)])
            #expect(again.stdout.hasPrefix("Nothing to record: every row of \(kind).csv matches what demo-borough-2022 holds.\n"))
        }
        #expect(wsoa.succeed(["verify", "demo-borough-2022"]).stdout.contains("ok"))
    }

    @Test func aTrackerWithABadRowWritesNothingAndNamesEveryBadRow() throws {
        let wsoa = try Self.freshDemo()
        let before = try wsoa.journal("demo-borough-2022")
        let path = try Self.write("""
            Workstream,Action,Owner,Deadline,Added on\r
            coproduction,Run the family survey,Jo,2027-03-31,\r
            nowhere,Train SENCOs,Sam,2027-03-31,\r
            coproduction,Refresh the charter,,31/02/2027,\r
            """, to: "tracker.csv", in: wsoa)
        let refused = wsoa.run(["import", "demo-borough-2022", "--what", "actions", path])
        #expect(refused.status == 1)
        #expect(refused.stderr == """
            Error: Nothing was imported from tracker.csv: 2 rows cannot be imported as they stand.
              row 3, column "Workstream": rule known-reference: there is no workstream 'nowhere' (the plan has coproduction, ehc-quality, joint-commissioning, outcomes, neurodevelopmental, preparation-for-adulthood).
              row 4, column "Deadline": rule valid-value: '31/02/2027' is not a date (February 2027 has 28 days); write YYYY-MM-DD or DD/MM/YYYY.

            """)
        #expect(try wsoa.journal("demo-borough-2022") == before)
    }

    @Test func aDryRunListsEachRowsChangesAndWritesNothing() throws {
        let wsoa = try Self.freshDemo()
        let path = try Self.write("ID,Workstream,Title,Due date,RAG\nA1,coproduction,Run the family survey,2027-03-31,Amber\n",
                                  to: "tracker.csv", in: wsoa)
        let before = try wsoa.journal("demo-borough-2022")
        let dry = wsoa.succeed(["import", "demo-borough-2022", "--what", "actions", path, "--dry-run"])
        #expect(dry.stdout == """
            Would record from tracker.csv for demo-borough-2022:
              row 2  A1  added to workstream 'coproduction', due 2027-03-31
            Columns not imported (wsoa has no field for them): RAG.
            Nothing was written (--dry-run).

            """)
        #expect(try wsoa.journal("demo-borough-2022") == before)
        let json = try JSONReader.parse(wsoa.succeed(["import", "demo-borough-2022", "--what", "actions", path, "--json"]).stdout)
        #expect(json["dryRun"] == .bool(false))
        #expect(json["steps"]?.arrayValue?.first?["event"]?.stringValue == "actionAdded")
        #expect(json["recorded"]?.arrayValue?.count == 1)
    }

    @Test func evidenceFilesAreFoundBesideTheTrackerCheckedAndCopied() throws {
        let wsoa = try Self.freshDemo()
        try Data("minutes".utf8).write(to: wsoa.folder.appendingPathComponent("minutes.txt"))
        let wrong = String(repeating: "0", count: 64)
        let refused = wsoa.run(["import", "demo-borough-2022", "--what", "evidence", try Self.write("""
            Workstream,Kind,Date,Title,File,SHA-256
            coproduction,activity,2023-01-10,Forum minutes,minutes.txt,\(wrong)
            """, to: "evidence.csv", in: wsoa)])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("row 2, column \"SHA-256\": rule file-found: 'minutes.txt' beside the tracker has the SHA-256"), "\(refused.stderr)")
        let done = wsoa.succeed(["import", "demo-borough-2022", "--what", "evidence", try Self.write("""
            Workstream,Kind,Date,Title,File
            coproduction,activity,2023-01-10,Forum minutes,minutes.txt
            """, to: "evidence.csv", in: wsoa)])
        #expect(done.stdout.contains("E1  added to workstream 'coproduction': activity, dated 2023-01-10, with the file 'minutes.txt'"), "\(done.stdout)")
        #expect(done.stdout.contains("1 line written to demo-borough-2022's journal (line 9).\n  A copy of minutes.txt"), "\(done.stdout)")
        #expect(wsoa.succeed(["verify", "demo-borough-2022"]).status == 0)
    }

    @Test(arguments: [
        (["import", "demo-borough-2022", "--what", "actions"], "FILE"),
        (["import", "demo-borough-2022", "t.csv"], "--what"),
        (["import", "demo-borough-2022", "--what", "visits", "t.csv"], "use one of actions, measures, readings, evidence"),
        (["import", "demo-borough-2022", "--what", "actions", "t.csv", "--as-of", "2024-01-01"], "--as-of"),
        (["import", "demo-borough-2022", "--what", "actions", "--what", "evidence", "t.csv"], "--what"),
    ])
    func usageMistakesAreUsageErrors(arguments: [String], says: String) throws {
        let result = try Self.freshDemo().run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(says), "\(result.stderr)")
    }

    @Test func aHostileFileIsRefusedWithItsControlCharactersShown() throws {
        let wsoa = try Self.freshDemo()
        let path = try Self.write("ID,Status\nA1,\u{1B}[31mred\n", to: "t.csv", in: wsoa)
        let result = wsoa.run(["import", "demo-borough-2022", "--what", "actions", path])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(result.stderr.contains("\\u{1B}"), "\(result.stderr)")
        let workbook = wsoa.folder.appendingPathComponent("t.xlsx")
        try Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 100)).write(to: workbook)
        let binary = wsoa.run(["import", "demo-borough-2022", "--what", "actions", workbook.path])
        #expect(binary.stderr == "Error: t.xlsx cannot be read as a tracker: it is a spreadsheet workbook (.xlsx or .ods), not CSV; save it as 'CSV UTF-8'.\n")
    }

    @Test func theRealBinaryImportsAndRefusesWithTheContractsExitCodes() throws {
        let wsoa = try WSoABinary(today: "2026-12-03")
        try wsoa.succeed(["init"])
        try wsoa.succeed(["new", "x-2022", "--area", "X", "--inspected", "2022-03-07..2022-03-11"])
        try wsoa.succeed(["advance", "x-2022", "letter", "--on", "2022-04-22", "--wsoa", "--weakness", "Co-production."])
        try wsoa.succeed(["workstream", "add", "x-2022", "ws", "--title", "Co-production", "--addresses", "W1", "--on", "2022-05-02"])
        let path = wsoa.folder.appendingPathComponent("t.csv").path
        try Data("Workstream,Title,Due date,Added on\nws,Survey,2023-03-31,2022-05-02\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try wsoa.run(["import", "x-2022", "--what", "actions", path]).status == 0)
        #expect(try wsoa.run(["import", "x-2022", "--what", "actions", path]).stdout.hasPrefix("Nothing to record"))
        #expect(try wsoa.run(["import", "x-2022", "--what", "actions", "/nonexistent/t.csv"]).status == 1)
        #expect(try wsoa.run(["import", "x-2022", "--what", "things", path]).status == 64)
    }

    @Test(.enabled(if: LongTests.enabled, LongTests.skipped))
    func anImportKilledAtAnyMomentLeavesTheJournalAsItWasOrWithTheWholeTracker() throws {
        let wsoa = try WSoABinary(today: "2026-12-03")
        try wsoa.succeed(["init"])
        try wsoa.succeed(["new", "x-2022", "--area", "X", "--inspected", "2022-03-07..2022-03-11"])
        try wsoa.succeed(["advance", "x-2022", "letter", "--on", "2022-04-22", "--wsoa", "--weakness", "Co-production."])
        try wsoa.succeed(["workstream", "add", "x-2022", "ws", "--title", "Co-production", "--addresses", "W1", "--on", "2022-05-02"])
        let rows = 20_000
        let tracker = wsoa.folder.appendingPathComponent("t.csv")
        try Data(("Workstream,Title,Added on,Due date\n" + (1...rows).map { "ws,Action \($0),2022-05-02,2030-01-31\n" }.joined()).utf8)
            .write(to: tracker)
        let journal = URL(fileURLWithPath: "\(wsoa.plans)/x-2022/events.jsonl")
        let before = try Data(contentsOf: journal)
        let lines = before.split(separator: 0x0A).count
        let whole = try wsoa.runLimited(["import", "x-2022", "--what", "actions", tracker.path], timeout: 120)
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(try Data(contentsOf: journal).split(separator: 0x0A).count == lines + rows)
        var outcomes: Set<String> = []
        for kill in 0..<16 {
            try before.write(to: journal)
            try? FileManager.default.removeItem(atPath: "\(wsoa.plans)/x-2022/snapshot.bin")
            let writer = try wsoa.spawn(["import", "x-2022", "--what", "actions", tracker.path])
            if kill % 2 == 0 {
                // At a moment spread over the run (the lines are written at its end, once every
                // row is decided): the first before anything is written, the last after.
                usleep(useconds_t(whole.seconds * 1.2 * Double(kill) / 15 * 1_000_000))
            } else {
                // The moment the journal's file changes: mid-write, for a writer that appends.
                let deadline = Date().addingTimeInterval(whole.seconds * 3)
                while Date() < deadline, (try? FileManager.default.attributesOfItem(atPath: journal.path)[.size] as? Int) == before.count {
                    usleep(100)
                }
            }
            writer.send(SIGKILL)
            _ = writer.wait(timeout: 60)
            // Whole: the lines before as they were, then every row (recorded at another moment
            // than the first run's, so not byte for byte the same).
            let after = try Data(contentsOf: journal)
            let complete = after.starts(with: before) && after.last == 0x0A && after.split(separator: 0x0A).count == lines + rows
            #expect(after == before || complete, "kill \(kill): \(after.split(separator: 0x0A).count) lines, neither \(lines) nor \(lines + rows)")
            outcomes.insert(after == before ? "none" : "whole")
            #expect(try wsoa.run(["verify", "x-2022"]).status == 0)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: "\(wsoa.plans)/x-2022").filter { $0.hasSuffix(".tmp") }
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
        #expect(outcomes.contains("none"))
    }
}

