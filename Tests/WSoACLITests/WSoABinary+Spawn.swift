import Foundation
import Testing
import WSoAEngine

extension WSoABinary {
    /// The environment a spawned `wsoa` gets: this binary's, plus `extra`, plus `PATH`.
    func childEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        environment.merging(extra) { $1 }
            .merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]) { old, _ in old }
    }

    /// Starts `wsoa` with `arguments` without waiting for it.
    func spawn(_ arguments: [String], environment extra: [String: String] = [:]) throws -> ChildProcess {
        try ChildProcess(WSoABinary.executable.path, arguments, environment: childEnvironment(extra))
    }

    /// Runs `wsoa` under a hard time limit, reporting its time and peak memory too.
    func runLimited(_ arguments: [String], timeout: Double = 30, environment extra: [String: String] = [:]) throws
        -> ChildProcess.Outcome {
        try spawn(arguments, environment: extra).wait(timeout: timeout)
    }

    /// Runs `wsoa` through `/bin/sh -c`, so a test can set a limit (e.g. `ulimit -f 4`) first.
    func runInShell(_ prelude: String, _ arguments: [String], timeout: Double = 30) throws -> ChildProcess.Outcome {
        let script = "\(prelude); exec \"$0\" \"$@\""
        return try ChildProcess("/bin/sh", ["-c", script, WSoABinary.executable.path] + arguments,
                                environment: childEnvironment()).wait(timeout: timeout)
    }

    /// Whether this `wsoa` has the `report` command yet (it is listed in the root help).
    func hasReport() throws -> Bool {
        try run(["--help"]).stdout.contains("\n  report ")
    }

    /// The journal of `plan` as raw bytes.
    func journalBytes(_ plan: String) throws -> [UInt8] { [UInt8](try journal(plan)) }

    /// The path of `plan`'s journal.
    func journalPath(_ plan: String) -> String { "\(plans)/\(plan)/events.jsonl" }

    /// Takes the real Stockton history to fit for purpose (monitoring) and adds a workstream,
    /// an action and a measure, so every kind of delivery record can be appended.
    func recordStocktonDelivery() throws {
        try recordStockton(through: 4)
        let plan = "stockton-on-tees-2019"
        try succeed(["workstream", "add", plan, "coproduction", "--title", "Co-production with parents",
                     "--addresses", "W1", "--on", "2019-10-20"])
        try succeed(["action", "add", plan, "--workstream", "coproduction", "--title", "Parent forum charter",
                     "--due", "2020-03-31", "--on", "2019-10-20"])
        try succeed(["measure", "add", plan, "--workstream", "coproduction", "--title", "Parents who feel listened to",
                     "--unit", "%", "--baseline", "31@2019-04-01", "--target", "60@2021-03-31", "--on", "2019-10-20"])
    }

    /// One of four kinds of delivery record for Stockton, chosen by `serial` (evidence, action
    /// update, measure reading, visit in turn), each carrying `tag` (the reading: its own day) so
    /// the test can find it again.
    static func mixedAppend(_ serial: Int, tag: String) -> [String] {
        let plan = "stockton-on-tees-2019"
        switch serial % 4 {
        case 0: return ["evidence", "add", plan, "--workstream", "coproduction", "--kind", "voice", "--on", "2020-01-10",
                        "--title", tag]
        case 1: return ["action", "update", plan, "A1", "--status", serial % 8 == 1 ? "onTrack" : "atRisk",
                        "--on", "2020-01-10", "--note", tag]
        case 2: return ["measure", "record", plan, "M1", "--on", readingDay(serial), "--value", "\(30 + serial % 30)"]
        // Evidence again rather than a visit: a plan has one visit a day, in date order.
        default: return ["evidence", "add", plan, "--workstream", "coproduction", "--kind", "activity", "--on", "2020-01-15",
                         "--title", tag]
        }
    }

    /// A different day for each `serial`, from 1 January 2020 on.
    static func readingDay(_ serial: Int) -> String {
        Day(year: 2020, month: 1, day: 1)!.adding(days: serial).description
    }
}
