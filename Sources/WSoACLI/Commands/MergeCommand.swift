import WSoAEngine

/// `wsoa merge`: take another copy of a plan's journal into the plan — a colleague's, or one a
/// sync tool left beside the journal.
enum MergeCommand: Command {
    static let spec = CommandSpec(
        "merge",
        abstract: "Merge another copy of a plan's journal into the plan.",
        discussion: """
            For a plan kept on several laptops, or in a synced folder that left a conflicted copy beside the \
            journal. The lines both copies share from the start stay as they are; the lines each copy added \
            after them are replayed through the same rules as every command, in the order they took effect \
            (ties by the time recorded), each copy's own lines kept in their order, and a line both copies hold \
            is kept once. Each line keeps its author, recording time and content, and gains a note of the copy \
            it came from ('wsoa history' shows it); an item both copies gave the same id (both added an E41) \
            takes the next id, and the output lists it. Either copy may be the one merged into: the result is \
            the same. If a line is refused once the other copy's lines are in (both recorded the statement's \
            submission, or one withdrew what the other amended), nothing is written and both lines, their \
            authors and the rule are named: decide which stands, then merge again with --set-aside naming the \
            line that does not (and --reason saying why), and record any correction. Only a line the merge \
            refuses, or one naming what was set aside, can be. The merge then writes a line naming each line \
            set aside, which 'wsoa history' shows in every copy and which leaves it out of later merges, and \
            keeps its bytes in events.jsonl.set-aside-<UTC time> beside the journal. A copy merged from the \
            plan's own folder is renamed <name>.merged.
            """,
        usage: ["merge PLAN OTHER-JOURNAL [--set-aside this:N|other:N,… [--reason TEXT]] [--dry-run] [--json]"],
        arguments: [.plan, ArgumentSpec("OTHER-JOURNAL", help: "The other copy's journal file (events.jsonl, or a sync tool's copy of it).")],
        options: [
            .repeated("set-aside", "COPY:LINE,…",
                      help: "Leave out line LINE of this copy or the other, as the officers decided (repeat or use commas)."),
            .value("reason", "TEXT", help: "Why the lines set aside do not stand, kept with the journal's line that names them."),
            .flag("dry-run", help: "Say what the merge would do, and write nothing."),
        ],
        globals: ["plans", "by", "json"])

    static func run(_ context: Context) throws {
        try context.refuseAsOf()
        let id = try context.planID()
        let other = try context.arguments.positional(1, name: "OTHER-JOURNAL")
        let setAside = try Set(context.arguments.list("set-aside").map(setAsideLine))
        if setAside.isEmpty { try context.refuseUnused(["reason"], reason: "it says why lines are set aside, and none is (--set-aside)") }
        let reason = context.arguments.value("reason")
        let dryRun = context.arguments.flag("dry-run")
        let summary: MergeSummary
        do {
            summary = try context.store.merge(id, with: other, setAside: setAside, reason: reason, on: context.today,
                                              recorded: context.recorded, by: context.by(), dryRun: dryRun)
        } catch let WSoAError.mergeRefused(conflict) {
            context.exitCode = CLI.ExitCode.failure
            context.output.error(WSoAError.mergeRefused(conflict).description)
            context.output.errorLine(nextStep(conflict, plan: id, other: other, already: setAside).visible)
            return
        }
        if context.json {
            context.printJSON(json(summary, other: other, dryRun: dryRun))
            return
        }
        context.output.lines(describe(summary, other: other, dryRun: dryRun))
    }

