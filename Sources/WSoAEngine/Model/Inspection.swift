/// The inspection visit and its outcome letter.
public struct Inspection: Hashable, Sendable {
    /// The days inspectors were on site.
    public internal(set) var visit: DayRange
    /// The outcome letter's date (publication), once recorded.
    public internal(set) var letter: Day?
    /// The day the area received the report, when known; the statement clock starts here.
    public internal(set) var received: Day?
    /// Whether the letter required a written statement of action.
    public internal(set) var statementRequired: Bool?

    /// Makes an inspection whose letter has not yet been recorded.
    public init(visit: DayRange, letter: Day? = nil, received: Day? = nil, statementRequired: Bool? = nil) {
        self.visit = visit
        self.letter = letter
        self.received = received
        self.statementRequired = statementRequired
    }
}
