/// The words and tables of the revisit-readiness report, worked out once from an assessment
/// so the Markdown and HTML renderings say the same things in the same order.
///
/// Everything is plain text; renderers escape it. Every table has a sentence to use instead
/// when it would be empty, so no reader meets a bare header row.
enum ReportContent {
    // MARK: Title

    /// "Revisit readiness: Stockton-on-Tees"; in an accelerated progress plan, what comes next
    /// is a formal review.
    static func title(_ a: ReadinessAssessment) -> String {
        let what: String
        switch a.framework {
        case .send2016: what = a.phase == .acceleratedProgress ? "Formal review readiness" : "Revisit readiness"
        case .areaSEND2023: what = PlanVerdict.awaitsMonitoringInspection(a.phase) ? "Monitoring inspection readiness" : "Full inspection readiness"
        }
        return what + ": " + ReportText.oneLine(a.area)
    }

    /// The line under the title.
    static func subtitle(_ a: ReadinessAssessment) -> String {
        "\(a.framework == .send2016 ? "Written statement of action" : "Area SEND improvement plan") \(a.planID), as at \(a.asOf.longDescription). A paper for the SEN strategic group."
    }

    // MARK: Summary

    /// The summary's labelled facts, in reading order.
    static func facts(_ a: ReadinessAssessment) -> [(label: String, value: String)] {
        var facts: [(String, String)] = [("Area", ReportText.oneLine(a.area))]
        for role in PartnerRole.allCases {
            guard let partner = a.partner(role) else { continue }
            facts.append((ReportText.partnerRole(role),
                          ReportText.oneLine(partner.name) + (partner.since.map { " (from \($0.longDescription))" } ?? "")))
        }
        facts.append(("Phase", ReportText.capitalised(a.phase.displayName)))
        facts.append(("Framework", ReportText.capitalised(a.framework.displayName)))
        func estimated(_ fact: String) -> String { a.estimatedFacts.contains(fact) ? " (estimated)" : "" }
        var inspection = a.inspection.visit.longDescription + estimated("inspection")
        let areaSEND = a.framework == .areaSEND2023
        if let letter = a.inspection.letter { inspection += "; \(areaSEND ? "report" : "letter") \(letter.longDescription)\(estimated("letter"))" }
        facts.append(("Inspection", inspection))
        if let outcome = a.inspection.outcome { facts.append(("Outcome", ReportText.capitalised(outcome.displayName))) }
        if let fit = a.fitForPurpose {
            facts.append((areaSEND ? "Priority action plan accepted" : "Statement fit for purpose", fit.longDescription + estimated("fit")))
        }
        facts.append(("Verdict", a.verdict.sentence))
        if let visit = a.latestVisit {
            facts.append(("Latest monitoring visit", "\(visit.id), \(visit.on.longDescription)"))
        } else if a.fitForPurpose != nil {
            facts.append(("Latest monitoring visit", "none recorded"))
        }
        if areaSEND {
            facts += a.areaSEND.summaryLines.map { ("Since the report", $0) }
        } else if let revisit = a.revisit {
            facts.append(("Revisit", "\(revisit.visited.longDescription); letter \(revisit.letter.longDescription)\(estimated("revisit")): "
                          + EndOfMonitoring.judgements(revisit.outcomes)))
        }
        if !areaSEND { facts += afterRevisitFacts(a.endOfMonitoring, phase: a.phase) }
        if let ceased = a.ceased { facts.append((areaSEND ? "Plan closed" : "Monitoring ceased", ceased.longDescription + estimated("ceased"))) }
        return facts
    }

