/// The revisit-readiness report as one self-contained, print-ready HTML file.
///
/// No scripts, no external fonts, stylesheets or images: the style sheet is inline and each
/// measure's chart is inline SVG. Printed on A4, the summary fills the first page and each
/// weakness starts a new page. Accessible: one `h1`, headings in order, table headers with
/// `scope`, every red-amber-green colour repeated in words, and text colours that keep at
/// least a 4.5:1 contrast. All recorded text is HTML-escaped.
public enum HTMLReport {
    /// The document, ending with a newline.
    public static func render(_ a: ReadinessAssessment) -> String {
        var out = HTMLWriter()
        out.raw("<!DOCTYPE html>")
        out.raw("<html lang=\"en-GB\">")
        out.raw("<head>")
        out.raw("<meta charset=\"utf-8\">")
        out.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        out.element("title", "\(ReportContent.title(a)), as at \(a.asOf.longDescription)")
        out.raw("<style>")
        out.raw(HTMLReport.styleSheet(planID: a.planID, asOf: a.asOf))
        out.raw("</style>")
        out.raw("</head>")
        out.raw("<body>")
        out.raw("<main>")
        summary(a, &out)
        weaknesses(a, &out)
        since(a, &out)
        record(a, &out)
        out.raw("</main>")
        out.raw("</body>")
        out.raw("</html>")
        return out.text
    }

    // MARK: Sections

    private static func summary(_ a: ReadinessAssessment, _ out: inout HTMLWriter) {
        out.raw(out.open("section", class: "summary", labelledBy: "summary"))
        out.raw("<header class=\"masthead\">")
        out.element("h1", ReportContent.title(a))
        out.element("p", ReportContent.subtitle(a), class: "subtitle")
        out.raw("</header>")
        out.element("h2", "1. Summary", id: "summary")
        if let overall = a.overall {
            out.raw("<p class=\"overall tone-\(ReportTone(overall).rawValue)\"><span class=\"overall-label\">Overall readiness</span> <strong>\(overall.displayName.htmlEscaped)</strong> <span class=\"overall-detail\">\(ReportContent.overallDetail(a).htmlEscaped)</span></p>")
        } else {
            out.raw("<p class=\"overall\"><span class=\"overall-label\">Overall readiness</span> <strong>Not assessed</strong> <span class=\"overall-detail\">\(ReportText.capitalised(ReportContent.noWeaknessesSentence(a)).htmlEscaped)</span></p>")
        }
        // The facts run on as one paragraph, so the whole summary fits on one printed page.
        let facts = ReportContent.facts(a).filter { $0.label != "Overall readiness" && $0.label != "Area" }
        out.raw("<p class=\"fact-line\">" + facts.map { fact in
            "<span class=\"fact\"><span class=\"fact-label\">\(fact.label.htmlEscaped):</span> \(fact.value.htmlEscaped)</span>"
        }.joined(separator: " ") + "</p>")
        if let note = ReportContent.deliveryNote(a) { out.element("p", note, class: "note") }
        out.raw("<div class=\"summary-grid\">")
        out.raw("<div>")
        out.element("h3", "Readiness by weakness")
        if a.weaknesses.isEmpty {
            out.element("p", ReportText.capitalised(ReportContent.noWeaknessesSentence(a)), class: "empty")
        } else {
            out.table(ReportContent.readinessTable(a), class: "readiness")
        }
        out.raw("</div>")
        out.raw("<div>")
        out.element("h3", "Clocks")
        if a.clocks.isEmpty {
            out.element("p", ReportContent.noClocksSentence(a), class: "empty")
        } else {
            out.table(ReportContent.clocksTable(a.clocks), class: "clocks")
        }
        out.raw("</div>")
        out.raw("</div>")
        out.element("h3", "Decisions for the board")
        if a.decisions.monitoringEnded {
            out.element("p", ReportContent.monitoringEndedSentence(a), class: "empty")
        } else {
            out.raw("<div class=\"decisions\">")
            for part in ReportContent.decisionParts(a) {
                // Tables (actions, measures, follow-ups) take the full width; the short lists share a row.
                out.raw(part.table != nil ? "<div class=\"decision wide\">" : "<div class=\"decision\">")
                out.element("h4", part.heading)
                self.part(part, &out)
                out.raw("</div>")
            }
            out.raw("</div>")
        }
        out.raw("</section>")
    }

