extension DeliveryRecord {
    /// Adds what `event`, at journal line `line`, records item by item.
    public mutating func apply(_ event: PlanEvent, line: Int) {
        switch event {
        case let .evidenceAdded(added):
            evidence.append(Evidence(added, line: line))
        case let .actionUpdated(update):
            statusReports.append(StatusReport(action: update.id, on: update.on, status: update.status, note: update.note, line: line))
        case let .measureRecorded(recorded):
            readings.append(MeasureReading(measure: recorded.id, on: recorded.on, value: recorded.value, line: line))
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld, .revisitReported,
             .monitoringCeased, .partnerRenamed, .workstreamAdded, .actionAdded, .actionRetargeted, .measureAdded:
            return
        }
    }
}
