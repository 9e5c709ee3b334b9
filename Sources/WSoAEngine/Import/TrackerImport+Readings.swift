extension TrackerImport.Importer {
    /// What a row of a readings tracker asks for: the reading of a measure (by its id, or by
    /// its title) on a day, recorded, or correcting the reading of that day when it differs.
    mutating func readingRequest(_ row: TrackerRow) throws -> (String, [Pending]) {
        let title = row.text(.measure)?.collapsingWhitespace
        let measure: Measure
        if let id = row.id {
            guard let index = plan.measureIndex(id) else {
                throw row.problem(.id, .knownID, "\(plan.id) has no measure \(id); add it first with 'wsoa import \(plan.id) --what measures'")
            }
            measure = plan.measures[index]
            if let title, title != measure.title {
                throw row.problem(.measure, .knownID, "\(id) is '\(measure.title)', not '\(title)'; check the row is the measure it says")
            }
        } else {
            guard let title else {
                throw row.problem(.measure, .validValue, "the row has neither a measure ID nor a measure's title, so it names no measure")
            }
            if titles == nil { titles = TitleIndex(kind: kind, plan: plan) }
            let found = titles!.candidates(title).filter { plan.measures[$0].title == title }
            guard found.count == 1 else {
                throw row.problem(.measure, found.isEmpty ? .knownID : .oneMatch, found.isEmpty
                                    ? "\(plan.id) has no measure titled '\(title)'"
                                    : "\(found.count) measures are titled '\(title)' (\(found.map { plan.measures[$0].id }.joined(separator: ", "))); give the measure ID")
            }
            measure = plan.measures[found[0]]
        }
        guard let on = try row.day(.date) else { throw row.problem(.date, .validValue, "a reading needs the day it was measured, and the cell is empty") }
        guard let value = try row.number(.value) else { throw row.problem(.value, .validValue, "a reading needs its value, and the cell is empty") }
        return ("\(measure.id) \(on)", reading(of: measure.id, on: on, value: value, readings: measure.readings, row: row, column: .value, dated: .date))
    }
}
