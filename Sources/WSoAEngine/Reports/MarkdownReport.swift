/// The revisit-readiness report as Markdown: readable as plain text, and rendering well on
/// GitHub and SharePoint.
///
/// Every piece of recorded text goes through `markdownEscaped`, so nothing a user typed can
/// become a link, an image, HTML or table syntax.
public enum MarkdownReport {
    /// The report, ending with a newline.
    public static func render(_ a: ReadinessAssessment) -> String {
        var out = MarkdownWriter()
        out.heading(1, ReportContent.title(a).markdownEscaped)
        out.paragraph(ReportContent.subtitle(a).markdownEscaped)
        summary(a, &out)
        weaknesses(a, &out)
        since(a, &out)
        record(a, &out)
        return out.text
    }

    // MARK: Sections

    private static func summary(_ a: ReadinessAssessment, _ out: inout MarkdownWriter) {
        out.heading(2, "1. Summary")
        out.lines(ReportContent.facts(a).map { "- **\($0.label.markdownEscaped):** \($0.value.markdownEscaped)" })
        if let note = ReportContent.deliveryNote(a) { out.paragraph(note.markdownEscaped) }
        out.heading(3, "Readiness by weakness")
        if a.weaknesses.isEmpty {
            out.paragraph(ReportText.capitalised(ReportContent.noWeaknessesSentence(a)).markdownEscaped)
        } else {
            out.table(ReportContent.readinessTable(a))
        }
        out.heading(3, "Clocks")
        if a.clocks.isEmpty {
            out.paragraph(ReportContent.noClocksSentence(a).markdownEscaped)
        } else {
            out.table(ReportContent.clocksTable(a.clocks))
        }
        out.heading(3, "Decisions for the board")
        if a.decisions.monitoringEnded {
            out.paragraph(ReportContent.monitoringEndedSentence(a).markdownEscaped)
            return
        }
        for part in ReportContent.decisionParts(a) {
            out.paragraph("**\(part.heading.markdownEscaped)**")
            self.part(part, &out)
        }
    }

    private static func weaknesses(_ a: ReadinessAssessment, _ out: inout MarkdownWriter) {
        out.heading(2, "2. Areas of significant weakness")
        guard !a.weaknesses.isEmpty else {
            out.paragraph(ReportText.capitalised(ReportContent.noWeaknessesSentence(a)).markdownEscaped)
            return
        }
        out.paragraph("The evidence ladder, as this report applies it:")
        out.lines(ReportContent.ladderRules().map { "\($0.rung.level). **\($0.rung.displayName)**: \($0.rule.markdownEscaped)" })
        out.blank()
        out.paragraph(ReportContent.ladderNote.markdownEscaped)
        for w in a.weaknesses {
            out.heading(3, "\(w.weakness.id): \(w.rung.displayName)")
            out.lines(["> " + ReportText.oneLine(w.weakness.statement).markdownEscaped])
            out.blank()
            if let outcome = ReportContent.outcomeSentence(w) { out.paragraph(outcome.markdownEscaped) }
            out.paragraph("**Rung reached: \(ReportText.rungLabel(w.rung).markdownEscaped).** " +
                          (w.reasons.isEmpty ? "It is at the top of the ladder." : "\(ReportText.count(w.reasons.count, "reason")) it is not higher, marked “Gap” below.".markdownEscaped))
            var items: [String] = []
            for check in w.checks {
                items.append("- **\(check.rung.displayName): \(check.met ? "met" : "not met")**")
                for finding in check.findings { items.append("  - Found: \(finding.markdownEscaped)") }
                for reason in check.reasons { items.append("  - Gap: \(reason.text.markdownEscaped)") }
            }
            out.lines(items)
            out.blank()

            out.heading(4, "Workstreams")
            if w.workstreams.isEmpty {
                out.paragraph(ReportContent.noWorkstreamsSentence(w).markdownEscaped)
            } else {
                out.table(ReportContent.workstreamsTable(w))
            }
            out.heading(4, "Actions")
            out.paragraph(ReportContent.actionsSentence(w).markdownEscaped)
            if !w.overdue.isEmpty {
                out.table(ReportContent.overdueTable(w.overdue, caption: "Overdue actions for \(w.weakness.id)"))
            } else if w.actions.total > 0 {
                out.paragraph("No action is overdue.")
            }
            out.heading(4, "Measures")
            if w.measures.isEmpty {
                out.paragraph(ReportContent.noMeasuresSentence(w).markdownEscaped)
            } else {
                out.table(ReportContent.measuresTable(w, sparkline: true))
                out.paragraph("Readings: the baseline, then up to the latest 24 readings, taller for a higher value.".markdownEscaped)
            }
            out.heading(4, "Evidence")
            if w.evidence.total == 0 {
                out.paragraph("No evidence is recorded for \(w.weakness.id): none tagged with it, and none untagged from a workstream addressing it.".markdownEscaped)
            } else {
                out.table(ReportContent.evidenceTable(w))
                out.lines(ReportContent.latestEvidenceLines(w).map { "- **\($0.label):** \($0.value.markdownEscaped)" })
                out.blank()
            }
            out.heading(4, "Monitoring rating")
            out.paragraph(ReportContent.ratingSentence(w, a).markdownEscaped)
        }
    }

    private static func since(_ a: ReadinessAssessment, _ out: inout MarkdownWriter) {
        out.heading(2, "3. Since the last monitoring visit")
        out.paragraph(ReportContent.sinceIntro(a).markdownEscaped)
        guard a.since.baseline != nil else { return }
        for part in ReportContent.sinceParts(a) {
            out.heading(3, part.heading)
            self.part(part, &out)
        }
    }

    /// A part's table or list, or its sentence when it has no rows.
    private static func part(_ part: ReportPart, _ out: inout MarkdownWriter) {
        if part.isEmpty {
            out.paragraph(part.empty.markdownEscaped)
        } else if let table = part.table {
            out.table(table)
        } else {
            out.lines(part.items.map { "- " + $0.text.markdownEscaped })
            out.blank()
        }
    }

    private static func record(_ a: ReadinessAssessment, _ out: inout MarkdownWriter) {
        out.heading(2, "4. Record")
        out.lines(ReportContent.recordFacts(a).map { fact in
            // The plan id and the head are [a-z0-9-] and hex: safe, and clearer, as code.
            let value = fact.label == "Plan" || fact.label == "Head" ? "`\(fact.value)`" : fact.value.markdownEscaped
            return "- **\(fact.label):** \(value)"
        })
        out.blank()
        out.paragraph(ReportContent.recordNote(a).markdownEscaped)
    }
}
