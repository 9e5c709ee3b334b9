extension Measure {
    /// Whether `value` is at or beyond the target, judged by the measure's direction.
    public func meetsTarget(_ value: Double) -> Bool {
        value == target.value || isBetter(value, than: target.value)
    }

    /// Whether the measure is "moving towards its target" at `asOf` (``Ladder``): its latest
    /// reading is dated in the last 6 months, and its trend is improving or it is at target.
    ///
    /// Call it on a measure whose readings stop at `asOf` (as a plan folded at `asOf` has),
    /// because the trend looks back from the latest reading.
    public func isMovingTowardsTarget(asOf: Day) -> Bool {
        guard let last = readings.last(where: { $0.on <= asOf }), last.on >= Ladder.recentFrom(asOf) else { return false }
        return trend == .improving || meetsTarget(last.value)
    }

    /// The first day of the unbroken run of readings at or beyond target that ends with the
    /// latest reading on or before `asOf`; nil when the latest reading misses the target.
    public func atTargetSince(asOf: Day) -> Day? {
        var since: Day?
        for reading in readings.reversed() where reading.on <= asOf {
            guard meetsTarget(reading.value) else { break }
            since = reading.on
        }
        return since
    }

    /// Whether the measure is "sustained at target" at `asOf` (``Ladder``): its run of
    /// readings at or beyond target spans at least 6 calendar months up to its latest reading.
    public func isSustainedAtTarget(asOf: Day) -> Bool {
        guard let since = atTargetSince(asOf: asOf),
              let last = readings.last(where: { $0.on <= asOf }) else { return false }
        return since.adding(months: Ladder.sustainedMonths) <= last.on
    }
}
