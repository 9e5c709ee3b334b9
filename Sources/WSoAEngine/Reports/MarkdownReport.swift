/// The revisit-readiness report as Markdown: readable as plain text, and rendering well on
/// GitHub and SharePoint.
///
/// Every piece of recorded text goes through `markdownEscaped`, so nothing a user typed can
/// become a link, an image, HTML or table syntax, while ordinary punctuation stays as typed.
public enum MarkdownReport {
    /// The report, ending with a newline.
    public static func render(_ a: ReadinessAssessment) -> String {
        var out = MarkdownWriter()
        out.heading(1, ReportContent.title(a).markdownEscaped)
        out.paragraph(ReportContent.subtitle(a).markdownEscaped)
        summary(a, &out)
        weaknesses(a, &out)
        workstreams(a, &out)
        since(a, &out)
        record(a, &out)
        return out.text
    }

    // MARK: Sections

    private static func summary(_ a: ReadinessAssessment, _ out: inout MarkdownWriter) {
        out.heading(2, "1. Summary")
        out.paragraph("**\(a.verdict.sentence.markdownEscaped)**")
        out.lines(ReportContent.facts(a).filter { $0.label != "Verdict" }.map { "- **\($0.label.markdownEscaped):** \($0.value.markdownEscaped)" })
        if let note = ReportContent.deliveryNote(a) { out.paragraph(note.markdownEscaped) }
        out.heading(3, "Verdict by \(a.findingNoun)")
        if a.weaknesses.isEmpty {
            out.paragraph(ReportText.capitalised(ReportContent.noWeaknessesSentence(a)).markdownEscaped)
        } else {
            out.table(ReportContent.verdictTable(a))
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
        out.heading(2, "2. \(a.findingsHeading)")
        guard !a.weaknesses.isEmpty else {
            out.paragraph(ReportText.capitalised(ReportContent.noWeaknessesSentence(a)).markdownEscaped)
            return
        }
        out.heading(3, "How this is judged")
        out.lines(VerdictRule.statement(for: a.framework).map { "- " + $0.markdownEscaped })
        out.blank()
        out.paragraph("The evidence ladder, shown for each \(a.findingNoun) beside its verdict:")
        out.lines(ReportContent.ladderRules(a.framework).map { "\($0.rung.level). **\($0.rung.displayName)**: \($0.rule.markdownEscaped)" })
        out.blank()
        out.paragraph(ReportContent.ladderNote(a.framework).markdownEscaped)
        for w in a.shown {
            weakness(w, a, &out)
        }
        let released = ReportContent.releasedItems(a)
        if !released.isEmpty {
            out.heading(3, "Already released from monitoring (\(released.count))")
            out.lines(released.map { "- " + $0.text.markdownEscaped })
            out.blank()
        }
    }

    private static func weakness(_ w: WeaknessReadiness, _ a: ReadinessAssessment, _ out: inout MarkdownWriter) {
        out.heading(3, "\(w.weakness.id): \(w.verdict.answer.words)")
        out.lines(["> " + ReportText.oneLine(w.weakness.statement).markdownEscaped])
        out.blank()
        if let outcome = ReportContent.outcomeSentence(w) { out.paragraph(outcome.markdownEscaped) }
        out.paragraph("**Verdict: \(w.verdict.answer.words).** \(ReportContent.ratingSentence(w, a).markdownEscaped)")
        out.heading(4, "Why")
        out.lines(ReportContent.reasonItems(w).map { "- " + $0.text.markdownEscaped })
        out.blank()
        out.heading(4, "What would move it up")
        if w.verdict.nextSteps.isEmpty {
            out.paragraph(ReportContent.noStepsSentence(w).markdownEscaped)
        } else {
            out.lines(w.verdict.nextSteps.enumerated().map { "\($0.offset + 1). " + ReportContent.stepText($0.element, asOf: a.asOf).markdownEscaped })
            out.blank()
        }
        out.heading(4, "Evidence ladder: \(ReportText.rungLabel(w.rung).markdownEscaped)")
        var items: [String] = []
        for check in w.checks {
            items.append("- **\(check.rung.displayName): \(check.met ? "met" : "not met")**")
            for finding in check.findings { items.append("  - Found: \(finding.markdownEscaped)") }
            for reason in check.reasons { items.append("  - Gap: \(reason.text.markdownEscaped)") }
        }
        out.lines(items)
        out.blank()
        out.heading(4, "Workstreams (\(w.workstreams.count))")
        if w.workstreams.isEmpty {
            out.paragraph(ReportContent.noWorkstreamsSentence(w).markdownEscaped)
        } else {
            out.table(ReportContent.workstreamReferences(w))
            out.paragraph("Each workstream’s actions, measures and charts are in section 3.".markdownEscaped)
        }
        let followUps = ReportContent.weaknessFollowUps(w)
        out.heading(4, "Open follow-ups (\(followUps.count))")
        if followUps.isEmpty {
            out.paragraph(ReportContent.noFollowUpsSentence(w).markdownEscaped)
        } else {
            out.table(ReportContent.followUpsTable(followUps))
        }
        let evidence = ReportContent.evidenceItemsTable(w)
        out.heading(4, "Evidence (\(evidence.rows.count))")
        if evidence.isEmpty {
            out.paragraph(ReportContent.noEvidenceSentence(w).markdownEscaped)
        } else {
            out.paragraph(ReportContent.evidenceCountsSentence(w).markdownEscaped)
            out.table(evidence)
        }
    }

    private static func workstreams(_ a: ReadinessAssessment, _ out: inout MarkdownWriter) {
        out.heading(2, "3. Workstreams")
        guard !a.workstreams.isEmpty else {
            out.paragraph(ReportContent.noWorkstreamsInPlanSentence)
            return
        }
        for summary in a.workstreams {
            let stream = summary.workstream
            out.heading(3, "\(stream.id): \(ReportText.oneLine(stream.title).markdownEscaped)")
            out.lines(ReportContent.workstreamFacts(summary).map { "- **\($0.label):** \($0.value.markdownEscaped)" })
            out.blank()
            out.heading(4, "Actions (\(summary.actions.total))")
            out.paragraph(ReportContent.actionsSentence(summary.actions).markdownEscaped)
            if summary.actions.total > 0 { out.table(ReportContent.actionsTable(summary)) }
            out.heading(4, "Measures (\(summary.measures.count))")
            if summary.measures.isEmpty {
                out.paragraph(ReportContent.noMeasuresSentence)
            } else {
                out.table(ReportContent.measuresTable(summary.measures, caption: "Measures of \(stream.id)", sparkline: true))
                out.paragraph(Sparkline.legend.markdownEscaped)
            }
        }
    }

    private static func since(_ a: ReadinessAssessment, _ out: inout MarkdownWriter) {
        out.heading(2, "4. Since the last monitoring visit")
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
        out.heading(2, "5. Record")
        out.lines(ReportContent.recordFacts(a).map { fact in
            // The plan id and the head are [a-z0-9-] and hex: safe, and clearer, as code.
            let value = fact.label == "Plan" || fact.label == "Head" ? "`\(fact.value)`" : fact.value.markdownEscaped
            return "- **\(fact.label):** \(value)"
        })
        out.blank()
        out.paragraph(ReportContent.recordNote(a).markdownEscaped)
    }
}
