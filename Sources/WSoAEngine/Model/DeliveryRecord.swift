/// Every item a plan's delivery records, one by one, with the journal line that recorded it:
/// each action status report and each measure reading.
///
/// This is the part of a plan that grows with every report. The everyday views (status,
/// deadlines, deciding a new entry) need only counts and the latest of each, which `Plan`
/// keeps; the readiness report and other full views fold this record beside the plan, from the
/// same events, when they need the items themselves.
public struct DeliveryRecord: Hashable, Sendable {
    /// A status report on an action.
    public struct StatusReport: Hashable, Sendable {
        /// The action, `A<n>`.
        public let action: String
        /// The day of the report.
        public let on: Day
        /// The status reported.
        public let status: ActionStatus
        /// What the lead said.
        public let note: String?
        /// The journal line that recorded it.
        public let line: Int
    }

    /// A measure's value as recorded, with the line that recorded it.
    public struct MeasureReading: Hashable, Sendable {
        /// The measure, `M<n>`.
        public let measure: String
        /// The day the value describes.
        public let on: Day
        /// The value, as corrected.
        public internal(set) var value: Double
        /// The journal line that recorded it.
        public let line: Int
        /// The journal line that corrected its value, if one did.
        public internal(set) var corrected: Int?
    }

    /// Every action status report, in the order recorded.
    public internal(set) var statusReports: [StatusReport] = []
    /// Every measure reading, in the order recorded (a later reading for the same measure and
    /// day replaced an earlier one in the plan, but both stay here).
    public internal(set) var readings: [MeasureReading] = []

    /// An empty record.
    public init() {}
}
