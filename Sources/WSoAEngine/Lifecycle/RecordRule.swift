/// A named rule for the events that record the statement's delivery — workstreams, actions,
/// measures, evidence and partner names — which keep the phase as it is (DESIGN.md §5).
///
/// Like `Guard`, the raw value is the name refusals print.
public enum RecordRule: String, Sendable, CaseIterable {
    /// Delivery records need a plan between `statementDue` and `acceleratedProgress`.
    case deliveryPhase = "delivery-phase"
    /// Dates may not fall before the inspection visit began.
    case afterInspection = "after-inspection"
    /// Workstreams, weaknesses, actions and measures referred to must exist.
    case knownReference = "known-reference"
    /// A workstream id is a slug and is used once.
    case uniqueID = "unique-id"
    /// A workstream addresses at least one weakness.
    case addressesWeakness = "addresses-a-weakness"
    /// A complete action cannot be retargeted, and a retarget must move the date.
    case actionOpen = "action-open"
    /// An action's status reports and retargets are recorded in date order, so its history reads
    /// as it happened.
    case actionDatesInOrder = "action-dates-in-order"
    /// A measure's target date comes after its baseline date.
    case targetAfterBaseline = "target-after-baseline"

    /// The rules `type` must pass, in the order they are checked.
    public static func rules(for type: EventType) -> [RecordRule] {
        switch type {
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .revisitReported, .monitoringCeased:
            return []
        case .monitoringVisitHeld:
            return [.knownReference]
        case .partnerRenamed:
            return [.afterInspection]
        case .workstreamAdded:
            return [.deliveryPhase, .afterInspection, .uniqueID, .addressesWeakness, .knownReference]
        case .actionAdded, .measureRecorded, .evidenceAdded:
            return [.deliveryPhase, .afterInspection, .knownReference]
        case .actionUpdated:
            return [.deliveryPhase, .afterInspection, .knownReference, .actionDatesInOrder]
        case .actionRetargeted:
            return [.deliveryPhase, .afterInspection, .knownReference, .actionOpen, .actionDatesInOrder]
        case .measureAdded:
            return [.deliveryPhase, .afterInspection, .knownReference, .targetAfterBaseline]
        }
    }

    /// What is missing for `event` to pass this rule on `plan`, or nil when it passes.
    public func unmet(by event: PlanEvent, in plan: Plan) -> String? {
        switch self {
        case .deliveryPhase:
            guard !plan.phase.acceptsDeliveryRecords else { return nil }
            return "it needs the plan to be between statementDue and acceleratedProgress, and the plan is \(plan.phase.rawValue)"
        case .afterInspection:
            let start = plan.inspection.visit.start
            guard let early = event.checkedDates.first(where: { $0.day < start }) else { return nil }
            return "the \(early.name) \(early.day) is before the inspection began on \(start)"
        case .knownReference:
            return event.references.lazy.compactMap { plan.missing($0) }.first
        case .uniqueID:
            guard case let .workstreamAdded(_, workstream) = event else { return nil }
            if (try? PlanID.validate(workstream.id)) == nil {
                return "'\(workstream.id)' is not a valid workstream id (use lower-case letters, digits and hyphens, e.g. coproduction)"
            }
            return plan.workstream(workstream.id) == nil ? nil : "the workstream '\(workstream.id)' already exists"
        case .addressesWeakness:
            guard case let .workstreamAdded(_, workstream) = event, workstream.addresses.isEmpty else { return nil }
            return "a workstream must address at least one weakness (--addresses W1,…)"
        case .actionOpen:
            guard case let .actionRetargeted(_, id, due, _, _) = event, let index = plan.actionIndex(id) else { return nil }
            if plan.actions[index].status == .complete { return "\(id) is complete, so its due date can no longer move" }
            return plan.actions[index].due == due ? "\(id) is already due on \(due)" : nil
        case .actionDatesInOrder:
            let id: String, on: Day
            switch event {
            case let .actionUpdated(day, actionID, _, _), let .actionRetargeted(day, actionID, _, _, _):
                (id, on) = (actionID, day)
            case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld,
                 .revisitReported, .monitoringCeased, .partnerRenamed, .workstreamAdded, .actionAdded, .measureAdded,
                 .measureRecorded, .evidenceAdded:
                return nil
            }
            guard let index = plan.actionIndex(id) else { return nil }
            let action = plan.actions[index]
            let latest = (action.statusHistory.map(\.on) + action.retargets.map(\.on)).max()
            guard let latest, on < latest else { return nil }
            return "\(id) already has a report or retarget dated \(latest), after \(on)"
        case .targetAfterBaseline:
            guard case let .measureAdded(_, measure) = event, measure.target.on <= measure.baseline.on else { return nil }
            return "the target date \(measure.target.on) is not after the baseline date \(measure.baseline.on)"
        }
    }
}

