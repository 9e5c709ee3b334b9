extension Plan {
    /// Checks a command against the plan and returns the events to record, or throws a
    /// `WSoAError.refused` naming the rule and what is missing.
    ///
    /// `plan` is nil only for `create`. The store calls this under the plan's lock with the
    /// freshly read plan, so the decision and the write see the same journal. Free text is
    /// checked for what looks like a child's NHS number, unique pupil number or an email
    /// address unless `allowingPersonalData` is set, because notes and evidence go to boards
    /// and local-offer websites.
    ///
    /// `recordedOn` is the day (Europe/London) the event is recorded: nothing that happened may
    /// be dated after it (rule not-in-future). Nil leaves that rule unchecked, for folds that
    /// have no recording day.
    public static func decide(_ command: PlanCommand, on plan: Plan?, allowingPersonalData: Bool = false,
                              recordedOn: Day? = nil) throws -> [PlanEvent] {
        let event: PlanEvent
        let base: Plan
        switch (command, plan) {
        case let (.create(created), nil):
            try PlanID.validate(created.id)
            event = .planCreated(created.normalized)
            base = Plan(created: created)
        case let (.create(created), _?):
            throw WSoAError.planExists(id: created.id)
        case let (_, plan?):
            event = try plan.event(for: command)
            base = plan
        case (_, nil):
            throw WSoAError.refused(Refusal(rule: .lifecycle, plan: "a plan that does not exist", event: command.eventType,
                                            reason: "there is no plan to record it in"))
        }
        try base.check(event, personalDataAllowed: allowingPersonalData, recordedOn: recordedOn)
        return [event]
    }

    /// Checks `event` against every rule for its kind, as `decide` does before writing and
    /// `wsoa verify` does for every line of a journal; throws the first refusal.
    ///
    /// The rules are checked most basic first (`Rule.rules(for:)`), then the lifecycle table's
    /// own for a lifecycle event, then the personal-data rule unless the recorder confirmed it.
    public func check(_ event: PlanEvent, personalDataAllowed: Bool, recordedOn: Day? = nil) throws {
        try check(event, text: event.textCheck(personalDataAllowed: personalDataAllowed), recordedOn: recordedOn)
    }

    /// `check(_:personalDataAllowed:)` with the verdict of the rules that read only the event's
    /// own text (`PlanEvent.textCheck`) already worked out, as `verify` does side by side.
    func check(_ event: PlanEvent, text: TextCheck?, recordedOn: Day?) throws {
        // The plan's id, not the plan: a function that captured the plan would copy it.
        let planID = id
        func refuse(_ rule: Rule, _ reason: String, field: TextField? = nil) -> WSoAError {
            .refused(Refusal(rule: rule, plan: planID, event: event.type, reason: reason, field: field))
        }
        let facts = event.facts
        for rule in Rule.rules(for: event.type) {
            if let text, text.rule == rule { throw refuse(rule, text.reason, field: text.field) }
            if let unmet = rule.unmet(by: event, in: self, facts: facts, recordedOn: recordedOn) { throw refuse(rule, unmet) }
        }
        if event.type.isLifecycle && event.type != .planCreated {
            let rows = Lifecycle.transitions(from: phase, in: framework).filter { $0.event == event.type }
            var seen: [Rule] = []
            for rule in rows.flatMap(\.guards) where !seen.contains(rule) {
                seen.append(rule)
                if let unmet = rule.unmet(by: event, in: self, facts: facts, recordedOn: recordedOn) { throw refuse(rule, unmet) }
            }
            if Lifecycle.transition(in: self, for: event) == nil { throw refuse(.lifecycle, phaseMismatch(for: event.type)) }
        }
        if let text, text.rule == .personalData { throw refuse(.personalData, text.reason, field: text.field) }
    }

    /// The event a command asks for, normalised: text with runs of whitespace collapsed, blank
    /// optional text left out, the next id given, judgements by weakness id.
    private func event(for command: PlanCommand) throws -> PlanEvent {
        switch command {
        case let .create(created):
            return .planCreated(created.normalized)
        case let .publishLetter(on, received, required, weaknesses, note, estimated):
            return .letterPublished(PlanEvent.LetterPublished(on: on, received: received, statementRequired: required,
                                                    weaknesses: weaknesses.compactMap(\.nonBlank), note: note?.nonBlank,
                                                    estimated: PlanEvent.LetterPublished.estimable.filter(estimated.contains)))
        case let .submit(on, note, estimated):
            return .statementSubmitted(PlanEvent.StatementSubmitted(on: on, note: note?.nonBlank,
                                                                    estimated: PlanEvent.StatementSubmitted.estimable.filter(estimated.contains)))
        case let .judge(on, fit, note, estimated):
            return .statementJudged(PlanEvent.StatementJudged(on: on, fit: fit, note: note?.nonBlank,
                                                              estimated: PlanEvent.StatementJudged.estimable.filter(estimated.contains)))
        case let .holdMonitoringVisit(on, advisers, attendees, ratings, followUps, note, estimated):
            return .monitoringVisitHeld(PlanEvent.MonitoringVisitHeld(on: on, advisers: advisers.compactMap(\.nonBlank),
                                                            attendees: Attendee.normalized(attendees), ratings: ratings,
                                                            followUps: followUps.compactMap(\.nonBlank), note: note?.nonBlank,
                                                            estimated: PlanEvent.MonitoringVisitHeld.estimable.filter(estimated.contains)))
        case let .reportRevisit(on, visited, sufficient, insufficient, note, estimated):
            let outcomes = try judgements(sufficient: sufficient, insufficient: insufficient, rule: .revisitJudgesEveryWeakness,
                                          event: .revisitReported)
            return .revisitReported(PlanEvent.RevisitReported(on: on, visited: visited, outcomes: outcomes, note: note?.nonBlank,
                                                              estimated: PlanEvent.RevisitReported.estimable.filter(estimated.contains)))
        case let .cease(on, note, estimated):
            return .monitoringCeased(PlanEvent.MonitoringCeased(on: on, note: note?.nonBlank,
                                                                estimated: PlanEvent.MonitoringCeased.estimable.filter(estimated.contains)))
        case let .release(on, weaknesses, note, estimated):
            return .weaknessesReleased(PlanEvent.WeaknessesReleased(on: on, weaknesses: weaknesses, note: note?.nonBlank,
                                                                    estimated: PlanEvent.WeaknessesReleased.estimable.filter(estimated.contains)))
        case let .requestAPP(on, due, note, estimated):
            return .appRequested(PlanEvent.APPRequested(on: on, due: due, note: note?.nonBlank,
                                                        estimated: PlanEvent.APPRequested.estimable.filter(estimated.contains)))
        case let .submitAPP(on, due, note, estimated):
            return .appSubmitted(PlanEvent.APPSubmitted(on: on, due: due, note: note?.nonBlank,
                                                        estimated: PlanEvent.APPSubmitted.estimable.filter(estimated.contains)))
        case let .judgeAPP(on, accepted, note, estimated):
            return .appJudged(PlanEvent.APPJudged(on: on, accepted: accepted, note: note?.nonBlank,
                                                  estimated: PlanEvent.APPJudged.estimable.filter(estimated.contains)))
        case let .publishAPP(on, link, note, estimated):
            return .appPublished(PlanEvent.APPPublished(on: on, link: link.collapsingWhitespace, note: note?.nonBlank,
                                                        estimated: PlanEvent.APPPublished.estimable.filter(estimated.contains)))
        case let .holdReview(on, sufficient, insufficient, note, estimated):
            let outcomes = try judgements(sufficient: sufficient, insufficient: insufficient, rule: .reviewJudgesEveryWeakness,
                                          event: .progressReviewHeld)
            return .progressReviewHeld(PlanEvent.ProgressReviewHeld(on: on, outcomes: outcomes, note: note?.nonBlank,
                                                                    estimated: PlanEvent.ProgressReviewHeld.estimable.filter(estimated.contains)))
        case let .escalate(on, kind, issuer, link, note, estimated):
            return .escalationIssued(PlanEvent.EscalationIssued(on: on, kind: kind, issuer: issuer.collapsingWhitespace,
                                                                link: link?.nonBlank, note: note?.nonBlank,
                                                                estimated: PlanEvent.EscalationIssued.estimable.filter(estimated.contains)))
        case let .directRevisit(on, issuer, link, note, estimated):
            return .revisitDirected(PlanEvent.RevisitDirected(on: on, issuer: issuer.collapsingWhitespace, link: link?.nonBlank,
                                                              note: note?.nonBlank,
                                                              estimated: PlanEvent.RevisitDirected.estimable.filter(estimated.contains)))
        case let .publishReport(on, received, outcome, priorityActions, improvements, previous, years, note, estimated):
            // A finding given blank is kept, so the rule required-text names it rather than its number silently changing.
            var responsible: [String: String] = [:]
            for (index, action) in priorityActions.enumerated() {
                if let partner = action.partner?.nonBlank { responsible["P\(index + 1)"] = partner.collapsingWhitespace }
            }
            return .reportPublished(PlanEvent.ReportPublished(
                on: on, received: received, outcome: outcome, priorityActions: priorityActions.map(\.statement.collapsingWhitespace),
                responsible: responsible, improvements: improvements.map(\.collapsingWhitespace), previousInspection: previous?.nonBlank,
                nextInspectionYears: years, note: note?.nonBlank, estimated: PlanEvent.ReportPublished.estimable.filter(estimated.contains)))
        case let .publishStrategicPlan(on, link, note, estimated):
            return .strategicPlanPublished(PlanEvent.StrategicPlanPublished(
                on: on, link: link?.nonBlank, note: note?.nonBlank, estimated: PlanEvent.StrategicPlanPublished.estimable.filter(estimated.contains)))
        case let .submitPriorityActionPlan(on, note, estimated):
            return .priorityActionPlanSubmitted(PlanEvent.PriorityActionPlanSubmitted(
                on: on, note: note?.nonBlank, estimated: PlanEvent.PriorityActionPlanSubmitted.estimable.filter(estimated.contains)))
        case let .judgePriorityActionPlan(on, accepted, note, estimated):
            return .priorityActionPlanJudged(PlanEvent.PriorityActionPlanJudged(
                on: on, accepted: accepted, note: note?.nonBlank, estimated: PlanEvent.PriorityActionPlanJudged.estimable.filter(estimated.contains)))
        case let .reportMonitoringInspection(on, visited, sufficient, insufficient, note, estimated):
            let outcomes = try judgements(sufficient: sufficient, insufficient: insufficient, rule: .monitoringInspectionJudgesEveryArea,
                                          event: .monitoringInspectionReported)
            return .monitoringInspectionReported(PlanEvent.MonitoringInspectionReported(
                on: on, visited: visited, outcomes: outcomes, note: note?.nonBlank,
                estimated: PlanEvent.MonitoringInspectionReported.estimable.filter(estimated.contains)))
        case let .setDeadline(on, clock, due, note, estimated):
            return .deadlineSet(PlanEvent.DeadlineSet(on: on, clock: clock, due: due, note: note?.nonBlank,
                                                      estimated: PlanEvent.DeadlineSet.estimable.filter(estimated.contains)))
        case let .renamePartner(on, role, name, note):
            return .partnerRenamed(PlanEvent.PartnerRenamed(on: on, role: role, name: name.collapsingWhitespace, note: note?.nonBlank))
        case let .addWorkstream(on, workstream):
            return .workstreamAdded(PlanEvent.WorkstreamAdded(on: on, workstream: Workstream(
                id: workstream.id, title: workstream.title.collapsingWhitespace, lead: workstream.lead?.nonBlank,
                accountable: workstream.accountable?.nonBlank, partners: workstream.partners, addresses: workstream.addresses)))
        case let .addAction(on, workstream, title, lead, due):
            return .actionAdded(PlanEvent.ActionAdded(on: on, id: "A\(actions.count + 1)", workstream: workstream,
                                            title: title.collapsingWhitespace, lead: lead?.nonBlank, due: due))
        case let .updateAction(on, action, status, note):
            return .actionUpdated(PlanEvent.ActionUpdated(on: on, id: action, status: status, note: note?.nonBlank))
        case let .retargetAction(on, action, due, reason, agreedWith):
            return .actionRetargeted(PlanEvent.ActionRetargeted(on: on, id: action, due: due, reason: reason.collapsingWhitespace,
                                                      agreedWith: agreedWith?.nonBlank))
        case let .addMeasure(on, workstream, title, unit, direction, baseline, national, target):
            return .measureAdded(PlanEvent.MeasureAdded(on: on, id: "M\(measures.count + 1)", workstream: workstream,
                                              title: title.collapsingWhitespace, unit: unit.collapsingWhitespace,
                                              direction: direction, baseline: baseline, national: national, target: target))
        case let .recordMeasure(on, measure, value):
            return .measureRecorded(PlanEvent.MeasureRecorded(on: on, id: measure, value: value))
        case let .addEvidence(on, workstream, weaknesses, kind, title, source, file, link):
            return .evidenceAdded(PlanEvent.EvidenceAdded(on: on, id: "E\(evidence.count + 1)", workstream: workstream, weaknesses: weaknesses,
                                                kind: kind, title: title.collapsingWhitespace, source: source?.nonBlank,
                                                file: file, link: link?.nonBlank))
        case let .addFollowUp(on, visit, title, owner, due, weaknesses):
            let day = on ?? visitIndex(visit).map { visits[$0].on } ?? lastLifecycleDay
            return .followUpAdded(PlanEvent.FollowUpAdded(on: day, id: "F\(followUps.count + 1)", visit: visit, title: title.collapsingWhitespace,
                                                          owner: owner.collapsingWhitespace, due: due, weaknesses: weaknesses))
        case let .closeFollowUp(on, id, evidence, note):
            return .followUpClosed(PlanEvent.FollowUpClosed(on: on, id: id, evidence: evidence, note: note?.nonBlank))
        case let .amend(on, target, changes, reason):
            return .recordAmended(PlanEvent.RecordAmended(on: on, target: target, changes: changes.normalized, reason: reason.collapsingWhitespace))
        case let .withdraw(on, target, reason):
            return .recordWithdrawn(PlanEvent.RecordWithdrawn(on: on, target: target, reason: reason.collapsingWhitespace))
        }
    }
}

