import Dispatch
import Foundation

/// The one way the store spreads work over the processor's cores: split a run of items into
/// parts, work on each part on its own thread, and get the results back in order.
///
/// Nothing is shared between the parts while they run, and the caller sees only the finished
/// results, so the work itself needs no locks.
enum Parallel {
    /// How many parts work is split into: one a core, at most eight.
    static let width = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))

    /// `items` cut into eight runs a core, of about equal length, or one run when there are
    /// fewer than `minimum` items (or none, when `items` is empty).
    ///
    /// Lines differ in cost, so runs of equal length do not finish together; with several a
    /// core, one that finishes early takes the next rather than waiting for the slowest (a
    /// walk through a long journal took a fifth less time than with one run a core).
    static func split(_ items: ClosedRange<Int>, minimum: Int) -> [ClosedRange<Int>] {
        let parts = items.count < minimum ? 1 : width * 8
        let size = (items.count + parts - 1) / parts
        return stride(from: items.lowerBound, through: items.upperBound, by: size).map { start in
            start...min(start + size - 1, items.upperBound)
        }
    }

    /// `body` applied to each of `parts`, the parts at once on separate threads (the first on
    /// this one), the results in the order of `parts`.
    static func map<Part: Sendable, Result: Sendable>(_ parts: [Part], _ body: @Sendable (Part) -> Result) -> [Result] {
        guard parts.count > 1 else { return parts.map(body) }
        let results = Results<Result>(count: parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            results.set(index, body(parts[index]))
        }
        return results.all
    }

    /// Starts `work` on another thread and returns at once; `wait()` on the result gives what
    /// it made. For running one stage of a pipeline while this thread does the next.
    static func start<Result: Sendable>(_ work: @escaping @Sendable () -> Result) -> Pending<Result> {
        let pending = Pending<Result>()
        DispatchQueue.global().async { pending.finish(work()) }
        return pending
    }

    /// The result of work started with `start`, once it is done.
    final class Pending<Result: Sendable>: @unchecked Sendable {
        // Written once, before `done` is signalled; read only after waiting for it, which
        // orders the write before the read.
        private var result: Result?
        private let done = DispatchSemaphore(value: 0)

        fileprivate func finish(_ value: Result) {
            result = value
            done.signal()
        }

        /// Waits for the work to finish and returns its result (once).
        func wait() -> Result {
            done.wait()
            return result!
        }
    }

    /// Slots written once each, by different threads, and read after all have finished.
    private final class Results<Element: Sendable>: @unchecked Sendable {
        // Each slot is written by exactly one iteration and read only after `concurrentPerform`
        // returns, which orders every write before the reads; so no lock is needed. The slots
        // are raw memory, not an array property, so that writing one is not an access to the
        // whole (which exclusivity checking would rightly stop).
        private let slots: UnsafeMutableBufferPointer<Element?>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        deinit {
            _ = slots.deinitialize()
            slots.deallocate()
        }

        func set(_ index: Int, _ value: Element) { slots[index] = value }

        var all: [Element] { slots.map { $0! } }
    }
}
