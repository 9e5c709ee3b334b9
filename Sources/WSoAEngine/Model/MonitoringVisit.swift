/// A DfE/NHS England monitoring (support-and-challenge) visit, `V1…` in the order recorded.
public struct MonitoringVisit: Hashable, Sendable {
    /// 1, 2, … in the order recorded.
    public let number: Int
    /// The day of the visit.
    public internal(set) var on: Day
    /// The DfE and NHS England advisers who held it.
    public internal(set) var advisers: [String]
    /// Who attended for the area, with their roles.
    public internal(set) var attendees: [Attendee]
    /// Ratings given, by weakness or workstream id.
    public internal(set) var ratings: [String: Rating]
    /// Follow-ups agreed, as written at the visit.
    public let followUps: [String]
    /// Where the facts came from.
    public let note: String?
    /// The journal line that recorded it.
    public let line: Int
    /// The day it was withdrawn as recorded in error (a visit recorded twice), if it was.
    public internal(set) var withdrawn: Day?

    /// A visit as recorded.
    public init(number: Int, on: Day, advisers: [String], attendees: [Attendee] = [], ratings: [String: Rating],
                followUps: [String], note: String?, line: Int, withdrawn: Day? = nil) {
        self.number = number
        self.on = on
        self.advisers = advisers
        self.attendees = attendees
        self.ratings = ratings
        self.followUps = followUps
        self.note = note
        self.line = line
        self.withdrawn = withdrawn
    }

    /// `V1`, `V2`, ….
    public var id: String { "V\(number)" }
}
