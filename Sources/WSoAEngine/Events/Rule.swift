/// Every named rule an event must pass before it is written, and that `wsoa verify` checks
/// again on every journal line (DESIGN.md §5).
///
/// The raw value is the rule's name as refusals print it, so an officer can look the rule up.
/// `rules(for:)` says which rules each kind of event must pass and in what order; the lifecycle
/// table adds each transition's own rules. Nothing else in the engine refuses an event.
public enum Rule: String, Sendable, CaseIterable {
    // MARK: Every event

    /// Nothing more is recorded once a plan is in a final phase.
    case finalPhase = "final-phase"
    /// A lifecycle event needs a row of the lifecycle table from the plan's phase.
    case lifecycle
    /// Names, titles and reasons are not blank.
    case requiredText = "required-text"
    /// Each text field holds at most its limit of characters, and repeated ones at most their
    /// number of values, so every line written can be read back.
    case textLimit = "text-limit"
    /// Every line written reads back exactly as it was written (a day beyond the calendar, or
    /// a number that is not finite, could not be).
    case readableRecord = "readable-record"
    /// Nothing that happened (a letter, a visit, evidence, a reading, a status report) is dated
    /// after the day it is recorded; planned dates (due dates, targets) may be.
    case notInFuture = "not-in-future"
    /// Text that looks like a child's NHS number, a unique pupil number or an email address is
    /// not recorded unless the recorder confirms it may be.
    case personalData = "personal-data"

    // MARK: Lifecycle

    /// Lifecycle dates never go backwards.
    case datesInOrder = "dates-in-order"
    /// The outcome letter (and its receipt) come on or after the visit's last day.
    case letterAfterVisit = "letter-after-visit"
    /// A letter requiring a statement names at least one weakness; one requiring none names none.
    case statementNamesWeakness = "statement-names-a-weakness"
    /// The revisit comes after the statement was judged fit, and its letter after the visit.
    case revisitAfterFitForPurpose = "revisit-after-fit-for-purpose"
    /// A revisit judges every open weakness exactly once, and nothing else; a further revisit,
    /// every weakness still in the accelerated progress plan.
    case revisitJudgesEveryWeakness = "revisit-judges-every-weakness"
    /// A formal review judges every weakness still in the accelerated progress plan exactly
    /// once, and nothing else — or, when its outcome is not known, none; and it needs a
    /// weakness left in the plan.
    case reviewJudgesEveryWeakness = "review-judges-every-weakness"
    /// DfE/NHS England release a weakness from monitoring only once it has been judged
    /// sufficient, at the revisit or at a formal review, and only while it is monitored.
    case releaseJudgedSufficient = "release-judged-sufficient"
    /// The accelerated progress plan is asked for or submitted only when no submission awaits a
    /// decision and, once accepted, again only after a formal review or a further revisit; it is
    /// decided on only once submitted, sent back only with a note saying why, and published only
    /// once submitted.
    case appInOrder = "app-in-order"
    /// A published accelerated progress plan, notice or direction links to a web address
    /// (http or https, with no spaces), which the board's papers can show as a link.
    case webAddress = "web-address"
    /// Ofsted/CQC revisit an area in an accelerated progress plan only when the Secretary of
    /// State directs it, one direction at a time, and no earlier than the direction.
    case revisitDirected = "revisit-directed"
    /// A 2023 report names areas for priority action exactly when its outcome is widespread
    /// and/or systemic failings, and a responsible partner only for one of them.
    case outcomeMatchesFindings = "outcome-matches-findings"
    /// A priority action plan returned for revision comes with a note of what Ofsted asked for.
    case returnedWithReason = "returned-with-reason"
    /// A monitoring inspection judges every area for priority action exactly once, and nothing
    /// else; it starts after the priority action plan was accepted, and its letter comes after it.
    case monitoringInspectionJudgesEveryArea = "monitoring-inspection-judges-every-area"
    /// A deadline is given only for a 2023 clock that applies to the plan (the priority action
    /// plan and monitoring inspection only under widespread/systemic failings), not after the
    /// day it was given, and not for a step already taken.
    case deadlineApplies = "deadline-applies"

    // MARK: Delivery records