    /// What happened after the revisit, as summary facts: the accelerated progress plan, its
    /// formal reviews, releases, further revisits and escalations.
    static func afterRevisitFacts(_ after: EndOfMonitoring, phase: Phase) -> [(label: String, value: String)] {
        var facts: [(String, String)] = []
        if phase == .acceleratedProgress || !after.acceleratedProgressPlan.steps.isEmpty {
            facts.append(("Accelerated progress plan", ReportText.capitalised(after.appSummary)))
        }
        for review in after.reviews {
            facts.append(("Formal review", "\(review.on.longDescription)\(after.estimated(review.line)): " + EndOfMonitoring.judgements(review.outcomes)))
        }
        for revisit in after.revisits.dropFirst() {
            facts.append(("Further revisit", "\(revisit.visited.longDescription); letter \(revisit.letter.longDescription)\(after.estimated(revisit.line)): "
                          + EndOfMonitoring.judgements(revisit.outcomes)))
        }
        for release in after.releases {
            facts.append(("Released from monitoring", "\(ReportText.list(release.ids)) on \(release.on.longDescription)\(after.estimated(release.line))"))
        }
        for escalation in after.escalations {
            facts.append(("Escalation", ReportText.capitalised(escalation.description) + after.estimated(escalation.line)
                          + (escalation.link.map { " (\($0))" } ?? "")))
        }
        return facts
    }

    /// The weaknesses already released from monitoring, one line each, for a plan in an
    /// accelerated progress plan.
    static func releasedItems(_ a: ReadinessAssessment) -> [ReportCell] {
        a.alreadyReleased.map { weakness in
            let judged = weakness.judged.map { " after \($0.description)" } ?? ""
            return ReportCell("\(weakness.id): \(ReportText.oneLine(weakness.statement)) — \(weakness.released!.description)\(judged).", tone: .good)
        }
    }

    /// A note when the plan records no delivery at all (no workstream addresses any weakness),
    /// so a reader knows the low rungs reflect an empty record rather than judged failure.
    static func deliveryNote(_ a: ReadinessAssessment) -> String? {
        guard !a.weaknesses.isEmpty, a.weaknesses.allSatisfy({ $0.workstreams.isEmpty }) else { return nil }
        return "No workstreams, actions, measures or evidence are recorded in this plan, so every weakness reads not yet sufficient: the verdict and the evidence ladder read only what the record holds. Record them with wsoa workstream, action, measure and evidence."
    }

    /// Why there is nothing to assess.
    static func noWeaknessesSentence(_ a: ReadinessAssessment) -> String {
        switch a.phase {
        case .inspected:
            return a.framework == .areaSEND2023 ? "the inspection report has not been recorded yet, so there are no areas to assess."
                : "the outcome letter has not been recorded yet, so there are no areas of significant weakness to assess."
        case .noStatementRequired:
            return "the outcome letter required no written statement of action, so there is nothing to assess."
        case .statementDue, .statementUnderReview, .monitoring, .cessationRecommended, .acceleratedProgress, .closed, .strategicPlanDue, .priorityActionPlanDue, .priorityActionPlanUnderReview, .monitoringInspectionAwaited, .nextInspectionAwaited:
            return "no areas of significant weakness are recorded, so there is nothing to assess."
        }
    }

    /// The plan's clocks.
    static func clocksTable(_ clocks: [Clock], caption: String = "Clocks") -> ReportTable {
        ReportTable(caption: caption, columns: ["Clock", "Due", "State"], rows: clocks.map { clock in
            [ReportCell(ReportText.clockName(clock.name)),
             ReportCell(clock.due.shortDescription + (clock.basis.map { clock.estimated ? " (estimated — \($0))" : " (\($0))" }
                                                      ?? (clock.estimated ? " (estimated)" : ""))
                        + clock.pauses.map { " (\($0.days) days added: paused nationally \($0.pause.span))" }.joined()),
             ReportCell(ReportText.clockStateDetail(clock), tone: ReportTone.of(clock))]
        })
    }

