/// The signals of the record weighed for one weakness's verdict (``VerdictRule``), each read
/// from the values its section of the report shows, so a reason never says what a table does not.
struct VerdictSignals {
    /// The weakness's id.
    let weakness: String
    /// The workstreams addressing it, in plan order.
    let workstreams: [Workstream]
    /// Its workstreams' actions still standing.
    let actions: [ActionItem]
    /// Its overdue actions, most late first.
    let overdue: [OverdueAction]
    /// Its workstreams' measures at the as-of day.
    let measures: [MeasureStanding]
    /// Its evidence at the as-of day.
    let evidence: EvidenceSummary
    /// The advisers' ratings of it, oldest first.
    let ratings: [VisitRating]
    /// The follow-ups that concern it (tagged with it, or with no weakness), agreed by the as-of day.
    let followUps: [FollowUpStanding]
    /// The day the next monitoring visit is due, the date steps without one of their own aim at.
    let nextVisitDue: Day?
    /// The as-of day.
    let asOf: Day

    /// Every reason, in the order found.
    var reasons: [VerdictReason] {
        evidenceReasons + [measuresReason] + ratingReasons + [improvingReason, quartersReason] + deliveryReasons
    }

    /// Who answers for the weakness's evidence: the lead (or else the accountable officer) of
    /// the first workstream addressing it.
    private var owner: String? {
        workstreams.first.flatMap { $0.lead ?? $0.accountable }
    }

    /// The lead of `workstream`, or its accountable officer.
    private func owner(of workstream: String) -> String? {
        workstreams.first { $0.id == workstream }.flatMap { $0.lead ?? $0.accountable }
    }

    // MARK: Impact on children and families

    private var evidenceReasons: [VerdictReason] {
        [(EvidenceKind.impact, evidence.latestImpact), (.voice, evidence.latestVoice)].map { kind, latest in
            let signal = kind == .impact ? "impactEvidence" : "voiceEvidence"
            let words = ReportText.kind(kind)
            let recent = evidence.count(kind).recent
            if recent > 0, let latest {
                return VerdictReason(.impact, .strength, signal: signal,
                                     text: "\(ReportText.capitalised(words)) evidence: \(ReportText.count(recent, "item")) since \(evidence.recentFrom.longDescription), the latest \(latest.id) of \(latest.on.longDescription).")
            }
            let before = latest.map { "; the latest is \($0.id) of \($0.on.longDescription)" } ?? "; none has ever been recorded"
            let what = kind == .impact
                ? "Record impact evidence for \(weakness): what has changed for children and families (a case-file audit, outcome data, a case study)"
                : "Record voice evidence for \(weakness): what children, young people and families say now (a survey, a forum, their own words)"
            return VerdictReason(.impact, .serious, signal: signal,
                                 text: "No \(words) evidence for \(weakness) is dated since \(evidence.recentFrom.longDescription)\(before).",
                                 step: VerdictStep(what + ".", owner: owner, due: nextVisitDue))
        }
    }

    private var measuresReason: VerdictReason {
        guard !measures.isEmpty else {
            return VerdictReason(.impact, .serious, signal: "measures",
                                 text: "No measure belongs to \(weakness)’s workstreams, so nothing shows the difference made against a target.",
                                 step: VerdictStep("Agree a measure of impact, with a baseline and a target, for \(weakness).", owner: owner, due: nextVisitDue))
        }
        let from = evidence.recentFrom
        let onTrajectory = measures.filter { standing in
            guard let latest = standing.latest, latest.on >= from else { return false }
            return standing.targetMet || standing.onTrack == true
        }
        let off = measures.filter { standing in !onTrajectory.contains { $0.measure.id == standing.measure.id } }
            .sorted { VerdictSignals.shortfall($0, from: from) > VerdictSignals.shortfall($1, from: from) }
        let share = Double(onTrajectory.count) / Double(measures.count)
        let counted = "\(onTrajectory.count) of \(ReportText.count(measures.count, "measure")) on or ahead of \(measures.count == 1 ? "its" : "their") trajectory"
        guard let worst = off.first else {
            return VerdictReason(.impact, .strength, signal: "measures",
                                 text: "\(ReportText.capitalised(counted)) (read since \(from.longDescription)): \(ReportText.list(onTrajectory.map(\.measure.id))).")
        }
        let weight: VerdictWeight = share < VerdictRule.measuresSeriousShare ? .serious
            : share < VerdictRule.measuresConcernShare ? .concern : .strength
        let offText = off.map { standing in standing.measure.id + (standing.latest.map { $0.on < from ? " (not read since \($0.on.shortDescription))" : "" } ?? " (no readings)") }
        return VerdictReason(.impact, weight, signal: "measures",
                             text: "\(ReportText.capitalised(counted)); behind: \(ReportText.list(offText)).",
                             // By the next visit, when the advisers will look again; the target date is in the text.
                             step: VerdictStep(stepText(worst), owner: owner(of: worst.measure.workstream), due: nextVisitDue))
    }

