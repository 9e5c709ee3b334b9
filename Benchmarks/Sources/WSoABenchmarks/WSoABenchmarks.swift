import Foundation
import WSoAEngine

/// The benchmark of issue 7: generates seeded synthetic plans through the library, then times
/// replay, `wsoa status`, `wsoa evidence add`, `wsoa list`/`deadlines` and `wsoa report`, each
/// in its own child process so its peak memory is its own, and compares replay with a Python
/// peer. Run it through `Benchmarks/run.sh` (release build).
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
