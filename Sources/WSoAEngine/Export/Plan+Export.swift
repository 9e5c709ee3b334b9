extension Plan {
    /// The plan's items of `kind` as a table of rows, ids first, withdrawn items included and
    /// marked, so a tracker built from it holds everything the record does.
    public func exportTable(_ kind: ExportKind) -> ExportTable {
        func day(_ value: Day?) -> ExportCell { value.map { .value($0.description) } ?? .empty }
        func text(_ value: String?) -> ExportCell { value.map(ExportCell.text) ?? .empty }
        func number(_ value: Double?) -> ExportCell { value.map { .value(Amendment.number($0)) } ?? .empty }
        func list(_ values: [String]) -> ExportCell { values.isEmpty ? .empty : .text(values.joined(separator: "; ")) }
        switch kind {
        case .actions:
            return ExportTable(
                headers: ["ID", "Workstream", "Title", "Lead", "Added on", "Due date", "First due date", "Status", "Completed on", "Last reported on",
                          "Times retargeted", "Withdrawn on"],
                rows: actions.map { action in
                    [.value(action.id), .value(action.workstream), .text(action.title), text(action.lead), day(action.added), day(action.due),
                     day(action.originalDue), .value(ReportText.status(action.status)), day(action.completed), day(action.lastReported),
                     .value(String(action.retargets.count)), day(action.withdrawn)]
                })
        case .measures:
            return ExportTable(
                headers: ["ID", "Workstream", "Title", "Unit", "Better when", "Baseline", "Baseline date", "Target", "Target date",
                          "National", "Latest value", "Latest date"],
                rows: measures.map { measure in
                    [.value(measure.id), .value(measure.workstream), .text(measure.title), text(measure.unit),
                     .value(measure.direction == .higherIsBetter ? "higher" : "lower"), number(measure.baseline.value),
                     day(measure.baseline.on), number(measure.target.value), day(measure.target.on), number(measure.national),
                     number(measure.readings.last?.value), day(measure.readings.last?.on)]
                })
        case .readings:
            return ExportTable(
                headers: ["Measure ID", "Measure", "Date", "Value"],
                rows: measures.flatMap { measure in
                    measure.readings.map { [.value(measure.id), .text(measure.title), day($0.on), number($0.value)] }
                })
        case .evidence:
            return ExportTable(
                headers: ["ID", "Workstream", "Areas", "Kind", "Date", "Title", "Source", "Link", "File", "SHA-256", "Version",
                          "Withdrawn on"],
                rows: evidence.map { item in
                    [.value(item.id), .value(item.workstream), item.weaknesses.isEmpty ? .empty : .value(item.weaknesses.joined(separator: "; ")),
                     .value(item.kind.rawValue), day(item.on), .text(item.title), text(item.source), text(item.link),
                     text(item.file?.name), item.file.map { .value($0.sha256) } ?? .empty,
                     item.fileVersion.map { .value(String($0)) } ?? .empty, day(item.withdrawn)]
                })
        case .visits:
            return ExportTable(
                headers: ["ID", "Date", "Advisers", "Attended for the area", "Ratings", "Follow-ups", "Note", "Withdrawn on"],
                rows: visits.map { visit in
                    [.value(visit.id), day(visit.on), list(visit.advisers), list(visit.attendees.map(\.description)),
                     visit.ratings.isEmpty ? .empty
                        : .value(visit.ratings.keys.sorted(by: String.idOrder).map { "\($0) \(visit.ratings[$0]!.rawValue)" }.joined(separator: "; ")),
                     list(visit.followUps), text(visit.note), day(visit.withdrawn)]
                })
        case .followups:
            return ExportTable(
                headers: ["ID", "Visit", "Title", "Owner", "Due date", "Agreed on", "Areas", "Closed on", "Closed by", "Closing note"],
                rows: followUps.map { followUp in
                    [.value(followUp.id), .value(followUp.visit), .text(followUp.title), .text(followUp.owner), day(followUp.due),
                     day(followUp.agreed), followUp.weaknesses.isEmpty ? .empty : .value(followUp.weaknesses.joined(separator: "; ")),
                     day(followUp.closed), followUp.closedBy.map(ExportCell.value) ?? .empty, text(followUp.closingNote)]
                })
        }
    }
}