    /// How far behind its trajectory a measure is, as a share of the way from baseline to
    /// target; a measure with no reading since `from` counts as furthest behind.
    static func shortfall(_ standing: MeasureStanding, from: Day) -> Double {
        let m = standing.measure
        guard let latest = standing.latest, latest.on >= from, let expected = standing.expected else { return .infinity }
        let span = abs(m.target.value - m.baseline.value)
        let behind = m.direction == .lowerIsBetter ? latest.value - expected : expected - latest.value
        return span > 0 ? behind / span : behind
    }

    /// "Bring M3 “Title” back to its trajectory: 56.4% on 31 Oct 2026 against 70.2% expected."
    private func stepText(_ standing: MeasureStanding) -> String {
        let m = standing.measure
        guard let latest = standing.latest else {
            return "Record readings of \(standing.label) against its target of \(ReportText.value(m.target.value, unit: m.unit))."
        }
        if latest.on < evidence.recentFrom {
            return "Read \(standing.label) again (last read \(latest.on.longDescription))."
        }
        let expected = standing.expected.map { " against \(ReportText.value(($0 * 10).rounded() / 10, unit: m.unit)) expected" } ?? ""
        return "Bring \(standing.label) back to its trajectory: \(ReportText.value(latest.value, unit: m.unit)) on \(latest.on.shortDescription)\(expected), target \(ReportText.value(m.target.value, unit: m.unit)) by \(m.target.on.shortDescription)."
    }

    // MARK: Sustainability

    private var ratingReasons: [VerdictReason] {
        let accountable = workstreams.first.flatMap { $0.accountable ?? $0.lead }
        guard let latest = ratings.last else {
            return [VerdictReason(.sustainability, .concern, signal: "rating",
                                  text: "No monitoring visit has rated \(weakness) yet, so the advisers’ view is not on the record.",
                                  step: VerdictStep("Ask the advisers to rate \(weakness) at the next monitoring visit.", owner: accountable, due: nextVisitDue))]
        }
        let rated = "The advisers rated \(weakness) \(ReportText.rating(latest.rating).lowercased()) at \(latest.visit) (\(latest.on.longDescription))."
        let act = VerdictStep("Act on the advisers’ concerns about \(weakness) from \(latest.visit) and show what has changed.",
                              owner: accountable, due: nextVisitDue)
        var reasons: [VerdictReason]
        switch latest.rating {
        case .green: reasons = [VerdictReason(.sustainability, .strength, signal: "rating", text: rated)]
        case .amber: reasons = [VerdictReason(.sustainability, .concern, signal: "rating", text: rated, step: act)]
        case .red: reasons = [VerdictReason(.sustainability, .serious, signal: "rating", text: rated, step: act)]
        }
        if ratings.count > 1 {
            let before = ratings[ratings.count - 2]
            let change = "\(ReportText.rating(before.rating).lowercased()) at \(before.visit) to \(ReportText.rating(latest.rating).lowercased()) at \(latest.visit)"
            if latest.rating.rank < before.rating.rank {
                reasons.append(VerdictReason(.sustainability, .concern, signal: "ratingTrend", text: "The rating fell from \(change).", step: act))
            } else if latest.rating.rank > before.rating.rank {
                reasons.append(VerdictReason(.sustainability, .strength, signal: "ratingTrend", text: "The rating rose from \(change)."))
            }
        }
        return reasons
    }

