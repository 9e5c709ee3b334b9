import Foundation
import WSoAEngine

/// Generates the plans, runs every measurement and prints the table with the budgets.
struct Suite {
    /// Timed runs per measurement; the median is reported.
    let runs: Int
    /// Whether to leave the generated plans in place.
    let keep: Bool

    /// The fixed "today", so clocks and deadlines are the same on every run.
    static let today = "2023-06-01"

    func run() throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let buildDirectory = executable.deletingLastPathComponent()
        let wsoa = buildDirectory.appendingPathComponent("wsoa").path
        guard FileManager.default.isExecutableFile(atPath: wsoa) else {
            throw BenchmarkError("no wsoa binary beside the benchmark at \(wsoa); build both with 'swift build -c release'")
        }
        let peer = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("peer.py").path
        let root = NSTemporaryDirectory() + "wsoa-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(atPath: root) } }
        print("wsoa benchmark — \(runs) timed runs per figure (median), plans in \(root)")
        print("load average at start: \(Self.loadAverage)")

        // Plans: one of 100,000 events, one of 1,000, and a portfolio of 150 × 5,000.
        let single = PlanStore(directory: root + "/single")
        try single.initialize()
        let portfolio = PlanStore(directory: root + "/portfolio")
        try portfolio.initialize()
        var started = Stopwatch.now()
        let bigBytes = try SyntheticPlan(id: "big", events: 100_000, seed: 1, ending: .monitoring).write(into: single)
        try SyntheticPlan(id: "small", events: 1_000, seed: 2, ending: .monitoring).write(into: single)
        print(String(format: "generated 'big' (100,000 events, %.1f MB, mean line %.0f bytes) and 'small' (1,000) in %.1f s",
                     Double(bigBytes) / 1e6, Double(bigBytes) / 100_000, Stopwatch.now() - started))
        started = Stopwatch.now()
        let endings = SyntheticPlan.Ending.allCases
        for number in 0..<150 {
            try SyntheticPlan(id: String(format: "area-%03d", number), events: 5_000, seed: 100 + UInt64(number),
                              ending: endings[number % endings.count]).write(into: portfolio)
        }
        print(String(format: "generated the portfolio (150 plans × 5,000 events) in %.1f s", Stopwatch.now() - started))

        var table = ResultTable()
        let environment = ["WSOA_TODAY": Suite.today, "WSOA_USER": "benchmark"]
        let bigSnapshot = single.directory + "/big/snapshot.bin"
        let journal = single.directory + "/big/events.jsonl"

        // The Python peer: json.loads per line and the SHA-256 chain, over the same journal.
        var peerSeconds: [Double] = []
        var peerResult: [String: String] = [:]
        for _ in 0..<max(3, runs / 2) {
            let run = try ChildProcess.run(["/usr/bin/env", "python3", peer, journal])
            peerResult = Self.fields(run.output)
            peerSeconds.append(Double(peerResult["seconds"] ?? "") ?? .nan)
        }
        let peerMedian = Self.median(peerSeconds)
        table.add("Python peer (json.loads + SHA-256 chain)", value: String(format: "%.1f ms", peerMedian * 1000),
                  detail: String(format: "%.0f events/s", 100_000 / peerMedian), rss: nil, budget: "—", met: true)

        // 1. Replay in a child of our own (read, hash chain, parse, fold, snapshot written), no snapshot.
        var replays: [ChildProcess.Run] = []
        var swiftResult: [String: String] = [:]
        for _ in 0..<runs {
            try? FileManager.default.removeItem(atPath: bigSnapshot)
            let run = try ChildProcess.run([executable.path, "replay", single.directory, "big"],
                                           environment: ["WSOA_BENCH_NO_COUNTS": "1"])
            swiftResult = Self.fields(run.output)
            replays.append(ChildProcess.Run(seconds: Double(swiftResult["seconds"] ?? "") ?? .nan, maxRSSMB: run.maxRSSMB,
                                            cpuSeconds: Double(swiftResult["cpu"] ?? "") ?? .nan, status: run.status,
                                            output: run.output))
        }
        let countsRun = try ChildProcess.run([executable.path, "replay", single.directory, "big"])
        swiftResult["counts"] = Self.fields(countsRun.output)["counts"]
        let replaySeconds = Self.median(replays.map(\.seconds))
        table.add("replay 100,000 events in process, no snapshot", value: String(format: "%.1f ms", replaySeconds * 1000),
                  detail: String(format: "%.0f events/s; CPU %.1f ms; Python/Swift %.1f×", 100_000 / replaySeconds,
                                 Self.median(replays.map(\.cpuSeconds)) * 1000, peerMedian / replaySeconds),
                  rss: nil, budget: "≥ 4× Python", met: peerMedian >= 4 * replaySeconds)
        let agree = peerResult["phase"] == swiftResult["phase"] && peerResult["counts"] == swiftResult["counts"]
        print("replay result: phase \(swiftResult["phase"] ?? "?"), counts \(swiftResult["counts"] ?? "?")")
        print("Python peer agrees on phase and counts per type: \(agree ? "yes" : "NO — \(peerResult)")")

