/// What the revisit decided about one area of significant weakness.
public enum WeaknessOutcome: String, Sendable, CaseIterable {
    /// Not yet judged at a revisit.
    case open
    /// The area "has made sufficient progress" in addressing it.
    case sufficient
    /// The area "has not made sufficient progress"; it moves into an accelerated progress plan.
    case insufficient
}
