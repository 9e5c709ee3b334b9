/// An improvement notice or statutory direction issued to the area, or a further revisit the
/// Secretary of State directed: the formal steps beyond support and challenge.
public struct Escalation: Hashable, Sendable {
    /// What was issued: a notice, a direction, or a direction to revisit.
    public enum Kind: Hashable, Sendable {
        /// An improvement notice or a statutory direction.
        case issued(EscalationKind)
        /// A direction to Ofsted and CQC to revisit.
        case revisitDirected
    }

    /// What was issued.
    public let kind: Kind
    /// The day it was issued.
    public internal(set) var on: Day
    /// Who issued it.
    public let issuer: String
    /// Where it is published, if given.
    public let link: String?
    /// Where the facts came from.
    public let note: String?
    /// The journal line that recorded it.
    public let line: Int

    /// "statutory direction issued by the Secretary of State for Education on 4 August 2023".
    public var description: String {
        switch kind {
        case let .issued(kind): return "\(kind.words) issued by \(issuer) on \(on.longDescription)"
        case .revisitDirected: return "further revisit directed by \(issuer) on \(on.longDescription)"
        }
    }
}
