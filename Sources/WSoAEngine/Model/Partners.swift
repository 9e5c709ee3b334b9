/// The two statutory partners jointly responsible for the written statement.
public struct Partners: Hashable, Sendable, Codable {
    /// The local authority, e.g. "Stockton-on-Tees Borough Council".
    public var la: String?
    /// The NHS partner: a clinical commissioning group, or an integrated care board from July 2022.
    public var health: String?

    /// Makes a partner pair; either name may be unknown.
    public init(la: String? = nil, health: String? = nil) {
        self.la = la
        self.health = health
    }
}
