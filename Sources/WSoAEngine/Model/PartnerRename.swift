/// A partner's change of name from a day on, e.g. a CCG becoming an ICB on 1 July 2022.
public struct PartnerRename: Hashable, Sendable {
    /// Which partner.
    public let role: PartnerRole
    /// The new name.
    public let name: String
    /// The day the new name took effect.
    public let on: Day

    /// Makes a rename.
    public init(role: PartnerRole, name: String, on: Day) {
        self.role = role
        self.name = name
        self.on = on
    }
}
