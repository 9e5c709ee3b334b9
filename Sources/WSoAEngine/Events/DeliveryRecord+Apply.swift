extension DeliveryRecord {
    /// Adds what `event`, at journal line `line`, records item by item.
    public mutating func apply(_ event: PlanEvent, line: Int) {
        switch event {
        case let .actionUpdated(update):
            statusReports.append(StatusReport(action: update.id, on: update.on, status: update.status, note: update.note, line: line))
        case let .measureRecorded(recorded):
            readings.append(MeasureReading(measure: recorded.id, on: recorded.on, value: recorded.value, line: line))
        case let .recordAmended(amended):
            // A corrected reading shows its right value where it was recorded.
            guard case let .reading(measure, on) = amended.target, let value = amended.changes.value,
                  let index = readings.lastIndex(where: { $0.measure == measure && $0.on == on }) else { return }
            readings[index].value = value
            readings[index].corrected = line
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld, .revisitReported,
             .monitoringCeased, .partnerRenamed, .workstreamAdded, .actionAdded, .actionRetargeted, .measureAdded, .evidenceAdded,
             .followUpAdded, .followUpClosed, .recordWithdrawn, .lineSetAside,
             .weaknessesReleased, .appRequested, .appSubmitted, .appJudged, .appPublished, .progressReviewHeld, .escalationIssued, .revisitDirected, .reportPublished, .strategicPlanPublished, .priorityActionPlanSubmitted, .priorityActionPlanJudged, .monitoringInspectionReported, .deadlineSet:
            return
        }
    }
}
