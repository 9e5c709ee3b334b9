/// The Ofsted/CQC revisit and its per-weakness judgements.
public struct Revisit: Hashable, Sendable {
    /// The days inspectors were on site.
    public let visited: DayRange
    /// The revisit letter's date.
    public internal(set) var letter: Day
    /// The judgement for each weakness judged, by weakness id.
    public let outcomes: [String: WeaknessOutcome]

    /// Whether every weakness judged was judged sufficient.
    public var allSufficient: Bool { outcomes.values.allSatisfy { $0 == .sufficient } }
}
