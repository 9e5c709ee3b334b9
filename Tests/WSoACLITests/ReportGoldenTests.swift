import Foundation
import Testing

/// `wsoa report` pinned with golden files: the same journal and as-of day give the same bytes.
///
/// Set `WSOA_RECORD_GOLDEN=1` to rewrite the files from the current output after a deliberate
/// change (or after `plans/` is regenerated, which changes each journal's head hash). The
/// shipped `plans/` folder is only read: each test copies the plan's journal into its own
/// temporary plans folder first, so no snapshot is ever written into the repository.
@Suite struct ReportGoldenTests {
    static let goldenFolder = WSoABinary.packageRoot.appendingPathComponent("Tests/WSoACLITests/Golden/reports")

    /// A `wsoa` pointed at a temporary plans folder holding a copy of the shipped plan `id`,
    /// marked as a plans directory by `wsoa init` (which adopts a directory holding only plans).
    static func binary(copying id: String, today: String = "2026-11-23") throws -> WSoABinary {
        let wsoa = try WSoABinary(today: today)
        let source = WSoABinary.packageRoot.appendingPathComponent("plans/\(id)/events.jsonl")
        let folder = URL(fileURLWithPath: wsoa.plans).appendingPathComponent(id)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent("events.jsonl"))
        let marked = try wsoa.succeed(["init"])
        #expect(marked.stdout == "Marked \(wsoa.plans), a directory of plans, as the plans directory.\n")
        return wsoa
    }

    /// Compares `text` with the golden file `name`, recording it first when asked to.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["WSOA_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "wsoa report output differs from \(name); re-record with WSOA_RECORD_GOLDEN=1 if the change is deliberate",
                sourceLocation: sourceLocation)
    }

    static let extensions = ["markdown": "md", "html": "html", "json": "json"]

    @Test(arguments: ["markdown", "html", "json"])
    func stocktonJustBeforeItsRevisit(_ format: String) throws {
        let wsoa = try Self.binary(copying: "stockton-on-tees-2019")
        let result = try wsoa.succeed(["report", "stockton-on-tees-2019", "--format", format, "--as-of", "2022-07-01"])
        try Self.expectGolden(result.stdout, "stockton-on-tees-2019-as-of-2022-07-01.\(Self.extensions[format]!)")
    }

    @Test(arguments: ["markdown", "html", "json"])
    func demoBoroughToday(_ format: String) throws {
        let wsoa = try Self.binary(copying: "demo-borough-2022", today: "2023-11-27")
        let result = try wsoa.succeed(["report", "demo-borough-2022", "--format", format])
        try Self.expectGolden(result.stdout, "demo-borough-2022-today.\(Self.extensions[format]!)")
    }

    @Test(arguments: ["markdown", "html", "json"])
    func demoBoroughInSpring2023(_ format: String) throws {
        let wsoa = try Self.binary(copying: "demo-borough-2022")
        let result = try wsoa.succeed(["report", "demo-borough-2022", "--format", format, "--as-of", "2023-03-31"])
        try Self.expectGolden(result.stdout, "demo-borough-2022-as-of-2023-03-31.\(Self.extensions[format]!)")
    }

    /// A plan in its accelerated progress plan: the two weaknesses left taken one by one, the
    /// six released listed briefly, the review clocks and the national pause on the revisit clock.
    @Test(arguments: ["markdown", "html", "json"])
    func staffordshireBetweenItsReviews(_ format: String) throws {
        let wsoa = try Self.binary(copying: "staffordshire-2018")
        let result = try wsoa.succeed(["report", "staffordshire-2018", "--format", format, "--as-of", "2023-01-31"])
        try Self.expectGolden(result.stdout, "staffordshire-2018-as-of-2023-01-31.\(Self.extensions[format]!)")
    }

    /// A 2023-framework plan before its monitoring inspection (the areas for priority action
    /// judged, the areas for improvement beside them), its priority action plan deadline given,
    /// the national pause on the monitoring inspection clock and its strategic plan unrecorded.
    @Test(arguments: ["markdown", "html", "json"])
    func oxfordshireBeforeItsMonitoringInspection(_ format: String) throws {
        let wsoa = try Self.binary(copying: "oxfordshire-2023")
        let result = try wsoa.succeed(["report", "oxfordshire-2023", "--format", format, "--as-of", "2025-09-01"])
        try Self.expectGolden(result.stdout, "oxfordshire-2023-as-of-2025-09-01.\(Self.extensions[format]!)")
    }

    /// After its monitoring inspection, an area for priority action found to have had effective
    /// action is weighed no more, and the inspectors (not DfE and NHS England) are said to have
    /// judged it; a 2023 paper's rules speak of areas, never of weaknesses or the revisit.
    @Test func oxfordshireAfterItsMonitoringInspection() throws {
        let wsoa = try Self.binary(copying: "oxfordshire-2023", today: "2026-12-03")
        let json = try wsoa.succeed(["report", "oxfordshire-2023", "--format", "json"]).stdout
        #expect(json.contains("\"signal\": \"monitoringInspectionJudgement\""))
        #expect(json.contains("Inspectors judged effective action at the monitoring inspection (letter of 19 November 2025)."))
        #expect(!json.contains("DfE and NHS England judged"))
        let markdown = try wsoa.succeed(["report", "oxfordshire-2023"]).stdout
        #expect(markdown.contains("**Not ready for the next full inspection: I1, I2, I3 and I4 are not yet sufficient; P1, P2, P3, P4 and P5 are likely sufficient.**"))
        let rules = try #require(markdown.components(separatedBy: "### How this is judged").dropFirst().first?.components(separatedBy: "### P1").first)
        for word in ["weakness", "revisit", "statement"] {
            #expect(!rules.lowercased().contains(word), "the 2023 rules say '\(word)'")
        }
        #expect(rules.contains("An area for priority action the monitoring inspection found effective action on is likely sufficient"))
    }

    @Test func markdownIsTheDefaultAndJSONFlagMeansJSON() throws {
        let wsoa = try Self.binary(copying: "stockton-on-tees-2019")
        let markdown = try wsoa.succeed(["report", "stockton-on-tees-2019", "--as-of", "2022-07-01"])
        #expect(markdown.stdout.hasPrefix("# Revisit readiness: Stockton-on-Tees\n"))
        let json = try wsoa.succeed(["report", "stockton-on-tees-2019", "--as-of", "2022-07-01", "--json"])
        let explicit = try wsoa.succeed(["report", "stockton-on-tees-2019", "--as-of", "2022-07-01", "--format", "json"])
        #expect(json.stdout == explicit.stdout)
        let clash = try wsoa.run(["report", "stockton-on-tees-2019", "--json", "--format", "html"])
        #expect(clash.status == 64)
        let unknown = try wsoa.run(["report", "stockton-on-tees-2019", "--format", "pdf"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("use one of markdown, html, json"))
    }

    @Test func outputWritesTheFileAndSaysWhere() throws {
        let wsoa = try Self.binary(copying: "stockton-on-tees-2019")
        let path = wsoa.folder.appendingPathComponent("paper.html").path
        let written = try wsoa.succeed(["report", "stockton-on-tees-2019", "--format", "html", "--as-of", "2022-07-01", "--output", path])
        #expect(written.stdout == "Wrote the html report for stockton-on-tees-2019 as at 1 July 2022 to \(path).\n")
        let stdout = try wsoa.succeed(["report", "stockton-on-tees-2019", "--format", "html", "--as-of", "2022-07-01"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == stdout.stdout)
        // Writing again replaces the file whole; no temporary file is left beside it.
        try wsoa.succeed(["report", "stockton-on-tees-2019", "--format", "html", "--as-of", "2022-07-01", "--output", path])
        let names = try FileManager.default.contentsOfDirectory(atPath: wsoa.folder.path).sorted()
        #expect(names == ["paper.html", "plans"])
        let missing = try wsoa.run(["report", "stockton-on-tees-2019", "--output", wsoa.folder.appendingPathComponent("no/such/x.md").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("does not exist"))
    }

    /// A report is never written where it could replace a journal, a snapshot or a lock: not in a
    /// plan's folder (however the path reaches it), nor under a hidden or plan name at the top of
    /// the plans directory.
    @Test func outputRefusesPathsAmongThePlans() throws {
        let wsoa = try Self.binary(copying: "stockton-on-tees-2019")
        let plan = "\(wsoa.plans)/stockton-on-tees-2019"
        let journal = try wsoa.journal("stockton-on-tees-2019")
        let cases: [(path: String, says: String)] = [
            ("\(plan)/events.jsonl", "it is inside a plan's folder in \(wsoa.plans), where only wsoa's own files belong; write it elsewhere"),
            ("\(plan)/report.md", "it is inside a plan's folder"),
            ("\(wsoa.plans)/../plans/stockton-on-tees-2019/snapshot.bin", "it is inside a plan's folder"),
            ("\(wsoa.plans)/.wsoa-plans", "it would replace one of wsoa's own files or a plan"),
            ("\(wsoa.plans)/stockton-on-tees-2019", "it would replace one of wsoa's own files or a plan"),
        ]
        for (path, says) in cases {
            let result = try wsoa.run(["report", "stockton-on-tees-2019", "--output", path])
            #expect(result.status == 1, "\(path): \(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: Could not use \(path): ") && result.stderr.hasSuffix(".\n")
                    && result.stderr.dropLast().firstIndex(of: "\n") == nil, "\(path): \(result.stderr)")
            #expect(result.stderr.contains(says), "\(path): \(result.stderr)")
        }
        #expect(try wsoa.journal("stockton-on-tees-2019") == journal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: plan).allSatisfy { [".lock", "events.jsonl"].contains($0) })
        // Beside the plans directory is fine.
        try wsoa.succeed(["report", "stockton-on-tees-2019", "--output", "\(wsoa.folder.path)/beside.md"])
    }

    @Test func theShippedPlansAreOnlyRead() throws {
        let journal = WSoABinary.packageRoot.appendingPathComponent("plans/demo-borough-2022")
        let before = try FileManager.default.contentsOfDirectory(atPath: journal.path).sorted()
        let wsoa = try Self.binary(copying: "demo-borough-2022")
        try wsoa.succeed(["report", "demo-borough-2022", "--format", "json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: journal.path).sorted() == before)
    }

    @Test func reportHasHelp() throws {
        let wsoa = try WSoABinary()
        let help = try wsoa.succeed(["report", "--help"])
        #expect(help.stdout.hasPrefix("OVERVIEW: Write the revisit-readiness report"))
        #expect(help.stdout.contains("USAGE: wsoa report PLAN [--format markdown|md|html|json] [--output FILE]"))
    }
}