    /// Workstreams, actions, measures and evidence need a plan whose statement is due, under
    /// review, being monitored or in an accelerated progress plan.
    case deliveryPhase = "delivery-phase"
    /// Dates may not fall before the inspection visit began.
    case afterInspection = "after-inspection"
    /// Workstreams, weaknesses, actions and measures referred to must exist.
    case knownReference = "known-reference"
    /// A workstream id is a slug and is used once; a workstream addresses each weakness once.
    case uniqueID = "unique-id"
    /// Actions, measures and evidence are numbered in the order added: `A1`, `A2`, ….
    case nextID = "next-id"
    /// A workstream addresses at least one weakness.
    case addressesWeakness = "addresses-a-weakness"
    /// A complete action cannot be retargeted, and a retarget must move the date.
    case actionOpen = "action-open"
    /// An action's status reports and retargets are recorded in date order, so its history
    /// reads as it happened.
    case actionDatesInOrder = "action-dates-in-order"
    /// A measure's target date comes after its baseline date.
    case targetAfterBaseline = "target-after-baseline"
    /// An action is not due before the day it was added.
    case dueAfterAdded = "due-after-added"
    /// A complete action is reopened only with a note saying why.
    case reopenWithReason = "reopen-with-reason"
    /// A plan has one monitoring visit a day, a measure one reading a day, and a piece of
    /// evidence is recorded once: a second is refused, naming the first and how to correct it.
    case oncePerDay = "once-a-day"
    /// A measure's values fit its unit: a percentage from 0 to 100, a count or duration not negative.
    case valueFitsUnit = "value-fits-unit"
    /// A follow-up is agreed on or after the day of its visit.
    case followUpAfterVisit = "follow-up-after-visit"
    /// A follow-up is closed once, on or after the day it was agreed.
    case followUpOpen = "follow-up-open"

    // MARK: Corrections

    /// A correction names something that exists and still stands; an amendment changes at
    /// least one thing, and only what that kind of record has; only the latest lifecycle event
    /// can be withdrawn.
    case correctableRecord = "correctable-record"
    /// A correction may not leave the record contradicting itself (lifecycle dates out of
    /// order, a target before its baseline, workstreams under a withdrawn letter), nor date in
    /// the future something that happened.
    case correctionKeepsRecord = "correction-keeps-record"

    /// The rules an event of `type` must pass before the lifecycle table's own, in the order
    /// they are checked: the most basic first, so a refusal names the most basic rule broken.
    static func rules(for type: EventType) -> [Rule] { table[type] ?? [] }

    /// `rules(for:)` for every type, worked out once: `wsoa verify` asks for every line.
    private static let table = Dictionary(uniqueKeysWithValues: EventType.allCases.map { ($0, listed(for: $0)) })

    private static func listed(for type: EventType) -> [Rule] {
        let common: [Rule] = [.finalPhase, .requiredText, .textLimit, .notInFuture]
        switch type {
        case .planCreated:
            return [.requiredText, .textLimit, .notInFuture]
        case .letterPublished, .statementSubmitted, .statementJudged, .revisitReported, .monitoringCeased, .appRequested,
             .appSubmitted, .appJudged, .progressReviewHeld, .reportPublished, .priorityActionPlanSubmitted, .priorityActionPlanJudged,
             .monitoringInspectionReported, .deadlineSet:
            return [.finalPhase, .lifecycle, .requiredText, .textLimit, .notInFuture]
        case .appPublished, .escalationIssued, .revisitDirected, .strategicPlanPublished:
            return [.finalPhase, .lifecycle, .requiredText, .textLimit, .notInFuture, .webAddress]
        case .weaknessesReleased:
            return [.finalPhase, .lifecycle, .requiredText, .textLimit, .notInFuture, .knownReference]
        case .monitoringVisitHeld:
            return [.finalPhase, .lifecycle, .requiredText, .textLimit, .notInFuture, .knownReference, .oncePerDay]
        case .partnerRenamed:
            return common + [.afterInspection]
        case .workstreamAdded:
            return common + [.deliveryPhase, .afterInspection, .uniqueID, .addressesWeakness, .knownReference]
        case .actionAdded, .measureAdded:
            return common + [.deliveryPhase, .afterInspection, .knownReference, .nextID]
                + (type == .measureAdded ? [.targetAfterBaseline, .valueFitsUnit] : [.dueAfterAdded])
        case .evidenceAdded:
            return common + [.deliveryPhase, .afterInspection, .knownReference, .nextID, .oncePerDay]
        case .actionUpdated:
            return common + [.deliveryPhase, .afterInspection, .knownReference, .actionDatesInOrder, .reopenWithReason]
        case .actionRetargeted:
            return common + [.deliveryPhase, .afterInspection, .knownReference, .actionOpen, .actionDatesInOrder]
        case .measureRecorded:
            return common + [.deliveryPhase, .afterInspection, .knownReference, .oncePerDay, .valueFitsUnit]
        case .followUpAdded:
            return common + [.deliveryPhase, .afterInspection, .knownReference, .nextID, .followUpAfterVisit, .dueAfterAdded]
        case .followUpClosed:
            return common + [.deliveryPhase, .afterInspection, .knownReference, .followUpOpen]
        case .recordAmended:
            // No final-phase rule: a mistake stays correctable after monitoring ends.
            return [.requiredText, .textLimit, .notInFuture, .knownReference, .correctableRecord, .afterInspection, .correctionKeepsRecord]
        case .recordWithdrawn:
            return [.requiredText, .textLimit, .notInFuture, .knownReference, .correctableRecord, .correctionKeepsRecord]
        case .lineSetAside:
            // Written by a merge, never typed: it changes nothing in the plan, so only its text
            // and its date are checked.
            return [.requiredText, .textLimit, .notInFuture, .afterInspection]
        }
    }

