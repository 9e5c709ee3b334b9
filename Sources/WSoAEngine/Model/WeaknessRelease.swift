/// DfE and NHS England's decision to end monitoring of a weakness: by releasing it on its
/// own, or by ending monitoring of the whole plan.
public struct WeaknessRelease: Hashable, Sendable {
    /// The day of the decision.
    public internal(set) var on: Day
    /// The journal line that recorded it.
    public let line: Int
    /// The decision as recorded (where it came from), if noted.
    public let note: String?
    /// Whether it was the cessation of monitoring of the whole plan rather than a release of
    /// named weaknesses.
    public let byCessation: Bool

    /// "released from monitoring on 8 April 2022": the decision in words.
    public var description: String {
        byCessation ? "no longer monitored: monitoring ceased on \(on.longDescription)"
            : "released from monitoring on \(on.longDescription)"
    }
}