    /// Why no clock is shown.
    static func noClocksSentence(_ a: ReadinessAssessment) -> String {
        switch a.phase {
        case .inspected:
            return a.framework == .areaSEND2023 ? "No clock is running yet: the strategic plan's and priority action plan's deadlines count from receipt of the final report."
                : "No clock is running yet: the statement's 70 working days start when the outcome letter is received."
        case .noStatementRequired:
            return "No clock runs: no written statement of action was required."
        case .statementDue, .statementUnderReview, .monitoring, .cessationRecommended, .acceleratedProgress, .closed, .strategicPlanDue, .priorityActionPlanDue, .priorityActionPlanUnderReview, .monitoringInspectionAwaited, .nextInspectionAwaited:
            return "No clock applies at this point."
        }
    }

    // MARK: Decisions

    /// The overdue actions, most late first; each workstream's own table shows a retargeted
    /// action's first due date.
    static func overdueTable(_ actions: [OverdueAction], caption: String) -> ReportTable {
        ReportTable(caption: caption, columns: ["Action", "Workstream", "Due", "Working days late", "Retargeted", "Status"],
                    rows: actions.map { action in
                        [ReportCell("\(action.id) \(ReportText.quoted(action.title))"), ReportCell(action.workstream),
                         ReportCell(action.due.shortDescription),
                         ReportCell(ReportText.number(Double(action.workingDaysLate)), tone: .bad),
                         ReportCell(action.retargets == 0 ? "no" : ReportText.times(action.retargets)),
                         ReportCell(ReportText.status(action.status))]
                    }, numeric: [3])
    }

    /// The measures below their straight line.
    static func offTrackTable(_ measures: [MeasureStanding]) -> ReportTable {
        ReportTable(caption: "Measures off track: the latest reading against where the straight line from baseline to target expects it on that day",
                    columns: ["Measure", "Latest", "Expected", "Target"],
                    rows: measures.map { standing in
                        let m = standing.measure
                        return [ReportCell("\(m.id) \(ReportText.quoted(m.title))"),
                                ReportCell(standing.latest.map { "\(ReportText.value($0.value, unit: m.unit)) (\($0.on.shortDescription))" } ?? "–", tone: .bad),
                                ReportCell(standing.expected.map { ReportText.value(($0 * 10).rounded() / 10, unit: m.unit) } ?? "–"),
                                ReportCell("\(ReportText.value(m.target.value, unit: m.unit)) by \(m.target.on.shortDescription)")]
                    })
    }

    /// The monitored weaknesses missing recent impact or voice evidence, one line each.
    static func evidenceGapItems(_ a: ReadinessAssessment) -> [ReportCell] {
        a.decisions.evidenceGaps.map { gap in
            let latest = [(EvidenceKind.impact, gap.latestImpact), (.voice, gap.latestVoice)]
                .filter { gap.missing.contains($0.0) }
                .map { kind, day in day.map { "latest \(ReportText.kind(kind)) \($0.shortDescription)" } ?? "no \(ReportText.kind(kind)) evidence ever recorded" }
            let missing = gap.missing.map { ReportText.kind($0) }.joined(separator: " or ")
            let never = [gap.latestImpact, gap.latestVoice].enumerated().allSatisfy { index, day in
                day == nil || !gap.missing.contains(index == 0 ? .impact : .voice)
            }
            let detail = never ? "none ever recorded" : latest.joined(separator: ", ")
            return ReportCell("\(gap.weakness): no \(missing) evidence since \(a.recentFrom.shortDescription) (\(detail)).", tone: .bad)
        }
    }

    /// The clocks due soon or overdue, one line each.
    static func clockItems(_ clocks: [Clock]) -> [ReportCell] {
        clocks.map { clock in
            ReportCell("\(ReportText.clockName(clock.name)): due \(clock.due.shortDescription)\(clock.estimated ? " (estimated)" : ""), \(ReportText.clockDetail(clock)).",
                       tone: ReportTone.of(clock))
        }
    }