extension Plan {
    /// Weakness ids judged sufficient and insufficient as one judgement each, refusing (under
    /// `rule`) a weakness judged twice.
    private func judgements(sufficient: [String], insufficient: [String], rule: Rule, event: EventType) throws -> [String: WeaknessOutcome] {
        var outcomes: [String: WeaknessOutcome] = [:]
        let judged = sufficient.map { ($0, WeaknessOutcome.sufficient) } + insufficient.map { ($0, WeaknessOutcome.insufficient) }
        for (weakness, outcome) in judged {
            guard outcomes.updateValue(outcome, forKey: weakness) == nil else {
                throw WSoAError.refused(Refusal(rule: rule, plan: id, event: event, reason: "\(weakness) is judged more than once"))
            }
        }
        return outcomes
    }
}

/// What the rules that read only an event's own text — required-text, text-limit and
/// personal-data — make of it: the first that refuses it.
public struct TextCheck: Sendable {
    /// The rule that refuses.
    public let rule: Rule
    /// What is missing, completing "Rule R refuses E for P: …".
    public let reason: String
    /// The field the refusal is about.
    public let field: TextField
}

extension PlanEvent {
    /// The first of the text rules that refuses this event, or nil: they need nothing of the
    /// plan, so `verify` works them out for many lines at once, on several cores.
    public func textCheck(personalDataAllowed: Bool) -> TextCheck? {
        let texts = self.texts
        // Optional text given blank is left out when a command is decided, so text present must say something.
        if let blank = texts.first(where: { $0.text.isBlank }) {
            return TextCheck(rule: .requiredText, reason: "the \(blank.field.displayName) is empty", field: blank.field)
        }
        if let (reason, field) = TextField.overLimit(texts) { return TextCheck(rule: .textLimit, reason: reason, field: field) }
        guard !personalDataAllowed else { return nil }
        for text in texts {
            guard let finding = PersonalDataScanner.findings(in: text.text, field: "the \(text.field.displayName)").first else { continue }
            return TextCheck(rule: .personalData, reason: "\(finding.description) looks like personal data that could identify a child or family",
                             field: text.field)
        }
        return nil
    }
}

