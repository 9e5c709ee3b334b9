/// A monitored weakness lacking impact or voice evidence in the last 6 months: inspectors
/// weigh exactly these two kinds, so the board should commission them.
public struct EvidenceGap: Hashable, Sendable {
    /// The weakness's id.
    public let weakness: String
    /// The kinds missing: `impact`, `voice` or both, in that order.
    public let missing: [EvidenceKind]
    /// The date of the latest impact item ever, if any.
    public let latestImpact: Day?
    /// The date of the latest voice item ever, if any.
    public let latestVoice: Day?

    /// Makes a gap.
    public init(weakness: String, missing: [EvidenceKind], latestImpact: Day?, latestVoice: Day?) {
        self.weakness = weakness
        self.missing = missing
        self.latestImpact = latestImpact
        self.latestVoice = latestVoice
    }
}
