extension WeaknessReadiness {
    /// Rung 1: at least half the actions complete (``Ladder/mostlyCompleteShare``) and none overdue.
    static func delivering(_ weakness: Weakness, streams: [Workstream], actions: [ActionItem], tally: ActionTally,
                           overdue late: [OverdueAction]) -> RungCheck {
        var findings: [String] = []
        var reasons: [ReadinessReason] = []
        func reason(_ kind: ReasonKind, _ subject: String?, _ text: String) {
            reasons.append(ReadinessReason(rung: .delivering, kind: kind, subject: subject, text: text))
        }
        guard !actions.isEmpty else {
            if streams.isEmpty {
                reason(.noActions, nil, "No workstream addresses \(weakness.id) yet, so it has no actions to deliver.")
            } else {
                reason(.noActions, nil, "\(weakness.id)’s \(streams.count == 1 ? "workstream" : "workstreams") (\(ReportText.list(streams.map(\.id)))) \(streams.count == 1 ? "has" : "have") no actions recorded.")
            }
            return RungCheck(rung: .delivering, findings: findings, reasons: reasons)
        }
        let share = "\(tally.complete) of \(ReportText.count(tally.total, "action")) complete (\(ReportText.percent(tally.complete, of: tally.total)))"
        if tally.mostlyComplete {
            findings.append(ReportText.capitalised(share) + ": at least half.")
        } else {
            let open = actions.filter { $0.status != .complete }.map(\.id)
            reason(.actionsIncomplete, nil,
                   "Only \(share); at least half must be. Not yet complete: \(ReportText.list(open)).")
        }
        if late.isEmpty {
            findings.append("No action is overdue.")
        }
        for action in late {
            let retargeted = action.retargets == 0 ? "" : "; retargeted \(ReportText.times(action.retargets))"
            reason(.actionOverdue, action.id,
                   "\(action.id) \(ReportText.quoted(action.title)) (\(action.workstream)) was due \(action.due.longDescription) and is \(ReportText.workingDays(action.workingDaysLate)) late\(retargeted).")
        }
        return RungCheck(rung: .delivering, findings: findings, reasons: reasons)
    }

    /// Rung 2: impact and voice evidence in the last 6 months, and a measure moving towards its target.
    static func impactEvidenced(_ weakness: Weakness, measures: [MeasureStanding], evidence: EvidenceSummary,
                                asOf: Day) -> RungCheck {
        var findings: [String] = []
        var reasons: [ReadinessReason] = []
        let from = evidence.recentFrom
        for (kind, latest) in [(EvidenceKind.impact, evidence.latestImpact), (.voice, evidence.latestVoice)] {
            let recent = evidence.count(kind).recent
            if recent > 0, let latest {
                findings.append("\(ReportText.capitalised(ReportText.kind(kind))) evidence: \(recent) \(recent == 1 ? "item" : "items") since \(from.longDescription), the latest \(latest.id) of \(latest.on.longDescription).")
            } else {
                let before = latest.map { "; the latest is \($0.id) of \($0.on.longDescription)" } ?? "; none has been recorded"
                reasons.append(ReadinessReason(
                    rung: .impactEvidenced, kind: .noRecentEvidence, subject: kind.rawValue,
                    text: "No \(ReportText.kind(kind)) evidence for \(weakness.id) is dated since \(from.longDescription)\(before)."))
            }
        }
        let moving = measures.filter(\.moving)
        if measures.isEmpty {
            reasons.append(ReadinessReason(rung: .impactEvidenced, kind: .noMeasures, subject: nil,
                                           text: "No measure belongs to \(weakness.id)’s workstreams, so none can show movement towards a target."))
        } else if moving.isEmpty {
            for standing in measures {
                reasons.append(ReadinessReason(rung: .impactEvidenced, kind: .measureNotMoving, subject: standing.measure.id,
                                               text: notMovingText(standing, from: from)))
            }
        } else {
            let ids = ReportText.list(moving.map(\.measure.id))
            findings.append("Moving towards \(moving.count == 1 ? "its target" : "their targets"): \(ids).")
        }
        return RungCheck(rung: .impactEvidenced, findings: findings, reasons: reasons)
    }

