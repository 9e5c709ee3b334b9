import Foundation
import Testing
import WSoAEngine

/// The readiness report says each thing once and every count it prints equals the rows it
/// shows (issue 14): checked on the shipped demo plan, in Markdown and JSON.
@Suite struct ReportCountsTests {
    /// The demo plan's report on its last day and in the spring before.
    static let views = ["2023-11-27", "2023-03-31"]

    static func report(_ format: String, asOf: String) throws -> String {
        let wsoa = try ReportGoldenTests.binary(copying: "demo-borough-2022", today: "2026-12-03")
        return try wsoa.succeed(["report", "demo-borough-2022", "--format", format, "--as-of", asOf]).stdout
    }

    /// Each heading ending "(N)" — a Markdown heading or a bold paragraph — is followed, before
    /// the next heading, by exactly N table rows or N list items.
    @Test(arguments: views)
    func everyHeadingCountEqualsItsRows(_ asOf: String) throws {
        let lines = try Self.report("md", asOf: asOf).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func isHeading(_ line: String) -> Bool { line.hasPrefix("#") || (line.hasPrefix("**") && line.hasSuffix("**")) }
        var checked = 0
        for (index, line) in lines.enumerated() where isHeading(line) {
            guard let match = line.firstMatch(of: /\((\d+)\)\**$/), let count = Int(match.1) else { continue }
            let body = lines[(index + 1)...].prefix { !isHeading($0) }
            let tableRows = body.filter { $0.hasPrefix("| ") }.count
            let listItems = body.filter { $0.hasPrefix("- ") }.count
            let shown = tableRows > 0 ? tableRows - 1 : listItems
            #expect(shown == count, "\(line): \(shown) rows shown")
            checked += 1
        }
        #expect(checked > 30)
    }

    /// The verdict table has one row per weakness, each weakness's evidence sentence adds up to
    /// its items, and a weakness's actions are the sum of its workstreams'.
    @Test(arguments: views)
    func summariesAddUp(_ asOf: String) throws {
        let json = try JSONReader.parse(Self.report("json", asOf: asOf))
        let weaknesses = try #require(json["weaknesses"]?.arrayValue)
        #expect(weaknesses.count == 5)
        var evidenceItems = 0
        for weakness in weaknesses {
            let evidence = try #require(weakness["evidence"])
            let items = try #require(evidence["items"]?.arrayValue)
            #expect(evidence["total"]?.intValue == Int64(items.count))
            let byKind = try #require(evidence["counts"]?.objectValue)
            #expect(byKind.values.compactMap { $0["total"]?.intValue }.reduce(0, +) == Int64(items.count))
            evidenceItems += items.count
            let streams = try #require(weakness["workstreams"]?.arrayValue)
            #expect(streams.compactMap { $0["actions"]?["total"]?.intValue }.reduce(0, +) == weakness["actions"]?["total"]?.intValue)
            #expect(streams.compactMap { $0["actions"]?["overdue"]?.intValue }.reduce(0, +)
                    == Int64(weakness["overdueActions"]?.arrayValue?.count ?? -1))
            let verdict = try #require(weakness["verdict"])
            #expect(["likelySufficient", "atRisk", "notYetSufficient"].contains(verdict["answer"]?.stringValue ?? ""))
            #expect((verdict["nextSteps"]?.arrayValue?.count ?? 99) <= 3)
        }
        #expect(evidenceItems > 0)
        let markdown = try Self.report("markdown", asOf: asOf)
        #expect(markdown.components(separatedBy: "\n### W").count - 1 == weaknesses.count)
        // Each workstream is shown once, however many weaknesses it addresses.
        for stream in ["coproduction", "ehc-quality", "joint-commissioning", "outcomes", "neurodevelopmental", "preparation-for-adulthood"] {
            #expect(markdown.components(separatedBy: "\n### \(stream): ").count == 2, "\(stream)")
        }
    }

    @Test func theDemoTellsTheStoryTheReadmeTells() throws {
        let json = try JSONReader.parse(Self.report("json", asOf: "2023-11-27"))
        #expect(json["verdict"]?["answer"]?.stringValue == "notReady")
        #expect(json["verdict"]?["holdingBack"] == .array([.string("W4"), .string("W5")]))
        #expect(json["verdict"]?["sentence"]?.stringValue
                == "Not ready for the revisit: W4 is not yet sufficient, and W5 is at risk; W1, W2 and W3 are likely sufficient.")
        let revisit = try #require(json["clocks"]?.arrayValue?.first { $0["name"]?.stringValue == "revisit" })
        #expect(revisit["due"]?.stringValue == "2024-01-25" && revisit["state"]?.stringValue == "pending")
    }

    @Test func mdIsMarkdown() throws {
        let wsoa = try ReportGoldenTests.binary(copying: "stockton-on-tees-2019")
        let md = try wsoa.succeed(["report", "stockton-on-tees-2019", "--format", "md"]).stdout
        #expect(md == (try wsoa.succeed(["report", "stockton-on-tees-2019", "--format", "markdown"]).stdout))
        #expect(md.hasPrefix("# Revisit readiness: Stockton-on-Tees"))
    }

    @Test func everyChartSaysWhichWayIsBetter() throws {
        let html = try Self.report("html", asOf: "2023-11-27")
        let charts = html.components(separatedBy: "<svg class=\"chart\"").count - 1
        #expect(charts == 12)
        let lower = html.components(separatedBy: "↑ better (lower is better: the axis runs down)").count - 1
        let higher = html.components(separatedBy: "↑ better (higher is better)").count - 1
        #expect(lower > 0 && higher > 0 && lower + higher == charts)
        // No chart text smaller than 11 units (about 8.5 pt printed).
        #expect(!html.contains("font-size: 8px") && !html.contains("font-size: 8.5px"))
    }
}
