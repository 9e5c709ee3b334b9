import WSoAEngine

/// `wsoa init`: create the plans directory.
enum InitCommand: Command {
    static let spec = CommandSpec(
        "init",
        abstract: "Create the plans directory.",
        discussion: "Creates --plans DIR (default ./plans) if it does not exist. Safe to run twice.",
        usage: ["init [--plans DIR]"])

    static func run(_ context: Context) throws {
        try context.refuseAsOf()
        let created = try context.store.initialize()
        if context.json {
            context.printJSON(.object(["directory": .string(context.store.directory), "created": .bool(created)]))
        } else if created {
            context.output.line("Created the plans directory \(context.store.directory).")
        } else {
            context.output.line("The plans directory \(context.store.directory) already exists; nothing to do.")
        }
    }
}
