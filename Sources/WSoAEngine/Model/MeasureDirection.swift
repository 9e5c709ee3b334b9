/// Which way a measure should move.
public enum MeasureDirection: String, Sendable, CaseIterable {
    /// Bigger values are better (e.g. % of EHC plans issued within 20 weeks).
    case higherIsBetter = "higher"
    /// Smaller values are better (e.g. days waiting for an assessment).
    case lowerIsBetter = "lower"
}
