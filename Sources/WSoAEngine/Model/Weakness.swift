/// An area of significant weakness named in the inspection outcome letter.
///
/// The statement is kept verbatim from the letter, because the revisit judges exactly that
/// wording and the board's papers quote it.
public struct Weakness: Hashable, Sendable {
    /// `W1`, `W2`, … in the order the letter lists them.
    public let id: String
    /// The letter's wording, verbatim.
    public let statement: String
    /// The revisit's judgement, or `open` before it.
    public internal(set) var outcome: WeaknessOutcome = .open
    /// Whether DfE/NHS England still monitor it (false once judged sufficient).
    public internal(set) var monitored = true
}