    /// The decisions' four parts, each with its rows and the sentence for when it is empty.
    static func decisionParts(_ a: ReadinessAssessment) -> [ReportPart] {
        let d = a.decisions
        return [
            ReportPart(heading: "Overdue actions (\(d.overdueActions.count))",
                       table: overdueTable(d.overdueActions, caption: "Overdue actions, most late first"),
                       empty: "No action is overdue."),
            ReportPart(heading: "Measures off track (\(d.offTrackMeasures.count))", table: offTrackTable(d.offTrackMeasures),
                       empty: d.measuresWithReadings == 0
                           ? "No measure has a reading to judge yet." : "No measure is below its straight line from baseline to target."),
            ReportPart(heading: "No recent impact or voice evidence (\(d.evidenceGaps.count))", items: evidenceGapItems(a),
                       empty: a.weaknesses.isEmpty ? "There are no weaknesses to evidence yet."
                           : "Every monitored weakness has impact and voice evidence dated since \(a.recentFrom.longDescription)."),
            ReportPart(heading: "Clocks due soon or overdue (\(d.clocks.count))", items: clockItems(d.clocks),
                       empty: "No clock is due within 10 working days or overdue."),
            ReportPart(heading: "Open follow-ups from visits (\(d.openFollowUps.count))", table: followUpsTable(d.openFollowUps),
                       empty: "No follow-up agreed at a visit is open."),
        ]
    }

    /// Open follow-ups: what, from which visit, who owns it, when due and how that stands.
    static func followUpsTable(_ followUps: [FollowUpStanding]) -> ReportTable {
        ReportTable(caption: "Open follow-ups from visits", columns: ["Follow-up", "Visit", "Owner", "Due", "State"],
                    rows: followUps.map { standing in
                        let followUp = standing.followUp
                        return [ReportCell("\(followUp.id): \(ReportText.oneLine(followUp.title))"), ReportCell(followUp.visit),
                                ReportCell(ReportText.oneLine(followUp.owner)), ReportCell(followUp.due.shortDescription),
                                ReportCell(ReportText.clockDetail(standing.clock), tone: ReportTone.of(standing.clock))]
                    })
    }

    /// The sentence that replaces the decisions once monitoring has ended.
    static func monitoringEndedSentence(_ a: ReadinessAssessment) -> String {
        switch a.phase {
        case .closed:
            return "\(a.framework == .areaSEND2023 ? "The plan closed" : "Monitoring ceased")\(a.ceased.map { " on \($0.longDescription)" } ?? ""), so there are no decisions for the board; the rest of this paper is the record."
        case .noStatementRequired:
            return "No written statement of action was required, so there are no decisions for the board."
        case .inspected, .statementDue, .statementUnderReview, .monitoring, .cessationRecommended, .acceleratedProgress, .strategicPlanDue, .priorityActionPlanDue, .priorityActionPlanUnderReview, .monitoringInspectionAwaited, .nextInspectionAwaited:
            return "There are no decisions for the board."
        }
    }

    // MARK: Per weakness

    /// The weakness's standing after the revisit, when it has been judged or is no longer monitored.
    static func outcomeSentence(_ w: WeaknessReadiness) -> String? {
        switch w.weakness.standing {
        case .monitored, .awaitingMonitoringInspection, .toImprove: return nil
        case .sufficientAwaitingRelease, .inAcceleratedProgressPlan, .judged:
            return ReportText.capitalised(w.weakness.standing.description) + "."
        case let .released(release):
            // The judgement that led to the release, then the release.
            return ReportText.capitalised((w.weakness.judged.map { "\($0.description); " } ?? "") + release.description) + "."
        }
    }

    /// Why the workstream table is empty.
    static func noWorkstreamsSentence(_ w: WeaknessReadiness) -> String {
        "No workstream addresses \(w.weakness.id) yet, so it has no actions, measures or workstream evidence."
    }

