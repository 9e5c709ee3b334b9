import WSoAEngine

/// `wsoa init`: create the plans directory.
enum InitCommand: Command {
    static let spec = CommandSpec(
        "init",
        abstract: "Create the plans directory.",
        discussion: """
            Creates --plans DIR (default ./plans) and marks it as a plans directory (a .wsoa-plans file):             wsoa reads and writes plans only in a directory so marked. An existing directory that holds             nothing but plans (as made by an earlier wsoa) is marked; one holding anything else is refused.             Safe to run twice.
            """,
        usage: ["init [--plans DIR]"],
        globals: ["plans", "json"])

    static func run(_ context: Context) throws {
        try context.refuseAsOf()
        let done = try context.store.initialize()
        if context.json {
            context.printJSON(.object(["directory": .string(context.store.directory), "created": .bool(done == .created),
                                       "marked": .bool(done != .alreadyPlans)]))
            return
        }
        switch done {
        case .created: context.output.line("Created the plans directory \(context.store.directory).")
        case .marked: context.output.line("Marked \(context.store.directory), a directory of plans, as the plans directory.")
        case .alreadyPlans: context.output.line("The plans directory \(context.store.directory) already exists; nothing to do.")
        }
    }
}
