extension Plan {
    /// Folds one event, recorded at journal line `line`, into the plan. Total: every event is
    /// a fact already decided.
    ///
    /// The next phase comes from the one transition table, so `apply` and `decide` can never
    /// disagree about where an event leads.
    public mutating func apply(_ event: PlanEvent, line: Int) {
        // The row is found in the plan as it was before the event: whether a release leaves
        // any weakness monitored is a question about the weaknesses before it.
        let transition = event.type.isLifecycle ? Lifecycle.transition(in: self, for: event) : nil
        switch event {
        case let .planCreated(created):
            // Only ever the first line; a repeat (refused on load) would restart the plan.
            self = Plan(created: created)
            return
        case let .letterPublished(letter):
            inspection.letter = letter.on
            inspection.received = letter.received
            inspection.statementRequired = letter.statementRequired
            weaknesses = letter.weaknesses.enumerated().map { Weakness(id: "W\($0.offset + 1)", statement: $0.element) }
        case let .statementSubmitted(submitted):
            submissions.append(submitted.on)
        case let .statementJudged(judged):
            judgements.append(Judgement(on: judged.on, fit: judged.fit, note: judged.note, line: line))
        case let .monitoringVisitHeld(visit):
            visits.append(MonitoringVisit(number: visits.count + 1, on: visit.on, advisers: visit.advisers, attendees: visit.attendees,
                                          ratings: visit.ratings, followUps: visit.followUps, note: visit.note, line: line))
        case let .revisitReported(revisit):
            // A weakness judged sufficient stays monitored: DfE/NHS England release it on a date of their own.
            judge(revisit.outcomes, on: revisit.on, at: revisits.isEmpty ? .revisit : .furtherRevisit, line: line)
            revisits.append(Revisit(visited: revisit.visited, letter: revisit.on, outcomes: revisit.outcomes, line: line))
        case let .progressReviewHeld(review):
            reviews.append(ProgressReview(on: review.on, outcomes: review.outcomes, note: review.note, line: line))
            judge(review.outcomes, on: review.on, at: .review, line: line)
        case let .weaknessesReleased(release):
            for index in weaknesses.indices where release.weaknesses.contains(weaknesses[index].id) && weaknesses[index].monitored {
                weaknesses[index].released = WeaknessRelease(on: release.on, line: line, note: release.note, byCessation: false)
            }
            // Releasing the last weakness still monitored is the end of monitoring.
            if transition?.to == .closed { ceased = release.on }
        case let .monitoringCeased(ceased):
            self.ceased = ceased.on
            // A 2023 plan's areas keep their judgements: the next full inspection judges them afresh.
            for index in weaknesses.indices where weaknesses[index].monitored && framework == .send2016 {
                weaknesses[index].released = WeaknessRelease(on: ceased.on, line: line, note: ceased.note, byCessation: true)
            }
        case let .appRequested(requested):
            acceleratedProgressPlan.steps.append(.init(kind: .requested(due: requested.due), on: requested.on, note: requested.note, line: line))
        case let .appSubmitted(submitted):
            acceleratedProgressPlan.steps.append(.init(kind: .submitted(due: submitted.due), on: submitted.on, note: submitted.note, line: line))
        case let .appJudged(judged):
            acceleratedProgressPlan.steps.append(.init(kind: judged.accepted ? .accepted : .returned, on: judged.on, note: judged.note, line: line))
        case let .appPublished(published):
            acceleratedProgressPlan.steps.append(.init(kind: .published(link: published.link), on: published.on, note: published.note, line: line))
        case let .escalationIssued(issued):
            escalations.append(Escalation(kind: .issued(issued.kind), on: issued.on, issuer: issued.issuer, link: issued.link,
                                          note: issued.note, line: line))
        case let .revisitDirected(directed):
            escalations.append(Escalation(kind: .revisitDirected, on: directed.on, issuer: directed.issuer, link: directed.link,
                                          note: directed.note, line: line))
        case let .reportPublished(report):
            inspection.letter = report.on
            inspection.received = report.received
            inspection.outcome = report.outcome
            inspection.previousInspection = report.previousInspection
            inspection.nextInspectionYears = report.nextInspectionHorizon
            weaknesses = report.priorityActions.enumerated().map { index, statement in
                Weakness(id: "P\(index + 1)", statement: statement, partner: report.responsible["P\(index + 1)"])
            } + report.improvements.enumerated().map { Weakness(id: "I\($0.offset + 1)", statement: $0.element) }
        case let .strategicPlanPublished(published):
            strategicPlanPublications.append(StrategicPlanPublication(on: published.on, link: published.link, note: published.note, line: line))
        case let .priorityActionPlanSubmitted(submitted):
            submissions.append(submitted.on)
        case let .priorityActionPlanJudged(judged):
            judgements.append(Judgement(on: judged.on, fit: judged.accepted, note: judged.note, line: line))
        case let .monitoringInspectionReported(inspected):
            judge(inspected.outcomes, on: inspected.on, at: .monitoringInspection, line: line)
            revisits.append(Revisit(visited: inspected.visited, letter: inspected.on, outcomes: inspected.outcomes, line: line))
        case let .deadlineSet(set):
            givenDeadlines.append(GivenDeadline(clock: set.clock, due: set.due, on: set.on, note: set.note, line: line))
        case let .partnerRenamed(rename):
            switch rename.role {
            case .la: partners.la = rename.name
            case .health: partners.health = rename.name
            }
            partners.renames.append(PartnerRename(role: rename.role, name: rename.name, on: rename.on))
        case let .workstreamAdded(added):
            workstreams.append(added.workstream)
        case let .actionAdded(added):
            actions.append(ActionItem(id: added.id, workstream: added.workstream, title: added.title, lead: added.lead, added: added.on, due: added.due))
        case let .actionUpdated(update):
            guard let index = actionIndex(update.id) else { return }
            actions[index].status = update.status
            actions[index].lastReported = update.on
            actions[index].completed = update.status == .complete ? update.on : nil
        case let .actionRetargeted(retarget):
            guard let index = actionIndex(retarget.id) else { return }
            actions[index].retargets.append(ActionItem.Retarget(on: retarget.on, from: actions[index].due, to: retarget.due,
                                                                reason: retarget.reason, agreedWith: retarget.agreedWith, line: line))
            actions[index].due = retarget.due
        case let .measureAdded(added):
            measures.append(Measure(added))
        case let .measureRecorded(recorded):
            guard let index = measureIndex(recorded.id) else { return }
            measures[index].record(Reading(on: recorded.on, value: recorded.value))
        case let .evidenceAdded(added):
            evidenceOnDay[added.on, default: []].append(evidence.count)
            evidence.append(Evidence(added, line: line))
        case let .followUpAdded(added):
            followUps.append(FollowUp(id: added.id, visit: added.visit, title: added.title, owner: added.owner, due: added.due,
                                      agreed: added.on, line: line, weaknesses: added.weaknesses))
        case let .followUpClosed(closed):
            guard let index = followUpIndex(closed.id) else { return }
            followUps[index].closed = closed.on
            followUps[index].closedBy = closed.evidence
            followUps[index].closingNote = closed.note
        case let .recordAmended(amended):
            apply(amended, line: line)
        case let .recordWithdrawn(withdrawal):
            apply(withdrawal, line: line)
        case .lineSetAside:
            // The line set aside never entered the plan; this one only says so.
            break
        }
        guard event.type.isLifecycle else { return }
        lifecycle.append(LifecycleEntry(line: line, type: event.type, on: event.on, phaseBefore: phase))
        for field in event.facts.estimated { estimatedDates.insert("\(line):\(field)") }
        if let next = transition?.to { phase = next }
        lifecycleDays.record(event.type, on: event.on)
    }

