extension ReportContent {
    // MARK: Verdict

    /// The tone of the plan's answer.
    static func tone(_ answer: PlanVerdict.Answer) -> ReportTone {
        switch answer {
        case .ready: return .good
        case .notReady: return .bad
        }
    }

    /// The tone of a weakness's verdict.
    static func tone(_ answer: Sufficiency) -> ReportTone {
        switch answer {
        case .likelySufficient: return .good
        case .atRisk: return .warning
        case .notYetSufficient: return .bad
        }
    }

    /// The tone of a reason's weight.
    static func tone(_ weight: VerdictWeight) -> ReportTone {
        switch weight {
        case .strength: return .good
        case .concern: return .warning
        case .serious: return .bad
        }
    }

    /// Each weakness's verdict, what weighs most against it, and the first thing to do.
    static func verdictTable(_ a: ReadinessAssessment) -> ReportTable {
        ReportTable(caption: a.framework == .send2016 ? "Verdict by area of significant weakness" : "Verdict by area",
                    columns: [ReportText.capitalised(a.findingNoun), "Verdict", "Latest rating", "Against it", "First step"],
                    rows: a.shown.map { w in
                        let verdict = w.verdict
                        var answer = ReportText.capitalised(verdict.answer.words)
                        if !w.weakness.monitored { answer += "; no longer monitored" }
                        // 2023: the monitoring inspection judges only the areas for priority action.
                        if w.weakness.kind == .improvement && PlanVerdict.awaitsMonitoringInspection(a.phase) { answer += "; for the next full inspection" }
                        if case .sufficientAwaitingRelease = w.weakness.standing { answer += "; awaiting release" }
                        let against = verdict.reasons(.serious).count, concerns = verdict.reasons(.concern).count
                        let summary = against + concerns == 0 ? "nothing"
                            : [against > 0 ? ReportText.count(against, "serious concern") : nil,
                               concerns > 0 ? ReportText.count(concerns, "concern") : nil].compactMap { $0 }.joined(separator: ", ")
                        return [ReportCell(w.weakness.id), ReportCell(answer, tone: tone(verdict.answer)),
                                ratingCell(w.latestRating), ReportCell(summary),
                                ReportCell(verdict.nextSteps.first.map { stepText($0, asOf: a.asOf) } ?? "–")]
                    })
    }

    /// A reason as a list item: "Impact on children and families, serious concern: …".
    static func reasonItems(_ w: WeaknessReadiness) -> [ReportCell] {
        w.verdict.reasons.map { reason in
            ReportCell("\(ReportText.capitalised(reason.category.words)), \(reason.weight.words): \(reason.text)", tone: tone(reason.weight))
        }
    }

    /// A step with its owner and date: "Complete A18 … Owner: lead; due 30 Jun 2026 (passed)."
    static func stepText(_ step: VerdictStep, asOf: Day) -> String {
        var who: [String] = []
        if let owner = step.owner { who.append("owner: \(ReportText.oneLine(owner))") }
        if let due = step.due { who.append("\(due < asOf ? "was due" : "by") \(due.shortDescription)") }
        return step.text + (who.isEmpty ? "" : " (\(who.joined(separator: "; ")))")
    }

    /// The sentence when a weakness has no next step.
    static func noStepsSentence(_ w: WeaknessReadiness) -> String {
        "Nothing on the record stands against \(w.weakness.id): keep its evidence and measures current."
    }

    // MARK: Evidence items

    /// The kinds in the order a weakness's evidence lists them: impact and voice (which
    /// inspectors weigh most) first, then the rest.
    static let evidenceKindOrder: [EvidenceKind] = [.impact, .voice] + EvidenceKind.allCases.filter { $0 != .impact && $0 != .voice }

    /// A weakness's evidence items grouped by kind (impact and voice first), newest first in
    /// each, with what the board needs to check them: date, title, source, link or file and hash.
    static func evidenceItemsTable(_ w: WeaknessReadiness) -> ReportTable {
        let rows = evidenceKindOrder.flatMap { kind in
            w.evidence.items.filter { $0.kind == kind }.map { item -> [ReportCell] in
                // Impact and voice stand out in words, not in a colour that would read as "good".
                let weighed = kind == .impact || kind == .voice
                return [ReportCell(item.id), ReportCell(item.on.shortDescription),
                        ReportCell(ReportText.capitalised(ReportText.kind(kind)) + (weighed ? " (weighed most)" : "")),
                        ReportCell(ReportText.oneLine(item.title)), ReportCell(item.source.map(ReportText.oneLine) ?? "–"),
                        item.link.map { ReportCell(ReportText.oneLine($0), isLink: true) } ?? ReportCell(fileText(item) ?? "–")]
            }
        }
        return ReportTable(caption: "Evidence for \(w.weakness.id), impact and voice first, newest first",
                           columns: ["Evidence", "Date", "Kind", "Title", "Source", "Link or file"], rows: rows)
    }

