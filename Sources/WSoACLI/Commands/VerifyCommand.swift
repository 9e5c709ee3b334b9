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
            the plan's snapshot against a fresh fold of the journal, and every version of every file recorded \
            as evidence: its copy in the plan's folder or, for one recorded with --no-copy, the file where it \
            was recorded, if it is still there. Reports the first problem of each plan's journal with its file \
            and line, every evidence file that has changed or gone by evidence id and version, and every folder \
            that is not a plan it can read; exits 1 if it found any. With --head HASH (the head a printed report \
            showed), also checks that the journal still holds that line and chains from it, so a cut or \
            rewritten record since is found. Points to any copy of a journal that a sync tool left beside it \
            (events (… conflicted copy).jsonl and the like), to take in with 'wsoa merge'. Never changes anything.
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
            let copies = (try? context.store.conflictedCopies(of: id)) ?? []
            switch result {
            case let .success(found):
                var fields: [String: JSONValue] = ["id": .string(id), "ok": .bool(true), "events": .int(Int64(found.events)),
                                                   "head": .string(found.head)]
                fields["headLine"] = found.headLine.map { .int(Int64($0)) }
                fields["snapshotLine"] = found.snapshotLine.map { .int(Int64($0)) }
                // Only for a plan with evidence files, so the keys of one without stay as they were.
                if !found.evidenceFiles.isEmpty { fields["evidenceFiles"] = .array(found.evidenceFiles.map(json)) }
                if !copies.isEmpty { fields["conflictedCopies"] = .array(copies.map(JSONValue.string)) }
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
                describe(found.evidenceFiles, to: context.output)
                for copy in copies { context.output.line("  \(conflictedCopyNote(copy, plan: id))") }
            case let .failure(error):
                context.exitCode = CLI.ExitCode.failure
                var fields: [String: JSONValue] = ["id": .string(id), "ok": .bool(false), "problem": .string(error.description)]
                if case let .damagedJournal(path, line, _) = error {
                    fields["path"] = .string(path)
                    fields["line"] = .int(Int64(line))
                }
                if case let .evidenceFilesChanged(_, files) = error { fields["evidenceFiles"] = .array(files.map(json)) }
                if !copies.isEmpty { fields["conflictedCopies"] = .array(copies.map(JSONValue.string)) }
                objects.append(.object(fields))
                if !context.json {
                    context.output.error(CLI.explained(error))
                    for copy in copies { context.output.errorLine("  \(conflictedCopyNote(copy, plan: id))".visible) }
                }
            }
        }
        if context.json { context.printJSON(.array(objects)) }
        if results.isEmpty && !context.json { context.output.line("No plans to verify in \(context.store.directory).") }
    }

    /// A copy of a plan's journal that a sync tool left beside it, and what to do with it.
    /// The command ends the note, after a colon, unquoted: its path is quoted for the shell
    /// already, and quotes around that would leave nothing to copy from quote to quote.
    static func conflictedCopyNote(_ path: String, plan: String) -> String {
        "a copy of the journal left beside it (by a sync tool, or a git merge that was refused) may hold lines the journal lacks: \(path); take them in with: wsoa merge \(plan) \(path.shellQuoted)"
    }

    /// The evidence files of a plan that checks out, for people: how many match, and each
    /// one that could not be checked or was removed with its withdrawn evidence.
    private static func describe(_ files: [EvidenceFileCheck], to output: Output) {
        let intact = files.filter { $0.outcome == .intact }
        if !intact.isEmpty {
            let copies = intact.filter(\.file.copied).count, originals = intact.count - copies
            var parts: [String] = []
            if copies > 0 { parts.append("\(copies) kept as \(copies == 1 ? "a copy" : "copies") in the plan's folder") }
            if originals > 0 { parts.append("\(originals) recorded without a copy, checked where \(originals == 1 ? "it was" : "they were") recorded") }
            output.line("  \(intact.count) evidence file\(intact.count == 1 ? "" : "s") match\(intact.count == 1 ? "es" : "") the record: \(parts.joined(separator: "; "))")
        }
        for file in files where file.outcome != .intact {
            output.line("  \(file.description)")
        }
    }

    /// One evidence file's check as JSON.
    private static func json(_ check: EvidenceFileCheck) -> JSONValue {
        .object([
            "evidence": .string(check.evidence), "version": .int(Int64(check.version)), "name": .string(check.file.name),
            "sha256": .string(check.file.sha256), "copied": .bool(check.file.copied), "path": .string(check.path),
            "outcome": .string(check.outcome.rawValue), "reason": check.reason.map(JSONValue.string) ?? .null,
        ])
    }
}
