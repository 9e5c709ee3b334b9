/// A red-amber-green rating given to one weakness or workstream at one monitoring visit.
public struct VisitRating: Hashable, Sendable {
    /// The visit's id, `V3`.
    public let visit: String
    /// The visit's day.
    public let on: Day
    /// The rating.
    public let rating: Rating

    /// Makes a rating record.
    public init(visit: String, on: Day, rating: Rating) {
        self.visit = visit
        self.on = on
        self.rating = rating
    }

    /// Every rating `key` (a weakness or workstream id) was given, oldest visit first.
    static func history(of key: String, in visits: [MonitoringVisit], asOf: Day) -> [VisitRating] {
        visits.compactMap { visit in
            guard visit.on <= asOf, let rating = visit.ratings[key] else { return nil }
            return VisitRating(visit: visit.id, on: visit.on, rating: rating)
        }
    }
}
