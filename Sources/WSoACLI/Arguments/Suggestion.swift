/// "Did you mean …?" for mistyped commands and options.
///
/// Kept apart from the parser so the threshold can be tested on its own: a suggestion that is
/// wrong is worse than none, so the rule is deliberately conservative.
enum Suggestion {
    /// The candidate closest to `word`, or `nil` if none is close enough.
    ///
    /// Compares case-insensitively by optimal-string-alignment (Damerau–Levenshtein with
    /// adjacent transpositions) distance, accepting at most `max(2, word.count / 3)` edits and
    /// fewer edits than `word` has characters (so `on` is not "close" to `by` by rewriting it
    /// entirely). Ties go to the earlier candidate, keeping the answer deterministic. If no
    /// candidate is that close, a candidate that is the only one starting with `word` wins
    /// (`adv` → `advance`). Empty words never match.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let typed = Array(word.lowercased())
        guard !typed.isEmpty else { return nil }
        let limit = min(max(2, typed.count / 3), typed.count - 1)

        var best: (candidate: String, distance: Int)?
        for candidate in candidates where !candidate.isEmpty {
            let distance = editDistance(typed, Array(candidate.lowercased()), limit: limit)
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }

        let lowered = word.lowercased()
        let prefixed = candidates.filter { !$0.isEmpty && $0.lowercased().hasPrefix(lowered) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// Optimal-string-alignment distance between `a` and `b`, or something above `limit` as
    /// soon as it is certain to exceed it (so a huge mistyped argument costs little).
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int = Int.max) -> Int {
        if abs(a.count - b.count) > limit { return limit == Int.max ? Int.max : limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }

        // Three rolling rows: the transposition step looks two rows back.
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, twoBack[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }
}
