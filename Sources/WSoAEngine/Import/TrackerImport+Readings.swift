extension TrackerImport.Importer {
    /// What a row of a readings tracker asks for: the reading of a measure (by its id, or by
    /// its title) on a day, recorded, or correcting the reading of that day when it differs.
    mutating func readingRequest(_ row: TrackerRow) throws -> (String, [Pending]) {
        let measures = plan.measures
        let title = row.text(.measure)?.collapsingWhitespace
        let index: Int
        if let id = row.id {
            guard let found = measures.firstIndex(where: { $0.id == id }) else {
                throw row.problem(.id, .knownID, "\(plan.id) has no measure \(id); add it first with 'wsoa import \(plan.id) --what measures'")
            }
            if let title, title != measures[found].title {
                throw row.problem(.measure, .knownID, "\(id) is '\(measures[found].title)', not '\(title)'; check the row is the measure it says")
            }
            index = found
        } else {
            guard let title else {
                throw row.problem(.measure, .validValue, "the row has neither a measure ID nor a measure's title, so it names no measure")
            }
            let found = measures.indices.filter { measures[$0].title == title }
            guard found.count == 1 else {
                throw row.problem(.measure, found.isEmpty ? .knownID : .oneMatch, found.isEmpty
                                    ? "\(plan.id) has no measure titled '\(title)'"
                                    : "\(found.count) measures are titled '\(title)' (\(found.map { measures[$0].id }.joined(separator: ", "))); give the measure ID")
            }
            index = found[0]
        }
        let measure = measures[index]
        guard let on = try row.day(.date) else { throw row.problem(.date, .validValue, "a reading needs the day it was measured, and the cell is empty") }
        guard let value = try row.number(.value) else { throw row.problem(.value, .validValue, "a reading needs its value, and the cell is empty") }
        return ("\(measure.id) \(on)", reading(of: measure.id, on: on, value: value, readings: measure.readings, row: row, column: .value, dated: .date))
    }
}
