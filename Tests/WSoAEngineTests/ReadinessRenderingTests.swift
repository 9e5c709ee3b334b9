import Foundation
import Testing
@testable import WSoAEngine

/// The Markdown, HTML and JSON renderings: every plan state reads sensibly, recorded text is
/// inert, the HTML is self-contained, and the bytes are repeatable.
@Suite struct ReadinessRenderingTests {
    /// A just-inspected plan, a plan in monitoring with no evidence, a closed plan and a full one.
    static let plans: [(name: String, assessment: ReadinessAssessment)] = {
        var closed = ReadinessTestPlan.sustained()
        closed.apply(.revisitReported(.init(on: ReadinessTestPlan.day("2025-09-01"), visited: try! DayRange(parsing: "2025-07-07..2025-07-09"),
                                            outcomes: ["W1": .sufficient, "W2": .sufficient])))
        closed.apply(.monitoringCeased(.init(on: ReadinessTestPlan.day("2025-09-01"))))
        var full = ReadinessTestPlan.sustained()
        full.visit(on: "2025-03-10", ratings: ["W1": .green, "W2": .red, "ws": .amber])
        full.action(due: "2025-05-31")
        full.evidence(.impact, on: "2025-06-02")
        return [
            ("just inspected", ReadinessTestPlan.justInspected().assessment(asOf: "2026-11-23")),
            ("no evidence", ReadinessTestPlan().assessment(asOf: "2025-06-30")),
            ("closed", closed.assessment(asOf: "2025-10-01")),
            ("full", full.assessment(asOf: "2025-06-30")),
        ]
    }()

    static var names: [String] { plans.map(\.name) }

    static func assessment(_ name: String) -> ReadinessAssessment {
        plans.first { $0.name == name }!.assessment
    }

    // MARK: Every state renders sensibly

    @Test(arguments: names)
    func markdownHasNoEmptyTable(_ name: String) {
        let lines = MarkdownReport.render(Self.assessment(name)).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where line.hasPrefix("|---") || line.hasPrefix("|--") {
            #expect(index + 1 < lines.count && lines[index + 1].hasPrefix("| "), "empty table at line \(index) in \(name)")
        }
        let text = lines.joined(separator: "\n")
        for heading in ["## 1. Summary", "## 2. Areas of significant weakness", "## 3. Workstreams", "## 4. Since the last monitoring visit",
                        "## 5. Record"] {
            #expect(text.contains(heading), "\(heading) missing in \(name)")
        }
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n\n"))
    }

