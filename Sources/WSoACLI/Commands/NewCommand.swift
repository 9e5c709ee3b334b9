import WSoAEngine

/// `wsoa new`: open a plan for an inspection visit.
enum NewCommand: Command {
    static let spec = CommandSpec(
        "new",
        abstract: "Open a plan for a local area's SEND inspection.",
        discussion: """
            Records the inspection visit; the plan starts in the phase 'inspected, outcome awaited', under \
            the framework in force on the first day inspected (2023 from 1 January 2023, else 2016). Then \
            record the outcome letter with 'wsoa advance PLAN letter' (2016) or the report with 'wsoa advance \
            PLAN report' (2023). With --from-letter, reads the inspection outcome letter's or the area SEND \
            inspection report's text (copied out, or from pdftotext) and records the visit and the outcome \
            together: area, dates, partners, whether a statement is required and each weakness verbatim; \
            from a 2023 report, the previous inspection, the outcome, each area for priority action with its \
            responsible body and each area for improvement. A 2023 report's text carries no date: give --on \
            (published) or --received (or both). --area, --inspected, --on, --la, --health and --outcome fill \
            or override what the text says; a field that cannot be read is named and nothing is guessed.
            """,
        usage: [
            "new PLAN --area NAME --inspected START..END [--la NAME] [--health NAME] [--note TEXT]",
            "new PLAN --from-letter FILE [--dry-run] [--area NAME] [--inspected START..END] [--on DATE] [--received DATE] [--la NAME] [--health NAME] [--outcome OUTCOME]",
        ],
        arguments: [.plan],
        options: [
            .value("area", "NAME", help: "The local area's name, e.g. Stockton-on-Tees.", field: .area),
            .value("inspected", "START..END", help: "The inspection visit's first and last days, e.g. 2019-02-04..2019-02-08."),
            .value("la", "NAME", help: "The local authority, e.g. Stockton-on-Tees Borough Council.", field: .localAuthority),
            .value("health", "NAME", help: "The NHS partner (CCG, or ICB from July 2022).", field: .healthPartner),
            .value("from-letter", "FILE", help: "Read the inspection outcome letter's or the 2023 report's text from FILE."),
            .flag("dry-run", help: "With --from-letter: show what was read, with warnings, and write nothing."),
            .on("With --from-letter: the letter's date if its own cannot be read; a 2023 report's publication date."),
            .value("received", "DATE", help: "With --from-letter: the day the area received the report."),
            .value("outcome", "OUTCOME", help: "With a 2023 report: positive, inconsistent or widespread-systemic, if the report's cannot be read.",
                   choices: InspectionOutcome.shownSpellings),
            .note,
            .estimated("inspected"),
        ])

    static func run(_ context: Context) throws {
        try context.refuseAsOf()
        let id = try context.planID()
        if context.arguments.has("from-letter") { return try fromLetter(id, context) }
        try context.refuseUnused(["on", "received", "dry-run", "outcome"], reason: "it only applies with --from-letter")
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
            context.output.line(recorded.plan.framework == .send2016
                ? "Next: record the outcome letter with 'wsoa advance \(id) letter --on DATE …'."
                : "Next: record the inspection report with 'wsoa advance \(id) report --on DATE --outcome OUTCOME …', or read it with 'wsoa new \(id) --from-letter REPORT.txt' instead.")
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
        overrides.outcome = try context.optionalChoice("outcome", InspectionOutcome.self)
        let reading: LetterReading<InspectionLetter>
        switch try LetterReader.read(text, overrides: overrides) {
        case let .inspection(read): reading = read
        case let .areaReport(report): return try fromReport(id, report, file: file, context)
        case .revisit: throw WSoAError.letterKindMismatch(expected: .inspectionOutcome, found: .revisit)
        }
        try context.refuseUnused(["outcome"], reason: "it only applies to a 2023 report")
        let letter = reading.facts
        try requireFramework(.send2016, visit: letter.visit, file: file, reads: "an inspection outcome letter (2016 framework)")
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

    /// Refuses a text read as one framework's document for an inspection that began under the other.
    private static func requireFramework(_ framework: Framework, visit: DayRange, file: String, reads: String) throws {
        let actual = Framework.forInspection(startingOn: visit.start)
        guard actual == framework else {
            throw WSoAError.invalidValue(option: "--from-letter", value: file,
                                         reason: "it reads as \(reads), but the inspection began on \(visit.start), under the \(actual.displayName) (from \(Framework.areaSEND2023Start) the 2023 framework applies)")
        }
    }

    /// `wsoa new PLAN --from-letter REPORT`: a 2023 report read, then the plan and its report
    /// recorded together. The report's text has no date, so the publication date comes from
    /// `--on`, or the day it was received stands in for it (marked estimated).
    private static func fromReport(_ id: String, _ reading: LetterReading<AreaSENDReport>, file: String, _ context: Context) throws {
        let arguments = context.arguments
        let report = reading.facts
        try requireFramework(.areaSEND2023, visit: report.visit, file: file, reads: "a 2023 area SEND report")
        if arguments.flag("dry-run") {
            return context.showReading(kind: .areaReport, file: file, summary: report.summary, warnings: reading.warnings)
        }
        let received = try context.optionalDay("received")
        guard let published = try context.optionalDay("on") ?? received else {
            throw WSoAError.missingArgument(name: "--on DATE (the day the report was published) or --received DATE", command: arguments.commandName)
        }
        var note = Context.letterNote(file, kind: "area SEND inspection report", warnings: reading.warnings, note: arguments.value("note"))
        if arguments.value("on") == nil { note += " The report's publication date is not given, so the day it was received is used." }
        // The report names no addressees, so the partners are only ever the ones given.
        let created = PlanEvent.PlanCreated(id: id, area: report.area, visit: report.visit,
                                            partners: Partners(la: arguments.value("la"), health: arguments.value("health")), note: note)
        let publish = PlanCommand.publishReport(
            on: published, received: received, outcome: report.outcome, priorityActions: report.areasForPriorityAction,
            improvements: report.areasForImprovement, previousInspection: report.previousInspection,
            nextInspectionYears: report.nextInspectionYears, note: note, estimated: arguments.value("on") == nil ? ["on"] : [])
        let recorded = try context.store.create(created, then: [publish], by: context.by(), recorded: context.recorded,
                                                personalDataAllowed: arguments.flag("allow-personal-data"), today: context.today)
        context.report(recorded)
        if !context.json {
            for area in recorded.plan.weaknesses {
                context.output.line("  \(area.id)  \(area.statement)" + (area.partner.map { " (responsible: \($0))" } ?? ""))
            }
            for warning in reading.warnings { context.output.line("Warning: \(warning.description)") }
        }
    }
}
