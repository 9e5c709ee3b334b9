/// A DfE/NHS England support-and-challenge visit.
public struct MonitoringVisit: Hashable, Sendable, Codable {
    /// 1, 2, 3… in the order the visits were held; shown as `V1`, `V2`, ….
    public var number: Int
    /// The day of the visit.
    public var on: Day
    /// The advisers present (DfE, NHS England).
    public var advisers: [String]
    /// A red-amber-green rating per weakness id or workstream id.
    public var ratings: [String: Rating]
    /// Actions agreed at the visit, to follow up.
    public var followUps: [String]
    /// What was said.
    public var note: String?

    /// The visit's id, `V<number>`.
    public var id: String { "V\(number)" }

    /// Makes a visit record.
    public init(number: Int, on: Day, advisers: [String] = [], ratings: [String: Rating] = [:],
                followUps: [String] = [], note: String? = nil) {
        self.number = number
        self.on = on
        self.advisers = advisers
        self.ratings = ratings
        self.followUps = followUps
        self.note = note
    }
}
