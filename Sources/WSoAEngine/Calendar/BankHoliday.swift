/// A day off in England and Wales, as GOV.UK lists it.
///
/// Only the day actually taken off is listed: when Christmas falls on a Saturday the
/// holiday is the substitute Monday, named "Christmas Day (substitute day)".
public struct BankHoliday: Hashable, Sendable {
    /// The day off (always Monday to Friday).
    public let day: Day
    /// The name shown in reports, e.g. "Early May bank holiday".
    public let name: String

    /// Creates a bank holiday on `day` called `name`.
    public init(day: Day, name: String) {
        self.day = day
        self.name = name
    }
}
