/// An area of significant weakness named in the inspection outcome letter.
///
/// The statement is kept verbatim from the letter, because the revisit judges exactly that
/// wording and the board's papers quote it.
public struct Weakness: Hashable, Sendable, Codable {
    /// `W1`, `W2`, … in the order the letter lists them.
    public var id: String
    /// The letter's wording, verbatim.
    public var statement: String
    /// The revisit's judgement, or `open` before it.
    public var outcome: WeaknessOutcome
    /// Whether DfE/NHS England still monitor it (false once judged sufficient).
    public var monitored: Bool

    /// Makes an open, monitored weakness.
    public init(id: String, statement: String, outcome: WeaknessOutcome = .open, monitored: Bool = true) {
        self.id = id
        self.statement = statement
        self.outcome = outcome
        self.monitored = monitored
    }
}