    /// What is missing for `event` to pass this rule on `plan`, or nil when it passes.
    ///
    /// The text completes the sentence "Rule R refuses E for P: …". `personalData` is checked,
    /// with the other rules that read only the event's text, by `PlanEvent.textCheck`. `facts`
    /// is the event's own, worked out once by the caller for all the rules it checks.
    func unmet(by event: PlanEvent, in plan: Plan, facts: any EventFacts, recordedOn: Day? = nil) -> String? {
        switch self {
        case .finalPhase:
            guard plan.phase.isFinal else { return nil }
            return "the plan is \(plan.phase.displayName), a final phase, so nothing more can be recorded"
        case .lifecycle:
            guard !Lifecycle.phases(accepting: event.type, in: plan.framework).contains(plan.phase) else { return nil }
            return plan.phaseMismatch(for: event.type)
        case .requiredText, .textLimit, .personalData, .readableRecord:
            return nil
        case .notInFuture:
            guard let today = recordedOn, let late = facts.happenedDates.first(where: { $0.day > today }) else { return nil }
            return "the \(late.name) \(late.day) is after today (\(today)); only planned dates, such as due dates and targets, can be in the future"
        case .datesInOrder:
            if case .strategicPlanPublished = event, let report = plan.inspection.letter, event.on < report {
                return "its date \(event.on) is before the report's, \(report): the strategic plan is updated on the report's recommendations"
            }
            let bound = plan.lifecycleDays.bound(for: event.type.lifecycleTrack)
            guard event.on < bound.day else { return nil }
            return "its date \(event.on) is before \(bound.day), the date of the last lifecycle event (\(bound.event.words))"
        case .letterAfterVisit:
            let on: Day, received: Day?, what: String
            switch event {
            case let .letterPublished(letter): (on, received, what) = (letter.on, letter.received, "letter")
            case let .reportPublished(report): (on, received, what) = (report.on, report.received, "report")
            default: return nil
            }
            let visitEnd = plan.inspection.visit.end
            if on < visitEnd { return "the \(what) date \(on) is before the inspection visit ended on \(visitEnd)" }
            if let received, received < visitEnd {
                return "the received date \(received) is before the inspection visit ended on \(visitEnd)"
            }
            return nil
        case .statementNamesWeakness:
            guard case let .letterPublished(letter) = event else { return nil }
            if letter.statementRequired && letter.weaknesses.isEmpty {
                return "a letter requiring a written statement of action must name at least one area of significant weakness"
            }
            if !letter.statementRequired && !letter.weaknesses.isEmpty {
                return "a letter requiring no written statement of action cannot name areas of significant weakness"
            }
            return nil
        case .revisitAfterFitForPurpose:
            guard case let .revisitReported(revisit) = event else { return nil }
            if revisit.on < revisit.visited.end {
                return "the revisit letter date \(revisit.on) is before the revisit ended on \(revisit.visited.end)"
            }
            if let fit = plan.fitForPurpose, revisit.visited.start < fit {
                return "the revisit started on \(revisit.visited.start), before the statement was judged fit for purpose on \(fit)"
            }
            return nil
        case .revisitJudgesEveryWeakness:
            guard case let .revisitReported(revisit) = event else { return nil }
            // The first revisit judges every weakness; a further one, those still in the APP.
            let due = plan.revisits.isEmpty ? plan.weaknesses.filter { $0.outcome == .open } : plan.weaknessesInAcceleratedProgressPlan
            if due.isEmpty { return "no weakness is left in the accelerated progress plan to judge" }
            return plan.unjudged(revisit.outcomes, expected: due.map(\.id))
        case .reviewJudgesEveryWeakness:
            guard case let .progressReviewHeld(review) = event else { return nil }
            if let blocked = plan.stateBlock(for: .progressReviewHeld) { return blocked }
            let inPlan = plan.weaknessesInAcceleratedProgressPlan.map(\.id)
            // A review whose outcome is not known (not published) judges nothing: it is held, and its clock met.
            return review.outcomes.isEmpty ? nil : plan.unjudged(review.outcomes, expected: inPlan)
        case .releaseJudgedSufficient:
            guard case let .weaknessesReleased(release) = event else { return nil }
            if release.weaknesses.isEmpty { return "a release names at least one weakness" }
            for id in release.weaknesses {
                guard let weakness = plan.weakness(id) else { continue }
                if let released = weakness.released { return "\(id) is already \(released.description)" }
                guard let judged = weakness.judged else {
                    return "\(id) has not been judged at a revisit, so DfE and NHS England cannot yet release it"
                }
                if judged.outcome != .sufficient {
                    return "\(id) was last judged \(judged.description), so it stays in the accelerated progress plan until a formal review judges it sufficient"
                }
            }
            return nil
        case .appInOrder:
            return plan.appStepOutOfOrder(event)
        case .outcomeMatchesFindings:
            guard case let .reportPublished(report) = event else { return nil }
            if report.outcome.requiresPriorityActionPlan && report.priorityActions.isEmpty {
                return "a report finding widespread and/or systemic failings names at least one area for priority action"
            }
            if !report.outcome.requiresPriorityActionPlan && !report.priorityActions.isEmpty {
                return "areas for priority action come only with the outcome widespread and/or systemic failings, and this report's outcome is \(report.outcome.displayName)"
            }
            return nil
        case .returnedWithReason:
            guard case let .priorityActionPlanJudged(judged) = event, !judged.accepted, judged.note?.isBlank ?? true else { return nil }
            return "a priority action plan returned for revision needs a note of what Ofsted asked to change"
        case .deadlineApplies:
            guard case let .deadlineSet(set) = event else { return nil }
            return plan.deadlineNotApplying(set)
        case .monitoringInspectionJudgesEveryArea:
            guard case let .monitoringInspectionReported(inspection) = event else { return nil }
            if inspection.on < inspection.visited.end {
                return "the monitoring inspection letter date \(inspection.on) is before the inspection ended on \(inspection.visited.end)"
            }
            if let accepted = plan.fitForPurpose, inspection.visited.start < accepted {
                return "the monitoring inspection started on \(inspection.visited.start), before the priority action plan was accepted on \(accepted)"
            }
            return plan.unjudged(inspection.outcomes, expected: plan.weaknesses.filter { $0.kind == .priorityAction }.map(\.id))
        case .webAddress:
            guard let link = facts.texts.first(where: { $0.field == .link })?.text, link.safeWebAddress == nil else { return nil }
            return "the link is not a web address (one starting https:// or http://, with no spaces, quotes or other characters a link cannot hold)"
        case .revisitDirected:
            if case .revisitDirected = event { return plan.stateBlock(for: .revisitDirected) }
            guard case let .revisitReported(revisit) = event else { return nil }
            if let blocked = plan.stateBlock(for: .revisitReported) { return blocked }
            guard let direction = plan.directedRevisitAwaited else { return nil }
            guard revisit.visited.start < direction.on else { return nil }
            return "the revisit started on \(revisit.visited.start), before the Secretary of State directed it on \(direction.on)"
        case .deliveryPhase:
            switch plan.phase {
            case .statementDue, .statementUnderReview, .monitoring, .cessationRecommended, .acceleratedProgress,
                 .strategicPlanDue, .priorityActionPlanDue, .priorityActionPlanUnderReview, .monitoringInspectionAwaited,
                 .nextInspectionAwaited:
                return nil
            case .inspected, .noStatementRequired, .closed:
                let phases = plan.framework == .send2016
                    ? [Phase.statementDue, .statementUnderReview, .monitoring, .cessationRecommended, .acceleratedProgress]
                    : [Phase.strategicPlanDue, .priorityActionPlanDue, .priorityActionPlanUnderReview, .monitoringInspectionAwaited,
                       .nextInspectionAwaited]
                return "it needs the plan to be \(Plan.either(phases.map(\.displayName))), and the plan is \(plan.phase.displayName)"
            }
        case .afterInspection:
            let start = plan.inspection.visit.start
            guard let early = facts.deliveryDates.first(where: { $0.day < start }) else { return nil }
            return "the \(early.name) \(early.day) is before the inspection began on \(start)"
        case .knownReference:
            // A loop, not a closure: a closure that captured the plan would copy it, for every line `verify` checks.
            let references = facts.references
            for (index, reference) in references.enumerated() {
                if let missing = plan.missing(reference) { return missing }
                if case let .weakness(id) = reference, references[..<index].contains(reference) { return "it names \(id) more than once" }
            }
            return nil
        case .uniqueID:
            guard case let .workstreamAdded(added) = event else { return nil }
            let workstream = added.workstream
            if !PlanID.isValid(workstream.id) {
                return "'\(workstream.id)' is not a valid workstream id (use lower-case letters, digits and hyphens, e.g. coproduction)"
            }
            if plan.workstream(workstream.id) != nil { return "the workstream '\(workstream.id)' already exists" }
            if let repeated = workstream.addresses.enumerated().first(where: { workstream.addresses[..<$0.offset].contains($0.element) }) {
                return "it addresses \(repeated.element) more than once"
            }
            return nil
        case .nextID:
            let prefix: Character, count: Int, given: String
            switch event {
            case let .actionAdded(added): (prefix, count, given) = ("A", plan.actions.count, added.id)
            case let .measureAdded(added): (prefix, count, given) = ("M", plan.measures.count, added.id)
            case let .evidenceAdded(added): (prefix, count, given) = ("E", plan.evidence.count, added.id)
            case let .followUpAdded(added): (prefix, count, given) = ("F", plan.followUps.count, added.id)
            case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld, .revisitReported,
                 .monitoringCeased, .partnerRenamed, .workstreamAdded, .actionUpdated, .actionRetargeted, .measureRecorded,
                 .followUpClosed, .recordAmended, .recordWithdrawn, .lineSetAside,
                 .weaknessesReleased, .appRequested, .appSubmitted, .appJudged, .appPublished, .progressReviewHeld, .escalationIssued,
                 .revisitDirected, .reportPublished, .strategicPlanPublished, .priorityActionPlanSubmitted, .priorityActionPlanJudged,
                 .monitoringInspectionReported, .deadlineSet:
                return nil
            }
            // The next id is the one that would be the last if there were one more.
            if Plan.index(of: given, prefix: prefix, count: count + 1) == count { return nil }
            return "its id is \(given), but the next id is \(prefix)\(count + 1)"
        case .addressesWeakness:
            guard case let .workstreamAdded(added) = event, added.workstream.addresses.isEmpty else { return nil }
            return "a workstream must address at least one weakness"
        case .actionOpen:
            guard case let .actionRetargeted(retarget) = event, let action = plan.action(retarget.id) else { return nil }
            if action.status == .complete { return "\(retarget.id) is complete, so its due date can no longer move" }
            return action.due == retarget.due ? "\(retarget.id) is already due on \(retarget.due)" : nil
        case .actionDatesInOrder:
            let id: String, on: Day
            switch event {
            case let .actionUpdated(update): (id, on) = (update.id, update.on)
            case let .actionRetargeted(retarget): (id, on) = (retarget.id, retarget.on)
            case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld, .revisitReported,
                 .monitoringCeased, .partnerRenamed, .workstreamAdded, .actionAdded, .measureAdded, .measureRecorded, .evidenceAdded,
                 .followUpAdded, .followUpClosed, .recordAmended, .recordWithdrawn, .lineSetAside,
                 .weaknessesReleased, .appRequested, .appSubmitted, .appJudged, .appPublished, .progressReviewHeld, .escalationIssued,
                 .revisitDirected, .reportPublished, .strategicPlanPublished, .priorityActionPlanSubmitted, .priorityActionPlanJudged,
                 .monitoringInspectionReported, .deadlineSet:
                return nil
            }
            guard let latest = plan.action(id)?.lastChanged, on < latest else { return nil }
            return "\(id) already has a report or retarget dated \(latest), after \(on)"
        case .targetAfterBaseline:
            guard case let .measureAdded(measure) = event, measure.target.on <= measure.baseline.on else { return nil }
            return "the target date \(measure.target.on) is not after the baseline date \(measure.baseline.on)"
        case .dueAfterAdded:
            switch event {
            case let .actionAdded(action) where action.due < action.on:
                return "\(action.id) would be due on \(action.due), before the day it is added (\(action.on))"
            case let .followUpAdded(followUp) where followUp.due < followUp.on:
                return "\(followUp.id) would be due on \(followUp.due), before the day it was agreed (\(followUp.on))"
            default:
                return nil
            }
        case .oncePerDay:
            return plan.alreadyRecorded(event)
        case .valueFitsUnit:
            return plan.valueNotFitting(event)
        case .followUpAfterVisit:
            guard case let .followUpAdded(followUp) = event, let index = plan.visitIndex(followUp.visit),
                  followUp.on < plan.visits[index].on else { return nil }
            return "\(followUp.id) would be agreed on \(followUp.on), before its visit \(followUp.visit) on \(plan.visits[index].on)"
        case .followUpOpen:
            guard case let .followUpClosed(closure) = event, let index = plan.followUpIndex(closure.id) else { return nil }
            let followUp = plan.followUps[index]
            if let closed = followUp.closed { return "\(closure.id) was already closed on \(closed)" }
            return closure.on < followUp.agreed ? "\(closure.id) would be closed on \(closure.on), before it was agreed on \(followUp.agreed)" : nil
        case .reopenWithReason:
            guard case let .actionUpdated(update) = event, update.status != .complete,
                  plan.action(update.id)?.status == .complete, update.note?.isBlank ?? true else { return nil }
            return "\(update.id) is complete, so reopening it needs a note saying why"
        case .correctableRecord:
            return plan.uncorrectable(event)
        case .correctionKeepsRecord:
            return plan.correctionBreaksRecord(event)
        }
    }
}