    private static func weaknesses(_ a: ReadinessAssessment, _ out: inout HTMLWriter) {
        out.raw(out.open("section", class: "weaknesses", labelledBy: "weaknesses"))
        out.element("h2", "2. Areas of significant weakness", id: "weaknesses")
        guard !a.weaknesses.isEmpty else {
            out.element("p", ReportText.capitalised(ReportContent.noWeaknessesSentence(a)), class: "empty")
            out.raw("</section>")
            return
        }
        out.raw("<div class=\"rules\">")
        out.raw("<p class=\"rules-title\"><strong>How the evidence ladder is applied</strong></p>")
        out.raw("<ol class=\"rule-list\">")
        for rule in ReportContent.ladderRules() {
            out.raw("<li><strong>\(rule.rung.displayName.htmlEscaped)</strong>: \(rule.rule.htmlEscaped)</li>")
        }
        out.raw("</ol>")
        out.element("p", ReportContent.ladderNote)
        out.raw("</div>")
        for w in a.weaknesses {
            weakness(w, a, &out)
        }
        out.raw("</section>")
    }

    private static func weakness(_ w: WeaknessReadiness, _ a: ReadinessAssessment, _ out: inout HTMLWriter) {
        let anchor = "weakness-\(w.weakness.id.lowercased())"
        out.raw(out.open("article", class: "weakness", id: nil, labelledBy: anchor))
        out.raw("<h3 id=\"\(anchor.htmlEscaped)\"><span class=\"weakness-id\">\(w.weakness.id.htmlEscaped)</span> \(w.rung.displayName.htmlEscaped)</h3>")
        out.raw("<blockquote class=\"statement\"><p>\(ReportText.oneLine(w.weakness.statement).htmlEscaped)</p></blockquote>")
        if let outcome = ReportContent.outcomeSentence(w) { out.element("p", outcome, class: "outcome") }
        let reasons = w.reasons.isEmpty ? "It is at the top of the ladder." : "\(ReportText.count(w.reasons.count, "reason")) it is not higher, marked Gap below."
        out.raw("<p class=\"rung tone-\(ReportTone(w.rung).rawValue)\"><strong>Rung reached: \(ReportText.rungLabel(w.rung).htmlEscaped).</strong> \(reasons.htmlEscaped)</p>")

        out.element("h4", "Evidence ladder")
        out.raw("<ol class=\"ladder\">")
        for check in w.checks {
            let tone: ReportTone = check.met ? .good : .bad
            out.raw("<li class=\"check\">")
            out.raw("<p class=\"check-head\"><span class=\"badge tone-\(tone.rawValue)\">\(check.met ? "Met" : "Not met")</span> <strong>\(check.rung.displayName.htmlEscaped)</strong></p>")
            out.raw("<ul>")
            for finding in check.findings {
                out.raw("<li class=\"found\"><span class=\"mark\">Found:</span> \(finding.htmlEscaped)</li>")
            }
            for reason in check.reasons {
                out.raw("<li class=\"gap\"><span class=\"mark\">Gap:</span> \(reason.text.htmlEscaped)</li>")
            }
            out.raw("</ul>")
            out.raw("</li>")
        }
        out.raw("</ol>")

        out.raw("<div class=\"keep\">")
        out.element("h4", "Workstreams")
        if w.workstreams.isEmpty {
            out.element("p", ReportContent.noWorkstreamsSentence(w), class: "empty")
        } else {
            out.table(ReportContent.workstreamsTable(w))
        }
        out.raw("</div>")

        out.element("h4", "Actions")
        out.element("p", ReportContent.actionsSentence(w), class: w.actions.total == 0 ? "empty" : nil)
        if !w.overdue.isEmpty {
            out.table(ReportContent.overdueTable(w.overdue, caption: "Overdue actions for \(w.weakness.id)"))
        } else if w.actions.total > 0 {
            out.element("p", "No action is overdue.", class: "empty")
        }

        out.element("h4", "Measures")
        if w.measures.isEmpty {
            out.element("p", ReportContent.noMeasuresSentence(w), class: "empty")
        } else {
            out.table(ReportContent.measuresTable(w, sparkline: false), class: "measures")
            out.raw("<div class=\"charts\">")
            for standing in w.measures {
                let chart = MeasureChart(standing: standing, idPrefix: "\(w.weakness.id)-\(standing.measure.id)".lowercased())
                out.raw("<figure class=\"chart-figure\">")
                out.raw(chart.svg)
                out.raw("<figcaption><strong>\(standing.measure.id.htmlEscaped)</strong> \(ReportText.oneLine(standing.measure.title).htmlEscaped). \(chart.description.htmlEscaped)</figcaption>")
                out.raw("</figure>")
            }
            out.raw("</div>")
            out.element("p", "In each chart the solid blue line joins the readings from the baseline (open circle) to the latest (filled circle); the green dashed line is the target; the grey dotted line is the straight line from baseline to target; a grey dash-dot line is the national figure.", class: "legend")
        }

        out.raw("<div class=\"keep\">")
        out.element("h4", "Evidence")
        if w.evidence.total == 0 {
            out.element("p", "No evidence is recorded for \(w.weakness.id): none tagged with it, and none untagged from a workstream addressing it.", class: "empty")
        } else {
            out.raw("<div class=\"evidence-grid\">")
            out.table(ReportContent.evidenceTable(w), class: "compact evidence-counts")
            out.facts(ReportContent.latestEvidenceLines(w), class: "latest-evidence")
            out.raw("</div>")
        }
        out.raw("</div>")

        out.element("h4", "Monitoring rating")
        if let latest = w.latestRating {
            out.raw("<p><span class=\"badge tone-\(ReportTone(latest.rating).rawValue)\">\(ReportText.rating(latest.rating).htmlEscaped)</span> \(ReportContent.ratingSentence(w, a).htmlEscaped)</p>")
        } else {
            out.element("p", ReportContent.ratingSentence(w, a), class: "empty")
        }
        out.raw("</article>")
    }

