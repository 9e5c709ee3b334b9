/// What changed in the record since the last monitoring visit, for the next
/// support-and-challenge meeting: actions completed or slipped, new evidence, new readings.
///
/// An entry counts as new when it is dated on or before the as-of day and either dated after
/// the visit or written into the journal after the visit's own line (so evidence recorded
/// after the visit but dated before it, which the advisers cannot have seen, still shows).
/// With no visit yet the baseline is the day the statement was judged fit for purpose; before
/// that there is no baseline and every list is empty.
public struct SinceLastVisit: Hashable, Sendable {
    /// The point counted from, or nil when monitoring has not started.
    public let baseline: SinceBaseline?
    /// Actions reported complete, in date order.
    public let completed: [ActionCompletion]
    /// Actions retargeted, reported worse, or fallen overdue, in date order.
    public let slipped: [ActionSlip]
    /// New evidence, in date order.
    public let evidence: [Evidence]
    /// Measures with new readings, in id order.
    public let readings: [ReadingChange]

    /// Corrections made to the record since the baseline (recorded on a later line), in order.
    public let corrections: [Correction]

    /// Whether nothing changed.
    public var isEmpty: Bool {
        completed.isEmpty && slipped.isEmpty && evidence.isEmpty && readings.isEmpty && corrections.isEmpty
    }

    /// Makes a change record from its parts.
    public init(baseline: SinceBaseline?, completed: [ActionCompletion], slipped: [ActionSlip], evidence: [Evidence],
                readings: [ReadingChange], corrections: [Correction] = []) {
        self.baseline = baseline
        self.completed = completed
        self.slipped = slipped
        self.evidence = evidence
        self.readings = readings
        self.corrections = corrections
    }
}
