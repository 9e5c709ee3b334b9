/// Checks of what a new record repeats or holds against what the plan already has: one visit
/// and one reading a day, the same evidence once, values that fit their measure's unit.
extension Plan {
    /// Why `event` repeats something the plan already holds for its day (rule once-a-day):
    /// a second visit on a day, a second reading of a measure on a day, or the same evidence
    /// again; names the first and the command that corrects it. Nil when it repeats nothing.
    func alreadyRecorded(_ event: PlanEvent) -> String? {
        switch event {
        case let .monitoringVisitHeld(visit):
            // Standing visits are in date order (rule dates-in-order, and a correction keeps it), so
            // only the latest ones can share the day: a look back from the end, not a pass over
            // every visit for every line `verify` checks.
            var same: MonitoringVisit?
            for index in visits.indices.reversed() where visits[index].withdrawn == nil {
                if visits[index].on < visit.on { break }
                if visits[index].on == visit.on { same = visits[index] }
            }
            guard let first = same else { return nil }
            return "\(first.id) is already recorded on \(visit.on); correct it with 'wsoa visit amend \(id) \(first.id) … --reason …'"
                + " or, if it was recorded in error, 'wsoa visit withdraw \(id) \(first.id) --reason …'"
        case let .measureRecorded(recorded):
            guard let index = measureIndex(recorded.id),
                  let reading = measures[index].readings.first(where: { $0.on == recorded.on }) else { return nil }
            return "\(recorded.id) already has a reading on \(recorded.on) (\(Amendment.number(reading.value))); correct it with "
                + "'wsoa measure correct \(id) \(recorded.id) --on \(recorded.on) --value VALUE --reason …'"
        case let .evidenceAdded(added):
            guard let index = evidenceOnDay[added.on]?.first(where: { index in
                      evidence[index].withdrawn == nil && evidence[index].workstream == added.workstream
                          && evidence[index].kind == added.kind && evidence[index].title == added.title
                  }) else { return nil }
            let first = evidence[index]
            return "\(first.id) already records this \(added.kind.rawValue) evidence for '\(added.workstream)' on \(added.on); "
                + "correct it with 'wsoa evidence amend \(id) \(first.id) … --reason …'"
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .revisitReported, .monitoringCeased,
             .partnerRenamed, .workstreamAdded, .actionAdded, .actionUpdated, .actionRetargeted, .measureAdded, .followUpAdded,
             .followUpClosed, .recordAmended, .recordWithdrawn, .lineSetAside,
             .weaknessesReleased, .appRequested, .appSubmitted, .appJudged, .appPublished, .progressReviewHeld, .escalationIssued, .revisitDirected, .reportPublished, .strategicPlanPublished, .priorityActionPlanSubmitted, .priorityActionPlanJudged, .monitoringInspectionReported, .deadlineSet:
            return nil
        }
    }
}

extension Plan {
    /// Why a value `event` records does not fit its measure's unit (rule value-fits-unit), or nil.
    func valueNotFitting(_ event: PlanEvent) -> String? {
        let unit: String, values: [(String, Double)]
        switch event {
        case let .measureAdded(added):
            unit = added.unit
            values = [("baseline", added.baseline.value), ("target", added.target.value)] + (added.national.map { [("national figure", $0)] } ?? [])
        case let .measureRecorded(recorded):
            guard let index = measureIndex(recorded.id) else { return nil }
            unit = measures[index].unit
            values = [("value", recorded.value)]
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld, .revisitReported,
             .monitoringCeased, .partnerRenamed, .workstreamAdded, .actionAdded, .actionUpdated, .actionRetargeted, .evidenceAdded,
             .followUpAdded, .followUpClosed, .recordAmended, .recordWithdrawn, .lineSetAside,
             .weaknessesReleased, .appRequested, .appSubmitted, .appJudged, .appPublished, .progressReviewHeld, .escalationIssued, .revisitDirected, .reportPublished, .strategicPlanPublished, .priorityActionPlanSubmitted, .priorityActionPlanJudged, .monitoringInspectionReported, .deadlineSet:
            return nil
        }
        let kind = MeasureUnit(unit)
        for (name, value) in values {
            if let problem = kind.problem(with: value, unit: unit) { return "the \(name) \(problem)" }
        }
        return nil
    }
}
