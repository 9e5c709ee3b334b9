import WSoAEngine

/// `wsoa evidence add|amend|revise|withdraw`: the record that proves the work made a difference.
enum EvidenceCommand: Command {
    static let spec = CommandSpec(
        "evidence",
        abstract: "Record evidence for a workstream, or correct it.",
        usage: [
            "evidence add PLAN --workstream ID --kind KIND --on DATE --title TEXT [--weakness W<n>,…] [--source TEXT] [--file PATH [--no-copy] | --link URL]",
            "evidence amend PLAN E<n> [--title TEXT] [--on DATE] [--kind KIND] [--weakness W<n>,…] [--source TEXT] [--link URL] --reason TEXT",
            "evidence revise PLAN E<n> --file PATH --reason TEXT [--no-copy]",
            "evidence withdraw PLAN E<n> --reason TEXT",
        ],
        subcommands: [
            CommandSpec(
                "add", abstract: "Record a piece of evidence; prints its id (E1, E2, …).",
                discussion: """
                    KIND is activity, impact, voice, data, quality-assurance or external. --on is the day the evidence \
                    represents. --file keeps a copy of the file in the plan's folder (evidence/<SHA-256>), so the \
                    record holds the evidence pack itself, and records the file's name and path (relative to the plans \
                    directory when inside it), size and SHA-256; the same content is stored once. --no-copy records the \
                    hash alone, for a file that must stay in the council's document store: 'wsoa verify' then checks it \
                    where it was recorded, while it is there. A symbolic link is refused: give the file it leads to.
                    """,
                usage: ["evidence add PLAN --workstream ID --kind KIND --on DATE --title TEXT [--weakness W<n>,…] [--source TEXT] [--file PATH [--no-copy] | --link URL]"],
                arguments: [.plan],
                options: [
                    .value("workstream", "ID", help: "The workstream it evidences."),
                    .value("kind", "KIND", help: "activity, impact, voice, data, quality-assurance or external.",
                           choices: EvidenceKind.shownSpellings),
                    .on("The day the evidence represents."),
                    .value("title", "TEXT", help: "What it is.", field: .title),
                    .weaknesses,
                    .value("source", "TEXT", help: "Where it came from.", field: .source),
                    .value("file", "PATH", help: "The file: a copy is kept in the plan's folder, with its SHA-256.", field: .file),
                    .noCopy,
                    .value("link", "URL", help: "A link to it.", field: .link),
                ]),
            CommandSpec(
                "amend", abstract: "Correct a piece of evidence's title, date, kind, weaknesses, source or link.",
                discussion: "The original line stays in the history; --weakness given replaces the weaknesses recorded.",
                usage: ["evidence amend PLAN E<n> [--title TEXT] [--on DATE] [--kind KIND] [--weakness W<n>,…] [--source TEXT] [--link URL] --reason TEXT"],
                arguments: [.plan, ArgumentSpec("E<n>", help: "The evidence, e.g. E4.")],
                options: [
                    .value("title", "TEXT", help: "The right title.", field: .title),
                    .on("The right day the evidence represents."),
                    .value("kind", "KIND", help: "activity, impact, voice, data, quality-assurance or external.",
                           choices: EvidenceKind.shownSpellings),
                    .weaknesses,
                    .value("source", "TEXT", help: "The right source.", field: .source),
                    .value("link", "URL", help: "The right link.", field: .link),
                    .correctionReason,
                ]),
            CommandSpec(
                "revise", abstract: "Record a revised file as a new version of a piece of evidence.",
                discussion: """
                    The new version is kept (and copied) as --file is for 'evidence add'; the earlier versions stay in the \
                    record and the history, and the report shows the current version and how many came before.
                    """,
                usage: ["evidence revise PLAN E<n> --file PATH --reason TEXT [--no-copy]"],
                arguments: [.plan, ArgumentSpec("E<n>", help: "The evidence, e.g. E4.")],
                options: [
                    .value("file", "PATH", help: "The revised file: a copy is kept in the plan's folder, with its SHA-256.", field: .file),
                    .noCopy,
                    .correctionReason,
                ]),
            CommandSpec(
                "withdraw", abstract: "Withdraw evidence recorded in error.",
                discussion: "It stays in the history, marked withdrawn, and counts nowhere.",
                usage: ["evidence withdraw PLAN E<n> --reason TEXT"],
                arguments: [.plan, ArgumentSpec("E<n>", help: "The evidence, e.g. E4.")],
                options: [.correctionReason]),
        ])

    static func run(_ context: Context) throws {
        let arguments = context.arguments
        switch arguments.commandPath.dropFirst().first {
        case "add":
            try add(context)
        case "amend":
            var changes = Amendment()
            changes.title = arguments.value("title")
            changes.on = try context.optionalDay("on")
            changes.kind = arguments.has("kind") ? try context.choice("kind", EvidenceKind.self) : nil
            changes.weaknesses = arguments.has("weakness") ? try arguments.list("weakness") : nil
            changes.source = arguments.value("source")
            changes.link = arguments.value("link")
            try context.amend(.evidence(context.itemID(1, name: "E<n>")), changes)
        case "revise":
            let target = RecordTarget.evidence(try context.itemID(1, name: "E<n>"))
            guard let file = try context.evidenceFile() else {
                throw WSoAError.missingArgument(name: "--file", command: arguments.commandName)
            }
            var changes = Amendment()
            changes.file = file.reference
            try context.amend(target, changes, keeping: [file])
        case "withdraw":
            try context.withdraw(.evidence(context.itemID(1, name: "E<n>")))
        default:
            throw WSoAError.missingArgument(name: "a subcommand (add, amend, revise or withdraw)", command: arguments.commandName)
        }
    }

    private static func add(_ context: Context) throws {
        let arguments = context.arguments
        let id = try context.planID()
        if arguments.has("file") && arguments.has("link") {
            throw WSoAError.invalidValue(option: "--link", value: arguments.value("link") ?? "",
                                         reason: "give either --file or --link, not both")
        }
        let file = try context.evidenceFile()
        try context.record(.addEvidence(
            on: context.day("on"), workstream: arguments.require("workstream"), weaknesses: try arguments.list("weakness"),
            kind: context.choice("kind", EvidenceKind.self), title: arguments.require("title"),
            source: arguments.value("source"), file: file?.reference, link: arguments.value("link")), in: id,
            keeping: file.map { [$0] } ?? [])
    }
}

extension OptionSpec {
    /// `--weakness W<n>,…`: the weaknesses a piece of evidence speaks to, or a follow-up concerns.
    static let weaknesses = OptionSpec.repeated("weakness", "W<n>,…", help: "The weaknesses it concerns (repeat or use commas).")
}
