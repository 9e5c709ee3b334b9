/// A red-amber-green rating given at a monitoring visit.
public enum Rating: String, Sendable, CaseIterable {
    /// Serious concern.
    case red
    /// Some concern.
    case amber
    /// On track.
    case green
}
