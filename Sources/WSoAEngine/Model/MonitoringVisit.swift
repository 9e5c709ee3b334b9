/// A DfE/NHS England support-and-challenge visit.
public struct MonitoringVisit: Hashable, Sendable {
    /// 1, 2, 3… in the order the visits were recorded; shown as `V1`, `V2`, ….
    public let number: Int
    /// The day of the visit.
    public let on: Day
    /// The advisers present (DfE, NHS England).
    public let advisers: [String]
    /// A red-amber-green rating per weakness id or workstream id.
    public let ratings: [String: Rating]
    /// Actions agreed at the visit, to follow up.
    public let followUps: [String]
    /// What was said.
    public let note: String?
    /// The journal line that recorded it.
    public let line: Int

    /// The visit's id, `V<number>`.
    public var id: String { "V\(number)" }
}
