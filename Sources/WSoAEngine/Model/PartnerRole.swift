/// The two statutory partners whose names can change (a CCG became an ICB on 1 July 2022).
public enum PartnerRole: String, Sendable, CaseIterable {
    /// The local authority.
    case la
    /// The NHS partner.
    case health
}
