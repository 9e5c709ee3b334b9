/// Ofsted/CQC's judgement on a submitted statement.
public struct Judgement: Hashable, Sendable, Codable {
    /// The day the judgement was made.
    public var on: Day
    /// Whether the statement was judged fit for purpose.
    public var fit: Bool
    /// Why, or where the date came from.
    public var note: String?

    /// Makes a judgement.
    public init(on: Day, fit: Bool, note: String? = nil) {
        self.on = on
        self.fit = fit
        self.note = note
    }
}