    /// A workstream's measures: baseline → latest against target, national, trend, status.
    static func measuresTable(_ measures: [MeasureStanding], caption: String, sparkline: Bool) -> ReportTable {
        var columns = ["Measure", "Baseline", "Latest", "Target", "National", "Trend", "Status"]
        if sparkline { columns.append("Readings") }
        return ReportTable(caption: caption, columns: columns, rows: measures.map { standing in
            let m = standing.measure
            let status = ReportText.measureStatus(standing)
            let tone: ReportTone? = standing.targetMet ? .good : standing.onTrack.map { $0 ? .good : .bad }
            var row: [ReportCell] = [
                ReportCell("\(m.id) \(ReportText.oneLine(m.title))"),
                ReportCell("\(ReportText.value(m.baseline.value, unit: m.unit)) (\(m.baseline.on.shortDescription))"),
                ReportCell(standing.latest.map { "\(ReportText.value($0.value, unit: m.unit)) (\($0.on.shortDescription))" } ?? "no readings"),
                ReportCell("\(ReportText.value(m.target.value, unit: m.unit)) by \(m.target.on.shortDescription)"),
                ReportCell(m.national.map { ReportText.value($0, unit: m.unit) } ?? "–"),
                ReportCell(ReportText.trend(standing.trend) + (m.direction == .lowerIsBetter ? " (lower is better)" : "")),
                ReportCell(status, tone: tone),
            ]
            if sparkline { row.append(ReportCell(Sparkline.render(m).isEmpty ? "–" : Sparkline.render(m))) }
            return row
        })
    }

    /// The evidence's file as a paper shows it: its name, its version when it has been
    /// revised, and its hash — never where it is kept or what it holds, which can be personal
    /// data. Nil when the evidence has no file.
    static func fileText(_ item: Evidence) -> String? {
        guard let file = item.file, let version = item.fileVersion else { return nil }
        let earlier = item.earlierFiles.count
        let versions = earlier == 0 ? "" : ", version \(version); \(earlier) earlier"
        return "file \(ReportText.oneLine(file.name))\(versions) (SHA-256 \(file.shortHash)…)"
    }

    /// The latest monitoring rating, with the history.
    static func ratingSentence(_ w: WeaknessReadiness, _ a: ReadinessAssessment) -> String {
        guard let latest = w.latestRating else {
            return a.latestVisit == nil ? "No monitoring visit has been held yet." : "No monitoring visit has rated \(w.weakness.id)."
        }
        var text = "\(ReportText.rating(latest.rating)) at \(latest.visit) (\(latest.on.longDescription))"
        if let visit = a.latestVisit, visit.id != latest.visit {
            text += "; \(visit.id) (\(visit.on.longDescription)) did not rate it"
        }
        text += "."
        if w.ratings.count > 1 {
            text += " All ratings: " + w.ratings.map { "\($0.visit) \(ReportText.rating($0.rating).lowercased())" }.joined(separator: ", ") + "."
        }
        return text
    }

    // MARK: Since the last visit

    /// What "since" counts from, in a sentence.
    static func sinceIntro(_ a: ReadinessAssessment) -> String {
        guard let baseline = a.since.baseline else {
            if a.phase == .noStatementRequired {
                return "No written statement of action was required, so there is no monitoring to report on."
            }
            return a.framework == .areaSEND2023
                ? "No DfE/NHS England visit is recorded and no priority action plan has been accepted yet, so there is no day to count from."
                : "Monitoring has not started (the statement has not been judged fit for purpose), so there is no visit to count from."
        }
        let from: String
        switch baseline.kind {
        case .visit: from = "monitoring visit \(baseline.visit ?? "") on \(baseline.on.longDescription)"
        case .fitForPurpose:
            from = (a.framework == .areaSEND2023 ? "Ofsted accepted the priority action plan on " : "the statement was judged fit for purpose on ")
                + "\(baseline.on.longDescription) (no monitoring visit is recorded yet)"
        }
        return "Changes to the record since \(from), up to \(a.asOf.longDescription): entries dated after it, or recorded after it even if dated earlier."
    }

