import WSoAEngine

/// `wsoa repair`: set aside a torn last line left by an interrupted write.
enum RepairCommand: Command {
    static let spec = CommandSpec(
        "repair",
        abstract: "Set aside a torn last line left by an interrupted write.",
        discussion: """
            Removes only the bytes after the journal's last newline, which a crash or a full disk can leave \
            mid-write, under the plan's lock, and keeps them in events.jsonl.torn-<UTC time> beside the journal. \
            Refuses, changing nothing, when the journal is intact or damaged in any other way.
            """,
        usage: ["repair PLAN [--json]"],
        arguments: [.plan],
        // It writes (under the plan's lock, naming who), but records no text of its own.
        globals: ["plans", "by", "json"])

    static func run(_ context: Context) throws {
        try context.refuseAsOf()
        let id = try context.planID()
        let repair = try context.store.repair(id, by: context.by(), recorded: context.recorded)
        if context.json {
            var fields: [String: JSONValue] = [
                "plan": .string(id), "line": .int(Int64(repair.line)), "bytes": .int(Int64(repair.bytes)),
                "tornFile": .string(repair.tornPath), "events": .int(Int64(repair.events)), "head": .string(repair.head),
            ]
            if let whole = repair.wholeEvent { fields["wholeEvent"] = .string(whole.rawValue) }
            context.printJSON(.object(fields))
            return
        }
        let bytes = "\(repair.bytes) byte\(repair.bytes == 1 ? "" : "s")"
        if repair.events == 0 {
            context.output.line("Set aside the torn line 1 of \(id) (\(bytes)) in \(repair.tornPath); it was the plan's only line, so the plan's folder was moved aside with it and 'wsoa new \(id) …' can create the plan again.")
        } else {
            context.output.line("Set aside the torn line \(repair.line) of \(id) (\(bytes)) in \(repair.tornPath); the journal now ends at line \(repair.events), chain intact, head \(repair.head).")
        }
        if let whole = repair.wholeEvent {
            context.output.line("Those bytes are a whole event (\(whole.words)) that lacked only its newline; record it again if it should stand.")
        }
    }
}
