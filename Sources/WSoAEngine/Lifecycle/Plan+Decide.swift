extension Plan {
    /// Checks a command against the plan and returns the events to record, or throws a
    /// `WSoAError.refused` naming the rule and what is missing.
    ///
    /// `plan` is nil only for `create`. The store calls this under the plan's lock with the
    /// freshly read plan, so the decision and the write see the same journal.
    public static func decide(_ command: PlanCommand, on plan: Plan?) throws -> [PlanEvent] {
        if case let .create(created) = command {
            try PlanID.validate(created.id)
            if let plan { throw WSoAError.planExists(id: plan.id) }
            guard !created.area.isBlank else {
                throw WSoAError.invalidValue(option: "--area", value: created.area, reason: "the area's name is empty")
            }
            return [.planCreated(created.trimmed)]
        }
        guard let plan else { throw WSoAError.refused(rule: "plan-exists", plan: "a plan that does not exist", event: command.eventType.rawValue, reason: "there is no plan to record it in") }
        let event = try plan.event(for: command)
        if plan.phase.isFinal {
            throw WSoAError.refused(rule: "final-phase", plan: plan.id, event: event.type.rawValue,
                                    reason: "the plan is \(plan.phase.rawValue), a final phase, so nothing more can be recorded")
        }
        guard let transition = Lifecycle.transition(from: plan.phase, for: event) else {
            throw WSoAError.refused(rule: "lifecycle", plan: plan.id, event: event.type.rawValue,
                                    reason: plan.phaseMismatch(for: event.type))
        }
        for rule in transition.guards {
            if let unmet = rule.unmet(by: event, in: plan) {
                throw WSoAError.refused(rule: rule.rawValue, plan: plan.id, event: event.type.rawValue, reason: unmet)
            }
        }
        return [event]
    }

    /// Why an event cannot be recorded in the current phase: which phases would accept it.
    func phaseMismatch(for type: EventType) -> String {
        let phases = Lifecycle.phases(accepting: type).map(\.rawValue)
        return "it needs the plan to be \(phases.joined(separator: " or ")), and the plan is \(phase.rawValue)"
    }

    /// The event a command asks for, normalised (trimmed text, judgements by weakness id).
    private func event(for command: PlanCommand) throws -> PlanEvent {
        switch command {
        case let .create(created):
            return .planCreated(created.trimmed)
        case let .publishLetter(on, received, required, weaknesses, note):
            let statements = weaknesses.map { $0.collapsingWhitespace }.filter { !$0.isEmpty }
            return .letterPublished(on: on, received: received, statementRequired: required,
                                    weaknesses: statements, note: note.trimmedNote)
        case let .submit(on, note):
            return .statementSubmitted(on: on, note: note.trimmedNote)
        case let .judge(on, fit, note):
            return .statementJudged(on: on, fit: fit, note: note.trimmedNote)
        case let .holdMonitoringVisit(on, advisers, note):
            return .monitoringVisitHeld(on: on, advisers: advisers.map(\.collapsingWhitespace).filter { !$0.isEmpty },
                                        note: note.trimmedNote)
        case let .reportRevisit(on, visited, sufficient, insufficient, note):
            var outcomes: [String: WeaknessOutcome] = [:]
            let judged = sufficient.map { ($0, WeaknessOutcome.sufficient) } + insufficient.map { ($0, WeaknessOutcome.insufficient) }
            for (id, outcome) in judged {
                if outcomes[id] != nil {
                    throw WSoAError.refused(rule: Guard.revisitJudgesEveryWeakness.rawValue, plan: self.id,
                                            event: EventType.revisitReported.rawValue,
                                            reason: "\(id) is judged more than once")
                }
                outcomes[id] = outcome
            }
            return .revisitReported(on: on, visited: visited, outcomes: outcomes, note: note.trimmedNote)
        case let .cease(on, note):
            return .monitoringCeased(on: on, note: note.trimmedNote)
        }
    }
}

extension PlanCommand {
    /// The type of event this command would record.
    var eventType: EventType {
        switch self {
        case .create: return .planCreated
        case .publishLetter: return .letterPublished
        case .submit: return .statementSubmitted
        case .judge: return .statementJudged
        case .holdMonitoringVisit: return .monitoringVisitHeld
        case .reportRevisit: return .revisitReported
        case .cease: return .monitoringCeased
        }
    }
}

extension PlanEvent.PlanCreated {
    /// The same facts with surrounding whitespace removed from every name.
    var trimmed: Self {
        var copy = self
        copy.area = area.collapsingWhitespace
        copy.partners = Partners(la: partners.la.trimmedNote, health: partners.health.trimmedNote)
        copy.note = note.trimmedNote
        return copy
    }
}
