import WSoAEngine

/// `wsoa verify`: walk each journal's hash chain and report the first problem.
enum VerifyCommand: Command {
    static let spec = CommandSpec(
        "verify",
        abstract: "Check journals: hash chain, sequence, JSON, event types and torn lines.",
        discussion: """
            Walks every line of one plan's journal (or every plan's) and reports the first problem with \
            its file and line. Exits 1 if any journal is damaged. Never changes a journal.
            """,
        usage: ["verify [PLAN] [--json]"],
        arguments: [ArgumentSpec("PLAN", help: "The plan to check (default: every plan).", isOptional: true)])

    static func run(_ context: Context) throws {
        let ids: [String]
        if context.arguments.positional(0) != nil {
            ids = [try context.planID()]
        } else {
            ids = try context.store.planIDs()
        }
        var results: [JSONValue] = []
        for id in ids {
            do {
                let (events, head) = try context.store.verify(id)
                results.append(.object(["id": .string(id), "ok": .bool(true), "events": .int(Int64(events)), "head": .string(head)]))
                if !context.json { context.output.line("\(id): ok — \(events) events, chain intact, head \(head)") }
            } catch let error as WSoAError {
                if case .planNotFound = error { throw error }
                if case .invalidPlanID = error { throw error }
                context.exitCode = CLI.ExitCode.failure
                var fields: [String: JSONValue] = ["id": .string(id), "ok": .bool(false), "problem": .string(error.description)]
                if case let .damagedJournal(path, line, _) = error {
                    fields["path"] = .string(path)
                    fields["line"] = .int(Int64(line))
                }
                results.append(.object(fields))
                if !context.json { context.output.error(error.description) }
            }
        }
        if context.json { context.printJSON(.array(results)) }
        if ids.isEmpty && !context.json { context.output.line("No plans to verify in \(context.store.directory).") }
    }
}