extension Amendment {
    /// The same changes with whitespace collapsed in every text and attendees in name order
    /// (the order a journal line keeps them in).
    var normalized: Amendment {
        var changes = self
        changes.title = title?.collapsingWhitespace
        changes.lead = lead?.collapsingWhitespace
        changes.accountable = accountable?.collapsingWhitespace
        changes.unit = unit?.collapsingWhitespace
        changes.source = source?.collapsingWhitespace
        changes.link = link?.collapsingWhitespace
        changes.advisers = advisers?.map(\.collapsingWhitespace)
        changes.attendees = attendees.map(Attendee.normalized)
        return changes
    }
}

extension Attendee {
    /// Attendees with whitespace collapsed, in name order, each name once: the form a journal
    /// line keeps them in (an object keyed by name).
    static func normalized(_ attendees: [Attendee]) -> [Attendee] {
        var seen: Set<String> = []
        return attendees.map { Attendee(name: $0.name.collapsingWhitespace, role: $0.role?.nonBlank) }
            .filter { seen.insert($0.name).inserted }
            .sorted { $0.name < $1.name }
    }
}

extension PlanEvent.PlanCreated {
    /// The same facts with whitespace collapsed in every name and blank ones left out, under
    /// the framework in force on the visit's first day: what the inspection was carried out
    /// under is a fact of its date, not a choice.
    var normalized: Self {
        PlanEvent.PlanCreated(id: id, area: area.collapsingWhitespace, framework: Framework.forInspection(startingOn: visit.start), visit: visit,
                              partners: Partners(la: partners.la?.nonBlank, health: partners.health?.nonBlank),
                              note: note?.nonBlank, estimated: Self.estimable.filter(estimated.contains))
    }
}
