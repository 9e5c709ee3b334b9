/// One signal of the record weighed for a weakness's verdict, in one sentence, with what would
/// answer it when it is a concern.
public struct VerdictReason: Hashable, Sendable {
    /// What the reason is about (its rank among reasons).
    public let category: VerdictCategory
    /// How much it counts.
    public let weight: VerdictWeight
    /// Which signal it comes from, a stable name for the JSON report (`impactEvidence`,
    /// `voiceEvidence`, `measures`, `rating`, `ratingTrend`, `measuresImproving`,
    /// `impactQuarters`, `actionsDue`, `actionsLate`).
    public let signal: String
    /// The reason as one plain-text sentence (renderers escape it).
    public let text: String
    /// What would answer it: the step to take, with an owner and a date where the record has them.
    public let step: VerdictStep?

    /// Makes a reason.
    public init(_ category: VerdictCategory, _ weight: VerdictWeight, signal: String, text: String, step: VerdictStep? = nil) {
        self.category = category
        self.weight = weight
        self.signal = signal
        self.text = text
        self.step = step
    }

    /// Ranked as inspectors weigh them: by category (impact, sustainability, delivery), then
    /// serious concerns, concerns and strengths; the order found breaks ties.
    static func ranked(_ reasons: [VerdictReason]) -> [VerdictReason] {
        reasons.enumerated().sorted { a, b in
            (a.element.category, a.element.weight, a.offset) < (b.element.category, b.element.weight, b.offset)
        }.map(\.element)
    }
}
