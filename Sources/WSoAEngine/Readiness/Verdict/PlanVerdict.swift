/// The plan's answer to the board's question: ready or not ready for what comes next (the
/// revisit, or after it the end of monitoring), in one sentence naming the weaknesses that
/// hold it back.
public struct PlanVerdict: Hashable, Sendable {
    /// Ready or not ready. The raw values are the JSON report's names and never change.
    public enum Answer: String, Sendable, Hashable {
        /// Every weakness still monitored is likely sufficient.
        case ready
        /// At least one is at risk or not yet sufficient, or there is nothing to assess.
        case notReady
    }

    /// Ready or not ready.
    public let answer: Answer
    /// The answer in one sentence, naming the weaknesses holding it back.
    public let sentence: String
    /// The weaknesses holding it back: not yet sufficient first, then at risk, each in the letter's order.
    public let holdingBack: [String]

    /// The weaknesses a verdict weighs in `phase`: in an accelerated progress plan those still
    /// in it (when any is), otherwise those still monitored; empty when none is.
    static func weighed(_ weaknesses: [WeaknessReadiness], phase: Phase) -> [WeaknessReadiness] {
        // 2023: before the monitoring inspection only the areas for priority action are judged.
        if awaitsMonitoringInspection(phase) { return weaknesses.filter { $0.weakness.kind == .priorityAction } }
        let inPlan = weaknesses.filter(\.weakness.inAcceleratedProgressPlan)
        return phase == .acceleratedProgress && !inPlan.isEmpty ? inPlan : weaknesses.filter(\.weakness.monitored)
    }

    /// Whether a 2023 plan in `phase` is getting ready for its monitoring inspection, which
    /// judges only the areas for priority action.
    static func awaitsMonitoringInspection(_ phase: Phase) -> Bool {
        switch phase {
        case .priorityActionPlanDue, .priorityActionPlanUnderReview, .monitoringInspectionAwaited: return true
        case .inspected, .noStatementRequired, .statementDue, .statementUnderReview, .monitoring, .cessationRecommended,
             .acceleratedProgress, .strategicPlanDue, .nextInspectionAwaited, .closed:
            return false
        }
    }

    /// The verdict over `weaknesses` for `awaiting`, what comes next ("the revisit", "the next
    /// formal review", "the end of monitoring"): in an accelerated progress plan, those still in
    /// it; otherwise those still monitored; or all of them once none is.
    public init(weaknesses: [WeaknessReadiness], phase: Phase, awaiting event: String, framework: Framework = .send2016) {
        let inPlan = weaknesses.filter(\.weakness.inAcceleratedProgressPlan)
        let monitored = PlanVerdict.weighed(weaknesses, phase: phase)
        let considered = monitored.isEmpty ? weaknesses : monitored
        func ids(_ answer: Sufficiency) -> [String] {
            considered.filter { $0.verdict.answer == answer }.map(\.weakness.id)
        }
        let notYet = ids(.notYetSufficient), atRisk = ids(.atRisk), likely = ids(.likelySufficient)
        switch phase {
        case .closed, .noStatementRequired:
            // Nothing is awaited: say so rather than answer a question nobody is asking.
            answer = .notReady
            holdingBack = []
            sentence = phase == .closed ? framework == .areaSEND2023
                ? "The plan has closed, so there is no inspection to be ready for; this paper is the record."
                : "Monitoring has ended, so there is no revisit or review to be ready for; this paper is the record."
                : "No written statement of action was required, so there is no revisit to be ready for."
            return
        case .inspected, .statementDue, .statementUnderReview, .monitoring, .cessationRecommended, .acceleratedProgress, .strategicPlanDue, .priorityActionPlanDue, .priorityActionPlanUnderReview, .monitoringInspectionAwaited, .nextInspectionAwaited:
            break
        }
        holdingBack = notYet + atRisk
        guard !considered.isEmpty else {
            answer = .notReady
            sentence = "Not ready for \(event): there are no \(framework == .send2016 ? "areas of significant weakness" : "areas for priority action or improvement") recorded to assess."
            return
        }
        if let kind = considered.first?.weakness.kind, kind != .significantWeakness {
            // 2023: every area a report names stays until the next full inspection, so there is no
            // "still monitored"; the verdict names the kind of area it weighs.
            let kinds = Set(considered.map(\.weakness.kind))
            let noun = kinds.count > 1 ? "area" : kind.displayName
            guard !holdingBack.isEmpty else {
                answer = .ready
                let every = considered.count == 1 ? "its one \(noun), \(likely[0]), is" : "every \(noun) (\(ReportText.list(likely))) is"
                sentence = "Ready for \(event): \(every) likely sufficient."
                return
            }
        }
        let scope = monitored.isEmpty && considered.first?.weakness.kind == .significantWeakness
            ? " (no weakness is still monitored, so all are counted)" : ""
        guard !holdingBack.isEmpty else {
            answer = .ready
            let every: String
            if considered.count == 1 {
                every = "\(weaknesses.count == 1 ? "its one weakness" : inPlan == monitored ? "the one weakness still in the accelerated progress plan" : "the one weakness still monitored"), \(likely[0]),"
            } else {
                every = "every weakness\(monitored.isEmpty || monitored.count == weaknesses.count ? "" : inPlan == monitored ? " still in the accelerated progress plan" : " still monitored") (\(ReportText.list(likely)))"
            }
            sentence = "Ready for \(event): \(every) is likely sufficient\(scope)."
            return
        }
        answer = .notReady
        func clause(_ group: [String], _ answer: Sufficiency) -> String? {
            group.isEmpty ? nil : "\(ReportText.list(group)) \(group.count == 1 ? "is" : "are") \(answer.words)"
        }
        let holding = [clause(notYet, .notYetSufficient), clause(atRisk, .atRisk)].compactMap { $0 }.joined(separator: ", and ")
        let rest = clause(likely, .likelySufficient).map { "; \($0)" } ?? ""
        sentence = "Not ready for \(event): \(holding)\(rest)\(scope)."
    }
}
