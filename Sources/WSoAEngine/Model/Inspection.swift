/// The inspection visit and its outcome letter.
public struct Inspection: Hashable, Sendable {
    /// The days inspectors were on site.
    public internal(set) var visit: DayRange
    /// The outcome letter's date (publication), once recorded.
    public internal(set) var letter: Day?
    /// The day the area received the report, when known; the statement clock starts here.
    public internal(set) var received: Day?
    /// Whether the letter required a written statement of action (2016).
    public internal(set) var statementRequired: Bool?
    /// The report's outcome (2023), once recorded.
    public internal(set) var outcome: InspectionOutcome?
    /// The previous inspection as the report states it (2023).
    public internal(set) var previousInspection: String?
    /// The next full inspection's horizon in years (2023): as the report states it, or the
    /// framework's for the outcome.
    public internal(set) var nextInspectionYears: Int?

    /// Makes an inspection whose letter has not yet been recorded.
    public init(visit: DayRange, letter: Day? = nil, received: Day? = nil, statementRequired: Bool? = nil) {
        self.visit = visit
        self.letter = letter
        self.received = received
        self.statementRequired = statementRequired
    }
}
