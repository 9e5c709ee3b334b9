import Foundation
import WSoAEngine

/// The benchmark of issues 7 and 12: generates seeded synthetic plans through the library,
/// then times replay, `wsoa status`, `wsoa verify`, `wsoa --help`, `wsoa evidence add`,
/// `wsoa list`/`deadlines` and `wsoa report`, each in its own child process so its peak memory
/// is its own, and judges them against issue 12's budgets: against a Python peer (json.loads
/// and the SHA-256 chain), the process's own start-up, and each other. Run it through
/// `Benchmarks/run.sh` (release build).
///
/// `WSoABenchmarks [--runs N] [--keep]` runs everything; `WSoABenchmarks replay DIR PLAN` is
/// the child that replays one journal and prints its timing.
@main
enum WSoABenchmarks {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            if arguments.first == "replay", arguments.count == 3 {
                try ReplayChild.run(directory: arguments[1], id: arguments[2])
            } else {
                var runs = 7
                if let index = arguments.firstIndex(of: "--runs"), index + 1 < arguments.count, let value = Int(arguments[index + 1]) {
                    runs = max(1, value)
                }
                try Suite(runs: runs, keep: arguments.contains("--keep")).run()
            }
        } catch {
            FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
            exit(1)
        }
    }
}