    /// The plan the events make, lines numbered from 1; nil when there are none or the first
    /// is not `planCreated`.
    public static func replay(_ events: [PlanEvent]) -> Plan? {
        guard case let .planCreated(created)? = events.first else { return nil }
        var plan = Plan(created: created)
        for (offset, event) in events.enumerated().dropFirst() { plan.apply(event, line: offset + 1) }
        return plan
    }
}

extension Plan {
    /// Records each judgement in `outcomes` as its weakness's latest.
    mutating func judge(_ outcomes: [String: WeaknessOutcome], on day: Day, at occasion: WeaknessJudgement.Occasion, line: Int) {
        for index in weaknesses.indices {
            guard let outcome = outcomes[weaknesses[index].id] else { continue }
            weaknesses[index].judged = WeaknessJudgement(outcome: outcome, on: day, occasion: occasion, line: line)
        }
    }

    /// Works each weakness's latest judgement out again from the revisits and reviews that
    /// stand, in the order recorded: after one is withdrawn or redated.
    mutating func settleJudgements() {
        for index in weaknesses.indices { weaknesses[index].judged = nil }
        let judgements = revisits.enumerated().map { index, revisit in
            (revisit.line, revisit.letter, revisit.outcomes,
             framework == .areaSEND2023 ? WeaknessJudgement.Occasion.monitoringInspection : index == 0 ? .revisit : .furtherRevisit)
        } + reviews.map { ($0.line, $0.on, $0.outcomes, WeaknessJudgement.Occasion.review) }
        for (line, day, outcomes, occasion) in judgements.sorted(by: { $0.0 < $1.0 }) {
            judge(outcomes, on: day, at: occasion, line: line)
        }
    }
}

extension Evidence {
    /// The evidence an event records, at its journal line.
    init(_ added: PlanEvent.EvidenceAdded, line: Int) {
        self.init(id: added.id, workstream: added.workstream, weaknesses: added.weaknesses, kind: added.kind, on: added.on,
                  title: added.title, source: added.source, file: added.file, link: added.link, line: line)
    }
}
