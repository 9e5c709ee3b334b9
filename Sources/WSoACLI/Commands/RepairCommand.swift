import WSoAEngine

/// `wsoa repair`: set aside a torn last line left by an interrupted write, or merge again the
/// two copies git left between conflict markers.
enum RepairCommand: Command {
    static let spec = CommandSpec(
        "repair",
        abstract: "Set aside a torn last line left by an interrupted write, or merge again a journal git left conflict markers in.",
        discussion: """
            Removes only the bytes after the journal's last newline, which a crash or a full disk can leave \
            mid-write, under the plan's lock, and keeps them in events.jsonl.torn-<UTC time> beside the journal. \
            A journal holding git's conflict markers (a git merge made in a clone without wsoa's merge driver, \
            committed or not) holds the two copies git could not merge: they are merged as the driver would \
            have merged them, and the journal replaced by the result, to add and commit with git. If a line of \
            one cannot stand once the other's are in, the journal keeps git's current side and the other side is \
            kept beside it as 'events (other copy, not merged).jsonl', for 'wsoa merge --set-aside'. Refuses, \
            changing nothing, when the journal is intact or damaged in any other way.
            """,
        usage: ["repair PLAN [--json]"],
        arguments: [.plan],
        // It writes (under the plan's lock, naming who), but records no text of its own.
        globals: ["plans", "by", "json"])

    static func run(_ context: Context) throws {
        try context.refuseAsOf()
        let id = try context.planID()
        let repair: JournalRepair
        do {
            repair = try context.store.repair(id, by: context.by(), recorded: context.recorded)
        } catch WSoAError.unmergedJournal {
            try mergeAgain(context, id)
            return
        }
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

    /// Merges again the two copies between the conflict markers git left in plan `id`'s journal,
    /// and says how to finish with git.
    private static func mergeAgain(_ context: Context, _ id: String) throws {
        let repair = try context.store.repairConflictMarkers(id, otherName: GitCommand.notMergedName, by: context.by(),
                                                             recorded: context.recorded)
        let git = Git(directory: context.store.directory, environment: context.environment)
        let journal = repair.path.shellQuoted
        // Outside a merge, a rebase or the like, the markers were committed: the mended journal is a commit of its own.
        let operation = GitOperation.inProgress(git, environment: [:])
        let finish = operation == .unknown ? "Then git add \(journal) and commit it (and push), so that every clone has it." : operation.finish(journal)
        let driverMissing = ((try? git.run(["config", "merge.wsoa.driver"]))?.status ?? 0) != 0
        if context.json {
            var fields: [String: JSONValue] = [
                "plan": .string(id), "path": .string(repair.path), "conflictMarkers": .int(Int64(repair.firstMarker)),
                "current": .string(repair.current), "other": .string(repair.other), "merged": .bool(repair.merged != nil),
            ]
            if let summary = repair.merged { fields["merge"] = MergeCommand.json(summary, other: repair.other, dryRun: false) }
            if let conflict = repair.conflict { fields["problem"] = .string(refusal(conflict)) }
            fields["otherFile"] = repair.otherPath.map(JSONValue.string)
            if repair.conflict != nil { context.exitCode = CLI.ExitCode.failure }
            context.printJSON(.object(fields))
            return
        }
        let setup = driverMissing ? ["This clone has no wsoa merge driver, so git will merge journals as text again: run 'wsoa git setup' once."] : []
        if let summary = repair.merged {
            context.output.line("The journal held git's conflict markers from line \(repair.firstMarker): the two copies between them are merged again, as wsoa's merge driver would have merged them.")
            context.output.lines(MergeCommand.describe(summary, other: repair.other, dryRun: false) + [finish] + setup)
            return
        }
        guard let conflict = repair.conflict, let kept = repair.otherPath else { return }
        context.exitCode = CLI.ExitCode.failure
        context.output.error("The journal held git's conflict markers from line \(repair.firstMarker), and the two copies between them do not merge as they stand: \(refusal(conflict)).")
        context.output.errorLine("The journal now holds only \(repair.current); \(repair.other) is in \(kept).".visible)
        context.output.errorLine((MergeCommand.nextStep(conflict, plan: id, other: kept) + " " + finish).visible)
        for line in setup { context.output.errorLine(line.visible) }
    }

    /// The line refused and the rule, as a merge names them, with the rule's reason.
    private static func refusal(_ conflict: MergeConflict) -> String {
        "\(conflict.refusal) (\(conflict.reason))"
    }
}
