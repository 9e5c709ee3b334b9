import Foundation

extension PlanStore {
    /// Loads each of `ids` as `load(_:asOf:)` would and hands each result to `body`, in order.
    ///
    /// Plans are loaded two at a time, one on another thread, so a portfolio view uses both
    /// cores; at most two plans are held at once, so memory does not grow with the portfolio.
    /// `body` runs on the caller's thread.
    public func loadEach(_ ids: [String], asOf: Day? = nil,
                         _ body: (String, Result<LoadedPlan, any Error>) throws -> Void) rethrows {
        var index = 0
        while index < ids.count {
            var second: BackgroundLoad?
            if index + 1 < ids.count {
                second = BackgroundLoad(store: self, id: ids[index + 1], asOf: asOf)
            }
            let first = Result { try load(ids[index], asOf: asOf) }
            let secondResult = second?.wait()
            try body(ids[index], first)
            if let secondResult { try body(ids[index + 1], secondResult) }
            index += 2
        }
    }
}

/// One `PlanStore.load` on a thread of its own, for `loadEach`.
private final class BackgroundLoad: @unchecked Sendable {
    /// The outcome; written before `done` is signalled.
    private var result: Result<LoadedPlan, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(store: PlanStore, id: String, asOf: Day?) {
        Thread.detachNewThread { [self] in
            result = Result { try store.load(id, asOf: asOf) }
            done.signal()
        }
    }

    /// Waits for the load and returns its outcome.
    func wait() -> Result<LoadedPlan, any Error> {
        done.wait()
        return result ?? .failure(WSoAError.fileSystem(path: "", reason: "the load did not finish"))
    }
}
