/// The two statutory partners jointly responsible for the written statement.
public struct Partners: Hashable, Sendable {
    /// The local authority, e.g. "Stockton-on-Tees Borough Council".
    public internal(set) var la: String?
    /// The NHS partner: a clinical commissioning group, or an integrated care board from July 2022.
    public internal(set) var health: String?

    /// Each change of name, oldest first (the first names are the plan's own).
    public internal(set) var renames: [PartnerRename] = []

    /// The current name for `role`.
    public func name(_ role: PartnerRole) -> String? {
        switch role {
        case .la: return la
        case .health: return health
        }
    }

    /// Makes a partner pair; either name may be unknown.
    public init(la: String? = nil, health: String? = nil) {
        self.la = la
        self.health = health
    }
}
