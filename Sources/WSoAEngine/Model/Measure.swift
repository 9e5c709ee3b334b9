/// A key performance indicator (`M1…`) that shows whether the work is making a difference.
public struct Measure: Hashable, Sendable, Codable {
    /// `M1`, `M2`, … in the order added.
    public var id: String
    /// The workstream it belongs to.
    public var workstream: String
    /// What is measured.
    public var title: String
    /// The unit, e.g. `%` or `days`.
    public var unit: String
    /// Which way is better.
    public var direction: MeasureDirection
    /// Where it started.
    public var baseline: Reading
    /// The national figure to compare with, if there is one.
    public var national: Double?
    /// Where it should be, and by when.
    public var target: Reading
    /// Every recorded value, in date order.
    public var readings: [Reading]

    /// Makes a measure with no readings yet.
    public init(id: String, workstream: String, title: String, unit: String, direction: MeasureDirection,
                baseline: Reading, national: Double? = nil, target: Reading) {
        self.id = id
        self.workstream = workstream
        self.title = title
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.national = national
        self.target = target
        self.readings = []
    }

    /// Adds a reading, keeping readings in date order (a later reading for the same day replaces it).
    mutating func record(_ reading: Reading) {
        if let index = readings.lastIndex(where: { $0.on <= reading.on }) {
            if readings[index].on == reading.on {
                readings[index] = reading
            } else {
                readings.insert(reading, at: index + 1)
            }
        } else {
            readings.insert(reading, at: 0)
        }
    }

    /// The latest reading, or the baseline when nothing has been recorded.
    public var latest: Reading { readings.last ?? baseline }

    /// Whether `a` is better than `b` for this measure.
    public func isBetter(_ a: Double, than b: Double) -> Bool {
        switch direction {
        case .higherIsBetter: return a > b
        case .lowerIsBetter: return a < b
        }
    }

    /// The latest reading against the one before (or the baseline); nil with no readings.
    public var trend: MeasureTrend? {
        guard let last = readings.last else { return nil }
        let previous = readings.count >= 2 ? readings[readings.count - 2] : baseline
        if last.value == previous.value { return .flat }
        return isBetter(last.value, than: previous.value) ? .improving : .worsening
    }

    /// Where a straight line from baseline to target says the measure should be on `day`.
    public func expected(on day: Day) -> Double {
        let span = baseline.on.days(to: target.on)
        guard span > 0 else { return target.value }
        let progress = min(max(Double(baseline.on.days(to: day)) / Double(span), 0), 1)
        return baseline.value + (target.value - baseline.value) * progress
    }

    /// Whether the latest reading is at least as good as the straight line expects on its day;
    /// nil with no readings.
    public var onTrack: Bool? {
        guard let last = readings.last else { return nil }
        let expected = expected(on: last.on)
        return last.value == expected || isBetter(last.value, than: expected)
    }

    /// Whether the latest reading has reached the target.
    public var targetMet: Bool {
        guard let last = readings.last else { return false }
        return last.value == target.value || isBetter(last.value, than: target.value)
    }
}
