/// A day of the week, numbered as in ISO 8601 (Monday 1 … Sunday 7).
///
/// ISO numbering is used so that "Monday to Friday" is the contiguous range 1...5, which is
/// what the working-day rule needs.
public enum Weekday: Int, Sendable, CaseIterable {
    /// Monday (ISO day 1).
    case monday = 1
    /// Tuesday (ISO day 2).
    case tuesday = 2
    /// Wednesday (ISO day 3).
    case wednesday = 3
    /// Thursday (ISO day 4).
    case thursday = 4
    /// Friday (ISO day 5).
    case friday = 5
    /// Saturday (ISO day 6).
    case saturday = 6
    /// Sunday (ISO day 7).
    case sunday = 7

    /// Whether this is Saturday or Sunday, the days that are never working days.
    public var isWeekend: Bool {
        switch self {
        case .monday, .tuesday, .wednesday, .thursday, .friday: return false
        case .saturday, .sunday: return true
        }
    }

    /// The English name, e.g. "Monday"; fixed text so output never depends on the locale.
    public var name: String {
        switch self {
        case .monday: return "Monday"
        case .tuesday: return "Tuesday"
        case .wednesday: return "Wednesday"
        case .thursday: return "Thursday"
        case .friday: return "Friday"
        case .saturday: return "Saturday"
        case .sunday: return "Sunday"
        }
    }

    /// The three-letter English abbreviation, e.g. "Mon".
    public var shortName: String { String(name.prefix(3)) }
}
