/// One row of a tracker: its cells by column, read the way each column's values are written,
/// and any cell that cannot be read refused with the row, the column as headed and the rule.
struct TrackerRow {
    /// The spreadsheet's row number.
    let row: Int
    /// The cells by column, as the file holds them.
    let cells: [ImportColumn: String]
    /// Each column's header as the file writes it.
    let headers: [ImportColumn: String]
    /// The kind of tracker, for the headers of columns the file does not have.
    let kind: ImportKind

    /// The column as the tracker heads it, or as `wsoa export` would when it has no such column.
    func header(_ column: ImportColumn) -> String {
        headers[column] ?? column.headers(for: kind)[0]
    }

    /// Why `column` of this row cannot be imported, under `rule`.
    func problem(_ column: ImportColumn?, _ rule: ImportRule, _ reason: String) -> ImportProblem {
        ImportProblem(row: row, column: column.map(header), rule: rule.rawValue, reason: reason)
    }

    /// The cell's text, or nil when it is empty or blank. The apostrophe `wsoa export` puts
    /// before text a spreadsheet would take for a formula is taken off again.
    func text(_ column: ImportColumn) -> String? {
        guard var text = cells[column], !text.isBlank else { return nil }
        if text.hasPrefix("'"), let next = text.unicodeScalars.dropFirst().first, CSVWriter.formulaStarts.contains(next) {
            text.removeFirst()
        }
        return text
    }

    /// The cell's text, which a new item cannot do without.
    func required(_ column: ImportColumn, for what: String) throws -> String {
        guard let text = text(column) else {
            throw problem(column, .validValue, "a new \(what) needs its \(header(column).lowercased()), and the cell is empty")
        }
        return text
    }

    /// The cell as a date: `YYYY-MM-DD` as exported, or `DD/MM/YYYY` as a spreadsheet in the
    /// United Kingdom saves it back.
    func day(_ column: ImportColumn) throws -> Day? {
        guard let text = text(column)?.collapsingWhitespace else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let iso: String
        if parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
           parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
            iso = "\(parts[2])-\(parts[1].count == 1 ? "0" : "")\(parts[1])-\(parts[0].count == 1 ? "0" : "")\(parts[0])"
        } else {
            iso = text
        }
        do {
            return try Day(parsing: iso)
        } catch let error as WSoAError {
            var why = "it is outside the years the working-day calendar covers"
            if case let .invalidDate(_, reason) = error { why = reason }
            throw problem(column, .validValue, "'\(Day.quoted(text))' is not a date (\(why)); write YYYY-MM-DD or DD/MM/YYYY")
        }
    }

    /// The cell as a number (`42`, `-3.5`).
    func number(_ column: ImportColumn) throws -> Double? {
        guard let text = text(column)?.collapsingWhitespace else { return nil }
        // Digits, a sign, a point and an exponent, as `--value` takes them: Double alone would
        // read "0x10" as 16.
        guard let value = Double(text), value.isFinite, text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else {
            throw problem(column, .validValue, "'\(Day.quoted(text))' is not a number; write digits, with a point for decimals (e.g. 42 or -3.5)")
        }
        return value
    }

    /// The cell as a whole number of at least zero.
    func count(_ column: ImportColumn) throws -> Int? {
        guard let text = text(column)?.collapsingWhitespace else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw problem(column, .validValue, "'\(Day.quoted(text))' is not a whole number")
        }
        return value
    }

    /// The cell as one of `choices`, each known by several words: matched as headers are
    /// (case, spaces and hyphens ignored), so "At risk", "at-risk" and "atRisk" are one.
    func choice<Value>(_ column: ImportColumn, _ choices: [(value: Value, words: [String])], what: String) throws -> Value? {
        guard let text = text(column) else { return nil }
        let key = ImportColumn.key(text)
        if let found = choices.first(where: { $0.words.contains { ImportColumn.key($0) == key } }) { return found.value }
        throw problem(column, .validValue, "'\(Day.quoted(text.collapsingWhitespace))' is not \(what); write \(Plan.either(choices.map { $0.words[0] }))")
    }

    /// The cell as ids (`W1; W2`, `W1, W2` or `W1 W2`), upper case, in the order written.
    func ids(_ column: ImportColumn) -> [String]? {
        guard let text = text(column) else { return nil }
        return text.split(whereSeparator: { $0 == ";" || $0 == "," || $0.isWhitespace }).map { $0.uppercased() }
    }

    /// The row's id, upper case (`a3` is `A3`), when it has one.
    var id: String? { text(.id)?.collapsingWhitespace.uppercased() }

    /// The reason the row gives in its Reason column, or, for history the tracker already
    /// holds, where it came from.
    func reason(or fallback: String) -> String { text(.reason) ?? fallback }
}