    private static func since(_ a: ReadinessAssessment, _ out: inout HTMLWriter) {
        out.raw(out.open("section", class: "since", labelledBy: "since"))
        out.element("h2", "3. Since the last monitoring visit", id: "since")
        out.element("p", ReportContent.sinceIntro(a))
        if a.since.baseline != nil {
            for part in ReportContent.sinceParts(a) {
                out.element("h3", part.heading)
                self.part(part, &out)
            }
        }
        out.raw("</section>")
    }

    /// A part's table or list, or its sentence when it has no rows.
    private static func part(_ part: ReportPart, _ out: inout HTMLWriter) {
        if part.isEmpty {
            out.element("p", part.empty, class: "empty")
        } else if let table = part.table {
            out.table(table, class: "compact")
        } else {
            out.raw("<ul class=\"items\">")
            for item in part.items {
                out.raw("<li\(item.tone.map { " class=\"tone-\($0.rawValue)\"" } ?? "")>\(item.text.htmlEscaped)</li>")
            }
            out.raw("</ul>")
        }
    }

    private static func record(_ a: ReadinessAssessment, _ out: inout HTMLWriter) {
        out.raw(out.open("section", class: "record keep", labelledBy: "record"))
        out.element("h2", "4. Record", id: "record")
        out.facts(ReportContent.recordFacts(a), class: "facts record-facts")
        out.element("p", ReportContent.recordNote(a))
        out.raw("</section>")
    }
}
