/// The board's question for one area of weakness — if inspectors came now, would it be judged
/// to have made sufficient progress? — answered from every signal the record holds, by
/// ``VerdictRule``.
public struct WeaknessVerdict: Hashable, Sendable {
    /// Likely sufficient, at risk or not yet sufficient.
    public let answer: Sufficiency
    /// Every signal weighed, ranked as inspectors weigh them (``VerdictReason/ranked(_:)``).
    public let reasons: [VerdictReason]
    /// The two or three things that would move it up: the serious concerns' steps first,
    /// then the concerns', at most ``maximumSteps``.
    public let nextSteps: [VerdictStep]

    /// How many next steps a verdict names.
    public static let maximumSteps = 3

    /// Weighs `reasons` by ``VerdictRule``.
    public init(reasons: [VerdictReason]) {
        let ranked = VerdictReason.ranked(reasons)
        self.reasons = ranked
        answer = VerdictRule.sufficiency(ranked)
        var steps: [VerdictStep] = []
        for weight in [VerdictWeight.serious, .concern] {
            for reason in ranked where reason.weight == weight {
                guard let step = reason.step, !steps.contains(step) else { continue }
                steps.append(step)
            }
        }
        nextSteps = Array(steps.prefix(WeaknessVerdict.maximumSteps))
    }

    /// The reasons of `weight`.
    public func reasons(_ weight: VerdictWeight) -> [VerdictReason] { reasons.filter { $0.weight == weight } }
}
