/// One rung's test applied to one weakness: met or not, what was found, and what is missing.
public struct RungCheck: Hashable, Sendable {
    /// The rung tested (never `notYetDelivering`, which has no test of its own).
    public let rung: Rung
    /// Whether the rung's own conditions hold (the weakness reaches it only if every rung
    /// below holds too).
    public let met: Bool
    /// Plain-text sentences saying which conditions hold and on what record, so a met rung
    /// shows its basis.
    public let findings: [String]
    /// Every unmet condition; empty exactly when `met`.
    public let reasons: [ReadinessReason]

    /// Makes a check; it is met when there are no reasons.
    public init(rung: Rung, findings: [String], reasons: [ReadinessReason]) {
        self.rung = rung
        self.met = reasons.isEmpty
        self.findings = findings
        self.reasons = reasons
    }
}
