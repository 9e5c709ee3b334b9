/// A measure as it stands at the as-of day: its readings so far and what they say.
public struct MeasureStanding: Hashable, Sendable {
    /// The measure, with only the readings dated on or before the as-of day.
    public let measure: Measure
    /// The latest reading, or nil when none has been recorded.
    public let latest: Reading?
    /// The latest reading against the one before (or the baseline).
    public let trend: MeasureTrend?
    /// Whether the latest reading is on or better than the straight line from baseline to target.
    public let onTrack: Bool?
    /// What the straight line expects on the latest reading's day.
    public let expected: Double?
    /// Whether the latest reading is at or beyond the target.
    public let targetMet: Bool
    /// Whether it is moving towards its target (``Ladder``).
    public let moving: Bool
    /// The first day of the current run of readings at or beyond target.
    public let atTargetSince: Day?
    /// Whether that run spans 6 months (``Ladder``).
    public let sustained: Bool

    /// The standing of `measure` at `asOf`.
    public init(_ measure: Measure, asOf: Day) {
        var cut = measure
        cut.readings = measure.readings.filter { $0.on <= asOf }
        self.measure = cut
        latest = cut.readings.last
        trend = cut.trend
        onTrack = cut.onTrack
        expected = latest.map { cut.expected(on: $0.on) }
        targetMet = cut.targetMet
        moving = cut.isMovingTowardsTarget(asOf: asOf)
        atTargetSince = cut.atTargetSince(asOf: asOf)
        sustained = cut.isSustainedAtTarget(asOf: asOf)
    }

    /// `M3 “Title”`: how reasons and decisions name a measure.
    var label: String { "\(measure.id) \(ReportText.quoted(measure.title))" }
}
