/// One publication of the partnership's strategic plan, updated on a 2023 report's
/// recommendations: the first meets the strategic plan clock; later ones are updates.
public struct StrategicPlanPublication: Hashable, Sendable {
    /// The day it was published.
    public internal(set) var on: Day
    /// Where it is published, when recorded.
    public let link: String?
    /// Where the facts came from.
    public let note: String?
    /// The journal line that recorded it.
    public let line: Int
}
