extension SinceLastVisit {
    /// The journal line the baseline of `plan` was recorded on, described so a reader can find
    /// it from the journal's end: the `occurrence`-th line counting back from the end whose
    /// event is of `type` and satisfies `matches`; nil when there is no baseline.
    ///
    /// Only for a plan folded from every line of its journal (no line hidden by an as-of day):
    /// then the last visit is the last visit line, and the first judgement of fit for purpose
    /// is the first statementJudged line with `fit` on that day, which is as many such lines
    /// back from the end as the plan has judgements like it.
    public static func baselineLine(of plan: Plan) -> (type: EventType, occurrence: Int, matches: @Sendable (PlanEvent) -> Bool)? {
        if let visit = plan.visits.last {
            let on = visit.on
            return (.monitoringVisitHeld, 1, { $0.on == on })
        }
        if let fit = plan.fitForPurpose {
            let count = plan.judgements.filter { $0.fit && $0.on == fit }.count
            return (.statementJudged, count, { event in
                if case let .statementJudged(on, true, _) = event { return on == fit }
                return false
            })
        }
        return nil
    }

    /// Works out the changes since the last visit from `plan`, folded from every line of its
    /// journal (none hidden by `asOf`), and only the journal's lines after the baseline's line
    /// (`baselineSeq`, found with ``baselineLine(of:)``): the same record the whole journal
    /// gives (``init(plan:entries:asOf:)``), without reading or holding the journal before the
    /// last visit.
    ///
    /// An entry is new when dated after the baseline or written after its line. The plan keeps
    /// each action's reports and retargets, the evidence, and each measure's readings in
    /// journal order (readings by day, the later line winning), so the lines after the baseline
    /// are the last so many of each list, and everything else is told by its date. What the
    /// plan cannot tell is how an action's report and retarget of the same day, both written
    /// before the baseline's line, were ordered (it sets the due date a completion shows); then,
    /// or when `tail` does not match the end of the plan's lists, the answer is nil and the
    /// caller reads the whole journal.
    public init?(plan: Plan, baselineSeq: Int, tail: [JournalEntry], asOf: Day) {
        guard let baseline = SinceLastVisit.baseline(plan: plan, seq: baselineSeq) else {
            self.init(baseline: nil, completed: [], slipped: [], evidence: [], readings: [])
            return
        }
        // What the tail holds, per action and measure, checked against the end of the plan's lists.
        var updatesAfter: [String: Int] = [:]
        var retargetsAfter: [String: Int] = [:]
        var evidenceAfter = 0
        var lateReadings: [String: [Day: Double]] = [:]
        for entry in tail {
            guard entry.event.on <= asOf else { return nil }
            switch entry.event {
            case let .actionUpdated(_, id, _, _):
                guard plan.actionIndex(id) != nil else { return nil }
                updatesAfter[id, default: 0] += 1
            case let .actionRetargeted(_, id, _, _, _):
                guard plan.actionIndex(id) != nil else { return nil }
                retargetsAfter[id, default: 0] += 1
            case .evidenceAdded:
                evidenceAfter += 1
            case let .measureRecorded(on, id, value):
                guard plan.measureIndex(id) != nil else { return nil }
                if on <= baseline.on { lateReadings[id, default: [:]][on] = value }
            case .actionAdded, .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld,
                 .revisitReported, .monitoringCeased, .partnerRenamed, .workstreamAdded, .measureAdded:
                continue
            }
        }
        guard evidenceAfter <= plan.evidence.count else { return nil }
        // The due date in force at each report in the tail, in the tail's own order.
        var dueAtTailReport: [String: [Day]] = [:]
        var dueInTail: [String: Day] = [:]
        var seenUpdates: [String: Int] = [:]
        var seenRetargets: [String: Int] = [:]
        var seenEvidence = 0
        for entry in tail {
            switch entry.event {
            case let .actionUpdated(on, id, status, note):
                guard let index = plan.actionIndex(id) else { return nil }
                let action = plan.actions[index]
                let after = updatesAfter[id] ?? 0, seen = seenUpdates[id, default: 0]
                guard after <= action.statusHistory.count,
                      action.statusHistory[action.statusHistory.count - after + seen] == ActionItem.StatusChange(on: on, status: status, note: note)
                else { return nil }
                seenUpdates[id] = seen + 1
                let due = dueInTail[id] ?? SinceLastVisit.dueBeforeTail(action, retargetsAfter: retargetsAfter[id] ?? 0)
                dueAtTailReport[id, default: []].append(due)
            case let .actionRetargeted(on, id, due, reason, agreedWith):
                guard let index = plan.actionIndex(id) else { return nil }
                let action = plan.actions[index]
                let after = retargetsAfter[id] ?? 0, seen = seenRetargets[id, default: 0]
                guard after <= action.retargets.count else { return nil }
                let retarget = action.retargets[action.retargets.count - after + seen]
                guard retarget.on == on, retarget.to == due, retarget.reason == reason, retarget.agreedWith == agreedWith else { return nil }
                seenRetargets[id] = seen + 1
                dueInTail[id] = due
            case let .evidenceAdded(item):
                guard plan.evidence[plan.evidence.count - evidenceAfter + seenEvidence] == item else { return nil }
                seenEvidence += 1
            case .actionAdded, .measureRecorded, .planCreated, .letterPublished, .statementSubmitted, .statementJudged,
                 .monitoringVisitHeld, .revisitReported, .monitoringCeased, .partnerRenamed, .workstreamAdded, .measureAdded:
                continue
            }
        }
        var completed: [ActionCompletion] = []
        var slipped: [ActionSlip] = []
        for action in plan.actions {
            let history = action.statusHistory
            let firstAfter = history.count - (updatesAfter[action.id] ?? 0)
            let firstRetargetAfter = action.retargets.count - (retargetsAfter[action.id] ?? 0)
            var completion: ActionCompletion?
            for (index, change) in history.enumerated() where change.on > baseline.on || index >= firstAfter {
                switch change.status {
                case .complete:
                    let due: Day
                    if index >= firstAfter {
                        guard let dues = dueAtTailReport[action.id], index - firstAfter < dues.count else { return nil }
                        due = dues[index - firstAfter]
                    } else {
                        guard let before = SinceLastVisit.dueAtReport(action, on: change.on, retargetsBefore: firstRetargetAfter,
                                                                      reportsBefore: firstAfter) else { return nil }
                        due = before
                    }
                    completion = ActionCompletion(id: action.id, title: action.title, workstream: action.workstream,
                                                  on: change.on, due: due)
                case .atRisk, .offTrack:
                    let previous = index == 0 ? ActionStatus.notStarted : history[index - 1].status
                    guard SinceLastVisit.severity(change.status) > SinceLastVisit.severity(previous) else { continue }
                    slipped.append(ActionSlip(id: action.id, title: action.title, workstream: action.workstream, on: change.on,
                                              kind: change.status == .atRisk ? .reportedAtRisk : .reportedOffTrack,
                                              from: nil, to: nil, reason: change.note))
                case .notStarted, .onTrack:
                    completion = nil
                }
            }
            if let completion { completed.append(completion) }
            for (index, retarget) in action.retargets.enumerated()
            where (retarget.on > baseline.on || index >= firstRetargetAfter) && retarget.to > retarget.from {
                slipped.append(ActionSlip(id: action.id, title: action.title, workstream: action.workstream, on: retarget.on,
                                          kind: .retargeted, from: retarget.from, to: retarget.to, reason: retarget.reason))
            }
        }
        let firstEvidenceAfter = plan.evidence.count - evidenceAfter
        var evidence: [Evidence] = []
        for (index, item) in plan.evidence.enumerated() where item.on > baseline.on || index >= firstEvidenceAfter {
            evidence.append(item)
        }
        var readings: [String: [Day: Double]] = [:]
        for measure in plan.measures {
            var days = lateReadings[measure.id] ?? [:]
            for reading in measure.readings.reversed() {
                guard reading.on > baseline.on else { break }
                days[reading.on] = reading.value
            }
            if !days.isEmpty { readings[measure.id] = days }
        }
        self = SinceLastVisit.assemble(plan: plan, baseline: baseline, asOf: asOf, completed: completed, slipped: slipped,
                                       evidence: evidence, readings: readings)
    }

