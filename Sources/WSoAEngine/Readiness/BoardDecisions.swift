/// What the SEN strategic group has to decide or chase at this meeting.
///
/// Overdue actions, measures off their straight line, monitored weaknesses with no impact or
/// voice evidence in the last 6 months, and plan clocks due soon or overdue. Once monitoring
/// has ended (a final phase) there is nothing left to decide and every list is empty.
public struct BoardDecisions: Hashable, Sendable {
    /// Every overdue action in the plan, most late first.
    public let overdueActions: [OverdueAction]
    /// Every measure whose latest reading is below its straight line, in id order.
    public let offTrackMeasures: [MeasureStanding]
    /// Monitored weaknesses missing recent impact or voice evidence, in weakness order.
    public let evidenceGaps: [EvidenceGap]
    /// Plan clocks due within 10 working days or overdue.
    public let clocks: [Clock]
    /// Follow-ups agreed at visits and still open, by visit, then by due date.
    public let openFollowUps: [FollowUpStanding]
    /// Whether the plan is in a final phase, so nothing is asked of the board.
    public let monitoringEnded: Bool
    /// How many of the plan's measures have a reading to judge, so "none off track" can be
    /// told apart from "nothing to judge yet".
    public let measuresWithReadings: Int

    /// Whether there is nothing to decide.
    public var isEmpty: Bool {
        overdueActions.isEmpty && offTrackMeasures.isEmpty && evidenceGaps.isEmpty && clocks.isEmpty && openFollowUps.isEmpty
    }

    /// The decisions for `plan` at `asOf`, given its weaknesses' readiness and its clocks, due
    /// dates kept by the working days of `calendar`.
    public init(plan: Plan, weaknesses: [WeaknessReadiness], clocks: [Clock], asOf: Day, calendar: WorkingCalendar) {
        monitoringEnded = plan.phase.isFinal
        measuresWithReadings = plan.measures.filter { $0.readings.contains { $0.on <= asOf } }.count
        guard !monitoringEnded else {
            overdueActions = []
            offTrackMeasures = []
            evidenceGaps = []
            self.clocks = []
            openFollowUps = []
            return
        }
        overdueActions = OverdueAction.all(in: plan.standingActions, asOf: asOf, calendar: calendar)
        offTrackMeasures = plan.measures.map { MeasureStanding($0, asOf: asOf) }.filter { $0.onTrack == false }
        // A weakness judged sufficient and awaiting release needs no more evidence.
        evidenceGaps = weaknesses.filter { $0.weakness.monitored && $0.weakness.outcome != .sufficient }.compactMap { readiness in
            let missing = [EvidenceKind.impact, .voice].filter { readiness.evidence.count($0).recent == 0 }
            guard !missing.isEmpty else { return nil }
            return EvidenceGap(weakness: readiness.weakness.id, missing: missing,
                               latestImpact: readiness.evidence.latestImpact?.on, latestVoice: readiness.evidence.latestVoice?.on)
        }
        openFollowUps = FollowUpStanding.all(in: plan, asOf: asOf, calendar: calendar).filter(\.isOpen)
            .sorted { ($0.followUp.visit.idNumber, $0.clock.due, $0.followUp.id.idNumber)
                < ($1.followUp.visit.idNumber, $1.clock.due, $1.followUp.id.idNumber) }
        self.clocks = clocks.filter { clock in
            switch clock.state {
            case .dueSoon, .overdue: return true
            case .pending, .met: return false
            }
        }
    }
}
