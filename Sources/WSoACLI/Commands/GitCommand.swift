import WSoAEngine

/// `wsoa git setup|merge-driver`: share the plans directory through git.
enum GitCommand: Command {
    static let spec = CommandSpec(
        "git",
        abstract: "Share the plans directory through git: set it up, and the merge driver git runs.",
        usage: [
            "git setup [--evidence-copies local|shared] [--json]",
            "git merge-driver ANCESTOR CURRENT OTHER PATH",
        ],
        subcommands: [
            CommandSpec(
                "setup", abstract: "Set up a git repository holding the plans directory to merge plans with wsoa.",
                discussion: """
                    Writes wsoa's part of .gitattributes (journals merge with wsoa; evidence copies are binary and \
                    named by their content, so they never conflict) and .gitignore (snapshots, locks and files set \
                    aside stay on each machine) in the plans directory, and sets the merge driver in the repository's \
                    local configuration, which a clone does not bring: every officer runs this once in their own \
                    clone. Evidence copies stay on each machine unless --evidence-copies shared: they may hold \
                    personal data, and the journal's hash lets anyone who has the file check it. Without the option \
                    the setting already written stands. Safe to run again (after moving wsoa, run it again).
                    """,
                usage: ["git setup [--evidence-copies local|shared] [--json]"],
                options: [evidenceCopies],
                globals: ["plans", "json"]),
            CommandSpec(
                "merge-driver", abstract: "What git runs to merge two copies of a journal (set by 'wsoa git setup').",
                discussion: """
                    Git gives the last version both sides shared, its own side (where the result goes) and the other \
                    side, as files, and the journal's path. The merge is 'wsoa merge''s. When a line is refused, the \
                    journal keeps its own side, the other side is kept beside it as 'events (other copy, not \
                    merged).jsonl', and the conflict is named with what to do next; git reports the journal as in \
                    conflict until it is added. During a rebase (git pull --rebase) its own side is the upstream and \
                    the other side is your commit being replayed, and the rebase goes on with 'git rebase --continue'.
                    """,
                usage: ["git merge-driver ANCESTOR CURRENT OTHER PATH"],
                arguments: [
                    ArgumentSpec("ANCESTOR", help: "The journal as both sides last shared it (%O)."),
                    ArgumentSpec("CURRENT", help: "This side's journal, which the result replaces (%A)."),
                    ArgumentSpec("OTHER", help: "The other side's journal (%B)."),
                    ArgumentSpec("PATH", help: "The journal's path in the repository (%P)."),
                ],
                globals: []),
        ])

    /// `--evidence-copies local|shared`.
    static let evidenceCopies = OptionSpec.value(
        "evidence-copies", "WHERE", help: "local (the default: each machine keeps its own) or shared (committed with the plans).",
        choices: EvidenceCopiesSetting.shownSpellings)

    /// The name of the file the driver keeps the other side in when a merge is refused.
    static let notMergedName = "events (other copy, not merged).jsonl"

    static func run(_ context: Context) throws {
        switch context.arguments.commandPath.dropFirst().first {
        case "setup":
            try context.refuseAsOf()
            let lines = try setUp(context, inRepository: false)
            if !context.json { context.output.lines(lines) }
        default:
            try mergeDriver(context)
        }
    }

    /// Sets the plans directory up for git (making a repository there first when `making` and it
    /// is in none) and returns what to tell people; prints JSON itself.
    static func setUp(_ context: Context, inRepository making: Bool) throws -> [String] {
        let setting = try context.optionalChoice("evidence-copies", EvidenceCopiesSetting.self)
        let git = Git(directory: context.store.directory, environment: context.environment)
        var made = false
        var top = try git.topLevel()
        if top == nil, making {
            try git.require(["init", "--quiet"], doing: "make a repository in \(context.store.directory)")
            top = try git.topLevel()
            made = true
        }
        guard let top else {
            throw WSoAError.fileSystem(path: context.store.directory, reason: "it is not in a git repository; run 'git init' there (or 'wsoa init --git'), or clone the team's repository, then run this again")
        }
        let sharing = try context.store.shareThroughGit(evidenceCopies: setting)
        let executable = Git.runningExecutable
        try git.configureDriver(executable: executable)
        if context.json {
            context.printJSON(.object([
                "directory": .string(context.store.directory), "repository": .string(top), "repositoryCreated": .bool(made),
                "attributes": .string(sharing.attributesPath), "ignore": .string(sharing.ignorePath), "changed": .bool(sharing.changed),
                "evidenceCopies": .string(sharing.evidenceCopies.rawValue), "driver": .string(executable),
            ]))
            return []
        }
        let evidence = sharing.evidenceCopies == .local
            ? "evidence copies stay on each machine (--evidence-copies shared commits them)"
            : "evidence copies are committed with the plans (--evidence-copies local keeps them on each machine)"
        return [
            made ? "Made a git repository in \(top)." : "The plans directory is in the git repository \(top).",
            "\(sharing.changed ? "Wrote" : "Kept") \(sharing.attributesPath) and \(sharing.ignorePath): journals merge with wsoa, snapshots and locks stay on each machine, and \(evidence).",
            "Set the merge driver in this clone's git configuration: \(executable) git merge-driver.",
            "Commit .gitattributes, .gitignore and .wsoa-plans; each officer runs 'wsoa git setup' once in their own clone.",
        ]
    }

