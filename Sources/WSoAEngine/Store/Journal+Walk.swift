extension Journal {
    /// Reads lines `start` to the last in order with `reader` — given the journal, the line's
    /// number and the hash of the line before, it parses and checks the line — and hands each
    /// result to `body`; returns the hash of the last line. `previous` is the hash of line
    /// `start - 1`.
    ///
    /// A long journal goes in blocks of `PlanStore.prefetchBlock` lines: this thread reads the
    /// first `share` lines of each block while a `JournalPrefetch` works ahead through the rest
    /// of every block, and `body` still sees every line in order. The first problem is thrown
    /// at its line, exactly as one pass from the start would throw it.
    func walk<Line>(from start: Int, after previous: SHA256.Digest, share: Int,
                    reader: @escaping @Sendable (Journal, Int, SHA256.Digest) throws -> Line,
                    _ body: (Line) throws -> Void) throws -> SHA256.Digest {
        let blocks = PlanStore.blocks(start, through: count, share: share)
        let others = blocks.compactMap(\.other)
        let prefetch = others.isEmpty ? nil : JournalPrefetch(self, runs: others, reader: reader)
        defer { prefetch?.cancel() }
        var previous = previous, run = 0
        for (own, other) in blocks {
            for number in own {
                try body(try reader(self, number, previous))
                previous = digest(ofLine: number)
            }
            if other != nil, let prefetch {
                let (lines, failure, lastHash) = prefetch.wait(run)
                run += 1
                for line in lines { try body(line) }
                if let failure { throw failure }
                previous = lastHash
            }
        }
        return previous
    }
}
