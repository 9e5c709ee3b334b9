/// Ofsted/CQC's judgement on a submitted statement.
public struct Judgement: Hashable, Sendable {
    /// The day the judgement was made.
    public internal(set) var on: Day
    /// Whether the statement was judged fit for purpose.
    public let fit: Bool
    /// Why, or where the date came from.
    public let note: String?
    /// The journal line that recorded it.
    public let line: Int
}