extension Plan {
    /// Why `reference` cannot be used, or nil when it exists.
    func missing(_ reference: PlanReference) -> String? {
        switch reference {
        case let .weakness(id):
            return weaknesses.contains(where: { $0.id == id }) ? nil : "there is no \(findingNoun) \(id) (the plan has \(Plan.listed(weaknesses.map(\.id))))"
        case let .workstream(id):
            return workstreams.contains(where: { $0.id == id }) ? nil
                : "there is no workstream '\(id)' (the plan has \(Plan.listed(workstreams.map(\.id))))"
        case let .action(id):
            guard let index = actionIndex(id) else { return "there is no action \(id) (the plan has \(Plan.range("A", actions.count)))" }
            return actions[index].withdrawn.map { "\(id) was withdrawn on \($0)" }
        case let .evidence(id):
            guard let index = evidenceIndex(id) else { return "there is no evidence \(id) (the plan has \(Plan.range("E", evidence.count)))" }
            return evidence[index].withdrawn.map { "\(id) was withdrawn on \($0)" }
        case let .followUp(id):
            return followUpIndex(id) == nil ? "there is no follow-up \(id) (the plan has \(Plan.range("F", followUps.count)))" : nil
        case let .visit(id):
            guard let index = visitIndex(id) else { return "there is no monitoring visit \(id) (the plan has \(Plan.range("V", visits.count)))" }
            return visits[index].withdrawn.map { "\(id) was withdrawn on \($0)" }
        case let .measure(id):
            return measureIndex(id) == nil ? "there is no measure \(id) (the plan has \(Plan.range("M", measures.count)))" : nil
        case let .weaknessOrWorkstream(id):
            return weaknesses.contains(where: { $0.id == id }) || workstreams.contains(where: { $0.id == id }) ? nil
                : "'\(id)' is neither \(findingNoun == "area" ? "an area" : "a weakness") nor a workstream of the plan"
        }
    }