    /// Why a measure does not count as moving towards its target.
    private static func notMovingText(_ standing: MeasureStanding, from: Day) -> String {
        let measure = standing.measure
        guard let latest = standing.latest else {
            return "\(standing.label) has no readings since its baseline."
        }
        if latest.on < from {
            return "\(standing.label) was last read on \(latest.on.longDescription), before \(from.longDescription)."
        }
        return "\(standing.label) is \(ReportText.trend(standing.trend)) over its last six months of readings, short of its target: \(ReportText.value(latest.value, unit: measure.unit)) on \(latest.on.longDescription) against \(ReportText.value(measure.target.value, unit: measure.unit)) (baseline \(ReportText.value(measure.baseline.value, unit: measure.unit)))."
    }

    /// Rung 3: a measure at or beyond target for 6 months of readings, and impact evidence in two quarters.
    static func impactSustained(_ weakness: Weakness, measures: [MeasureStanding], evidence: EvidenceSummary) -> RungCheck {
        var findings: [String] = []
        var reasons: [ReadinessReason] = []
        let sustained = measures.filter(\.sustained)
        if measures.isEmpty {
            reasons.append(ReadinessReason(rung: .impactSustained, kind: .noMeasures, subject: nil,
                                           text: "No measure belongs to \(weakness.id)’s workstreams, so none can be sustained at target."))
        } else if sustained.isEmpty {
            for standing in measures {
                reasons.append(ReadinessReason(rung: .impactSustained, kind: .measureNotSustained, subject: standing.measure.id,
                                               text: notSustainedText(standing)))
            }
        } else {
            for standing in sustained {
                let target = ReportText.value(standing.measure.target.value, unit: standing.measure.unit)
                findings.append("\(standing.measure.id) has been at or beyond its target of \(target) in every reading since \(standing.atTargetSince?.longDescription ?? "its first").")
            }
        }
        let quarters = evidence.impactQuarters
        if quarters.count >= Ladder.impactQuarters, let first = quarters.first, let last = quarters.last {
            findings.append("Impact evidence in \(quarters.count) different quarters, from \(first.longDescription) to \(last.longDescription).")
        } else if let only = quarters.first {
            reasons.append(ReadinessReason(rung: .impactSustained, kind: .impactInTooFewQuarters, subject: EvidenceKind.impact.rawValue,
                                           text: "Impact evidence for \(weakness.id) falls in only one quarter (\(only.longDescription)); two different quarters are needed."))
        } else {
            reasons.append(ReadinessReason(rung: .impactSustained, kind: .impactInTooFewQuarters, subject: EvidenceKind.impact.rawValue,
                                           text: "No impact evidence for \(weakness.id) has been recorded, so none falls in two different quarters."))
        }
        return RungCheck(rung: .impactSustained, findings: findings, reasons: reasons)
    }

    /// Why a measure does not count as sustained at target.
    private static func notSustainedText(_ standing: MeasureStanding) -> String {
        let measure = standing.measure
        let target = ReportText.value(measure.target.value, unit: measure.unit)
        guard let latest = standing.latest else {
            return "\(standing.label) has no readings, so it cannot show its target of \(target) held."
        }
        guard let since = standing.atTargetSince else {
            return "\(standing.label) is not at its target: \(ReportText.value(latest.value, unit: measure.unit)) on \(latest.on.longDescription) against \(target)."
        }
        let earliest = since.adding(months: Ladder.sustainedMonths)
        return "\(standing.label) has been at or beyond its target of \(target) only since \(since.longDescription) (latest reading \(latest.on.longDescription)); it needs readings at target until at least \(earliest.longDescription)."
    }
}
