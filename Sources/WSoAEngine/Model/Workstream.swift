/// A strand of the statement's work, addressing one or more weaknesses.
public struct Workstream: Hashable, Sendable {
    /// A short slug chosen by the plan's keeper, e.g. `coproduction`.
    public let id: String
    /// What the workstream is for.
    public internal(set) var title: String
    /// Who leads it day to day.
    public internal(set) var lead: String?
    /// The accountable senior officer.
    public internal(set) var accountable: String?
    /// The partners that lead it, in the order given (often the council and the NHS together).
    public internal(set) var partners: [LeadPartner]
    /// The weaknesses it addresses, `W1…`.
    public internal(set) var addresses: [String]

    /// Makes a workstream.
    public init(id: String, title: String, lead: String? = nil, accountable: String? = nil,
                partners: [LeadPartner] = [], addresses: [String]) {
        self.id = id
        self.title = title
        self.lead = lead
        self.accountable = accountable
        self.partners = partners
        self.addresses = addresses
    }
}
