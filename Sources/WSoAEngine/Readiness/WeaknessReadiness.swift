/// One area of significant weakness on the evidence ladder at the as-of day, with everything
/// its section of the report shows.
public struct WeaknessReadiness: Hashable, Sendable {
    /// The weakness, as the plan holds it (statement verbatim, revisit outcome, monitored).
    public let weakness: Weakness
    /// The highest rung whose test holds together with every rung below it.
    public let rung: Rung
    /// Each rung's test, bottom first: `delivering`, `impactEvidenced`, `impactSustained`.
    public let checks: [RungCheck]
    /// The workstreams that address it, in plan order.
    public let workstreams: [WorkstreamSummary]
    /// Its workstreams' actions, counted.
    public let actions: ActionTally
    /// Its overdue actions, most late first.
    public let overdue: [OverdueAction]
    /// Its workstreams' measures, in id order.
    public let measures: [MeasureStanding]
    /// Its evidence (tagged with it, or untagged from a workstream addressing it).
    public let evidence: EvidenceSummary
    /// Every monitoring visit's rating of it, oldest first.
    public let ratings: [VisitRating]
    /// The follow-ups agreed at visits that concern it (tagged with it, or with no weakness), in id order.
    public let followUps: [FollowUpStanding]
    /// The answer to the board's question: likely sufficient, at risk or not yet sufficient, and why.
    public let verdict: WeaknessVerdict

    /// Every reason it is not higher: the unmet conditions of each rung above the one reached,
    /// bottom rung first.
    public var reasons: [ReadinessReason] {
        checks.filter { $0.rung > rung }.flatMap(\.reasons)
    }

    /// The latest rating, if any visit rated it.
    public var latestRating: VisitRating? { ratings.last }

    /// The check for `rung` (nil for `notYetDelivering`).
    public func check(_ rung: Rung) -> RungCheck? {
        checks.first { $0.rung == rung }
    }

    /// Assesses `weakness` of `plan` at `asOf` on the evidence
    /// ladder (DESIGN.md §7, read precisely as ``Ladder`` says) and by ``VerdictRule``, due
    /// dates kept by the working days of `calendar`; `summaries` are the plan's workstreams
    /// (``WorkstreamSummary/all(in:asOf:calendar:)``), `followUps` the plan's, and
    /// `nextVisitDue` the day next steps without a date of their own aim at.
    public init(_ weakness: Weakness, in plan: Plan, asOf: Day, calendar: WorkingCalendar,
                workstreams summaries: [WorkstreamSummary], followUps: [FollowUpStanding], nextVisitDue: Day?) {
        self.weakness = weakness
        // Its actions and measures are its workstreams', already worked out once for the plan.
        let own = summaries.filter { $0.workstream.addresses.contains(weakness.id) }
        workstreams = own
        let streams = own.map(\.workstream)
        let streamIDs = Set(streams.map(\.id))
        let actionItems = own.flatMap(\.actionItems).sorted { $0.id.idNumber < $1.id.idNumber }
        let tally = ActionTally(actionItems, asOf: asOf, calendar: calendar)
        actions = tally
        let overdue = own.flatMap(\.overdue).sorted(by: OverdueAction.precedes)
        self.overdue = overdue
        let measures = own.flatMap(\.measures).sorted { $0.measure.id.idNumber < $1.measure.id.idNumber }
        self.measures = measures
        let summary = EvidenceSummary(plan.evidence, asOf: asOf, weakness: weakness.id, workstreams: streamIDs)
        evidence = summary
        let ratings = VisitRating.history(of: weakness.id, in: plan.standingVisits, asOf: asOf)
        self.ratings = ratings
        let concerning = followUps.filter { $0.followUp.concerns(weakness.id) }
        self.followUps = concerning
        if let judged = weakness.judged, judged.outcome == .sufficient {
            // Inspectors (at a revisit, a further revisit or a monitoring inspection) or DfE/NHS
            // England (at a formal review) have answered the question for this weakness: nothing is left to weigh.
            let who = judged.occasion == .review ? "DfE and NHS England" : "Inspectors"
            let signal: String
            switch judged.occasion {
            case .revisit, .furtherRevisit: signal = "revisitJudgement"
            case .review: signal = "reviewJudgement"
            case .monitoringInspection: signal = "monitoringInspectionJudgement"
            }
            verdict = WeaknessVerdict(reasons: [VerdictReason(
                .impact, .strength, signal: signal,
                text: "\(who) judged \(judged.description).")])
        } else {
            verdict = WeaknessVerdict(reasons: VerdictSignals(
                weakness: weakness.id, workstreams: streams, actions: actionItems, overdue: overdue, measures: measures,
                evidence: summary, ratings: ratings, followUps: concerning, nextVisitDue: nextVisitDue, asOf: asOf).reasons)
        }

        let checks = [
            WeaknessReadiness.delivering(weakness, streams: streams, actions: actionItems, tally: tally, overdue: overdue),
            WeaknessReadiness.impactEvidenced(weakness, measures: measures, evidence: summary, asOf: asOf),
            WeaknessReadiness.impactSustained(weakness, measures: measures, evidence: summary),
        ]
        self.checks = checks
        var reached = Rung.notYetDelivering
        for check in checks {
            guard check.met else { break }
            reached = check.rung
        }
        rung = reached
    }
}
