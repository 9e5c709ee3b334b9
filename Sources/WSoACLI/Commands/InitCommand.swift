import WSoAEngine

/// `wsoa init`: create the plans directory.
enum InitCommand: Command {
    static let spec = CommandSpec(
        "init",
        abstract: "Create the plans directory.",
        discussion: """
            Creates --plans DIR (default ./plans) and marks it as a plans directory (a .wsoa-plans file): \
            wsoa reads and writes plans only in a directory so marked. An existing directory that holds \
            nothing but plans (as made by an earlier wsoa) is marked; one holding anything else is refused. \
            With --git, the plans directory is also shared through git: a repository is made there if it is \
            in none, and it is set up as 'wsoa git setup' does. Safe to run twice.
            """,
        usage: ["init [--plans DIR] [--git [--evidence-copies local|shared]]"],
        options: [
            .flag("git", help: "Also share it through git: make a repository there if it is in none, then as 'wsoa git setup'."),
            GitCommand.evidenceCopies,
        ],
        globals: ["plans", "json"])

    static func run(_ context: Context) throws {
        try context.refuseAsOf()
        let git = context.arguments.flag("git")
        if !git { try context.refuseUnused(["evidence-copies"], reason: "it is a setting of sharing through git; give --git too") }
        let done = try context.store.initialize()
        if git {
            let lines = try GitCommand.setUp(context, inRepository: true)
            if context.json { return }
            context.output.line(sentence(done, context.store.directory))
            context.output.lines(lines)
            return
        }
        if context.json {
            context.printJSON(.object(["directory": .string(context.store.directory), "created": .bool(done == .created),
                                       "marked": .bool(done != .alreadyPlans)]))
            return
        }
        context.output.line(sentence(done, context.store.directory))
    }

    /// What `initialize` did, for people.
    private static func sentence(_ done: PlanStore.Initialized, _ directory: String) -> String {
        switch done {
        case .created: return "Created the plans directory \(directory)."
        case .marked: return "Marked \(directory), a directory of plans, as the plans directory."
        case .alreadyPlans: return "The plans directory \(directory) already exists; nothing to do."
        }
    }
}
