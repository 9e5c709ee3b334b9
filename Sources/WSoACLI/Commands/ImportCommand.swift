import WSoAEngine

/// `wsoa import`: a spreadsheet tracker (CSV) read into a plan through the same commands a
/// person would run, all of it or nothing.
enum ImportCommand: Command {
    static let spec = CommandSpec(
        "import",
        abstract: "Read a tracker (CSV) of actions, measures, readings or evidence into a plan.",
        discussion: """
            FILE is a CSV as 'wsoa export' writes it, or laid out by hand: headers are matched loosely ('Due date', \
            'due' and 'DUE_DATE' are one column), dates are YYYY-MM-DD or DD/MM/YYYY, and an empty cell leaves \
            what is recorded as it is. A row with an item's id (or, without one, its title) updates that item \
            through the commands a person would run: a status report, a retarget (with the row's Reason), an \
            amendment, a withdrawal, a reading. A row that names no item adds one, with the next id. What wsoa \
            keeps as first recorded (first due date, workstream) must be left as exported; the counts it keeps \
            itself (times retargeted, a file's version) are not read. \
            Evidence files are found by name beside FILE and copied into the plan as 'evidence add' copies them. \
            Every row is checked before anything is written: if any row cannot be imported, each such row is \
            named with its column and rule, and nothing is written. A row that changes nothing records nothing, \
            so importing the same file twice records nothing the second time. WHAT is actions, measures, \
            readings or evidence.
            """,
        usage: ["import PLAN --what WHAT FILE [--dry-run]"],
        arguments: [.plan, ArgumentSpec("FILE", help: "The tracker, a CSV file (UTF-8).")],
        options: [
            .value("what", "WHAT", help: "actions, measures, readings or evidence.", choices: ImportKind.shownSpellings),
            .flag("dry-run", help: "Show what each row would record, and write nothing."),
        ])

    /// The largest tracker read: far more rows than any plan has items.
    static let maximumBytes = 32 << 20

    static func run(_ context: Context) throws {
        let id = try context.planID()
        let path = try context.arguments.positional(1, name: "FILE")
        let what = try context.choice("what", ImportKind.self)
        let name = String(path.split(separator: "/").last ?? Substring(path))
        let records = try CSVReader.records(read(path, name: name), file: name)
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let store = context.store
        let opener = { (file: String) throws -> EvidenceFile in
            try EvidenceFile(opening: (folder.isEmpty ? "" : folder) + "/" + file, plansDirectory: store.directory, copy: true)
        }
        let personalData = context.arguments.flag("allow-personal-data")
        if context.arguments.flag("dry-run") {
            let view = try store.view(id)
            let tracker = try TrackerImport(records, kind: what, file: name, into: view.plan, nextLine: view.events + 1, today: context.today,
                                            personalDataAllowed: personalData, evidenceFile: opener)
            show(tracker, plan: id, recorded: nil, context: context)
            return
        }
        try context.refuseAsOf()
        var tracker: TrackerImport?
        let recorded = try store.record(in: id, by: context.by(), recorded: context.recorded, personalDataAllowed: personalData,
                                        today: context.today) { plan, next in
            let read = try TrackerImport(records, kind: what, file: name, into: plan, nextLine: next, today: context.today,
                                         personalDataAllowed: personalData, evidenceFile: opener)
            tracker = read
            return (read.commands, read.files)
        }
        if let tracker { show(tracker, plan: id, recorded: recorded, context: context) }
    }

    /// The file's bytes, refused when it is far too big to be a tracker.
    private static func read(_ path: String, name: String) throws -> [UInt8] {
        do {
            return try InputFile.read(path, limit: maximumBytes)
        } catch let WSoAError.letterTooLarge(bytes, limit) {
            throw WSoAError.trackerUnreadable(file: name, row: nil, reason: "it is \(bytes) bytes long, more than the \(limit) bytes a tracker may have")
        }
    }

    /// What the rows record (or would, for `--dry-run` when `recorded` is nil), the rows that
    /// change nothing and the columns not imported.
    private static func show(_ tracker: TrackerImport, plan: String, recorded: Recorded?, context: Context) {
        if context.json {
            var fields: [String: JSONValue] = [
                "plan": .string(plan), "what": .string(tracker.kind.rawValue), "file": .string(tracker.file),
                "dryRun": .bool(recorded == nil),
                "steps": .array(tracker.steps.map { step in
                    .object(["row": .int(Int64(step.row)), "item": .string(step.item), "change": .string(step.words),
                             "event": .string(step.command.eventType.rawValue)])
                }),
                "unchanged": .array(tracker.unchanged.map { .int(Int64($0)) }),
                "unusedColumns": .array(tracker.unusedHeaders.map(JSONValue.string)),
                "countedColumns": .array(tracker.countedHeaders.map(JSONValue.string)),
            ]
            if let recorded { fields["recorded"] = .array(recorded.entries.map(\.json)) }
            context.printJSON(.object(fields))
            return
        }
        let output = context.output
        if tracker.steps.isEmpty {
            output.line("Nothing to record: every row of \(tracker.file) matches what \(plan) holds.")
        } else {
            output.line("\(recorded == nil ? "Would record" : "Recorded") from \(tracker.file) for \(plan):")
            let width = tracker.steps.map { "row \($0.row)".count }.max() ?? 0
            let itemWidth = tracker.steps.map(\.item.count).max() ?? 0
            for step in tracker.steps {
                output.line("  " + "row \(step.row)".padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                            + step.item.padding(toLength: itemWidth, withPad: " ", startingAt: 0) + "  " + step.words)
            }
        }
        if !tracker.unchanged.isEmpty, !tracker.steps.isEmpty {
            output.line("Unchanged: \(rows(tracker.unchanged)).")
        }
        if !tracker.unusedHeaders.isEmpty {
            output.line("Columns not imported (wsoa has no field for them): \(tracker.unusedHeaders.joined(separator: ", ")).")
        }
        if !tracker.countedHeaders.isEmpty {
            output.line("Columns not imported (wsoa counts them itself): \(tracker.countedHeaders.joined(separator: ", ")).")
        }
        if let recorded, let first = recorded.entries.first, let last = recorded.entries.last {
            let lines = first.seq == last.seq ? "1 line written to \(plan)'s journal (line \(first.seq))"
                : "\(recorded.entries.count) lines written to \(plan)'s journal (lines \(first.seq)–\(last.seq))"
            output.line(lines + ".")
            context.reportFiles(recorded)
        } else if recorded == nil {
            output.line("Nothing was written (--dry-run).")
        }
    }

    /// `row 3`, `rows 3–7, 9 and 12`: row numbers as ranges.
    static func rows(_ numbers: [Int]) -> String {
        var ranges: [ClosedRange<Int>] = []
        for number in numbers.sorted() {
            if let last = ranges.last, last.upperBound + 1 == number { ranges[ranges.count - 1] = last.lowerBound...number } else { ranges.append(number...number) }
        }
        let parts = ranges.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
        return (numbers.count == 1 ? "row " : "rows ") + ReportText.list(parts)
    }
}
