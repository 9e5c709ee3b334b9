import Foundation

/// Reads a run of journal lines — parsing, hashing and chain-checking each — on another thread
/// while the caller folds the lines before them, so a long replay uses both cores.
///
/// Only reading happens here; folding stays in order on the caller's thread, and problems keep
/// their order too: the caller reports any in its own half first, then folds the events read
/// here up to the first line that failed, and then reports that line's problem, exactly as one
/// pass from the start would.
final class JournalPrefetch: @unchecked Sendable {
    /// The events read, in line order, up to the first line that failed.
    private var events: [PlanEvent] = []
    /// Why reading stopped early, if it did.
    private var failure: (any Error)?
    /// The hash of the last line read.
    private var lastHash = SHA256.Digest.genesis
    /// Signalled when the thread is done; every field above is written before it.
    private let done = DispatchSemaphore(value: 0)

    /// Starts reading lines `first...last` of plan `planID`'s journal on another thread.
    /// `first` must be after the journal's first line, so the line before it is there to check
    /// the chain against.
    init(_ journal: Journal, lines first: Int, through last: Int, planID: String) {
        Thread.detachNewThread { [self] in
            var previous = journal.digest(ofLine: first - 1)
            var events: [PlanEvent] = []
            events.reserveCapacity(last - first + 1)
            do {
                for number in first...last {
                    events.append(try journal.event(line: number, previous: previous, planID: planID))
                    previous = journal.digest(ofLine: number)
                }
            } catch {
                self.failure = error
            }
            self.events = events
            self.lastHash = previous
            self.done.signal()
        }
    }

    /// Waits for the thread, then returns the events read, the problem that stopped it (nil
    /// when every line was read) and the hash of the last line read.
    func wait() -> (events: [PlanEvent], failure: (any Error)?, lastHash: SHA256.Digest) {
        done.wait()
        return (events, failure, lastHash)
    }
}