        // 2. status without a snapshot (a whole replay, as a user runs it), and its peak memory.
        let status = [wsoa, "--plans", single.directory, "status", "big"]
        var cold: [ChildProcess.Run] = []
        for _ in 0..<runs {
            try? FileManager.default.removeItem(atPath: bigSnapshot)
            cold.append(try ChildProcess.run(status, environment: environment))
        }
        try? FileManager.default.removeItem(atPath: bigSnapshot)
        let coldRSS = try ChildProcess.peakRSS(status, environment: environment)
        table.add(relative: "wsoa status (100,000 events, no snapshot)", cold, rss: coldRSS,
                  against: peerMedian, label: "Python", factor: 4, faster: true)

        // 3. verify: every line's chain and rules, the snapshot against a fresh fold.
        let verify = [wsoa, "--plans", single.directory, "verify", "big"]
        _ = try ChildProcess.run(status, environment: environment)  // leaves a snapshot for verify to compare
        let verifies = try (0..<runs).map { _ in try ChildProcess.run(verify, environment: environment) }
        table.add(relative: "wsoa verify (100,000 events)", verifies, rss: try ChildProcess.peakRSS(verify, environment: environment),
                  against: peerMedian, label: "Python", factor: 4, faster: true)

        // 4. status with a fresh snapshot, against the process's own start-up.
        let help = try (0..<runs).map { _ in try ChildProcess.run([wsoa, "--help"], environment: environment) }
        let startup = Self.median(help.map(\.seconds))
        table.add("wsoa --help (start-up)", value: String(format: "%.1f ms", startup * 1000),
                  detail: String(format: "min %.1f ms", (help.map(\.seconds).min() ?? 0) * 1000), rss: nil, budget: "—", met: true)
        _ = try ChildProcess.run(status, environment: environment)
        let warm = try (0..<runs).map { _ in try ChildProcess.run(status, environment: environment) }
        table.add(relative: "wsoa status (100,000 events, fresh snapshot)", warm,
                  rss: try ChildProcess.peakRSS(status, environment: environment),
                  against: startup, label: "start-up", factor: 3, faster: false)

        // 5. append, on 1,000 and 100,000 events (each with the snapshot an earlier command leaves).
        var appendMedians: [String: Double] = [:]
        for id in ["small", "big"] {
            _ = try ChildProcess.run(status.dropLast() + [id], environment: environment)
            func append(_ number: Int) -> [String] {
                [wsoa, "--plans", single.directory, "evidence", "add", id, "--workstream", "coproduction",
                 "--kind", "voice", "--on", "2023-05-20", "--title", "Parent carer forum feedback round \(number)",
                 "--source", "Parent carer forum"]
            }
            let appends = try (1...runs).map { try ChildProcess.run(append($0), environment: environment) }
            appendMedians[id] = Self.median(appends.map(\.seconds))
            if id == "small" {
                table.add(info: "wsoa evidence add (1,000 events)", appends, rss: try ChildProcess.peakRSS(append(runs + 1), environment: environment))
            } else {
                table.add(relative: "wsoa evidence add (100,000 events)", appends,
                          rss: try ChildProcess.peakRSS(append(runs + 1), environment: environment),
                          against: appendMedians["small"] ?? .nan, label: "the 1,000-event append", factor: 1.5, faster: false)
            }
        }

