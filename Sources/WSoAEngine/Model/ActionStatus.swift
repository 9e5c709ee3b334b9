/// Where an action stands, as its lead reports it.
public enum ActionStatus: String, Sendable, CaseIterable {
    /// Not yet begun.
    case notStarted
    /// Under way and expected on time.
    case onTrack
    /// Under way, with a risk to its due date.
    case atRisk
    /// Will miss its due date without intervention.
    case offTrack
    /// Done.
    case complete
}
