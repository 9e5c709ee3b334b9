import Foundation
import WSoAEngine

/// `wsoa report`: the revisit-readiness report for the SEN strategic group (issue 5).
enum ReportCommand: Command {
    static let spec = CommandSpec(
        "report",
        abstract: "Write the revisit-readiness report for the SEN strategic group.",
        discussion: """
            Summary, each weakness on the evidence ladder with every reason it is not higher, \
            what changed since the last monitoring visit, and the journal's head hash. With \
            --as-of DATE, the plan as it stood that day. --json is the same as --format json. \
            The same journal and date always give the same bytes.
            """,
        usage: ["report PLAN [--format markdown|html|json] [--output FILE] [--as-of DATE]"],
        arguments: [.plan],
        options: [
            .value("format", "FORMAT", help: "markdown (default), html (one self-contained, print-ready file) or json."),
            .value("output", "FILE", help: "Write the report to FILE (replaced atomically) instead of standard output."),
        ])

    static func run(_ context: Context) throws {
        let format = try self.format(context)
        let id = try context.planID()
        let asOf = context.viewDay
        let (loaded, since) = try load(id, context: context)
        let assessment = ReadinessAssessment(plan: loaded.plan, since: since, asOf: asOf, calendar: context.calendar,
                                             record: RecordFacts(loaded))
        let text = format.render(assessment)
        guard let path = context.arguments.value("output") else {
            context.output.write(text)
            return
        }
        try write(text, to: path)
        if context.json {
            context.printJSON(.object(["plan": .string(id), "format": .string(format.rawValue), "output": .string(path),
                                       "asOf": .string(asOf.description), "head": .string(loaded.head)]))
        } else {
            context.output.line("Wrote the \(format.rawValue) report for \(id) as at \(asOf.longDescription) to \(path).")
        }
    }

    /// `--format`, or json for `--json`; both given and different is a usage error.
    private static func format(_ context: Context) throws -> ReportFormat {
        guard let name = context.arguments.value("format") else { return context.json ? .json : .markdown }
        let format = try context.choice(name, option: "format", ReportFormat.self)
        if context.json && format != .json {
            throw WSoAError.invalidValue(option: "--format", value: name, reason: "--json asks for json; give one or the other")
        }
        return format
    }

    /// The plan at the view day and what changed since its last visit, read so that both
    /// describe the same lines.
    ///
    /// When the view hides no line, the plan (from its snapshot and the journal after it) and
    /// the journal's lines after the last visit are enough: the report then costs the journal
    /// since the last visit, not its length. Otherwise, or when those lines cannot settle it,
    /// the whole journal is read as well (``wholeJournal(_:context:loaded:)``).
    private static func load(_ id: String, context: Context) throws -> (LoadedPlan, SinceLastVisit) {
        let asOf = context.viewDay
        var last: LoadedPlan?
        for _ in 0..<3 {
            let loaded: LoadedPlan
            do {
                loaded = try context.store.load(id, asOf: asOf)
            } catch {
                // The whole journal's own problem comes first, as it did when it was read first.
                _ = try context.store.entries(id)
                throw error
            }
            last = loaded
            guard loaded.folded == loaded.events else { break }
            let plan = loaded.plan
            guard let line = SinceLastVisit.baselineLine(of: plan) else {
                return (loaded, SinceLastVisit(plan: plan, entries: [], asOf: asOf))
            }
            guard let tail = try? context.store.journalTail(id, after: line.type, occurrence: line.occurrence, matching: line.matches,
                                                            through: loaded.events, head: loaded.head) else { continue }
            guard let since = SinceLastVisit(plan: plan, baselineSeq: tail.seq, tail: tail.entries, asOf: asOf) else { break }
            #if DEBUG
            // Every report a debug build writes checks the fast path against the whole journal.
            let entries = try context.store.entries(id)
            if entries.count == loaded.events {
                let slow = SinceLastVisit(plan: plan, entries: entries, asOf: asOf)
                // As text, so a reading that is not a number still compares equal to itself.
                precondition(String(reflecting: slow) == String(reflecting: since),
                             "the report's changes since the last visit differ from the whole journal's")
            }
            #endif
            return (loaded, since)
        }
        return try wholeJournal(id, context: context, loaded: last)
    }

    /// The plan at the view day and the changes since its last visit from the whole journal,
    /// streamed rather than held, read so that both describe the same lines: if another writer
    /// appends in between, read again. `first` is a plan already loaded for this view.
    ///
    /// A journal the whole-journal read refuses is reported as that read reports it, before
    /// any problem of the plan's own (the order the report has always checked them in).
    private static func wholeJournal(_ id: String, context: Context, loaded first: LoadedPlan?) throws -> (LoadedPlan, SinceLastVisit) {
        let asOf = context.viewDay
        var attempts = 0
        var reuse = first
        while true {
            let loaded: LoadedPlan
            do {
                if let plan = reuse {
                    loaded = plan
                    reuse = nil
                } else {
                    loaded = try context.store.load(id, asOf: asOf)
                }
            } catch {
                _ = try context.store.entries(id)
                throw error
            }
            let (events, since) = try context.store.sinceLastVisit(id, plan: loaded.plan, asOf: asOf)
            #if DEBUG
            let entries = try context.store.entries(id)
            if entries.count == events {
                precondition(String(reflecting: SinceLastVisit(plan: loaded.plan, entries: entries, asOf: asOf))
                             == String(reflecting: since), "the streamed changes since the last visit differ from the held journal's")
            }
            #endif
            attempts += 1
            if loaded.events == events || attempts >= 3 { return (loaded, since) }
        }
    }

    /// Writes `text` to `path` through a temporary file and a rename, so a reader never sees
    /// half a report and a failure leaves any earlier report in place.
    private static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WSoAError.fileSystem(path: path, reason: "its folder \(folder) does not exist")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw WSoAError.fileSystem(path: path, reason: "it is a directory, not a file")
        }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw WSoAError.fileSystem(path: path, reason: "it could not be written (\(error.localizedDescription))")
        }
    }
}
