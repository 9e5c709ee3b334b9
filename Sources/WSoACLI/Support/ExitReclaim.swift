import Synchronization
import WSoAEngine

/// Long plans a command has finished with, left for the end of the process to reclaim.
///
/// Freeing a plan of a hundred thousand events record by record (thousands of objects and the
/// snapshot bytes its lists still hold) costs a few milliseconds of a command that should
/// answer in 25, and the process ends right after, when the kernel takes back all its memory
/// at once. Only long plans are kept, so a process that runs many commands (the tests call
/// `CLI.run` directly) grows only by the few long plans it reads.
enum ExitReclaim {
    /// Plans with at least this many events are kept.
    static let threshold = 10_000

    private static let kept = Mutex<[Plan]>([])

    /// Keeps `plan` (of a journal of `events` lines) until the process ends, if it is long.
    static func keep(_ plan: Plan, events: Int) {
        guard events >= threshold else { return }
        kept.withLock { $0.append(plan) }
    }
}
