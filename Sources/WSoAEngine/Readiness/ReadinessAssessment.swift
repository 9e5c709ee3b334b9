/// A plan's revisit readiness at an as-of day: the paper the SEN strategic group reads before
/// a revisit and after each monitoring visit (DESIGN.md §7, issue 5).
///
/// Pure: made from values (the plan folded at the as-of day with its delivery record, the
/// as-of day, the working calendar and the record facts) with no I/O and no clock, so the same
/// journal and day always give an equal assessment, and every rendering of it is
/// byte-for-byte repeatable.
public struct ReadinessAssessment: Hashable, Sendable {
    /// The plan id.
    public let planID: String
    /// The local area.
    public let area: String
    /// The inspection framework.
    public let framework: Framework
    /// The phase at the as-of day.
    public let phase: Phase
    /// The partners' names in force at the as-of day, with their renames so far.
    public let partners: Partners
    /// The inspection and its letter.
    public let inspection: Inspection
    /// The day the statement was first judged fit for purpose.
    public let fitForPurpose: Day?
    /// Which of the plan's key dates were recorded as estimates: `inspection`, `letter`,
    /// `fit`, `revisit`, `ceased`.
    public let estimatedFacts: Set<String>
    /// The revisit, once reported.
    public let revisit: Revisit?
    /// What happened after the revisit: the accelerated progress plan, its reviews, releases
    /// and escalations.
    public let endOfMonitoring: EndOfMonitoring
    /// What a 2023 plan has recorded since its report (empty lines for a 2016 plan).
    public let areaSEND: AreaSENDRecord
    /// The day monitoring ceased.
    public let ceased: Day?
    /// The latest monitoring visit on or before the as-of day.
    public let latestVisit: MonitoringVisit?
    /// The day the assessment describes.
    public let asOf: Day
    /// The first day of "the last 6 months".
    public let recentFrom: Day
    /// The working-day calendar the clocks were counted in (its name, for the record).
    public let calendarName: String
    /// Each weakness on the ladder, in the letter's order.
    public let weaknesses: [WeaknessReadiness]
    /// Every workstream, in plan order, each once however many weaknesses it addresses.
    public let workstreams: [WorkstreamSummary]
    /// The plan's readiness: the lowest rung among the weaknesses still monitored (or among
    /// all of them once none is); nil when the plan has no weaknesses.
    public let overall: Rung?
    /// The weaknesses that hold the plan at `overall`, in the letter's order.
    public let overallHeldBy: [String]
    /// The answer to the board's question: ready or not ready, and which weaknesses hold it back.
    public let verdict: PlanVerdict
    /// The plan's clocks at the as-of day.
    public let clocks: [Clock]
    /// What the board should decide or chase.
    public let decisions: BoardDecisions
    /// What changed since the last monitoring visit.
    public let since: SinceLastVisit
    /// The journal's head, line count and lines in view.
    public let record: RecordFacts

