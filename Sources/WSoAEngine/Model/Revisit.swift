/// The Ofsted/CQC revisit and its per-weakness judgements.
public struct Revisit: Hashable, Sendable, Codable {
    /// The days inspectors were on site.
    public var visited: DayRange
    /// The revisit letter's date.
    public var letter: Day
    /// The judgement for each weakness judged, by weakness id.
    public var outcomes: [String: WeaknessOutcome]

    /// Makes a revisit record.
    public init(visited: DayRange, letter: Day, outcomes: [String: WeaknessOutcome]) {
        self.visited = visited
        self.letter = letter
        self.outcomes = outcomes
    }

    /// Whether every weakness judged was judged sufficient.
    public var allSufficient: Bool { outcomes.values.allSatisfy { $0 == .sufficient } }
}
