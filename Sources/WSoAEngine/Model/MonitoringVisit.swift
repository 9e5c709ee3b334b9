/// A DfE/NHS England support-and-challenge visit.
public struct MonitoringVisit: Hashable, Sendable, Codable {
    /// 1, 2, 3… in the order the visits were held; shown as `V1`, `V2`, ….
    public var number: Int
    /// The day of the visit.
    public var on: Day
    /// The advisers present (DfE, NHS England).
    public var advisers: [String]
    /// What was said, agreed or followed up.
    public var note: String?

    /// The visit's id, `V<number>`.
    public var id: String { "V\(number)" }

    /// Makes a visit record.
    public init(number: Int, on: Day, advisers: [String] = [], note: String? = nil) {
        self.number = number
        self.on = on
        self.advisers = advisers
        self.note = note
    }
}
