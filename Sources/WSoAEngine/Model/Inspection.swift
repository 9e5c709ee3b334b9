/// The inspection visit and its outcome letter.
public struct Inspection: Hashable, Sendable, Codable {
    /// The days inspectors were on site.
    public var visit: DayRange
    /// The outcome letter's date (publication), once recorded.
    public var letter: Day?
    /// The day the area received the report, when known; the statement clock starts here.
    public var received: Day?
    /// Whether the letter required a written statement of action.
    public var statementRequired: Bool?

    /// Makes an inspection whose letter has not yet been recorded.
    public init(visit: DayRange, letter: Day? = nil, received: Day? = nil, statementRequired: Bool? = nil) {
        self.visit = visit
        self.letter = letter
        self.received = received
        self.statementRequired = statementRequired
    }
}
