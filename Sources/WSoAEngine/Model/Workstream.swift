/// A strand of the statement's work, addressing one or more weaknesses.
public struct Workstream: Hashable, Sendable {
    /// A short slug chosen by the plan's keeper, e.g. `coproduction`.
    public let id: String
    /// What the workstream is for.
    public let title: String
    /// Who leads it day to day.
    public let lead: String?
    /// The accountable senior officer.
    public let accountable: String?
    /// The partner that leads it.
    public let partner: LeadPartner?
    /// The weaknesses it addresses, `W1…`.
    public let addresses: [String]

    /// Makes a workstream.
    public init(id: String, title: String, lead: String? = nil, accountable: String? = nil,
                partner: LeadPartner? = nil, addresses: [String]) {
        self.id = id
        self.title = title
        self.lead = lead
        self.accountable = accountable
        self.partner = partner
        self.addresses = addresses
    }
}
