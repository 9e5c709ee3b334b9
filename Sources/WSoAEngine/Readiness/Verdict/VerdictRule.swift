/// The rule that turns a weakness's record into a verdict, in one place: the thresholds the
/// engine applies and the sentences every report prints as "how this is judged" (and
/// DESIGN.md repeats), so what is applied and what is stated cannot drift apart.
///
/// Every signal the record holds becomes a reason, weighed as a *serious concern*, a
/// *concern* or a *strength*:
///
/// - **Impact on children and families.** Impact evidence and voice evidence dated in the last
///   6 months: none of either is serious. Measures against their trajectory (the straight line
///   from baseline to target) with a reading in the last 6 months: no measure at all is
///   serious; fewer than a third on or ahead of it (or at target) is serious; fewer than two
///   thirds is a concern.
/// - **Sustainability.** The advisers' latest rating: red is serious, amber a concern, none yet
///   a concern. A rating worse than the one before is a concern. No measure improving over its
///   last six months of readings (or held at target) is a concern, and so is impact evidence
///   in fewer than two calendar quarters of the last 12 months.
/// - **Delivery.** No action at all is serious; of the actions due by now, fewer than half
///   complete is serious and fewer than four in five a concern; overdue actions are one concern, however many, naming the
///   most late; each follow-up agreed at a visit and overdue is a concern.
///
/// Verdict: two or more serious concerns, *not yet sufficient*; one, or three or more concerns,
/// *at risk*; otherwise *likely sufficient*. So one late action among many is a reason, not a
/// collapse, and a weakness the advisers rate red is never likely sufficient.
public enum VerdictRule {
    /// Below this share of measures on their trajectory, the measures are a serious concern.
    public static let measuresSeriousShare = 1.0 / 3.0
    /// Below this share of measures on their trajectory, the measures are a concern.
    public static let measuresConcernShare = 2.0 / 3.0
    /// Below this share of the actions due by now complete, delivery is a serious concern.
    public static let deliverySeriousShare = 0.5
    /// Below this share of the actions due by now complete, delivery is a concern.
    public static let deliveryConcernShare = 0.8
    /// How many calendar months back "impact in different quarters" looks.
    public static let quartersWindowMonths = 12
    /// How many different quarters of that window must hold impact evidence.
    public static let impactQuarters = 2
    /// Serious concerns that make a weakness not yet sufficient.
    public static let seriousForNotYet = 2
    /// Concerns (not serious) that make a weakness at risk on their own.
    public static let concernsForAtRisk = 3

    /// The verdict for reasons weighed as the rule says.
    public static func sufficiency(_ reasons: [VerdictReason]) -> Sufficiency {
        let serious = reasons.filter { $0.weight == .serious }.count
        let concerns = reasons.filter { $0.weight == .concern }.count
        if serious >= seriousForNotYet { return .notYetSufficient }
        if serious == 1 || concerns >= concernsForAtRisk { return .atRisk }
        return .likelySufficient
    }

    /// The rule as the report states it for a plan under `framework`, one sentence a line, in
    /// the order applied: the 2023 framework's findings are areas, judged at a monitoring
    /// inspection, not weaknesses judged at a revisit.
    public static func statement(for framework: Framework) -> [String] {
        switch framework {
        case .send2016: return statement
        case .areaSEND2023: return statement2023
        }
    }

    /// The 2023 framework's wording of ``statement``.
    static let statement2023: [String] = [
        "Every signal the record holds for an area is weighed as a serious concern, a concern or a strength, and listed in the order inspectors weigh them: impact on children and families, then sustainability, then delivery.",
        statement[1], statement[2], statement[3],
        "Likely sufficient: no serious concern and at most two concerns. At risk: one serious concern, or three or more concerns. Not yet sufficient: two or more serious concerns. One late action among many is therefore a reason, not a collapse, and an area the advisers rate red is never likely sufficient.",
        "An area for priority action the monitoring inspection found effective action on is likely sufficient with nothing left to weigh. Ready for the monitoring inspection: every area for priority action is likely sufficient (the areas for improvement are shown beside them, for the next full inspection); after it, ready for the next full inspection: every area is likely sufficient. The next steps are the serious concerns and then the concerns, in that order, each with its owner and date as far as the record gives them.",
    ]

    /// The rule as the report states it for a 2016 plan, one sentence a line, in the order applied.
    public static let statement: [String] = [
        "Every signal the record holds for a weakness is weighed as a serious concern, a concern or a strength, and listed in the order inspectors weigh them: impact on children and families, then sustainability, then delivery.",
        "Impact on children and families: no impact evidence dated in the last 6 months is a serious concern, and so is no voice evidence. Of its measures, those read in the last 6 months and on or ahead of the straight line from baseline to target (or at target) count as on trajectory: no measure at all, or fewer than a third on trajectory, is a serious concern; fewer than two thirds is a concern.",
        "Sustainability: the advisers’ latest rating red is a serious concern, amber or no rating yet a concern; a rating worse than the one before is a concern; no measure improving over its last six months of readings (or held at target) is a concern, and so is impact evidence in fewer than 2 calendar quarters of the last 12 months.",
        "Delivery: no action recorded at all is a serious concern; of the actions due by now, fewer than half complete is a serious concern and fewer than four in five a concern; overdue actions are one concern however many, naming the most late; each follow-up agreed at a visit that is overdue is a concern.",
        "Likely sufficient: no serious concern and at most two concerns. At risk: one serious concern, or three or more concerns. Not yet sufficient: two or more serious concerns. One late action among many is therefore a reason, not a collapse, and a weakness the advisers rate red is never likely sufficient.",
        "A weakness inspectors judged sufficient at the revisit is likely sufficient with nothing left to weigh. Ready (for the revisit, or after it for the end of monitoring): every weakness still monitored is likely sufficient. The next steps are the serious concerns and then the concerns, in that order, each with its owner and date as far as the record gives them.",
    ]
}