    /// `other:44` as a line to set aside.
    private static func setAsideLine(_ text: String) throws -> SetAsideLine {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let copy = MergeCopy(rawValue: String(parts[0]).lowercased()),
              let seq = Int(parts[1]), seq > 0, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw WSoAError.invalidValue(option: "--set-aside", value: text,
                                         reason: "name a line as this:N (of the plan's journal) or other:N (of OTHER-JOURNAL), as the refusal names it")
        }
        return SetAsideLine(copy: copy, seq: seq)
    }

    /// What the officers can do about a refused merge, with the commands.
    /// Lines `already` set aside stay in the command suggested, so following it keeps them out.
    static func nextStep(_ conflict: MergeConflict, plan: String, other: String, already: Set<SetAsideLine> = []) -> String {
        let earlier = already.map(\.description).sorted().map { $0 + "," }.joined()
        let refused = earlier + SetAsideLine(copy: conflict.refused.copy, seq: conflict.refused.seq).description
        let instead = conflict.against.map { " (or --set-aside \(earlier)\(SetAsideLine(copy: $0.copy, seq: $0.seq)))" } ?? ""
        return "Decide which line stands, then leave the other out with: wsoa merge \(plan) \(other.shellQuoted) --set-aside \(refused)\(instead). The line left out is kept beside the journal; record any correction after."
    }

    /// The summary for people. `sides` names the two copies where "this copy" and "the other"
    /// would mislead: git's merge driver during a rebase, whose own side is the upstream.
    static func describe(_ summary: MergeSummary, other: String, dryRun: Bool, sides: (this: String, other: String)? = nil) -> [String] {
        let plan = summary.plan
        let side = { (copy: MergeCopy) in sides.map { copy == .this ? $0.this : $0.other } ?? copy.words }
        var lines: [String] = []
        switch summary.kind {
        case .same:
            lines.append("Nothing to merge: \(other) is the same journal as \(plan)'s (\(summary.lines) lines, head \(summary.head)).")
        case .thisAhead:
            lines.append(summary.inBoth == 0
                ? "Nothing to merge: \(other) holds only lines \(plan) already has (its \(summary.common) lines are the first of \(plan)'s \(summary.lines))."
                : "Nothing to merge: \(plan) already holds every line of \(other), merged into it before (\(plan) has \(summary.lines) lines).")
        case .otherAhead:
            lines.append("\(dryRun ? "Would take" : "Took") the \(summary.fromOther) line\(summary.fromOther == 1 ? "" : "s") \(other) has after \(plan)'s \(summary.common), as they are: the journal \(dryRun ? "would have" : "now has") \(summary.lines) lines, head \(summary.head).")
        case .merged:
            var parts = ["\(summary.fromThis) from \(side(.this))", "\(summary.fromOther) from \(sides?.other ?? "the other")"]
            if summary.inBoth > 0 { parts.append("\(summary.inBoth) held by both, kept once") }
            lines.append("\(dryRun ? "Would merge" : "Merged") \(other) into \(plan): after the \(summary.common) lines both copies share, \(parts.joined(separator: ", ")), in the order they took effect; the journal \(dryRun ? "would have" : "now has") \(summary.lines) lines, head \(summary.head).")
        }
        if !summary.renumbered.isEmpty {
            let moves = summary.renumbered.map { "\(side($0.copy))'s \($0.old) is now \($0.new)" }
            lines.append("  Ids given anew, as both copies had used them: \(moves.joined(separator: "; ")).")
        }
        if !summary.setAside.isEmpty {
            let names = summary.setAside.map(\.line.description).joined(separator: ", ")
            let count = summary.setAside.count
            lines.append("  Set aside, as the officers decided: \(names)" + (summary.setAsidePath.map { ", kept in \($0)" } ?? "")
                         + "; the journal's last \(count == 1 ? "line names it" : "\(count) lines name them"), for every copy to see.")
        }
        if !summary.leftOutAgain.isEmpty {
            let names = summary.leftOutAgain.map(\.description).joined(separator: ", ")
            lines.append("  Left out again, as an earlier merge set \(summary.leftOutAgain.count == 1 ? "it" : "them") aside: \(names).")
        }
        if let renamed = summary.mergedCopyPath { lines.append("  The copy merged is now \(renamed).") }
        if dryRun { lines.append("Nothing was written (--dry-run).") }
        return lines
    }

    /// The summary as JSON.
    static func json(_ summary: MergeSummary, other: String, dryRun: Bool) -> JSONValue {
        .object([
            "plan": .string(summary.plan), "other": .string(other), "outcome": .string(summary.kind.rawValue),
            "dryRun": .bool(dryRun), "common": .int(Int64(summary.common)), "lines": .int(Int64(summary.lines)),
            "fromThis": .int(Int64(summary.fromThis)), "fromOther": .int(Int64(summary.fromOther)), "inBoth": .int(Int64(summary.inBoth)),
            "head": .string(summary.head),
            "renumbered": .array(summary.renumbered.map { .object(["copy": .string($0.copy.rawValue), "old": .string($0.old), "new": .string($0.new)]) }),
            "setAside": .array(summary.setAside.map { .string($0.line.description) }),
            "setAsideFile": summary.setAsidePath.map(JSONValue.string) ?? .null,
            "leftOutAgain": .array(summary.leftOutAgain.map { .string($0.description) }),
            "mergedCopy": summary.mergedCopyPath.map(JSONValue.string) ?? .null,
        ])
    }
}
