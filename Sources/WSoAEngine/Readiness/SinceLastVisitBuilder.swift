/// Works out the changes since the last visit one journal entry at a time, in journal
/// order, so a caller can stream a whole journal through it without holding its entries.
///
/// An entry counts as new when dated after the baseline or written after the baseline's line
/// (``SinceLastVisit``). The line is either known up front (its `seq` in the baseline) or,
/// streaming, recognised as it goes by: the plan's last visit is the Nth visit line in view
/// (visits are numbered in journal order), fit for purpose the first judgement of fit on that
/// day; every entry before it has a lower `seq`, so until then only the date can make an
/// entry new, exactly as with the line known.
struct SinceLastVisitBuilder {
    private let plan: Plan
    private let asOf: Day
    private var baseline: SinceBaseline
    /// Whether the baseline's line is still to be recognised among the entries added.
    private var finding: Bool
    private var visitLines = 0
    private var status: [String: ActionStatus] = [:]
    private var due: [String: Day] = [:]
    private var completed: [String: ActionCompletion] = [:]
    private var slipped: [ActionSlip] = []
    private var evidence: [Evidence] = []
    private var readings: [String: [Day: Double]] = [:]

    /// A builder for `plan` (folded at `asOf`) whose baseline, with its line's `seq` or nil, is known.
    init(plan: Plan, asOf: Day, baseline: SinceBaseline) {
        self.plan = plan
        self.asOf = asOf
        self.baseline = baseline
        finding = false
    }

    /// A builder that recognises the baseline's line among the entries it is given (every
    /// line of the journal in view, in order); nil when the plan has no baseline.
    init?(streaming plan: Plan, asOf: Day) {
        let baseline: SinceBaseline
        if let visit = plan.visits.last {
            baseline = SinceBaseline(kind: .visit, visit: visit.id, on: visit.on, seq: nil)
        } else if let fit = plan.fitForPurpose {
            baseline = SinceBaseline(kind: .fitForPurpose, visit: nil, on: fit, seq: nil)
        } else {
            return nil
        }
        self.init(plan: plan, asOf: asOf, baseline: baseline)
        finding = true
    }

    /// Takes the next entry in journal order (only those in view, dated on or before the as-of day).
    mutating func add(_ entry: JournalEntry) {
        if finding { recognise(entry) }
        let new = entry.event.on > baseline.on || entry.seq > (baseline.seq ?? Int.max)
        switch entry.event {
        case let .actionAdded(_, id, _, _, _, dueDay):
            status[id] = .notStarted
            due[id] = dueDay
        case let .actionUpdated(on, id, reported, note):
            let previous = status[id] ?? .notStarted
            status[id] = reported
            guard new else { return }
            let (title, stream) = titleAndStream(id)
            switch reported {
            case .complete:
                completed[id] = ActionCompletion(id: id, title: title, workstream: stream, on: on, due: due[id])
            case .atRisk, .offTrack:
                guard SinceLastVisit.severity(reported) > SinceLastVisit.severity(previous) else { return }
                slipped.append(ActionSlip(id: id, title: title, workstream: stream, on: on,
                                          kind: reported == .atRisk ? .reportedAtRisk : .reportedOffTrack,
                                          from: nil, to: nil, reason: note))
            case .notStarted, .onTrack:
                completed[id] = nil
            }
        case let .actionRetargeted(on, id, newDue, reason, _):
            let previous = due[id]
            due[id] = newDue
            guard new, previous.map({ newDue > $0 }) ?? true else { return }
            let (title, stream) = titleAndStream(id)
            slipped.append(ActionSlip(id: id, title: title, workstream: stream, on: on, kind: .retargeted,
                                      from: previous, to: newDue, reason: reason))
        case let .evidenceAdded(item):
            if new { evidence.append(item) }
        case let .measureRecorded(on, id, value):
            if new { readings[id, default: [:]][on] = value }
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld,
             .revisitReported, .monitoringCeased, .partnerRenamed, .workstreamAdded, .measureAdded:
            return
        }
    }

    /// The changes, once every entry has been added.
    func result() -> SinceLastVisit {
        SinceLastVisit.assemble(plan: plan, baseline: baseline, asOf: asOf, completed: Array(completed.values),
                                slipped: slipped, evidence: evidence, readings: readings)
    }

    /// Notes the baseline's line when `entry` is it.
    private mutating func recognise(_ entry: JournalEntry) {
        switch (baseline.kind, entry.event) {
        case (.visit, .monitoringVisitHeld):
            visitLines += 1
            guard visitLines == plan.visits.last?.number else { return }
        case let (.fitForPurpose, .statementJudged(on, true, _)):
            guard on == baseline.on else { return }
        default:
            return
        }
        baseline = SinceBaseline(kind: baseline.kind, visit: baseline.visit, on: baseline.on, seq: entry.seq)
        finding = false
    }

    /// The action's title and workstream, or empty for an action the plan does not have.
    private func titleAndStream(_ id: String) -> (String, String) {
        guard let index = plan.actionIndex(id) else { return ("", "") }
        return (plan.actions[index].title, plan.actions[index].workstream)
    }
}
