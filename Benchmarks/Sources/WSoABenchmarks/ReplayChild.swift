import Foundation
import WSoAEngine

/// The child process that replays one journal with `PlanStore.view` and reports the time.
///
/// The parent deletes the snapshot first, so this is a full replay: every line read, hashed,
/// chain-checked, parsed and folded (and, as on any long replay, the snapshot written after).
/// Then, unless `WSOA_BENCH_NO_COUNTS` is set (the timed runs, whose peak memory must be the
/// replay's own), it reads every entry again to count the event types for the Python check.
enum ReplayChild {
    static func run(directory: String, id: String) throws {
        let store = PlanStore(directory: directory)
        let start = Stopwatch.now(), cpuStart = Stopwatch.cpu()
        let loaded = try store.view(id)
        let seconds = Stopwatch.now() - start, cpu = Stopwatch.cpu() - cpuStart
        var counts: [String: Int] = [:]
        // (Set WSOA_BENCH_NO_COUNTS to profile the replay alone.)
        if ProcessInfo.processInfo.environment["WSOA_BENCH_NO_COUNTS"] == nil {
            for entry in try store.history(id) { counts[entry.event.type.rawValue, default: 0] += 1 }
        }
        let countText = counts.keys.sorted().map { "\($0)=\(counts[$0] ?? 0)" }.joined(separator: ",")
        print("seconds \(seconds)")
        print("cpu \(cpu)")
        print("events \(loaded.events)")
        print("phase \(loaded.plan.phase.rawValue)")
        print("counts \(countText)")
    }
}