    /// Actions completed since the baseline.
    static func completedTable(_ s: SinceLastVisit) -> ReportTable {
        ReportTable(caption: "Actions completed", columns: ["Action", "Workstream", "Completed", "Due"], rows: s.completed.map { done in
            let late = done.workingDaysLate.map { $0 > 0 ? " (completed \(ReportText.workingDays($0)) late)" : "" } ?? ""
            return [ReportCell("\(done.id) \(ReportText.quoted(done.title))"), ReportCell(done.workstream),
                    ReportCell(done.on.shortDescription, tone: .good),
                    ReportCell((done.due?.shortDescription ?? "–") + late)]
        })
    }

    /// Actions that slipped since the baseline.
    static func slippedTable(_ s: SinceLastVisit) -> ReportTable {
        ReportTable(caption: "Actions slipped", columns: ["Action", "Workstream", "Date", "What happened", "Reason or note"],
                    rows: s.slipped.map { slip in
                        let tone: ReportTone
                        switch slip.kind {
                        case .retargeted, .reportedAtRisk: tone = .warning
                        case .reportedOffTrack, .fellOverdue: tone = .bad
                        }
                        return [ReportCell("\(slip.id) \(ReportText.quoted(slip.title))"), ReportCell(slip.workstream), ReportCell(slip.on.shortDescription),
                                ReportCell(ReportText.capitalised(slip.summary), tone: tone), ReportCell(slip.reason.map(ReportText.oneLine) ?? "–")]
                    })
    }

    /// New evidence since the baseline.
    static func newEvidenceTable(_ s: SinceLastVisit, findingColumn: String = "Weakness") -> ReportTable {
        ReportTable(caption: "New evidence", columns: ["Evidence", "Date", "Kind", "Workstream", findingColumn, "Title"],
                    rows: s.evidence.map { item in
                        [ReportCell(item.id), ReportCell(item.on.shortDescription), ReportCell(ReportText.kind(item.kind)),
                         ReportCell(item.workstream), ReportCell(item.weaknesses.isEmpty ? "–" : item.weaknesses.joined(separator: ", ")),
                         ReportCell(ReportText.oneLine(item.title) + (item.source.map { " (\(ReportText.oneLine($0)))" } ?? "")
                                    + (fileText(item).map { "; \($0)" } ?? ""))]
                    })
    }

    /// New readings since the baseline, per measure.
    static func newReadingsTable(_ s: SinceLastVisit) -> ReportTable {
        ReportTable(caption: "New measure readings", columns: ["Measure", "Before", "New readings", "Latest", "Change"],
                    rows: s.readings.map { change in
                        let trend = change.trend
                        let tone: ReportTone? = trend == .improving ? .good : (trend == .worsening ? .bad : nil)
                        return [ReportCell("\(change.id) \(ReportText.oneLine(change.title))"),
                                ReportCell("\(ReportText.value(change.before.value, unit: change.unit)) (\(change.beforeIsBaseline ? "baseline, " : "")\(change.before.on.shortDescription))"),
                                ReportCell("\(change.readings.count)"),
                                ReportCell("\(ReportText.value(change.latest.value, unit: change.unit)) (\(change.latest.on.shortDescription))"),
                                ReportCell(ReportText.trend(trend), tone: tone)]
                    }, numeric: [2])
    }

    /// The four "since" parts with their empty sentences.
    static func sinceParts(_ a: ReadinessAssessment) -> [ReportPart] {
        let s = a.since
        return [
            ReportPart(heading: "Actions completed (\(s.completed.count))", table: completedTable(s), empty: "No action was reported complete."),
            ReportPart(heading: "Actions slipped (\(s.slipped.count))", table: slippedTable(s),
                       empty: "No action was retargeted, reported worse or fell overdue."),
            ReportPart(heading: "New evidence (\(s.evidence.count))",
                       table: newEvidenceTable(s, findingColumn: a.framework == .send2016 ? "Weakness" : "Area"), empty: "No evidence was added."),
            ReportPart(heading: "New measure readings (\(s.readings.count))", table: newReadingsTable(s),
                       empty: "No measure reading was recorded."),
            ReportPart(heading: "Corrections to the record (\(s.corrections.count))", table: correctionsTable(s),
                       empty: "Nothing recorded was corrected or withdrawn."),
        ]
    }

