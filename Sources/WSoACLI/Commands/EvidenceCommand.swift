import WSoAEngine

/// `wsoa evidence add`: the record that proves the work made a difference.
enum EvidenceCommand: Command {
    static let spec = CommandSpec(
        "evidence",
        abstract: "Record evidence for a workstream.",
        usage: ["evidence add PLAN --workstream ID --kind KIND --on DATE --title TEXT [--weakness W<n>] [--source TEXT] [--file PATH | --link URL]"],
        subcommands: [
            CommandSpec(
                "add", abstract: "Record a piece of evidence; prints its id (E1, E2, …).",
                discussion: """
                    KIND is activity, impact, voice, data, quality-assurance or external. --on is the day the evidence \
                    represents. --file records the file's path (relative to the plans directory when inside it), size \
                    and SHA-256, so 'wsoa verify' notices if it later changes or goes.
                    """,
                usage: ["evidence add PLAN --workstream ID --kind KIND --on DATE --title TEXT [--weakness W<n>] [--source TEXT] [--file PATH | --link URL]"],
                arguments: [.plan],
                options: [
                    .value("workstream", "ID", help: "The workstream it evidences."),
                    .value("kind", "KIND", help: "activity, impact, voice, data, quality-assurance or external."),
                    .on("The day the evidence represents."),
                    .value("title", "TEXT", help: "What it is.", field: .title),
                    .value("weakness", "W<n>", help: "The weakness it speaks to."),
                    .value("source", "TEXT", help: "Where it came from.", field: .source),
                    .value("file", "PATH", help: "A file to reference (hashed now).", field: .file),
                    .value("link", "URL", help: "A link to it.", field: .link),
                ]),
        ])

    static func run(_ context: Context) throws {
        let arguments = context.arguments
        let id = try context.planID()
        if arguments.has("file") && arguments.has("link") {
            throw WSoAError.invalidValue(option: "--link", value: arguments.value("link") ?? "",
                                         reason: "give either --file or --link, not both")
        }
        let file = try arguments.value("file").map { try FileReference(hashing: $0, plansDirectory: context.store.directory) }
        try context.record(.addEvidence(
            on: context.day("on"), workstream: arguments.require("workstream"), weakness: arguments.value("weakness"),
            kind: context.choice("kind", EvidenceKind.self), title: arguments.require("title"),
            source: arguments.value("source"), file: file, link: arguments.value("link")), in: id)
    }
}