    @Test(arguments: names)
    func htmlHasNoEmptyTableAndTheSectionsInOrder(_ name: String) {
        let html = HTMLReport.render(Self.assessment(name))
        #expect(!html.contains("<tbody>\n</tbody>"), "empty table in \(name)")
        let order = ["id=\"summary\"", "id=\"weaknesses\"", "id=\"workstreams\"", "id=\"since\"", "id=\"record\""].map { html.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(html.components(separatedBy: "<h1>").count == 2)
    }

    @Test func aJustInspectedPlanSaysWhyThereIsNothingToAssess() {
        let markdown = MarkdownReport.render(Self.assessment("just inspected"))
        #expect(markdown.contains("**Not ready for the revisit: there are no areas of significant weakness recorded to assess.**"))
        #expect(markdown.contains("The outcome letter has not been recorded yet, so there are no areas of significant weakness to assess."))
        #expect(markdown.contains("No clock is running yet"))
        #expect(markdown.contains("Monitoring has not started"))
        let html = HTMLReport.render(Self.assessment("just inspected"))
        #expect(html.contains("<strong>Not ready for the revisit: there are no areas of significant weakness recorded to assess.</strong>"))
        #expect(JSONReport.value(Self.assessment("just inspected"))["overall"] == .null)
    }

    @Test func aPlanWithNoEvidenceSaysSoInsteadOfShowingEmptyTables() {
        let markdown = MarkdownReport.render(Self.assessment("no evidence"))
        #expect(markdown.contains("No evidence is recorded for W1"))
        #expect(markdown.contains("No measure belongs to W1’s workstreams, so nothing shows the difference made against a target."))
        #expect(markdown.contains("No action is recorded for W1’s workstreams, so nothing shows how it is being addressed."))
        #expect(markdown.contains("No measure belongs to this workstream."))
        #expect(markdown.contains("No workstream addresses W2 yet"))
        #expect(markdown.contains("No action was reported complete."))
        #expect(markdown.contains("No measure has a reading to judge yet."))
    }

    @Test func aClosedPlanIsARecordWithNoDecisions() {
        let assessment = Self.assessment("closed")
        let markdown = MarkdownReport.render(assessment)
        #expect(markdown.contains("Monitoring ceased on 1 September 2025, so there are no decisions for the board"))
        #expect(markdown.contains("Sufficient progress at the revisit (letter of 1 September 2025); no longer monitored: monitoring ceased on 1 September 2025."))
        #expect(markdown.contains("**Monitoring has ended, so there is no revisit or review to be ready for; this paper is the record.**"))
        #expect(markdown.contains("| W1 | Likely sufficient; no longer monitored |"))
        #expect(markdown.contains("Inspectors judged sufficient progress at the revisit (letter of 1 September 2025)."))
        let html = HTMLReport.render(assessment)
        #expect(html.contains("Monitoring ceased on 1 September 2025"))
    }

    @Test func aFullPlanShowsRatingsChartsAndTheRecord() {
        let assessment = Self.assessment("full")
        let html = HTMLReport.render(assessment)
        #expect(html.contains("<svg class=\"chart\""))
        #expect(html.contains("Target 60%"))
        #expect(html.contains(">Green</span> Green at V1 (10 March 2025).") || html.contains("Green at V1 (10 March 2025)."))
        #expect(html.contains("<th scope=\"col\">"))
        #expect(html.contains("<th scope=\"row\">"))
        #expect(html.contains(String(repeating: "ab", count: 32)))
        let markdown = MarkdownReport.render(assessment)
        #expect(markdown.contains("| W2 | Not yet sufficient | Red (V1) | 5 serious concerns, 2 concerns | Record impact evidence for W2"))
        #expect(markdown.contains("- **Head:** `\(String(repeating: "ab", count: 32))`"))
    }

    // MARK: Safety

    static func hostile() -> ReadinessAssessment {
        var fixture = ReadinessTestPlan(weaknesses: ["<script>alert('w')</script> & [x](javascript:alert(1))"])
        fixture.action(due: "2025-03-31", title: "<img src=x onerror=alert(1)> `code` *bold* _it_ | pipe")
        fixture.evidence(.impact, on: "2025-05-01", title: "[click](javascript:alert(1)) <script>alert(2)</script>")
        fixture.measure(baseline: 1, "2024-01-31", target: 2, "2025-12-31", title: "</title><script>alert(3)</script>")
        fixture.reading("M1", "2025-05-31", 1.5)
        return fixture.assessment(asOf: "2025-06-30")
    }

    @Test func htmlEscapesEveryRecordedText() {
        let html = HTMLReport.render(Self.hostile())
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onerror=alert(1)>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;w&#39;)&lt;/script&gt; &amp; [x](javascript:alert(1))"))
        #expect(html.contains("&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;"))
    }

    @Test func markdownNeutralisesLinksHTMLAndTableSyntax() {
        let markdown = MarkdownReport.render(Self.hostile())
        // Every `<`, `[`, `(` and backtick in the document is either escaped or the report's own
        // (the code spans around the plan id and head); none can open a tag or a link.
        let characters = Array(markdown)
        for (index, character) in characters.enumerated() where character == "<" || character == "[" {
            #expect(index > 0 && characters[index - 1] == "\\", "unescaped \(character) at \(index)")
        }
        #expect(markdown.firstMatch(of: /(^|[^\\])\]\(javascript:/) == nil)
        #expect(markdown.contains("\\<script>alert('w')\\</script> & \\[x\\](javascript:alert(1))"))
        #expect(markdown.contains("\\`code\\` \\*bold\\* \\_it\\_ \\| pipe"))
        // Every table row still has the same number of cells as its header.
        var columns: Int?
        for line in markdown.split(separator: "\n") {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            if let columns { #expect(cells == columns, "\(line)") } else { columns = cells }
        }
    }

    @Test func markdownEscapingIsPlainWhereItCanBe() {
        #expect("A & B".markdownEscaped == "A & B")
        #expect("A &amp; B".markdownEscaped == "A \\&amp; B")
        #expect("line\nbreak".markdownEscaped == "line break")
        #expect("# not a heading".markdownEscaped == "\\# not a heading")
    }

    @Test func jsonIsValidAndCarriesTheTextAsIs() throws {
        let text = JSONReport.render(Self.hostile())
        let parsed = try JSONReader.parse(text)
        #expect(parsed["weaknesses"]?.arrayValue?.first?["statement"]?.stringValue == "<script>alert('w')</script> & [x](javascript:alert(1))")
        #expect(parsed["record"]?["head"]?.stringValue == String(repeating: "ab", count: 32))
    }

    @Test func htmlIsSelfContained() {
        for (_, assessment) in Self.plans {
            let html = HTMLReport.render(assessment).lowercased()
            for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "http-equiv"] {
                #expect(!html.contains(forbidden), "\(forbidden)")
            }
            #expect(html.contains("@page { size: a4;"))
            #expect(html.contains("<html lang=\"en-gb\">"))
        }
    }

    // MARK: Determinism

    @Test(arguments: ReportFormat.allCases)
    func renderingIsByteForByteRepeatable(_ format: ReportFormat) {
        for (_, assessment) in Self.plans {
            #expect(format.render(assessment) == format.render(assessment))
        }
        // Rebuilt from scratch, the same journal gives the same bytes.
        #expect(format.render(ReadinessTestPlan.sustained().assessment(asOf: "2025-06-30"))
                == format.render(ReadinessTestPlan.sustained().assessment(asOf: "2025-06-30")))
    }