    /// Corrections since the baseline: the line, what was corrected, how, and why.
    static func correctionsTable(_ s: SinceLastVisit) -> ReportTable {
        ReportTable(caption: "Corrections to the record", columns: ["Line", "Date", "Corrected", "Change", "Reason"],
                    rows: s.corrections.map { correction in
                        [ReportCell("\(correction.line)"), ReportCell(correction.on.shortDescription), ReportCell(correction.subject),
                         ReportCell(correction.kind == .withdrawn ? "withdrawn" : ReportText.oneLine(correction.changes.joined(separator: "; "))),
                         ReportCell(ReportText.oneLine(correction.reason))]
                    }, numeric: [0])
    }

    // MARK: Record

    /// The record facts, labelled.
    static func recordFacts(_ a: ReadinessAssessment) -> [(label: String, value: String)] {
        let view = a.record.folded == a.record.events ? "all of them in this view"
            : "\(a.record.folded) of them on or before \(a.asOf.longDescription), in this view"
        return [
            ("Plan", a.planID),
            ("As at", a.asOf.longDescription),
            ("Journal", "\(ReportText.count(a.record.events, "event")), \(view)"),
            ("Head", a.record.chainChecked ? a.record.head : "not vouched for: the journal's hash chain was not checked for this paper"),
            ("Chain", a.record.chainChecked
                ? "every line checked, from the first to the head, when this paper was made"
                : "not checked when this paper was made; run wsoa verify \(a.planID) before relying on it"),
            ("Working days", a.calendarName),
            ("Deadlines", "a due date on a weekend or bank holiday is kept by the next working day; lateness is counted in working days from that day"),
        ]
    }

    /// What the head is for.
    static func recordNote(_ a: ReadinessAssessment) -> String {
        guard a.record.chainChecked else {
            return "This paper was made without checking the journal's hash chain, so it names no head to tie it to the record; make it again with wsoa report \(a.planID)."
        }
        return "The head is the SHA-256 of the journal’s last line. Running wsoa verify \(a.planID) --head \(a.record.head) later confirms that the journal still holds that line, with every line before it unchanged, which ties this paper to the exact record it came from."
    }

    /// The ladder's rules, for the note before the weaknesses.
    static func ladderRules(_ framework: Framework) -> [(rung: Rung, rule: String)] {
        Rung.climbed.map { ($0, $0.rule(for: framework)) }
    }

    /// How the rules are read, in one paragraph, for a plan under `framework`.
    static func ladderNote(_ framework: Framework) -> String {
        switch framework {
        case .send2016: return ladderNote
        case .areaSEND2023: return "An area reaches a rung when that rung’s test and every test below it hold. Its actions, measures and evidence are those of the workstreams that address it; evidence tagged with another area counts only there. “The last 6 months” runs back 6 calendar months from the as-at date."
        }
    }

    /// How the rules are read, in one paragraph (2016 wording).
    static let ladderNote = "A weakness reaches a rung when that rung’s test and every test below it hold. Its actions, measures and evidence are those of the workstreams that address it; evidence tagged with another weakness counts only there. “The last 6 months” runs back 6 calendar months from the as-at date."

    // MARK: Cells

    /// "Green (V8)", toned; "not rated" with no tone.
    static func ratingCell(_ rating: VisitRating?) -> ReportCell {
        guard let rating else { return ReportCell("not rated") }
        return ReportCell("\(ReportText.rating(rating.rating)) (\(rating.visit))", tone: ReportTone(rating.rating))
    }

    /// "parent carer forum".
    static func partnerName(_ partner: LeadPartner) -> String {
        switch partner {
        case .la: return "local authority"
        case .health: return "health"
        case .socialCare: return "social care"
        case .education: return "education"
        case .parentCarerForum: return "parent carer forum"
        }
    }
}
