import WSoAEngine

/// `wsoa verify`: check every line of one plan's journal (or every plan's) against the chain
/// and the rules, its snapshot against a fresh fold, and its evidence files.
enum VerifyCommand: Command {
    static let spec = CommandSpec(
        "verify",
        abstract: "Check journals: every line's shape, place in the hash chain and rules; snapshots; evidence files.",
        discussion: """
            Reads every line of one plan's journal (or of every plan's), checking its shape, its sequence \
            number, the hash chain, and that the rules would have accepted it when it was written; then \
            the plan's snapshot against a fresh fold of the journal, and every file recorded as evidence. \
            Reports the first problem of each plan with its file and line, and names every folder that is \
            not a plan it can read; exits 1 if it found any. With --head HASH (the head a printed report \
            showed), also checks that the journal still holds that line and chains from it, so a cut or \
            rewritten record since is found. Never changes anything.
            """,
        usage: ["verify [PLAN [--head HASH]] [--json]"],
        arguments: [ArgumentSpec("PLAN", help: "The plan to check (default: every plan).", isOptional: true)],
        options: [.value("head", "HASH", help: "A head hash a report printed: check the journal still holds that line.")],
        globals: ["plans", "json"])

    static func run(_ context: Context) throws {
        let head = context.arguments.value("head")
        if let head, head.utf8.count != 64 || !head.utf8.allSatisfy({ UInt8(ascii: "0")...UInt8(ascii: "9") ~= $0 || UInt8(ascii: "a")...UInt8(ascii: "f") ~= $0 | 0x20 }) {
            throw WSoAError.invalidValue(option: "--head", value: head, reason: "a head is 64 hex digits, as a report prints it")
        }
        let results: [(id: String, verification: Result<PlanStore.Verification, WSoAError>)]
        if context.arguments.positional(0) != nil {
            let id = try context.planID()
            do {
                results = [(id, .success(try context.store.verify(id, head: head)))]
            } catch let error as WSoAError {
                if case .planNotFound = error { throw error }
                results = [(id, .failure(error))]
            }
        } else {
            if let head {
                throw WSoAError.invalidValue(option: "--head", value: head, reason: "a head belongs to one plan; name the plan too")
            }
            results = try context.store.verifyAll()
        }
        var objects: [JSONValue] = []
        for (id, result) in results {
            switch result {
            case let .success(found):
                var fields: [String: JSONValue] = ["id": .string(id), "ok": .bool(true), "events": .int(Int64(found.events)),
                                                   "head": .string(found.head)]
                fields["headLine"] = found.headLine.map { .int(Int64($0)) }
                fields["snapshotLine"] = found.snapshotLine.map { .int(Int64($0)) }
                objects.append(.object(fields))
                if context.json { continue }
                context.output.line("\(id): ok — \(found.events) events, every line checked against the hash chain and the rules, head \(found.head)")
                if let line = found.headLine, let head {
                    let after = found.events - line
                    context.output.line(after == 0
                        ? "  the printed head \(head) is line \(line), still the journal's last line: nothing was recorded after it"
                        : "  the printed head \(head) is line \(line), and the \(after) line\(after == 1 ? "" : "s") recorded after it chain from it")
                }
                if let line = found.snapshotLine {
                    context.output.line("  its snapshot matches a fresh fold of the journal through line \(line)")
                }
            case let .failure(error):
                context.exitCode = CLI.ExitCode.failure
                var fields: [String: JSONValue] = ["id": .string(id), "ok": .bool(false), "problem": .string(error.description)]
                if case let .damagedJournal(path, line, _) = error {
                    fields["path"] = .string(path)
                    fields["line"] = .int(Int64(line))
                }
                objects.append(.object(fields))
                if !context.json { context.output.error(CLI.explained(error)) }
            }
        }
        if context.json { context.printJSON(.array(objects)) }
        if results.isEmpty && !context.json { context.output.line("No plans to verify in \(context.store.directory).") }
    }
}
