import WSoAEngine

/// `wsoa report`: the revisit-readiness report for the SEN strategic group (issues 5 and 14).
enum ReportCommand: Command {
    static let spec = CommandSpec(
        "report",
        abstract: "Write the revisit-readiness report for the SEN strategic group.",
        discussion: """
            Ready or not ready for the revisit; for each weakness a verdict (likely sufficient, \
            at risk or not yet sufficient) with its reasons, next steps, evidence ladder and \
            evidence items; each workstream once, with its actions, measures and charts; what \
            changed since the last monitoring visit; and the journal's head hash. With \
            --as-of DATE, the plan as it stood that day. --json is the same as --format json. \
            The same journal and date always give the same bytes.
            """,
        usage: ["report PLAN [--format markdown|md|html|json] [--output FILE] [--as-of DATE]"],
        arguments: [.plan],
        options: [
            .value("format", "FORMAT", help: "markdown (default; also md), html (one self-contained, print-ready file) or json.",
                   choices: ReportFormat.shownSpellings),
            .value("output", "FILE", help: "Write the report to FILE (replaced atomically; never inside a plan's folder) instead of standard output."),
        ],
        globals: .viewing)

    static func run(_ context: Context) throws {
        let format = try self.format(context)
        let id = try context.planID()
        let asOf = context.viewDay
        // Every line of the journal, its hash chain checked, so the head the report prints
        // vouches for the whole record.
        let view = try context.store.fullView(id, asOf: asOf)
        let assessment = ReadinessAssessment(plan: view.plan, record: view.record ?? DeliveryRecord(), asOf: asOf,
                                             calendar: context.calendar, facts: RecordFacts(view))
        let text = format.render(assessment)
        guard let path = context.arguments.value("output") else {
            context.output.write(text)
            return
        }
        try context.store.export(Array(text.utf8), to: path)
        if context.json {
            context.printJSON(.object(["plan": .string(id), "format": .string(format.rawValue), "output": .string(path),
                                       "asOf": .string(asOf.description), "head": .string(view.head)]))
        } else {
            context.output.line("Wrote the \(format.rawValue) report for \(id) as at \(asOf.longDescription) to \(path).")
        }
    }

    /// `--format`, or json for `--json`; both given and different is a usage error.
    private static func format(_ context: Context) throws -> ReportFormat {
        guard let format = try context.optionalChoice("format", ReportFormat.self) else { return context.json ? .json : .markdown }
        if context.json && format != .json {
            throw WSoAError.invalidValue(option: "--format", value: context.arguments.value("format") ?? "",
                                         reason: "--json asks for json; give one or the other")
        }
        return format
    }
}