/// Something an event refers to, which must exist in the plan.
enum PlanReference {
    case weakness(String)
    case workstream(String)
    case action(String)
    case measure(String)
    /// A weakness id or a workstream id (monitoring-visit ratings).
    case weaknessOrWorkstream(String)
}

extension Plan {
    /// Why `reference` cannot be used, or nil when it exists.
    func missing(_ reference: PlanReference) -> String? {
        switch reference {
        case let .weakness(id):
            return weakness(id) == nil ? "there is no weakness \(id) (the plan has \(listed(weaknesses.map(\.id))))" : nil
        case let .workstream(id):
            return workstream(id) == nil ? "there is no workstream '\(id)' (the plan has \(listed(workstreams.map(\.id))))" : nil
        case let .action(id):
            return actionIndex(id) == nil ? "there is no action \(id) (the plan has \(Plan.range("A", actions.count)))" : nil
        case let .measure(id):
            return measureIndex(id) == nil ? "there is no measure \(id) (the plan has \(Plan.range("M", measures.count)))" : nil
        case let .weaknessOrWorkstream(id):
            return weakness(id) == nil && workstream(id) == nil
                ? "'\(id)' is neither a weakness nor a workstream of the plan" : nil
        }
    }

    private func listed(_ ids: [String]) -> String {
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

extension PlanEvent {
    /// The dates an event sets, named for refusals (lifecycle events are checked by `Guard`s).
    var checkedDates: [(name: String, day: Day)] {
        switch self {
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld,
             .revisitReported, .monitoringCeased:
            return []
        case let .partnerRenamed(on, _, _, _), let .workstreamAdded(on, _), let .actionUpdated(on, _, _, _),
             let .measureRecorded(on, _, _):
            return [("date", on)]
        case let .actionAdded(on, _, _, _, _, due), let .actionRetargeted(on, _, due, _, _):
            return [("date", on), ("due date", due)]
        case let .measureAdded(on, measure):
            // Baselines often predate the inspection (the figures it was judged on), so only
            // the day it was added and its target are checked.
            return [("date", on), ("target date", measure.target.on)]
        case let .evidenceAdded(evidence):
            return [("evidence date", evidence.on)]
        }
    }

    /// What the event refers to, which must exist.
    var references: [PlanReference] {
        switch self {
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .revisitReported,
             .monitoringCeased, .partnerRenamed:
            return []
        case let .monitoringVisitHeld(_, _, ratings, _, _):
            return ratings.keys.sorted().map(PlanReference.weaknessOrWorkstream)
        case let .workstreamAdded(_, workstream):
            return workstream.addresses.map(PlanReference.weakness)
        case let .actionAdded(_, _, workstream, _, _, _):
            return [.workstream(workstream)]
        case let .measureAdded(_, measure):
            return [.workstream(measure.workstream)]
        case let .actionUpdated(_, id, _, _), let .actionRetargeted(_, id, _, _, _):
            return [.action(id)]
        case let .measureRecorded(_, id, _):
            return [.measure(id)]
        case let .evidenceAdded(evidence):
            return [.workstream(evidence.workstream)] + (evidence.weakness.map { [.weakness($0)] } ?? [])
        }
    }
}
