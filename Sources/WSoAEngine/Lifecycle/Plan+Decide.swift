extension Plan {
    /// Checks a command against the plan and returns the events to record, or throws a
    /// `WSoAError.refused` naming the rule and what is missing.
    ///
    /// `plan` is nil only for `create`. The store calls this under the plan's lock with the
    /// freshly read plan, so the decision and the write see the same journal.
    ///
    /// Free text is checked for what looks like a child's NHS number, unique pupil number or an
    /// email address (rule `personal-data`) unless `allowingPersonalData` is set, because notes
    /// and evidence go to boards and local-offer websites.
    public static func decide(_ command: PlanCommand, on plan: Plan?, allowingPersonalData: Bool = false) throws -> [PlanEvent] {
        let event = try decideEvent(command, on: plan)
        if !allowingPersonalData, let finding = PersonalDataScanner.findings(in: event.textFields).first {
            throw WSoAError.refused(
                rule: "personal-data", plan: plan?.id ?? event.planID, event: event.type.rawValue,
                reason: "\(finding.description) looks like personal data that could identify a child or family; remove it, or give --allow-personal-data if it must be kept")
        }
        return [event]
    }

    private static func decideEvent(_ command: PlanCommand, on plan: Plan?) throws -> PlanEvent {
        if case let .create(created) = command {
            try PlanID.validate(created.id)
            if let plan { throw WSoAError.planExists(id: plan.id) }
            guard !created.area.isBlank else {
                throw WSoAError.invalidValue(option: "--area", value: created.area, reason: "the area's name is empty")
            }
            return .planCreated(created.trimmed)
        }
        guard let plan else {
            throw WSoAError.refused(rule: "plan-exists", plan: "a plan that does not exist",
                                    event: command.eventType.rawValue, reason: "there is no plan to record it in")
        }
        // The phase is checked before the command's own data, so a refusal names the most
        // basic rule broken (a closed plan says so, whatever else is wrong with the command).
        let type = command.eventType
        if plan.phase.isFinal {
            throw WSoAError.refused(rule: "final-phase", plan: plan.id, event: type.rawValue,
                                    reason: "the plan is \(plan.phase.rawValue), a final phase, so nothing more can be recorded")
        }
        if type.isLifecycle && !Lifecycle.phases(accepting: type).contains(plan.phase) {
            throw WSoAError.refused(rule: "lifecycle", plan: plan.id, event: type.rawValue, reason: plan.phaseMismatch(for: type))
        }
        let event = try plan.event(for: command)
        for rule in RecordRule.rules(for: event.type) {
            if let unmet = rule.unmet(by: event, in: plan) {
                throw WSoAError.refused(rule: rule.rawValue, plan: plan.id, event: event.type.rawValue, reason: unmet)
            }
        }
        guard event.type.isLifecycle else { return event }
        guard let transition = Lifecycle.transition(from: plan.phase, for: event) else {
            throw WSoAError.refused(rule: "lifecycle", plan: plan.id, event: event.type.rawValue,
                                    reason: plan.phaseMismatch(for: event.type))
        }
        for rule in transition.guards {
            if let unmet = rule.unmet(by: event, in: plan) {
                throw WSoAError.refused(rule: rule.rawValue, plan: plan.id, event: event.type.rawValue, reason: unmet)
            }
        }
        return event
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
        case let .holdMonitoringVisit(on, advisers, ratings, followUps, note):
            return .monitoringVisitHeld(on: on, advisers: advisers.map(\.collapsingWhitespace).filter { !$0.isEmpty },
                                        ratings: ratings, followUps: followUps.compactMap { Optional($0).trimmedNote },
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
        case let .renamePartner(on, role, name, note):
            return .partnerRenamed(on: on, role: role, name: try Plan.required(name, "--\(role.rawValue)"),
                                   note: note.trimmedNote)
        case let .addWorkstream(on, workstream):
            var cleaned = workstream
            cleaned.title = try Plan.required(workstream.title, "--title")
            cleaned.lead = workstream.lead.trimmedNote
            cleaned.accountable = workstream.accountable.trimmedNote
            return .workstreamAdded(on: on, workstream: cleaned)
        case let .addAction(on, workstream, title, lead, due):
            return .actionAdded(on: on, id: "A\(actions.count + 1)", workstream: workstream,
                                title: try Plan.required(title, "--title"), lead: lead.trimmedNote, due: due)
        case let .updateAction(on, id, status, note):
            return .actionUpdated(on: on, id: id, status: status, note: note.trimmedNote)
        case let .retargetAction(on, id, due, reason, agreedWith):
            return .actionRetargeted(on: on, id: id, due: due, reason: try Plan.required(reason, "--reason"),
                                     agreedWith: agreedWith.trimmedNote)
        case let .addMeasure(on, workstream, title, unit, direction, baseline, national, target):
            return .measureAdded(on: on, measure: Measure(
                id: "M\(measures.count + 1)", workstream: workstream, title: try Plan.required(title, "--title"),
                unit: try Plan.required(unit, "--unit"), direction: direction, baseline: baseline,
                national: national, target: target))
        case let .recordMeasure(on, id, value):
            return .measureRecorded(on: on, id: id, value: value)
        case let .addEvidence(on, workstream, weakness, kind, title, source, file, link):
            return .evidenceAdded(evidence: Evidence(
                id: "E\(evidence.count + 1)", workstream: workstream, weakness: weakness, kind: kind, on: on,
                title: try Plan.required(title, "--title"), source: source.trimmedNote, file: file,
                link: link.trimmedNote))
        }
    }

    /// The text with whitespace collapsed, or a refusal naming the option when it is blank.
    private static func required(_ text: String, _ option: String) throws -> String {
        let cleaned = text.collapsingWhitespace
        guard !cleaned.isEmpty else { throw WSoAError.invalidValue(option: option, value: text, reason: "it is empty") }
        return cleaned
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
        case .renamePartner: return .partnerRenamed
        case .addWorkstream: return .workstreamAdded
        case .addAction: return .actionAdded
        case .updateAction: return .actionUpdated
        case .retargetAction: return .actionRetargeted
        case .addMeasure: return .measureAdded
        case .recordMeasure: return .measureRecorded
        case .addEvidence: return .evidenceAdded
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
