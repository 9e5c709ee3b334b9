extension Plan {
    /// Starts a plan from its first event.
    ///
    /// Journals always begin with `planCreated`; the store refuses any that does not.
    public init(created: PlanEvent.PlanCreated) {
        self.init(
            id: created.id, area: created.area, framework: created.framework, phase: .inspected,
            inspection: Inspection(visit: created.visit), partners: created.partners,
            weaknesses: [], submissions: [], judgements: [], visits: [], revisit: nil, ceased: nil,
            lastLifecycleDay: created.visit.end, lastLifecycleEvent: .planCreated)
    }

    /// Folds one event into the plan. Total: every event is a fact already decided.
    ///
    /// The next phase comes from the one transition table, so `apply` and `decide` can never
    /// disagree about where an event leads.
    public mutating func apply(_ event: PlanEvent) {
        switch event {
        case let .planCreated(created):
            // Only ever the first line; a repeat (refused on load) would restart the plan.
            self = Plan(created: created)
            return
        case let .letterPublished(on, received, required, statements, _):
            inspection.letter = on
            inspection.received = received
            inspection.statementRequired = required
            weaknesses = statements.enumerated().map { Weakness(id: "W\($0.offset + 1)", statement: $0.element) }
        case let .statementSubmitted(on, _):
            submissions.append(on)
        case let .statementJudged(on, fit, note):
            judgements.append(Judgement(on: on, fit: fit, note: note))
        case let .monitoringVisitHeld(on, advisers, ratings, followUps, note):
            visits.append(MonitoringVisit(number: visits.count + 1, on: on, advisers: advisers, ratings: ratings,
                                          followUps: followUps, note: note))
        case let .revisitReported(on, visited, outcomes, _):
            revisit = Revisit(visited: visited, letter: on, outcomes: outcomes)
            for index in weaknesses.indices {
                guard let outcome = outcomes[weaknesses[index].id] else { continue }
                weaknesses[index].outcome = outcome
                weaknesses[index].monitored = outcome != .sufficient
            }
        case let .monitoringCeased(on, _):
            ceased = on
            for index in weaknesses.indices { weaknesses[index].monitored = false }
        case let .partnerRenamed(on, role, name, _):
            switch role {
            case .la: partners.la = name
            case .health: partners.health = name
            }
            partners.renames.append(PartnerRename(role: role, name: name, on: on))
        case let .workstreamAdded(_, workstream):
            workstreams.append(workstream)
        case let .actionAdded(_, id, workstream, title, lead, due):
            actions.append(ActionItem(id: id, workstream: workstream, title: title, lead: lead, due: due))
        case let .actionUpdated(on, id, status, note):
            guard let index = actionIndex(id) else { return }
            actions[index].status = status
            actions[index].statusHistory.append(ActionItem.StatusChange(on: on, status: status, note: note))
            actions[index].completed = status == .complete ? on : nil
        case let .actionRetargeted(on, id, due, reason, agreedWith):
            guard let index = actionIndex(id) else { return }
            actions[index].retargets.append(ActionItem.Retarget(on: on, from: actions[index].due, to: due,
                                                                reason: reason, agreedWith: agreedWith))
            actions[index].due = due
        case let .measureAdded(_, measure):
            measures.append(measure)
        case let .measureRecorded(on, id, value):
            guard let index = measureIndex(id) else { return }
            measures[index].record(Reading(on: on, value: value))
        case let .evidenceAdded(item):
            evidence.append(item)
        }
        guard event.type.isLifecycle else { return }
        if let next = Lifecycle.transition(from: phase, for: event)?.to { phase = next }
        if event.on > lastLifecycleDay {
            lastLifecycleDay = event.on
            lastLifecycleEvent = event.type
        }
    }

    /// Replays a journal's events from nothing; nil for an empty journal.
    public static func replay<S: Sequence>(_ events: S) -> Plan? where S.Element == PlanEvent {
        var plan: Plan?
        for event in events {
            if plan == nil, case let .planCreated(created) = event {
                plan = Plan(created: created)
            } else {
                plan?.apply(event)
            }
        }
        return plan
    }
}

extension PlanEvent {
    /// The note recorded with the event, if any.
    public var note: String? {
        switch self {
        case let .planCreated(created): return created.note
        case let .letterPublished(_, _, _, _, note), let .statementSubmitted(_, note),
             let .statementJudged(_, _, note), let .monitoringVisitHeld(_, _, _, _, note),
             let .revisitReported(_, _, _, note), let .monitoringCeased(_, note), let .actionUpdated(_, _, _, note),
             let .partnerRenamed(_, _, _, note):
            return note
        case .workstreamAdded, .actionAdded, .actionRetargeted, .measureAdded, .measureRecorded,
             .evidenceAdded:
            return nil
        }
    }
}
