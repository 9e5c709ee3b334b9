import WSoAEngine

/// `wsoa new`: open a plan for an inspection visit.
enum NewCommand: Command {
    static let spec = CommandSpec(
        "new",
        abstract: "Open a plan for a local area's SEND inspection.",
        discussion: """
            Records the inspection visit; the plan starts in the phase 'inspected, outcome awaited'. \
            Then record the outcome letter with 'wsoa advance PLAN letter'. With --from-letter, reads the \
            inspection outcome letter's text (copied out, or from pdftotext) and records the visit and the \
            letter together: area, dates, partners, whether a statement is required and each weakness \
            verbatim. --area, --inspected, --on, --la and --health fill or override what the letter says; \
            a field that cannot be read is named and nothing is guessed.
            """,
        usage: [
            "new PLAN --area NAME --inspected START..END [--la NAME] [--health NAME] [--note TEXT]",
            "new PLAN --from-letter FILE [--dry-run] [--area NAME] [--inspected START..END] [--on DATE] [--received DATE] [--la NAME] [--health NAME]",
        ],
        arguments: [.plan],
        options: [
            .value("area", "NAME", help: "The local area's name, e.g. Stockton-on-Tees.", field: .area),
            .value("inspected", "START..END", help: "The inspection visit's first and last days, e.g. 2019-02-04..2019-02-08."),
            .value("la", "NAME", help: "The local authority, e.g. Stockton-on-Tees Borough Council.", field: .localAuthority),
            .value("health", "NAME", help: "The NHS partner (CCG, or ICB from July 2022).", field: .healthPartner),
            .value("from-letter", "FILE", help: "Read the inspection outcome letter's text from FILE."),
            .flag("dry-run", help: "With --from-letter: show what was read, with warnings, and write nothing."),
            .on("With --from-letter: the letter's date, if the letter's own cannot be read."),
            .value("received", "DATE", help: "With --from-letter: the day the area received the report."),
            .note,
            .estimated("inspected"),
        ])

    static func run(_ context: Context) throws {
        try context.refuseAsOf()
        let id = try context.planID()
        if context.arguments.has("from-letter") { return try fromLetter(id, context) }
        try context.refuseUnused(["on", "received", "dry-run"], reason: "it only applies with --from-letter")
        let area = try context.arguments.require("area")
        let visit = try DayRange(parsing: context.arguments.require("inspected"))
        let created = PlanEvent.PlanCreated(
            id: id, area: area, visit: visit,
            partners: Partners(la: context.arguments.value("la"), health: context.arguments.value("health")),
            note: context.arguments.value("note"), estimated: try context.estimated(["inspected": "visit"]))
        let recorded = try context.store.create(created, by: context.by(), recorded: context.recorded,
                                                personalDataAllowed: context.arguments.flag("allow-personal-data"), today: context.today)
        context.report(recorded)
        if !context.json {
            context.output.line("Next: record the outcome letter with 'wsoa advance \(id) letter --on DATE …'.")
        }
    }

    /// `wsoa new PLAN --from-letter FILE`: the visit and the letter, read and recorded together.
    private static func fromLetter(_ id: String, _ context: Context) throws {
        let arguments = context.arguments
        try context.refuseUnused(["estimated"], reason: "with --from-letter the dates are the letter's own")
        let (text, file) = try context.letterText()
        var overrides = LetterOverrides()
        overrides.area = arguments.value("area")
        overrides.visit = try arguments.value("inspected").map { try DayRange(parsing: $0) }
        overrides.letterDate = try context.optionalDay("on")
        overrides.localAuthority = arguments.value("la")
        overrides.healthPartner = arguments.value("health")
        let reading = try LetterReader.readInspection(text, overrides: overrides)
        let letter = reading.facts
        if arguments.flag("dry-run") {
            return context.showReading(kind: .inspectionOutcome, file: file, summary: letter.summary, warnings: reading.warnings)
        }
        let note = Context.letterNote(file, kind: "inspection outcome letter", warnings: reading.warnings, note: arguments.value("note"))
        let created = PlanEvent.PlanCreated(id: id, area: letter.area, visit: letter.visit, partners: letter.partners,
                                            note: note)
        let publish = PlanCommand.publishLetter(
            on: letter.letterDate, received: try context.optionalDay("received"),
            statementRequired: letter.statementRequired, weaknesses: letter.statementRequired ? letter.weaknesses : [],
            note: note)
        let recorded = try context.store.create(created, then: [publish], by: context.by(), recorded: context.recorded,
                                                personalDataAllowed: arguments.flag("allow-personal-data"), today: context.today)
        context.report(recorded)
        if !context.json {
            for weakness in recorded.plan.weaknesses { context.output.line("  \(weakness.id)  \(weakness.statement)") }
            for warning in reading.warnings { context.output.line("Warning: \(warning.description)") }
        }
    }
}