    /// What is wrong with a judgement of each of `expected` exactly once, or nil: a weakness
    /// judged that is not expected, one left undecided or one not judged.
    func unjudged(_ outcomes: [String: WeaknessOutcome], expected: [String]) -> String? {
        if let unknown = outcomes.keys.filter({ !expected.contains($0) }).sorted(by: String.idOrder).first {
            guard let weakness = weakness(unknown) else {
                return "\(unknown) is not one of the plan's \(findingNoun == "area" ? "areas" : "weaknesses") (\(Plan.listed(weaknesses.map(\.id))))"
            }
            if weakness.kind == .improvement {
                return "\(unknown) is an area for improvement, which a monitoring inspection does not judge; only \(Plan.listed(expected)) \(expected.count == 1 ? "is" : "are") to be judged"
            }
            if let released = weakness.released { return "\(unknown) is \(released.description)" }
            let judged = weakness.judged.map { " (\($0.description))" } ?? ""
            return "\(unknown) has already been judged\(judged); only \(Plan.listed(expected)) \(expected.count == 1 ? "is" : "are") to be judged"
        }
        if let undecided = outcomes.keys.sorted(by: String.idOrder).first(where: { outcomes[$0] == .open }) {
            return "\(undecided) must be judged sufficient or insufficient"
        }
        let unjudged = expected.filter { outcomes[$0] == nil }
        return unjudged.isEmpty ? nil : "no judgement was given for \(unjudged.joined(separator: ", "))"
    }

