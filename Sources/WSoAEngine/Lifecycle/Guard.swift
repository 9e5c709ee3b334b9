/// A named rule an event must pass before it is written (DESIGN.md §5).
///
/// The raw value is the rule's name as refusals print it, so an officer can look the rule up.
public enum Guard: String, Sendable, CaseIterable {
    /// Lifecycle dates never go backwards.
    case datesInOrder = "dates-in-order"
    /// The outcome letter (and its receipt) come on or after the visit's last day.
    case letterAfterVisit = "letter-after-visit"
    /// A letter requiring a statement names at least one weakness; one requiring none names none.
    case statementNamesWeakness = "statement-names-a-weakness"
    /// The revisit comes after the statement was judged fit, and its letter after the visit.
    case revisitAfterFitForPurpose = "revisit-after-fit-for-purpose"
    /// A revisit judges every open weakness exactly once, and nothing else.
    case revisitJudgesEveryWeakness = "revisit-judges-every-weakness"

    /// What is missing for `event` to pass this rule on `plan`, or nil when it passes.
    ///
    /// The text completes the sentence "Rule R refuses E for P: …".
    public func unmet(by event: PlanEvent, in plan: Plan) -> String? {
        switch self {
        case .datesInOrder:
            guard event.on < plan.lastLifecycleDay else { return nil }
            return "its date \(event.on) is before \(plan.lastLifecycleDay), the date of the last lifecycle event (\(plan.lastLifecycleEvent.rawValue))"
        case .letterAfterVisit:
            guard case let .letterPublished(on, received, _, _, _) = event else { return nil }
            let visitEnd = plan.inspection.visit.end
            if on < visitEnd {
                return "the letter date \(on) is before the inspection visit ended on \(visitEnd)"
            }
            if let received, received < visitEnd {
                return "the received date \(received) is before the inspection visit ended on \(visitEnd)"
            }
            return nil
        case .statementNamesWeakness:
            guard case let .letterPublished(_, _, required, weaknesses, _) = event else { return nil }
            if required && weaknesses.isEmpty {
                return "a letter requiring a written statement of action must name at least one area of significant weakness (--weakness)"
            }
            if !required && !weaknesses.isEmpty {
                return "a letter requiring no written statement of action cannot name areas of significant weakness"
            }
            return nil
        case .revisitAfterFitForPurpose:
            guard case let .revisitReported(on, visited, _, _) = event else { return nil }
            if on < visited.end {
                return "the revisit letter date \(on) is before the revisit ended on \(visited.end)"
            }
            if let fit = plan.fitForPurpose, visited.start < fit {
                return "the revisit started on \(visited.start), before the statement was judged fit for purpose on \(fit)"
            }
            return nil
        case .revisitJudgesEveryWeakness:
            guard case let .revisitReported(_, _, outcomes, _) = event else { return nil }
            let open = plan.weaknesses.filter { $0.outcome == .open }.map(\.id)
            let unknown = outcomes.keys.filter { !open.contains($0) }.sorted()
            if !unknown.isEmpty {
                let known = plan.weakness(unknown[0]) != nil
                return known
                    ? "\(unknown[0]) has already been judged"
                    : "\(unknown[0]) is not one of the plan's weaknesses (\(open.joined(separator: ", ")))"
            }
            if let undecided = outcomes.first(where: { $0.value == .open }) {
                return "\(undecided.key) must be judged sufficient or insufficient"
            }
            let unjudged = open.filter { outcomes[$0] == nil }
            if !unjudged.isEmpty {
                return "no judgement was given for \(unjudged.joined(separator: ", ")) (use --sufficient or --insufficient)"
            }
            return nil
        }
    }
}
