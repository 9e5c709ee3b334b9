import Foundation

/// Reads runs of journal lines — parsing, hashing and chain-checking each — on another thread
/// while the caller reads and folds the lines between them, so a long replay uses both cores.
///
/// The runs are read one after another by one thread, each published as soon as it is done, so
/// the thread works through the journal without waiting for the caller to fold.
///
/// Only reading happens here; folding stays in order on the caller's thread, and problems keep
/// their order too: the caller reports any in its own lines first, then folds the lines read
/// here up to the first line that failed, and then reports that line's problem, exactly as one
/// pass from the start would. A run after the one that failed is never read.
///
/// `Line` is what is kept of each line: the event for a replay, the whole entry for `entries`.
final class JournalPrefetch<Line>: @unchecked Sendable {
    /// One run's result, written by the thread before it signals `done`.
    private final class Run: @unchecked Sendable {
        /// The lines of the run.
        let lines: ClosedRange<Int>
        /// The lines read, in line order, up to the first line that failed.
        var read: [Line] = []
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

    /// Starts reading the runs `lines` (in increasing order) of a journal on another thread,
    /// each line with `reader` (given the journal, the line's number and the hash of the line
    /// before). Every run must start after the journal's first line, so the line before it is
    /// there to check the chain against.
    init(_ journal: Journal, runs lines: [ClosedRange<Int>],
         reader: @escaping @Sendable (Journal, Int, SHA256.Digest) throws -> Line) {
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
                var read: [Line] = []
                read.reserveCapacity(run.lines.count)
                do {
                    for number in run.lines {
                        read.append(try reader(journal, number, previous))
                        previous = journal.digest(ofLine: number)
                    }
                } catch {
                    run.failure = error
                    stopped = true
                }
                run.read = read
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

    /// Waits for run `index`, then returns the lines read, the problem that stopped it (nil
    /// when every line was read) and the hash of the last line read. Only for a run after which
    /// no earlier run failed.
    func wait(_ index: Int) -> (lines: [Line], failure: (any Error)?, lastHash: SHA256.Digest) {
        let run = runs[index]
        run.done.wait()
        let read = run.read
        run.read = []
        return (read, run.failure, run.lastHash)
    }
}