    /// Why an accelerated progress plan step is out of order (rule app-in-order), or nil.
    func appStepOutOfOrder(_ event: PlanEvent) -> String? {
        let app = acceleratedProgressPlan
        if case .appRequested = event, app.awaitingDecision, let submitted = app.latestSubmission {
            return "the accelerated progress plan submitted on \(submitted.on) still awaits DfE and NHS England's decision"
        }
        if event.type == .appSubmitted || event.type == .appRequested {
            if app.awaitingDecision, let submitted = app.latestSubmission {
                return "the accelerated progress plan submitted on \(submitted.on) still awaits DfE and NHS England's decision; record it with 'app-accept' or 'app-return' first"
            }
            // A refreshed plan follows a formal review or a further revisit after the acceptance.
            if let accepted = app.accepted, !revisits.contains(where: { $0.letter >= accepted }), !reviews.contains(where: { $0.on >= accepted }) {
                return "the accelerated progress plan was already accepted on \(accepted); a revised one follows a formal review or a further revisit"
            }
        }
        if case let .appJudged(judged) = event {
            guard app.awaitingDecision else {
                return app.latestSubmission == nil ? "no accelerated progress plan has been submitted to decide on"
                    : "the accelerated progress plan is \(app.status), so there is no submission awaiting a decision"
            }
            if !judged.accepted && (judged.note?.isBlank ?? true) { return "an accelerated progress plan sent back needs a note saying why" }
        }
        if case .appPublished = event, app.latestSubmission == nil {
            return "no accelerated progress plan has been submitted to publish"
        }
        return nil
    }

