/// The two statutory partners jointly responsible for the written statement.
public struct Partners: Hashable, Sendable, Codable {
    /// The local authority, e.g. "Stockton-on-Tees Borough Council".
    public var la: String?
    /// The NHS partner: a clinical commissioning group, or an integrated care board from July 2022.
    public var health: String?

    /// Each change of name, oldest first (the first names are the plan's own).
    public var renames: [PartnerRename] = []

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
