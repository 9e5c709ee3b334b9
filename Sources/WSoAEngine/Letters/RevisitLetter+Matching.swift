extension RevisitLetter {
    /// The letter's judgements keyed by the plan's weakness ids, matched despite rewording.
    ///
    /// Pass the weaknesses the revisit judges (normally the plan's open ones). Throws
    /// ``WSoAError/letterWeaknessUnmatched(quote:closest:)`` for the first quote that matches
    /// none of them, naming the closest candidates with their similarity, so a judgement is
    /// never attached to the wrong weakness. Weaknesses no quote matches are simply absent;
    /// the lifecycle's own guard refuses a revisit that leaves an open weakness unjudged.
    public func outcomes(for weaknesses: [Weakness], matcher: WeaknessMatcher = WeaknessMatcher()) throws
        -> [String: WeaknessOutcome] {
        let result = matcher.match(judgements.map(\.quote), to: weaknesses)
        var outcomes: [String: WeaknessOutcome] = [:]
        for (judgement, match) in zip(judgements, result.matches) {
            guard let weakness = match.weakness else {
                throw WSoAError.letterWeaknessUnmatched(quote: judgement.quote, closest: match.candidates)
            }
            outcomes[weakness.id] = judgement.outcome
        }
        return outcomes
    }
}