    /// "57 items: 8 impact, 5 voice, …" — every kind with items, so the sum is visible.
    static func evidenceCountsSentence(_ w: WeaknessReadiness) -> String {
        let kinds = evidenceKindOrder.map { w.evidence.count($0) }.filter { $0.total > 0 }
            .map { "\($0.total) \(ReportText.kind($0.kind))" }
        return "\(ReportText.count(w.evidence.total, "item")): \(ReportText.list(kinds)); since \(w.evidence.recentFrom.shortDescription): \(w.evidence.count(.impact).recent) impact, \(w.evidence.count(.voice).recent) voice."
    }

    // MARK: Workstreams

    /// The workstreams addressing a weakness, each a reference to its own part.
    static func workstreamReferences(_ w: WeaknessReadiness) -> ReportTable {
        ReportTable(caption: "Workstreams addressing \(w.weakness.id)",
                    columns: ["Workstream", "Actions complete", "Overdue", "Measures", "Latest rating"],
                    rows: w.workstreams.map { summary in
                        [ReportCell("\(summary.workstream.id): \(ReportText.oneLine(summary.workstream.title))"),
                         ReportCell("\(summary.actions.complete) of \(summary.actions.total)"),
                         ReportCell("\(summary.overdue.count)", tone: summary.overdue.isEmpty ? nil : .bad),
                         ReportCell(summary.measures.isEmpty ? "–" : ReportText.list(summary.measures.map(\.measure.id))),
                         ratingCell(summary.latestRating)]
                    }, numeric: [2])
    }

    /// Who runs a workstream and what it addresses, labelled.
    static func workstreamFacts(_ s: WorkstreamSummary) -> [(label: String, value: String)] {
        let stream = s.workstream
        return [
            ("Addresses", ReportText.list(stream.addresses)),
            ("Lead", stream.lead.map(ReportText.oneLine) ?? "–"),
            ("Accountable", stream.accountable.map(ReportText.oneLine) ?? "–"),
            ("Partners", stream.partners.isEmpty ? "–" : stream.partners.map(partnerName).joined(separator: ", ")),
            ("Latest rating", s.latestRating.map { "\(ReportText.rating($0.rating)) (\($0.visit))" } ?? "not rated"),
        ]
    }

    /// "11 actions: 8 complete, 1 overdue, …" — every bucket, zeros included, so the sum is visible.
    static func actionsSentence(_ t: ActionTally) -> String {
        guard t.total > 0 else { return "No actions are recorded." }
        return "\(ReportText.count(t.total, "action")): \(t.complete) complete, \(t.overdue) overdue, \(t.onTrack) on track, \(t.atRisk) at risk, \(t.offTrack) off track, \(t.notStarted) not started."
    }

    /// Every action of a workstream, in id order: who leads it, when it is due, where it stands
    /// and how late it is, so the actions sentence and the table count the same things.
    static func actionsTable(_ s: WorkstreamSummary) -> ReportTable {
        let lateness = Dictionary(uniqueKeysWithValues: s.overdue.map { ($0.id, $0.workingDaysLate) })
        return ReportTable(caption: "Actions of \(s.workstream.id)", columns: ["Action", "Lead", "Due", "Status", "Working days late"],
                    rows: s.actionItems.map { action in
                        let late = lateness[action.id]
                        let status = ReportText.status(action.status) + (late == nil ? "" : "; overdue")
                        let tone: ReportTone? = action.status == .complete ? .good : late != nil ? .bad : action.status == .atRisk ? .warning : nil
                        return [ReportCell("\(action.id) \(ReportText.quoted(action.title))"), ReportCell(action.lead.map(ReportText.oneLine) ?? "–"),
                                ReportCell(action.due.shortDescription + (action.due == action.originalDue ? "" : " (first \(action.originalDue.shortDescription))")),
                                ReportCell(status, tone: tone), ReportCell(late.map { "\($0)" } ?? "–", tone: late == nil ? nil : .bad)]
                    }, numeric: [4])
    }

    /// Why a weakness's follow-up table is empty.
    static func noFollowUpsSentence(_ w: WeaknessReadiness) -> String { "No follow-up concerning \(w.weakness.id) is open." }

    /// Why a weakness's evidence table is empty.
    static func noEvidenceSentence(_ w: WeaknessReadiness) -> String {
        "No evidence is recorded for \(w.weakness.id): none tagged with it, and none untagged from a workstream addressing it."
    }

    /// Why the workstreams section is empty.
    static let noWorkstreamsInPlanSentence = "No workstream is recorded yet."

    /// Why a workstream's measures table is empty.
    static let noMeasuresSentence = "No measure belongs to this workstream."

    /// The follow-ups concerning a weakness that are still open, in id order.
    static func weaknessFollowUps(_ w: WeaknessReadiness) -> [FollowUpStanding] {
        w.followUps.filter(\.isOpen)
    }
}
