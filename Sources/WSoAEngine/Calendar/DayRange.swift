/// An inclusive run of days, such as an inspection's or revisit's time on site.
///
/// Written `START..END` (a single `YYYY-MM-DD` is a one-day range) so it reads the same in
/// commands, journals and snapshots.
public struct DayRange: Hashable, Sendable, CustomStringConvertible {
    /// The first day, included.
    public let start: Day
    /// The last day, included; never before ``start``.
    public let end: Day

    /// Creates the range `start...end`, refusing one that runs backwards.
    ///
    /// Throws ``WSoAError/invalidRange(text:reason:)`` when `end` is before `start`, because a
    /// reversed visit almost always means two dates were typed the wrong way round.
    public init(start: Day, end: Day) throws {
        guard start <= end else {
            throw WSoAError.invalidRange(text: "\(start)..\(end)",
                                         reason: "it ends (\(end)) before it starts (\(start))")
        }
        self.start = start
        self.end = end
    }

    /// Creates the one-day range holding just `day`.
    public init(day: Day) {
        start = day
        end = day
    }

    /// Reads `START..END`, or a single `YYYY-MM-DD` as a one-day range.
    ///
    /// A malformed shape throws ``WSoAError/invalidRange(text:reason:)``; a bad date inside it
    /// throws that date's own ``WSoAError/invalidDate(text:reason:)`` or
    /// ``WSoAError/dateOutOfRange(text:)``, which already says what is wrong with it.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "..", omittingEmptySubsequences: false)
        func fail(_ reason: String) -> WSoAError {
            .invalidRange(text: Day.quoted(text), reason: reason)
        }
        switch parts.count {
        case 1:
            self.init(day: try Day(parsing: text))
        case 2 where parts.contains(where: { $0.hasPrefix(".") || $0.hasSuffix(".") }):
            throw fail("expected START..END with exactly two dots between the dates")
        case 2:
            guard !parts[0].isEmpty else { throw fail("the start date is missing; expected START..END") }
            guard !parts[1].isEmpty else { throw fail("the end date is missing; expected START..END") }
            try self.init(start: Day(parsing: String(parts[0])), end: Day(parsing: String(parts[1])))
        default:
            throw fail("expected START..END with one '..'")
        }
    }

    /// Whether `day` is on or between ``start`` and ``end``.
    public func contains(_ day: Day) -> Bool {
        start <= day && day <= end
    }

    /// The number of days in the range, counting both ends (1 for a one-day range).
    public var dayCount: Int {
        start.days(to: end) + 1
    }

    /// The stored form, e.g. "2019-02-04..2019-02-08".
    public var description: String {
        "\(start)..\(end)"
    }

    /// The form for reports, e.g. "4–8 February 2019" or "26 February – 8 March 2018".
    ///
    /// Shared month and year are said once, as people write it.
    public var longDescription: String {
        format(monthName: Day.monthName)
    }

    /// The compact form for tables, e.g. "4–8 Feb 2019" or "30 Dec 2019 – 2 Jan 2020".
    public var shortDescription: String {
        format { String(Day.monthName($0).prefix(3)) }
    }

    /// Builds the long or short form, saying a shared month and year only once.
    private func format(monthName: (Int) -> String) -> String {
        let (y1, m1, d1) = start.components
        let (y2, m2, d2) = end.components
        if start == end {
            return "\(d1) \(monthName(m1)) \(y1)"
        }
        if y1 == y2 && m1 == m2 {
            return "\(d1)–\(d2) \(monthName(m1)) \(y1)"
        }
        if y1 == y2 {
            return "\(d1) \(monthName(m1)) – \(d2) \(monthName(m2)) \(y1)"
        }
        return "\(d1) \(monthName(m1)) \(y1) – \(d2) \(monthName(m2)) \(y2)"
    }
}