    /// Assesses `plan`, folded at `asOf` with its delivery `record`, under the `facts` that tie
    /// it to its journal.
    public init(plan: Plan, record: DeliveryRecord, asOf: Day, calendar: WorkingCalendar, facts: RecordFacts) {
        planID = plan.id
        area = plan.area
        framework = plan.framework
        phase = plan.phase
        partners = plan.partners
        inspection = plan.inspection
        fitForPurpose = plan.fitForPurpose
        var estimated: Set<String> = []
        if plan.isEstimated(line: 1, "visit") { estimated.insert("inspection") }
        if plan.isEstimated(line: plan.lifecycleLine(of: plan.framework == .send2016 ? .letterPublished : .reportPublished) ?? 0, "on") {
            estimated.insert("letter")
        }
        if let fit = plan.judgements.first(where: \.fit), plan.isEstimated(line: fit.line, "on") { estimated.insert("fit") }
        if let line = plan.lifecycleLine(of: .revisitReported), plan.isEstimated(line: line, "on") || plan.isEstimated(line: line, "visited") {
            estimated.insert("revisit")
        }
        if plan.isEstimated(line: plan.lifecycleLine(of: .monitoringCeased) ?? 0, "on") { estimated.insert("ceased") }
        estimatedFacts = estimated
        revisit = plan.revisit
        endOfMonitoring = EndOfMonitoring(plan)
        areaSEND = AreaSENDRecord(plan)
        ceased = plan.ceased
        latestVisit = plan.standingVisits.last { $0.on <= asOf }
        self.asOf = asOf
        recentFrom = Ladder.recentFrom(asOf)
        calendarName = calendar.name
        let clocks = plan.clocks(asOf: asOf, calendar: calendar)
        let followUps = FollowUpStanding.all(in: plan, asOf: asOf, calendar: calendar)
        // Steps with no date of their own aim at the next monitoring visit, unless it is already overdue.
        let nextVisitDue = clocks.first { $0.name == .monitoringVisit && $0.met == nil && $0.due >= asOf }?.due
        let workstreams = WorkstreamSummary.all(in: plan, asOf: asOf, calendar: calendar)
        self.workstreams = workstreams
        let weaknesses = plan.weaknesses.map {
            WeaknessReadiness($0, in: plan, asOf: asOf, calendar: calendar, workstreams: workstreams,
                              followUps: followUps, nextVisitDue: nextVisitDue)
        }
        self.weaknesses = weaknesses
        let weighed = PlanVerdict.weighed(weaknesses, phase: plan.phase)
        let considered = weighed.isEmpty ? weaknesses : weighed
        let lowest = considered.map(\.rung).min()
        overall = lowest
        overallHeldBy = considered.filter { $0.rung == lowest }.map(\.weakness.id)
        self.clocks = clocks
        verdict = PlanVerdict(weaknesses: weaknesses, phase: plan.phase, awaiting: ReadinessAssessment.awaited(in: plan),
                              framework: plan.framework)
        decisions = BoardDecisions(plan: plan, weaknesses: weaknesses, clocks: clocks, asOf: asOf, calendar: calendar)
        since = SinceLastVisit(plan: plan, record: record, asOf: asOf, calendar: calendar)
        self.record = facts
    }

    /// What the plan is getting ready for: the revisit, a formal review of its accelerated
    /// progress plan (or a further revisit, when directed), or the end of monitoring; under the
    /// 2023 framework, the monitoring inspection or the next full inspection.
    static func awaited(in plan: Plan) -> String {
        if plan.framework == .areaSEND2023 {
            return PlanVerdict.awaitsMonitoringInspection(plan.phase) ? "the monitoring inspection" : "the next full inspection"
        }
        if plan.phase == .acceleratedProgress {
            return plan.directedRevisitAwaited == nil ? "the next formal review" : "the further revisit"
        }
        return plan.revisit == nil ? "the revisit" : "the end of monitoring"
    }

    /// The weaknesses the report takes one by one: in an accelerated progress plan, those still
    /// monitored; otherwise all.
    public var shown: [WeaknessReadiness] {
        phase == .acceleratedProgress ? weaknesses.filter(\.weakness.monitored) : weaknesses
    }

    /// The weaknesses an accelerated progress plan's report lists only briefly, as already
    /// released from monitoring.
    public var alreadyReleased: [Weakness] {
        phase == .acceleratedProgress ? weaknesses.map(\.weakness).filter { !$0.monitored } : []
    }

    /// What the report calls each thing it assesses: "weakness", or under the 2023 framework "area".
    public var findingNoun: String { framework == .send2016 ? "weakness" : "area" }

    /// The heading over the findings: "Areas of significant weakness", "Areas for priority
    /// action and for improvement" or "Areas for improvement".
    public var findingsHeading: String {
        let kinds = FindingKind.allCases.filter { kind in weaknesses.contains { $0.weakness.kind == kind } }
        switch (framework, kinds) {
        case (.send2016, _): return "Areas of significant weakness"
        case (.areaSEND2023, [.priorityAction, .improvement]): return "Areas for priority action and for improvement"
        case (.areaSEND2023, _): return ReportText.capitalised(kinds.first?.pluralName ?? "areas for improvement")
        }
    }

    /// The name in force for `role` and the day it took effect, when it was a rename.
    public func partner(_ role: PartnerRole) -> (name: String, since: Day?)? {
        guard let name = partners.name(role) else { return nil }
        return (name, partners.renames.last { $0.role == role && $0.on <= asOf }?.on)
    }
}
