/// A measure's new readings since the last monitoring visit, against where it stood then.
public struct ReadingChange: Hashable, Sendable {
    /// `M3`.
    public let id: String
    /// What is measured.
    public let title: String
    /// The unit.
    public let unit: String
    /// Which way is better.
    public let direction: MeasureDirection
    /// The new readings, in date order (one per day, the last recorded for that day).
    public let readings: [Reading]
    /// The latest reading dated on or before the baseline day, or the measure's baseline.
    public let before: Reading
    /// Whether `before` is the measure's baseline rather than a recorded reading.
    public let beforeIsBaseline: Bool

    /// Makes a change record.
    public init(id: String, title: String, unit: String, direction: MeasureDirection, readings: [Reading],
                before: Reading, beforeIsBaseline: Bool) {
        self.id = id
        self.title = title
        self.unit = unit
        self.direction = direction
        self.readings = readings
        self.before = before
        self.beforeIsBaseline = beforeIsBaseline
    }

    /// The newest reading (never nil in practice: a change has at least one reading).
    public var latest: Reading { readings.last ?? before }

    /// How the newest reading compares with `before`, judged by the direction.
    public var trend: MeasureTrend {
        if latest.value == before.value { return .flat }
        let better: Bool
        switch direction {
        case .higherIsBetter: better = latest.value > before.value
        case .lowerIsBetter: better = latest.value < before.value
        }
        return better ? .improving : .worsening
    }
}
