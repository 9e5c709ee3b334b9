/// A formal review of the accelerated progress plan by DfE and NHS England, judging each
/// weakness still in the plan.
public struct ProgressReview: Hashable, Sendable {
    /// The day of the review meeting.
    public internal(set) var on: Day
    /// The judgement for each weakness judged, by weakness id.
    public let outcomes: [String: WeaknessOutcome]
    /// Where the facts came from.
    public let note: String?
    /// The journal line that recorded it.
    public let line: Int
}