    private var improvingReason: VerdictReason {
        let improving = measures.filter(\.moving)
        let sustained = measures.filter(\.sustained)
        if !improving.isEmpty {
            let held = sustained.isEmpty ? "" : "; held at target for 6 months or more: \(ReportText.list(sustained.map(\.measure.id)))"
            return VerdictReason(.sustainability, .strength, signal: "measuresImproving",
                                 text: "Improving over their last six months of readings, or at target: \(ReportText.list(improving.map(\.measure.id)))\(held).")
        }
        return VerdictReason(.sustainability, .concern, signal: "measuresImproving",
                             text: measures.isEmpty ? "With no measure, nothing shows improvement being sustained."
                                 : "No measure of \(weakness) is improving over its last six months of readings or at target.")
    }

    private var quartersReason: VerdictReason {
        let from = asOf.adding(months: -VerdictRule.quartersWindowMonths)
        let quarters = Set(evidence.items.filter { $0.kind == .impact && $0.on >= from }.map { Quarter($0.on) }).sorted()
        if quarters.count >= VerdictRule.impactQuarters {
            return VerdictReason(.sustainability, .strength, signal: "impactQuarters",
                                 text: "Impact evidence in \(quarters.count) quarters of the last 12 months, \(quarters.first!.longDescription) to \(quarters.last!.longDescription).")
        }
        return VerdictReason(.sustainability, .concern, signal: "impactQuarters",
                             text: "Impact evidence in \(quarters.count == 1 ? "only one quarter" : "no quarter") of the last 12 months; it needs \(VerdictRule.impactQuarters) to show the change is lasting.")
    }

    // MARK: Delivery

    private var deliveryReasons: [VerdictReason] {
        var reasons: [VerdictReason] = []
        let due = actions.filter { $0.due <= asOf }
        let complete = due.filter { $0.status == .complete }.count
        if actions.isEmpty {
            reasons.append(VerdictReason(.delivery, .serious, signal: "actionsDue",
                                         text: "No action is recorded for \(weakness)’s workstreams, so nothing shows how it is being addressed.",
                                         step: VerdictStep("Record the actions that address \(weakness), each with a lead and a due date.",
                                                           owner: owner, due: nextVisitDue)))
        } else if due.isEmpty {
            reasons.append(VerdictReason(.delivery, .strength, signal: "actionsDue",
                                         text: "None of its \(ReportText.count(actions.count, "action")) is due yet."))
        } else {
            let share = Double(complete) / Double(due.count)
            let weight: VerdictWeight = share < VerdictRule.deliverySeriousShare ? .serious
                : share < VerdictRule.deliveryConcernShare ? .concern : .strength
            reasons.append(VerdictReason(.delivery, weight, signal: "actionsDue",
                                         text: "\(complete) of \(ReportText.count(due.count, "action")) due by now complete (\(ReportText.percent(complete, of: due.count))).",
                                         step: overdue.first.map(step)))
        }
        if let latest = overdue.first {
            let others = overdue.count == 1 ? "" : "; \(ReportText.count(overdue.count - 1, "other")) overdue: \(ReportText.list(overdue.dropFirst().map(\.id)))"
            reasons.append(VerdictReason(.delivery, .concern, signal: "actionsLate",
                                         text: "\(latest.id) \(ReportText.quoted(latest.title)) is \(ReportText.workingDays(latest.workingDaysLate)) late\(others).",
                                         step: step(latest)))
        }
        for standing in followUps where standing.clock.state == .overdue {
            let followUp = standing.followUp
            reasons.append(VerdictReason(.delivery, .concern, signal: "followUp",
                                         text: "Follow-up \(followUp.id) \(ReportText.quoted(followUp.title)), agreed at \(followUp.visit), is overdue (\(ReportText.clockDetail(standing.clock))).",
                                         step: VerdictStep("Close follow-up \(followUp.id) \(ReportText.quoted(followUp.title)).", owner: followUp.owner, due: followUp.due)))
        }
        return reasons
    }

    /// "Complete A18 “Title”."
    private func step(_ action: OverdueAction) -> VerdictStep {
        VerdictStep("Complete \(action.id) \(ReportText.quoted(action.title)) (\(action.workstream)), \(ReportText.workingDays(action.workingDaysLate)) late.",
                    owner: action.lead ?? owner(of: action.workstream), due: action.due)
    }
}
