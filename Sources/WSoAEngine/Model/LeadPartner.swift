/// Which partner leads a workstream.
public enum LeadPartner: String, Sendable, CaseIterable {
    /// The local authority.
    case la
    /// The NHS partner (CCG or ICB).
    case health
    /// Children's social care.
    case socialCare = "social-care"
    /// Schools and settings.
    case education
    /// The parent carer forum.
    case parentCarerForum = "parent-carer-forum"
}
