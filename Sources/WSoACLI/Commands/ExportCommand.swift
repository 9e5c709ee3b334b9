import WSoAEngine

/// `wsoa export`: a plan's items as a spreadsheet (CSV) or the same rows as JSON.
enum ExportCommand: Command {
    static let spec = CommandSpec(
        "export",
        abstract: "Write a plan's actions, measures, readings, evidence, visits or follow-ups as a spreadsheet (CSV).",
        discussion: """
            One row per item, ids first, dates as YYYY-MM-DD, headers in words; withdrawn items are included \
            with the day they were withdrawn. The CSV is RFC 4180 (quoted fields, CRLF line ends) in UTF-8 \
            with a byte-order mark, so Excel shows '£' and 'é' as written; text that begins with =, +, - or @ \
            gets a leading apostrophe, so opening the file cannot run a formula. Evidence files are named and \
            hashed, never copied out. With --json, the same rows as JSON objects keyed by the headers. \
            WHAT is actions, measures, readings, evidence, visits or followups.
            """,
        usage: ["export PLAN --what WHAT [--output FILE] [--as-of DATE] [--json]"],
        arguments: [.plan],
        options: [
            .value("what", "WHAT", help: "actions, measures, readings, evidence, visits or followups.", choices: ExportKind.shownSpellings),
            .value("output", "FILE", help: "Write to FILE (replaced atomically; never inside a plan's folder) instead of standard output."),
        ],
        globals: .viewing)

    static func run(_ context: Context) throws {
        let id = try context.planID()
        let what = try context.choice("what", ExportKind.self)
        let plan = try context.store.view(id, asOf: context.viewDay).plan
        let table = plan.exportTable(what)
        let output = context.arguments.value("output")
        if context.json && output == nil {
            context.printJSON(json(table))
            return
        }
        let bytes = CSVWriter.bytes(table)
        guard let path = output else {
            context.output.write(String(decoding: bytes, as: UTF8.self))
            return
        }
        try context.store.export(bytes, to: path)
        if context.json {
            context.printJSON(.object(["plan": .string(id), "what": .string(what.rawValue), "output": .string(path),
                                       "rows": .int(Int64(table.rows.count))]))
        } else {
            context.output.line("Wrote \(table.rows.count) row\(table.rows.count == 1 ? "" : "s") of \(id)'s \(what.rawValue) to \(path).")
        }
    }

    /// The rows as JSON objects keyed by the headers, each cell as recorded (nothing neutralised,
    /// since JSON is never opened as a spreadsheet); an empty cell is null.
    static func json(_ table: ExportTable) -> JSONValue {
        .array(table.rows.map { row in
            .object(Dictionary(uniqueKeysWithValues: zip(table.headers, row).map { header, cell in
                (header, cell == .empty ? JSONValue.null : .string(cell.content))
            }))
        })
    }
}
