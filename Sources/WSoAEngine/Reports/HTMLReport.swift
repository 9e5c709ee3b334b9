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
        workstreams(a, &out)
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
        out.raw("<p class=\"overall tone-\(ReportContent.tone(a.verdict.answer).rawValue)\"><span class=\"overall-label\">Verdict</span> <strong>\(a.verdict.sentence.htmlEscaped)</strong></p>")
        // The facts run on as one paragraph, so the whole summary fits on one printed page.
        let facts = ReportContent.facts(a).filter { $0.label != "Verdict" && $0.label != "Area" }
        out.raw("<p class=\"fact-line\">" + facts.map { fact in
            "<span class=\"fact\"><span class=\"fact-label\">\(fact.label.htmlEscaped):</span> \(fact.value.htmlEscaped)</span>"
        }.joined(separator: " ") + "</p>")
        if let note = ReportContent.deliveryNote(a) { out.element("p", note, class: "note") }
        out.element("h3", "Verdict by \(a.findingNoun)")
        if a.weaknesses.isEmpty {
            out.element("p", ReportText.capitalised(ReportContent.noWeaknessesSentence(a)), class: "empty")
        } else {
            out.table(ReportContent.verdictTable(a), class: "readiness")
        }
        out.element("h3", "Clocks")
        if a.clocks.isEmpty {
            out.element("p", ReportContent.noClocksSentence(a), class: "empty")
        } else {
            out.table(ReportContent.clocksTable(a.clocks), class: "clocks")
        }
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
        out.element("h2", "2. \(a.findingsHeading)", id: "weaknesses")
        guard !a.weaknesses.isEmpty else {
            out.element("p", ReportText.capitalised(ReportContent.noWeaknessesSentence(a)), class: "empty")
            out.raw("</section>")
            return
        }
        out.raw("<div class=\"rules\">")
        out.raw("<h3 id=\"how-judged\">How this is judged</h3>")
        out.raw("<ul class=\"rule-list\">")
        for rule in VerdictRule.statement(for: a.framework) { out.element("li", rule) }
        out.raw("</ul>")
        out.element("p", "The evidence ladder, shown for each \(a.findingNoun) beside its verdict:")
        out.raw("<ol class=\"rule-list\">")
        for rule in ReportContent.ladderRules(a.framework) {
            out.raw("<li><strong>\(rule.rung.displayName.htmlEscaped)</strong>: \(rule.rule.htmlEscaped)</li>")
        }
        out.raw("</ol>")
        out.element("p", ReportContent.ladderNote(a.framework))
        out.raw("</div>")
        for w in a.shown {
            weakness(w, a, &out)
        }
        let released = ReportContent.releasedItems(a)
        if !released.isEmpty {
            out.element("h3", "Already released from monitoring (\(released.count))")
            items(released, class: "items", &out)
        }
        out.raw("</section>")
    }

    private static func weakness(_ w: WeaknessReadiness, _ a: ReadinessAssessment, _ out: inout HTMLWriter) {
        let anchor = "weakness-\(w.weakness.id.lowercased())"
        out.raw(out.open("article", class: "weakness", id: nil, labelledBy: anchor))
        out.raw("<h3 id=\"\(anchor.htmlEscaped)\"><span class=\"weakness-id\">\(w.weakness.id.htmlEscaped)</span> \(ReportText.capitalised(w.verdict.answer.words).htmlEscaped)</h3>")
        out.raw("<blockquote class=\"statement\"><p>\(ReportText.oneLine(w.weakness.statement).htmlEscaped)</p></blockquote>")
        if let outcome = ReportContent.outcomeSentence(w) { out.element("p", outcome, class: "outcome") }
        let badge = w.latestRating.map { "<span class=\"badge tone-\(ReportTone($0.rating).rawValue)\">\(ReportText.rating($0.rating).htmlEscaped)</span> " } ?? ""
        out.raw("<p class=\"rung tone-\(ReportContent.tone(w.verdict.answer).rawValue)\"><strong>Verdict: \(w.verdict.answer.words.htmlEscaped).</strong> \(badge)\(ReportContent.ratingSentence(w, a).htmlEscaped)</p>")

        out.element("h4", "Why")
        items(ReportContent.reasonItems(w), class: "reasons", &out)
        out.element("h4", "What would move it up")
        if w.verdict.nextSteps.isEmpty {
            out.element("p", ReportContent.noStepsSentence(w), class: "empty")
        } else {
            out.raw("<ol class=\"steps\">")
            for step in w.verdict.nextSteps { out.element("li", ReportContent.stepText(step, asOf: a.asOf)) }
            out.raw("</ol>")
        }

        out.element("h4", "Evidence ladder: \(ReportText.rungLabel(w.rung))")
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
        out.element("h4", "Workstreams (\(w.workstreams.count))")
        if w.workstreams.isEmpty {
            out.element("p", ReportContent.noWorkstreamsSentence(w), class: "empty")
        } else {
            out.table(ReportContent.workstreamReferences(w), class: "compact")
            out.raw("<p class=\"legend\">Each workstream’s actions, measures and charts are in section 3: " + w.workstreams.map { summary in
                "<a href=\"#workstream-\(summary.workstream.id.htmlEscaped)\">\(summary.workstream.id.htmlEscaped)</a>"
            }.joined(separator: ", ") + ".</p>")
        }
        out.raw("</div>")

        let followUps = ReportContent.weaknessFollowUps(w)
        out.element("h4", "Open follow-ups (\(followUps.count))")
        if followUps.isEmpty {
            out.element("p", ReportContent.noFollowUpsSentence(w), class: "empty")
        } else {
            out.table(ReportContent.followUpsTable(followUps), class: "compact")
        }

        let evidence = ReportContent.evidenceItemsTable(w)
        out.element("h4", "Evidence (\(evidence.rows.count))")
        if evidence.isEmpty {
            out.element("p", ReportContent.noEvidenceSentence(w), class: "empty")
        } else {
            out.element("p", ReportContent.evidenceCountsSentence(w))
            out.table(evidence, class: "compact evidence-items")
        }
        out.raw("</article>")
    }

    private static func workstreams(_ a: ReadinessAssessment, _ out: inout HTMLWriter) {
        out.raw(out.open("section", class: "workstreams", labelledBy: "workstreams"))
        out.element("h2", "3. Workstreams", id: "workstreams")
        if a.workstreams.isEmpty { out.element("p", ReportContent.noWorkstreamsInPlanSentence, class: "empty") }
        for summary in a.workstreams {
            let stream = summary.workstream
            let anchor = "workstream-\(stream.id)"
            out.raw(out.open("article", class: "workstream", id: nil, labelledBy: anchor))
            out.raw("<h3 id=\"\(anchor.htmlEscaped)\"><span class=\"weakness-id\">\(stream.id.htmlEscaped)</span> \(ReportText.oneLine(stream.title).htmlEscaped)</h3>")
            out.facts(ReportContent.workstreamFacts(summary), class: "facts")
            out.element("h4", "Actions (\(summary.actions.total))")
            out.element("p", ReportContent.actionsSentence(summary.actions), class: summary.actions.total == 0 ? "empty" : nil)
            if summary.actions.total > 0 { out.table(ReportContent.actionsTable(summary), class: "compact") }
            out.element("h4", "Measures (\(summary.measures.count))")
            if summary.measures.isEmpty {
                out.element("p", ReportContent.noMeasuresSentence, class: "empty")
            } else {
                out.table(ReportContent.measuresTable(summary.measures, caption: "Measures of \(stream.id)", sparkline: false), class: "measures")
                out.raw("<div class=\"charts\">")
                for standing in summary.measures {
                    let chart = MeasureChart(standing: standing, idPrefix: "\(stream.id)-\(standing.measure.id)".lowercased())
                    out.raw("<figure class=\"chart-figure\">")
                    out.raw(chart.svg)
                    out.raw("<figcaption><strong>\(standing.measure.id.htmlEscaped)</strong> \(ReportText.oneLine(standing.measure.title).htmlEscaped). \(chart.description.htmlEscaped)</figcaption>")
                    out.raw("</figure>")
                }
                out.raw("</div>")
                out.element("p", MeasureChart.legend, class: "legend")
            }
            out.raw("</article>")
        }
        out.raw("</section>")
    }

    private static func since(_ a: ReadinessAssessment, _ out: inout HTMLWriter) {
        out.raw(out.open("section", class: "since", labelledBy: "since"))
        out.element("h2", "4. Since the last monitoring visit", id: "since")
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
            items(part.items, class: "items", &out)
        }
    }

    /// A list of toned items.
    private static func items(_ items: [ReportCell], class className: String, _ out: inout HTMLWriter) {
        out.raw("<ul class=\"\(className)\">")
        for item in items {
            out.raw("<li\(item.tone.map { " class=\"tone-\($0.rawValue)\"" } ?? "")>\(item.text.htmlEscaped)</li>")
        }
        out.raw("</ul>")
    }

    private static func record(_ a: ReadinessAssessment, _ out: inout HTMLWriter) {
        out.raw(out.open("section", class: "record keep", labelledBy: "record"))
        out.element("h2", "5. Record", id: "record")
        out.facts(ReportContent.recordFacts(a), class: "facts record-facts")
        out.element("p", ReportContent.recordNote(a))
        out.raw("</section>")
    }
}