    /// The baseline of a plan folded from every line, recorded on line `seq`.
    private static func baseline(plan: Plan, seq: Int) -> SinceBaseline? {
        if let visit = plan.visits.last { return SinceBaseline(kind: .visit, visit: visit.id, on: visit.on, seq: seq) }
        if let fit = plan.fitForPurpose { return SinceBaseline(kind: .fitForPurpose, visit: nil, on: fit, seq: seq) }
        return nil
    }

    /// The due date in force after every retarget written before the tail.
    private static func dueBeforeTail(_ action: ActionItem, retargetsAfter: Int) -> Day {
        let before = action.retargets.count - retargetsAfter
        return before > 0 ? action.retargets[before - 1].to : action.originalDue
    }

    /// The due date in force at a report dated `on` written before the tail, or nil when the
    /// plan cannot tell.
    ///
    /// An action's reports and retargets are written in date order (rule
    /// `action-dates-in-order`), so a retarget dated before the report came before it and one
    /// dated after came after; one of the same day could be either. Only the first
    /// `retargetsBefore` retargets and `reportsBefore` reports were written before the tail;
    /// if they are not in date order the journal was not written by these rules, and the
    /// answer is nil too.
    private static func dueAtReport(_ action: ActionItem, on: Day, retargetsBefore: Int, reportsBefore: Int) -> Day? {
        let retargets = action.retargets.prefix(retargetsBefore)
        let reports = action.statusHistory.prefix(reportsBefore)
        guard zip(retargets, retargets.dropFirst()).allSatisfy({ $0.on <= $1.on }),
              zip(reports, reports.dropFirst()).allSatisfy({ $0.on <= $1.on }),
              !retargets.contains(where: { $0.on == on }) else { return nil }
        return retargets.last { $0.on < on }?.to ?? action.originalDue
    }
}
