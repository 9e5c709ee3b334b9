import Foundation

/// Reads runs of journal lines — parsing, hashing and chain-checking each — on another thread
/// while the caller reads and folds the lines between them, so a long replay uses both cores.
///
/// The runs are read one after another by one thread, each published as soon as it is done, so
/// the thread works through the journal without waiting for the caller to fold.
///
/// Only reading happens here; folding stays in order on the caller's thread, and problems keep
/// their order too: the caller reports any in its own lines first, then folds the events read
/// here up to the first line that failed, and then reports that line's problem, exactly as one
/// pass from the start would. A run after the one that failed is never read.
final class JournalPrefetch: @unchecked Sendable {
    /// One run's result, written by the thread before it signals `done`.
    private final class Run: @unchecked Sendable {
        /// The lines of the run.
        let lines: ClosedRange<Int>
        /// The events read, in line order, up to the first line that failed.
        var events: [PlanEvent] = []
        /// Why reading stopped early, if it did.
        var failure: (any Error)?
        /// The hash of the last line read.
        var lastHash = SHA256.Digest.genesis
        /// Signalled when the run is read (or reading stopped before it).
        let done = DispatchSemaphore(value: 0)

        init(_ lines: ClosedRange<Int>) { self.lines = lines }
    }

    /// The runs, in line order; the array itself never changes.
    private let runs: [Run]
    /// Set by `cancel` when the caller has stopped, so the thread stops too.
    private var cancelled = false
    private let lock = NSLock()

    /// Starts reading the runs `lines` (in increasing order) of plan `planID`'s journal on
    /// another thread. Every run must start after the journal's first line, so the line before
    /// it is there to check the chain against.
    init(_ journal: Journal, runs lines: [ClosedRange<Int>], planID: String) {
        runs = lines.map(Run.init)
        Thread.detachNewThread { [self] in
            var stopped = false
            for run in runs {
                if stopped || isCancelled {
                    stopped = true
                    run.done.signal()
                    continue
                }
                var previous = journal.digest(ofLine: run.lines.lowerBound - 1)
                var events: [PlanEvent] = []
                events.reserveCapacity(run.lines.count)
                do {
                    for number in run.lines {
                        events.append(try journal.event(line: number, previous: previous, planID: planID))
                        previous = journal.digest(ofLine: number)
                    }
                } catch {
                    run.failure = error
                    stopped = true
                }
                run.events = events
                run.lastHash = previous
                run.done.signal()
            }
        }
    }

    /// Whether the caller has stopped.
    private var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Tells the thread to read no more runs: the caller has stopped folding.
    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    /// Waits for run `index`, then returns the events read, the problem that stopped it (nil
    /// when every line was read) and the hash of the last line read. Only for a run after which
    /// no earlier run failed.
    func wait(_ index: Int) -> (events: [PlanEvent], failure: (any Error)?, lastHash: SHA256.Digest) {
        let run = runs[index]
        run.done.wait()
        let events = run.events
        run.events = []
        return (events, run.failure, run.lastHash)
    }
}
