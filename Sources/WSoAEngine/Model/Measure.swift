/// A key performance indicator (`M1…`) that shows whether the work is making a difference.
public struct Measure: Hashable, Sendable {
    /// `M1`, `M2`, … in the order added.
    public let id: String
    /// The workstream it belongs to.
    public let workstream: String
    /// What is measured.
    public internal(set) var title: String
    /// The unit, e.g. `%` or `days`.
    public internal(set) var unit: String
    /// Which way is better.
    public let direction: MeasureDirection
    /// Where it started.
    public internal(set) var baseline: Reading
    /// The national figure to compare with, if there is one.
    public let national: Double?
    /// Where it should be, and by when.
    public internal(set) var target: Reading
    /// Every recorded value, in date order.
    public internal(set) var readings: [Reading]

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

    /// The measure an event adds.
    init(_ added: PlanEvent.MeasureAdded) {
        self.init(id: added.id, workstream: added.workstream, title: added.title, unit: added.unit,
                  direction: added.direction, baseline: added.baseline, national: added.national, target: added.target)
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

    /// The direction of travel over the last six months of readings; nil with no readings.
    ///
    /// A least-squares line through the readings in the six months up to the latest (at least
    /// the last two, or the baseline and a single reading), so one noisy month does not flip
    /// the trend. A change of under 1% of the distance from baseline to target counts as flat.
    public var trend: MeasureTrend? {
        guard let last = readings.last else { return nil }
        let windowStart = last.on.adding(days: -Measure.trendWindowDays)
        var points = readings.filter { $0.on >= windowStart }
        if points.count < 2 { points = readings.count >= 2 ? Array(readings.suffix(2)) : [baseline, last] }
        let xs = points.map { Double($0.on.daysSince1970) }, ys = points.map(\.value)
        let meanX = xs.reduce(0, +) / Double(xs.count), meanY = ys.reduce(0, +) / Double(ys.count)
        let spread = zip(xs, xs).map { ($0 - meanX) * ($1 - meanX) }.reduce(0, +)
        guard spread > 0 else { return .flat }
        let slope = zip(xs, ys).map { ($0 - meanX) * ($1 - meanY) }.reduce(0, +) / spread
        let change = slope * ((xs.last ?? 0) - (xs.first ?? 0))
        let scale = abs(target.value - baseline.value)
        if abs(change) <= max(scale * 0.01, 1e-9) { return .flat }
        return isBetter(change, than: 0) ? .improving : .worsening
    }

    /// How far back the trend looks from the latest reading.
    public static let trendWindowDays = 183

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