        // 6. For information: the portfolio and the report.
        for command in ["list", "deadlines"] {
            let arguments = [wsoa, "--plans", portfolio.directory, command]
            let (first, firstRSS) = try ChildProcess.runMeasuringRSS(arguments, environment: environment)
            if command == "list" {
                table.add(info: "first list (no snapshots: replays all 150, writes snapshots)", [first], rss: firstRSS)
            }
            let timed = try (0..<runs).map { _ in try ChildProcess.run(arguments, environment: environment) }
            table.add(info: "wsoa \(command) (150 × 5,000 events)", timed, rss: try ChildProcess.peakRSS(arguments, environment: environment))
        }
        let report = [wsoa, "--plans", single.directory, "report", "big", "--format", "html"]
        let reports = try (0..<runs).map { _ in try ChildProcess.run(report, environment: environment) }
        table.add(info: "wsoa report --format html (100,000 events)", reports, rss: try ChildProcess.peakRSS(report, environment: environment))

        // 7. For information: a tracker out of the 100,000-event plan and back in (every row
        // matched, nothing to record), and a tracker of 2,000 new actions checked against it.
        let tracker = root + "/evidence.csv"
        let export = [wsoa, "--plans", single.directory, "export", "big", "--what", "evidence", "--output", tracker]
        let exports = try (0..<runs).map { _ in try ChildProcess.run(export, environment: environment) }
        let rows = try String(contentsOfFile: tracker, encoding: .utf8).split(separator: "\r\n").count - 1
        table.add(info: "wsoa export --what evidence (100,000 events, \(rows) rows)", exports,
                  rss: try ChildProcess.peakRSS(export, environment: environment))
        let reimport = [wsoa, "--plans", single.directory, "import", "big", "--what", "evidence", tracker, "--dry-run"]
        let reimports = try (0..<runs).map { _ in try ChildProcess.run(reimport, environment: environment) }
        table.add(info: "wsoa import --dry-run of that tracker (nothing to record)", reimports,
                  rss: try ChildProcess.peakRSS(reimport, environment: environment))
        let newActions = root + "/actions.csv"
        try ("Workstream,Title,Lead,Due date\n" + (1...2_000).map { "coproduction,Imported action \($0),Lead \($0 % 17),2030-01-31\n" }.joined())
            .write(toFile: newActions, atomically: true, encoding: .utf8)
        let adding = [wsoa, "--plans", single.directory, "import", "big", "--what", "actions", newActions, "--dry-run"]
        let adds = try (0..<runs).map { _ in try ChildProcess.run(adding, environment: environment) }
        table.add(info: "wsoa import --dry-run of 2,000 new actions (100,000 events)", adds,
                  rss: try ChildProcess.peakRSS(adding, environment: environment))

        // 8. For information: two officers' copies of the 100,000-event plan, each 1,000 pieces of
        // evidence past the lines they share, merged (dry run, so every run merges the same pair),
        // and a copy merged with itself.
        let mine = PlanStore(directory: root + "/mine"), theirs = PlanStore(directory: root + "/theirs")
        for (store, officer) in [(mine, "Jo"), (theirs, "Sam")] {
            try store.initialize()
            try FileManager.default.createDirectory(atPath: store.directory + "/big", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: journal, toPath: store.directory + "/big/events.jsonl")
            let commands = (1...1_000).map { number in
                PlanCommand.addEvidence(on: try! Day(parsing: Suite.today), workstream: "coproduction", weaknesses: [], kind: .activity,
                                        title: "\(officer)'s evidence \(number)", source: nil, file: nil, link: nil)
            }
            try store.record(in: "big", by: officer, recorded: "2023-06-01T09:00:00Z", today: try Day(parsing: Suite.today)) { _, _ in
                (commands, [])
            }
        }
        let merge = [wsoa, "--plans", mine.directory, "merge", "big", theirs.directory + "/big/events.jsonl", "--dry-run"]
        let merges = try (0..<runs).map { _ in try ChildProcess.run(merge, environment: environment) }
        table.add(info: "wsoa merge --dry-run (100,000 events, 1,000 new on each side)", merges,
                  rss: try ChildProcess.peakRSS(merge, environment: environment))
        let itself = [wsoa, "--plans", mine.directory, "merge", "big", mine.directory + "/big/events.jsonl"]
        let selves = try (0..<runs).map { _ in try ChildProcess.run(itself, environment: environment) }
        table.add(info: "wsoa merge of a copy with itself (100,000 events)", selves, rss: try ChildProcess.peakRSS(itself, environment: environment))

        print("load average at end: \(Self.loadAverage)")
        print("")
        print(table.render())
        print(table.verdict)
    }

    /// The 1, 5 and 15-minute load averages, as other work on the machine skews every figure.
    static var loadAverage: String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// `key value` lines as a dictionary.
    static func fields(_ output: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        return fields
    }

    /// The median of `values`.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
