extension TrackerImport.Importer {
    /// What a row of a measures tracker asks for.
    ///
    /// A new measure is added today with its unit, direction ("Better when": higher unless the
    /// row says lower), baseline, target and national figure. An existing one gets an amendment
    /// of its title, unit, baseline or target. Either way a "Latest value" on a "Latest date"
    /// is recorded as a reading, or corrects the reading of that day.
    mutating func measureRequest(_ row: TrackerRow) throws -> (String, [Pending]) {
        let match = try match(row)
        let direction = try row.choice(.direction, [(MeasureDirection.higherIsBetter, ["higher", "higher is better", "up", "increase"]),
                                                    (MeasureDirection.lowerIsBetter, ["lower", "lower is better", "down", "decrease"])],
                                       what: "which way the measure is better")
        switch match {
        case let .new(id):
            let workstream = try row.required(.workstream, for: "measure").collapsingWhitespace
            let title = try row.required(.title, for: "measure")
            let unit = try row.required(.unit, for: "measure")
            let baseline = try reading(row, .baseline, .baselineDate, what: "baseline")
            let target = try reading(row, .target, .targetDate, what: "target")
            let added = Pending(words: "added to workstream '\(workstream)': baseline \(Amendment.number(baseline.value)) on \(baseline.on), "
                                    + "target \(Amendment.number(target.value)) by \(target.on)",
                                command: .addMeasure(on: today, workstream: workstream, title: title, unit: unit, direction: direction ?? .higherIsBetter,
                                                     baseline: baseline, national: try row.number(.national), target: target),
                                column: nil, referenced: .workstream)
            return (id, [added] + (try latest(row, id, readings: [])))
        case let .existing(index):
            let measure = plan.measures[index]
            let id = measure.id
            try keep(row, .workstream, as: measure.workstream, id, what: "the workstream of a measure, which stays in the workstream it was added to")
            if let direction, direction != measure.direction {
                throw row.problem(.direction, .keptByWsoa, "\(id) is better when \(measure.direction == .higherIsBetter ? "higher" : "lower"), "
                                    + "which is part of what it measures; add a new measure instead")
            }
            if let national = try row.number(.national), national != measure.national {
                throw row.problem(.national, .keptByWsoa, "\(id) has \(measure.national.map(Amendment.number) ?? "no") national figure "
                                    + "as first recorded, and the row has \(Amendment.number(national))")
            }
            var changes = Amendment()
            if let title = row.text(.title)?.collapsingWhitespace, title != measure.title { changes.title = title }
            if let unit = row.text(.unit)?.collapsingWhitespace, unit != measure.unit { changes.unit = unit }
            let baseline = Reading(on: try row.day(.baselineDate) ?? measure.baseline.on, value: try row.number(.baseline) ?? measure.baseline.value)
            if baseline != measure.baseline { changes.baseline = baseline }
            let target = Reading(on: try row.day(.targetDate) ?? measure.target.on, value: try row.number(.target) ?? measure.target.value)
            if target != measure.target { changes.target = target }
            var pending: [Pending] = []
            if !changes.fieldNames.isEmpty {
                pending.append(Pending(words: "amended: " + changes.descriptions.joined(separator: ", "), command:
                                        .amend(on: today, target: .measure(id), changes: changes, reason: importedReason(row)), column: nil))
            }
            return (id, pending + (try latest(row, id, readings: measure.readings)))
        }
    }

    /// A baseline or target: its value and date, both of which a new measure needs.
    private func reading(_ row: TrackerRow, _ value: ImportColumn, _ date: ImportColumn, what: String) throws -> Reading {
        guard let number = try row.number(value) else {
            throw row.problem(value, .validValue, "a new measure needs its \(what), and the cell is empty")
        }
        guard let on = try row.day(date) else {
            throw row.problem(date, .validValue, "a new measure needs the date of its \(what), and the cell is empty")
        }
        return Reading(on: on, value: number)
    }

    /// The reading a row's "Latest value" and "Latest date" give, if the measure does not hold it.
    private func latest(_ row: TrackerRow, _ id: String, readings: [Reading]) throws -> [Pending] {
        let value = try row.number(.latestValue), on = try row.day(.latestDate)
        switch (value, on) {
        case (nil, nil):
            return []
        case (_?, nil):
            throw row.problem(.latestDate, .validValue, "a latest value needs the day it was measured, and the cell is empty")
        case (nil, _?):
            throw row.problem(.latestValue, .validValue, "a latest date needs the value measured that day, and the cell is empty")
        case let (value?, on?):
            return reading(of: id, on: on, value: value, readings: readings, row: row, column: .latestValue, dated: .latestDate)
        }
    }

    /// Records `value` for measure `id` on `on`, or corrects the reading of that day when it
    /// differs; nothing when the measure already holds it.
    func reading(of id: String, on: Day, value: Double, readings: [Reading], row: TrackerRow, column: ImportColumn,
                 dated: ImportColumn) -> [Pending] {
        guard let recorded = readings.first(where: { $0.on == on }) else {
            return [Pending(words: "reading of \(on): \(Amendment.number(value))", command: .recordMeasure(on: on, id: id, value: value), column: column,
                            dated: dated)]
        }
        guard recorded.value != value else { return [] }
        var changes = Amendment()
        changes.value = value
        return [Pending(words: "reading of \(on) corrected from \(Amendment.number(recorded.value)) to \(Amendment.number(value))", command:
                            .amend(on: today, target: .reading(measure: id, on: on), changes: changes, reason: importedReason(row)), column: column, dated: dated)]
    }
}
