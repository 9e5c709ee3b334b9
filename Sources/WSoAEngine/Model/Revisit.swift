/// An Ofsted/CQC revisit and its per-weakness judgements: the first, usually within 18 months
/// of fit for purpose, or a further one the Secretary of State directed.
public struct Revisit: Hashable, Sendable {
    /// The days inspectors were on site.
    public let visited: DayRange
    /// The revisit letter's date.
    public internal(set) var letter: Day
    /// The judgement for each weakness judged, by weakness id.
    public let outcomes: [String: WeaknessOutcome]
    /// The journal line that recorded it.
    public let line: Int

    /// Whether every weakness judged was judged sufficient.
    public var allSufficient: Bool { outcomes.values.allSatisfy { $0 == .sufficient } }
}