    /// What git runs: merge CURRENT and OTHER into CURRENT, or refuse and keep OTHER aside.
    ///
    /// git gives its scratch files (`.merge_file_U3eT7I`) for the three copies, which tell an
    /// officer nothing, so every message names the journal's own path with whose side it is;
    /// whose side that is, and how to go on, depend on what git is doing (`GitOperation`).
    private static func mergeDriver(_ context: Context) throws {
        let arguments = context.arguments
        let ancestor = try arguments.positional(0, name: "ANCESTOR"), current = try arguments.positional(1, name: "CURRENT")
        let other = try arguments.positional(2, name: "OTHER"), path = try arguments.positional(3, name: "PATH")
        // git runs the driver at the top of the work tree, which is where PATH starts from.
        let operation = GitOperation.inProgress(Git(directory: ".", environment: context.environment), environment: context.environment)
        let names = (ancestor: "the last version both sides shared of \(path)", current: operation.currentSide(path),
                     other: operation.otherSide(path))
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        let kept = (folder.isEmpty ? "" : folder + "/") + notMergedName
        do {
            var notices: [String] = []
            let summary = try PlanStore.mergeFiles(ancestor: ancestor, current: current, other: other, names: names) { notices.append($0) }
            context.output.lines((notices + MergeCommand.describe(summary, other: names.other, dryRun: false, sides: operation.sides)).map { "wsoa: " + $0 })
        } catch let WSoAError.mergeRefused(conflict) {
            context.exitCode = CLI.ExitCode.failure
            context.output.error(WSoAError.mergeRefused(conflict).description)
            if (try? PlanStore.keepCopy(of: other, at: kept)) != nil {
                context.output.errorLine(operation.whereLinesAre(kept: kept).visible)
                context.output.errorLine((MergeCommand.nextStep(conflict, plan: conflict.plan, other: kept) + " "
                                          + operation.finish(path.shellQuoted)).visible)
            }
        } catch let WSoAError.conflictMarkers(plan, path, line, reason) {
            // Nothing this clone can merge until the clone that committed the markers mends them;
            // committing the journal as git leaves it would leave the other side's lines out.
            context.exitCode = CLI.ExitCode.failure
            context.output.error(WSoAError.conflictMarkers(plan: plan, path: path, line: line, reason: reason).description)
            context.output.errorLine("Until then, run \(operation.abort): this clone stays as it was, and pulling again once the mended journal is pushed takes every line in.")
        } catch let WSoAError.linesRemoved(removed) {
            context.exitCode = CLI.ExitCode.failure
            context.output.error(WSoAError.linesRemoved(removed).description)
            context.output.errorLine(keepingEveryLine(removed, operation: operation, path: path, kept: kept, other: other).visible)
        }
    }

    /// The way out of a merge refused because a side lacks lines both last shared: the journal
    /// keeps them. When the other side is those lines cut and nothing more, as reverting the
    /// commit that recorded them asks for (git leaves no trace of reverting one commit while it
    /// runs the driver, so that is read from the copy), the revert goes on without them;
    /// otherwise the other side is kept beside the journal, to take in any lines of its own.
    private static func keepingEveryLine(_ removed: RemovedLines, operation: GitOperation, path: String, kept: String,
                                         other: String) -> String {
        let journal = path.shellQuoted
        if removed.copy == .other, removed.cut, operation == .revert || operation == .unknown {
            return "The journal keeps every line, as this side has them. To leave the commit unreverted, run git revert --skip (or git revert --abort, to stop reverting); if it changed other files you do mean to revert, git add \(journal) and git revert --continue, which reverts those and keeps every line of the journal."
        }
        if removed.copy == .other, removed.cut {
            return "The journal keeps every line, as this side has them. \(operation.finish(journal))"
        }
        guard (try? PlanStore.keepCopy(of: other, at: kept)) != nil else { return operation.finish(journal) }
        return "\(operation.whereLinesAre(kept: kept)) Take them in, keeping every line either side holds, with: wsoa merge \(removed.plan) \(kept.shellQuoted). \(operation.finish(journal))"
    }
}

extension EvidenceCopiesSetting: ChoiceValue {}
