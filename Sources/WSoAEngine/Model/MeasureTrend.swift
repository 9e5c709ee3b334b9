/// How a measure's two latest readings compare, judged by its direction.
public enum MeasureTrend: String, Sendable, CaseIterable {
    /// Moved the right way.
    case improving
    /// No change.
    case flat
    /// Moved the wrong way.
    case worsening
}