    /// Why an event cannot be recorded in the current phase: which phases would accept it.
    package func phaseMismatch(for type: EventType) -> String {
        let phases = Lifecycle.phases(accepting: type, in: framework).map(\.displayName)
        guard !phases.isEmpty else {
            // The event belongs to the other framework's lifecycle.
            let other = Framework.allCases.first { !Lifecycle.phases(accepting: type, in: $0).isEmpty }
            let instead = framework == .areaSEND2023 ? " (the 2023 framework's report, strategic plan, priority action plan and monitoring inspection take its place)"
                : " (the written statement of action, its monitoring and the revisit take its place)"
            return "it belongs to the \(other?.displayName ?? "other framework"), and this plan follows the \(framework.displayName), as its inspection began on \(inspection.visit.start)\(instead)"
        }
        return "it needs the plan to be \(Plan.either(phases)), and the plan is \(phase.displayName)"
    }

    /// What refusals call a finding of this plan: "weakness", or under the 2023 framework "area".
    var findingNoun: String { framework == .send2016 ? "weakness" : "area" }

    /// `a`, `a or b`, `a, b or c`: the phases (in words) a rule would accept.
    static func either(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + items[items.count - 1]
    }

    private static func listed(_ ids: [String]) -> String {
        ids.isEmpty ? "none yet" : ids.joined(separator: ", ")
    }

    private static func range(_ prefix: String, _ count: Int) -> String {
        switch count {
        case 0: return "none yet"
        case 1: return "\(prefix)1 only"
        default: return "\(prefix)1 to \(prefix)\(count)"
        }
    }
}
