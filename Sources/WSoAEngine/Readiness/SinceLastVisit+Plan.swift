extension SinceLastVisit {
    /// What changed since the last monitoring visit of `plan`, folded at `asOf` together with
    /// its delivery `record`: the one way these changes are worked out.
    ///
    /// The baseline is the latest visit (else fit for purpose). An item counts as new when it
    /// is dated after the baseline's day or was recorded on a later journal line than the
    /// baseline's, so evidence recorded after a visit but dated before it — which the advisers
    /// cannot have seen — still shows. Before fit for purpose there is no baseline and every
    /// list is empty. Due dates are kept by the working days of `calendar`: an action falls
    /// overdue the day after the first working day on or after its due date.
    public init(plan: Plan, record: DeliveryRecord, asOf: Day, calendar: WorkingCalendar) {
        let baseline: SinceBaseline
        if let visit = plan.standingVisits.last {
            baseline = SinceBaseline(kind: .visit, visit: visit.id, on: visit.on, line: visit.line)
        } else if let fit = plan.judgements.first(where: \.fit) {
            baseline = SinceBaseline(kind: .fitForPurpose, visit: nil, on: fit.on, line: fit.line)
        } else {
            self.init(baseline: nil, completed: [], slipped: [], evidence: [], readings: [])
            return
        }
        func isNew(_ on: Day, _ line: Int) -> Bool { on > baseline.on || line > baseline.line }

        // Status reports in the order recorded: the last report since the baseline decides
        // whether an action counts as completed, and a report worse than the one before it is a slip.
        var status: [String: ActionStatus] = [:]
        var completed: [String: ActionCompletion] = [:]
        var slipped: [ActionSlip] = []
        for report in record.statusReports {
            let previous = status[report.action] ?? .notStarted
            status[report.action] = report.status
            guard isNew(report.on, report.line), let action = plan.action(report.action), action.withdrawn == nil else { continue }
            switch report.status {
            case .complete:
                let due = action.due(asOf: report.line)
                completed[action.id] = ActionCompletion(id: action.id, title: action.title, workstream: action.workstream,
                                                         on: report.on, due: due,
                                                         workingDaysLate: calendar.workingDaysLate(due: due, on: report.on))
            case .atRisk, .offTrack:
                completed[action.id] = nil
                guard SinceLastVisit.severity(report.status) > SinceLastVisit.severity(previous) else { continue }
                slipped.append(ActionSlip(id: action.id, title: action.title, workstream: action.workstream, on: report.on,
                                          kind: report.status == .atRisk ? .reportedAtRisk : .reportedOffTrack,
                                          from: nil, to: nil, reason: report.note))
            case .notStarted, .onTrack:
                completed[action.id] = nil
            }
        }
        for action in plan.standingActions {
            for retarget in action.retargets where isNew(retarget.on, retarget.line) && retarget.to > retarget.from {
                slipped.append(ActionSlip(id: action.id, title: action.title, workstream: action.workstream, on: retarget.on,
                                          kind: .retargeted, from: retarget.from, to: retarget.to, reason: retarget.reason))
            }
            let firstDayOverdue = calendar.effectiveDue(action.due).adding(days: 1)
            if action.isOverdue(asOf: asOf, calendar: calendar), firstDayOverdue > baseline.on {
                slipped.append(ActionSlip(id: action.id, title: action.title, workstream: action.workstream,
                                          on: firstDayOverdue, kind: .fellOverdue, from: action.due, to: nil, reason: nil))
            }
        }
        let evidence = plan.standingEvidence.filter { isNew($0.on, $0.line) }
        // Each measure's new readings, by day (a later reading of a day replaces an earlier one).
        var readings: [String: [Day: Double]] = [:]
        for reading in record.readings where isNew(reading.on, reading.line) {
            readings[reading.measure, default: [:]][reading.on] = reading.value
        }
        let changes: [ReadingChange] = plan.measures.compactMap { measure in
            guard let days = readings[measure.id], !days.isEmpty else { return nil }
            let fresh = days.keys.sorted().map { Reading(on: $0, value: days[$0]!) }
            let earlier = measure.readings.last { $0.on <= baseline.on && days[$0.on] == nil }
            return ReadingChange(id: measure.id, title: measure.title, unit: measure.unit, direction: measure.direction,
                                 readings: fresh, before: earlier ?? measure.baseline, beforeIsBaseline: earlier == nil)
        }
        self.init(
            baseline: baseline,
            completed: completed.values.sorted { ($0.on, $0.id.idNumber) < ($1.on, $1.id.idNumber) },
            slipped: slipped.sorted { ($0.on, $0.id.idNumber, $0.kind.order) < ($1.on, $1.id.idNumber, $1.kind.order) },
            evidence: evidence.sorted { ($0.on, $0.id.idNumber) < ($1.on, $1.id.idNumber) },
            readings: changes,
            // Corrections are new by the line that recorded them: the day of a correction is
            // the day it was made, so one made after the visit about an earlier fact counts.
            corrections: plan.corrections.filter { $0.line > baseline.line })
    }

    /// How bad a reported status is, so only a change for the worse counts as a slip.
    static func severity(_ status: ActionStatus) -> Int {
        switch status {
        case .notStarted, .onTrack, .complete: return 0
        case .atRisk: return 1
        case .offTrack: return 2
        }
    }
}

extension ActionItem {
    /// The due date in force just after journal line `line` (retargets recorded on later lines undone).
    func due(asOf line: Int) -> Day {
        retargets.first { $0.line > line }?.from ?? due
    }
}