    @Test func numbersAreFormattedByHand() {
        #expect(ReportText.number(42) == "42")
        #expect(ReportText.number(42.5) == "42.5")
        #expect(ReportText.number(1.0 / 3.0) == "0.33")
        #expect(ReportText.number(0.05) == "0.05")
        #expect(ReportText.number(1240) == "1,240")
        #expect(ReportText.number(-1234567.891) == "-1,234,567.89")
        #expect(ReportText.number(-0.001) == "0")
        #expect(ReportText.value(50.3, unit: "%") == "50.3%")
        #expect(ReportText.value(12, unit: "weeks") == "12 weeks")
        #expect(ReportText.value(848, unit: "number") == "848")
        #expect(ReportText.coordinate(12.34) == "12.3")
        #expect(ReportText.coordinate(-3.05) == "-3.1" || ReportText.coordinate(-3.05) == "-3")
    }

    @Test func chartAxesAreTidy() {
        let axis = MeasureChart.axis(low: 28, high: 71.5, percent: true)
        #expect(axis.low == 20)
        #expect(axis.high == 80)
        #expect(axis.ticks == [20, 40, 60, 80])
        let flat = MeasureChart.axis(low: 5, high: 5, percent: false)
        #expect(flat.low < 5 && flat.high > 5)
        #expect(Sparkline.render(Measure(id: "M1", workstream: "w", title: "t", unit: "%", direction: .higherIsBetter,
                                         baseline: Reading(on: ReadinessTestPlan.day("2024-01-01"), value: 1),
                                         target: Reading(on: ReadinessTestPlan.day("2025-01-01"), value: 2))) == "")
    }
}
