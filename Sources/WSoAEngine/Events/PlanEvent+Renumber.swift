extension PlanEvent {
    /// The event with every id it gives or names — `A<n>`, `M<n>`, `E<n>`, `F<n>`, `V<n>` — put
    /// through `id`, and every journal line it names (a correction of a lifecycle event) through
    /// `line`; all else as it was.
    ///
    /// What a merge of two copies of a plan needs: an item each copy added on its own took the
    /// next id there (both added an `E41`), and a lifecycle line has another number once the
    /// two copies' lines are one journal, so each copy's lines are renumbered into the merged
    /// plan's ids and lines. Workstream and weakness ids are chosen by people or given by the
    /// letter, the same in every copy, and are left alone.
    func renumbered(id: (String) -> String, line: (Int) -> Int) -> PlanEvent {
        func target(_ target: RecordTarget) -> RecordTarget {
            switch target {
            case .workstream: return target
            case let .action(item): return .action(id(item))
            case let .measure(item): return .measure(id(item))
            case let .reading(measure, on): return .reading(measure: id(measure), on: on)
            case let .evidence(item): return .evidence(id(item))
            case let .visit(item): return .visit(id(item))
            case let .lifecycle(number): return .lifecycle(line: line(number))
            }
        }
        switch self {
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld, .revisitReported,
             .monitoringCeased, .weaknessesReleased, .appRequested, .appSubmitted, .appJudged, .appPublished, .progressReviewHeld,
             .escalationIssued, .revisitDirected, .reportPublished, .strategicPlanPublished, .priorityActionPlanSubmitted,
             .priorityActionPlanJudged, .monitoringInspectionReported, .deadlineSet, .partnerRenamed, .workstreamAdded:
            return self
        case let .lineSetAside(aside):
            // The item the line set aside was about is one of the plan's, and follows it; an
            // item it gave itself was never the plan's, and keeps the id its copy gave.
            guard let item = aside.setAsideID, !aside.setAsideType.givesItem else { return self }
            return .lineSetAside(LineSetAside(on: aside.on, copy: aside.copy, seq: aside.seq, key: aside.key, type: aside.setAsideType,
                                              setAsideOn: aside.setAsideOn, id: id(item), by: aside.setAsideBy,
                                              recorded: aside.setAsideRecorded, reason: aside.reason))
        case let .actionAdded(added):
            return .actionAdded(ActionAdded(on: added.on, id: id(added.id), workstream: added.workstream, title: added.title,
                                            lead: added.lead, due: added.due))
        case let .actionUpdated(updated):
            return .actionUpdated(ActionUpdated(on: updated.on, id: id(updated.id), status: updated.status, note: updated.note))
        case let .actionRetargeted(moved):
            return .actionRetargeted(ActionRetargeted(on: moved.on, id: id(moved.id), due: moved.due, reason: moved.reason,
                                                      agreedWith: moved.agreedWith))
        case let .measureAdded(added):
            return .measureAdded(MeasureAdded(on: added.on, id: id(added.id), workstream: added.workstream, title: added.title,
                                              unit: added.unit, direction: added.direction, baseline: added.baseline,
                                              national: added.national, target: added.target))
        case let .measureRecorded(reading):
            return .measureRecorded(MeasureRecorded(on: reading.on, id: id(reading.id), value: reading.value))
        case let .evidenceAdded(added):
            return .evidenceAdded(EvidenceAdded(on: added.on, id: id(added.id), workstream: added.workstream, weaknesses: added.weaknesses,
                                                kind: added.kind, title: added.title, source: added.source, file: added.file,
                                                link: added.link))
        case let .followUpAdded(added):
            return .followUpAdded(FollowUpAdded(on: added.on, id: id(added.id), visit: id(added.visit), title: added.title,
                                                owner: added.owner, due: added.due, weaknesses: added.weaknesses))
        case let .followUpClosed(closed):
            return .followUpClosed(FollowUpClosed(on: closed.on, id: id(closed.id), evidence: closed.evidence.map(id), note: closed.note))
        case let .recordAmended(amended):
            return .recordAmended(RecordAmended(on: amended.on, target: target(amended.target), changes: amended.changes,
                                                reason: amended.reason))
        case let .recordWithdrawn(withdrawn):
            return .recordWithdrawn(RecordWithdrawn(on: withdrawn.on, target: target(withdrawn.target), reason: withdrawn.reason))
        }
    }

    /// The id this event gives a new item (`A<n>`, `M<n>`, `E<n>`, `F<n>`), or nil: a visit
    /// takes its `V<n>` from its place among the visits, and a workstream's id is chosen.
    var givenID: String? {
        switch self {
        case let .actionAdded(added): return added.id
        case let .measureAdded(added): return added.id
        case let .evidenceAdded(added): return added.id
        case let .followUpAdded(added): return added.id
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld, .revisitReported,
             .monitoringCeased, .weaknessesReleased, .appRequested, .appSubmitted, .appJudged, .appPublished, .progressReviewHeld,
             .escalationIssued, .revisitDirected, .reportPublished, .strategicPlanPublished, .priorityActionPlanSubmitted,
             .priorityActionPlanJudged, .monitoringInspectionReported, .deadlineSet, .partnerRenamed, .workstreamAdded,
             .actionUpdated, .actionRetargeted, .measureRecorded, .followUpClosed, .recordAmended, .recordWithdrawn, .lineSetAside:
            return nil
        }
    }
}
