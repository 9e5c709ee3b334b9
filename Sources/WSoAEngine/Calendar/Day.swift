/// A calendar date with no time of day and no time zone, in the proleptic Gregorian calendar.
///
/// Plans compare and step days millions of times (every action clock of a big plan), so a
/// `Day` is just a 32-bit count of days since 1970-01-01; year, month and day are derived on
/// demand with Howard Hinnant's `civil_from_days`. Dates can only be *created* from text or
/// components in ``supportedYears``, but arithmetic may carry a day outside that range without
/// trapping (results beyond the 32-bit range are clamped to it).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The years a date may be typed in or built from components.
    ///
    /// The bank-holiday rules are only known to be right for this span, so anything outside
    /// it is refused at the door rather than silently given a wrong deadline.
    public static let supportedYears: ClosedRange<Int> = 1990...2100

    /// Days since 1970-01-01 (negative before it).
    private let ordinal: Int32

    // MARK: Creating days

    /// Creates a day from its days-since-1970-01-01 count, clamped to the 32-bit range.
    ///
    /// This does not check ``supportedYears``: it is the way arithmetic builds its results.
    public init(daysSince1970: Int) {
        ordinal = Int32(clamping: daysSince1970)
    }

    /// Creates the date `year`-`month`-`day`, or nil unless it is a real date in ``supportedYears``.
    public init?(year: Int, month: Int, day: Int) {
        guard Day.supportedYears.contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysInMonth(year: year, month: month) else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// Creates a date from components already known to be valid (any year).
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.init(daysSince1970: Day.daysFromCivil(year, month, day))
    }

    /// Reads a strict `YYYY-MM-DD` date: ASCII digits, zero-padded, nothing else.
    ///
    /// Throws ``WSoAError/invalidDate(text:reason:)`` with a short reason that says what to
    /// fix, and ``WSoAError/dateOutOfRange(text:)`` for a real date outside ``supportedYears``.
    /// Works on UTF-8 bytes, so no input (empty, huge, full-width digits) can make it trap.
    public init(parsing text: String) throws {
        let bytes = Array(text.utf8.prefix(11))
        func fail(_ reason: String) -> WSoAError {
            .invalidDate(text: Day.quoted(text), reason: reason)
        }
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Day.digits(bytes, 0..<4), let month = Day.digits(bytes, 5..<7),
              let day = Day.digits(bytes, 8..<10) else {
            throw fail(Day.formatProblem(text, bytes))
        }
        guard (1...12).contains(month) else { throw fail("the month must be 01 to 12") }
        let length = Day.daysInMonth(year: year, month: month)
        guard day >= 1 else { throw fail("the day must be 01 to \(length)") }
        guard day <= length else {
            throw fail("\(Day.monthName(month)) \(year) has \(length) days")
        }
        guard Day.supportedYears.contains(year) else {
            throw WSoAError.dateOutOfRange(text: Day.quoted(text))
        }
        self.init(unchecked: year, month, day)
    }

    /// The date written as `YYYY-MM-DD` in the ten bytes at `digits`, or nil for anything
    /// else, including real dates outside ``supportedYears``: what `init(parsing:)` accepts,
    /// read without making a string (journal readers try this first).
    init?(digits: UnsafePointer<UInt8>) {
        @inline(__always) func digit(_ offset: Int) -> Int? {
            let value = digits[offset] &- UInt8(ascii: "0")
            return value < 10 ? Int(value) : nil
        }
        guard digits[4] == UInt8(ascii: "-"), digits[7] == UInt8(ascii: "-"),
              let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
              let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9) else { return nil }
        self.init(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
    }

    // MARK: Components

    /// Days since 1970-01-01 (negative before it).
    public var daysSince1970: Int { Int(ordinal) }

    /// The year, month and day together, for callers that need more than one of them.
    public var components: (year: Int, month: Int, day: Int) { Day.civilFromDays(Int(ordinal)) }

    /// The year, e.g. 2019.
    public var year: Int { components.year }

    /// The month, 1 (January) to 12 (December).
    public var month: Int { components.month }

    /// The day of the month, 1 to 31.
    public var day: Int { components.day }

    /// The day of the week; 1970-01-01 was a Thursday (ISO day 4).
    public var weekday: Weekday {
        let index = Day.floorMod(Int(ordinal) + 3, 7) + 1
        // floorMod keeps index in 1...7, so the fallback is unreachable; it only avoids a trap.
        return Weekday(rawValue: index) ?? .monday
    }

    // MARK: Arithmetic

    /// The day `days` days later (earlier when negative).
    public func adding(days: Int) -> Day {
        let (sum, overflow) = Int(ordinal).addingReportingOverflow(days)
        return Day(daysSince1970: overflow ? (days < 0 ? Int.min : Int.max) : sum)
    }

    /// The same day of the month `months` calendar months later (earlier when negative).
    ///
    /// Clamped to the end of a shorter month, so 2019-01-31 plus one month is 2019-02-28:
    /// "a month after 31 January" must land in February, not spill over into March.
    public func adding(months: Int) -> Day {
        let (year, month, day) = components
        // ±100 million months already leaves the 32-bit day range, so clamping cannot change
        // the (clamped) answer, and it keeps the sums below from overflowing.
        let step = min(max(months, -100_000_000), 100_000_000)
        let total = year * 12 + (month - 1) + step
        let newYear = Day.floorDiv(total, 12)
        let newMonth = total - newYear * 12 + 1
        return Day(unchecked: newYear, newMonth, min(day, Day.daysInMonth(year: newYear, month: newMonth)))
    }

    /// The number of days from this day to `other` (`other − self`; negative when `other` is earlier).
    public func days(to other: Day) -> Int {
        Int(other.ordinal) - Int(ordinal)
    }

    /// Whether this day comes before `other`.
    public static func < (lhs: Day, rhs: Day) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    // MARK: Text

    /// The ISO form, e.g. "2019-08-12"; also the form stored in files.
    public var description: String {
        let (year, month, day) = components
        return Day.padded(year, 4) + "-" + Day.padded(month, 2) + "-" + Day.padded(day, 2)
    }

    /// The form for reports, e.g. "12 August 2019"; hand-built so it never depends on the locale.
    public var longDescription: String {
        let (year, month, day) = components
        return "\(day) \(Day.monthName(month)) \(year)"
    }

    /// The compact form for tables, e.g. "12 Aug 2019".
    public var shortDescription: String {
        let (year, month, day) = components
        return "\(day) \(Day.monthName(month).prefix(3)) \(year)"
    }

    // MARK: Calendar facts

    /// Whether `year` is a Gregorian leap year (2000 is, 2100 is not).
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1...12) of `year`; 0 for a month outside 1...12.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// The English name of `month` (1...12), e.g. "August"; empty outside 1...12.
    public static func monthName(_ month: Int) -> String {
        switch month {
        case 1: return "January"
        case 2: return "February"
        case 3: return "March"
        case 4: return "April"
        case 5: return "May"
        case 6: return "June"
        case 7: return "July"
        case 8: return "August"
        case 9: return "September"
        case 10: return "October"
        case 11: return "November"
        case 12: return "December"
        default: return ""
        }
    }

    // MARK: Private helpers

    /// Hinnant's `days_from_civil`: days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Hinnant's `civil_from_days`: the proleptic Gregorian date `days` after 1970-01-01.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Division rounding towards negative infinity, as the civil algorithms need.
    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// The remainder that matches ``floorDiv(_:_:)``: always in 0..<b for positive b.
    static func floorMod(_ a: Int, _ b: Int) -> Int {
        a - floorDiv(a, b) * b
    }

    /// The value of the ASCII digits `bytes[range]`, or nil if any byte is not 0-9.
    private static func digits(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Why text that is not shaped like `YYYY-MM-DD` was refused, as specifically as cheaply possible.
    private static func formatProblem(_ text: String, _ bytes: [UInt8]) -> String {
        let expected = "expected YYYY-MM-DD"
        guard let first = bytes.first, let last = text.utf8.last else { return "it is empty; \(expected)" }
        let spaces: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        if spaces.contains(first) || spaces.contains(last) {
            return "remove the spaces around it; \(expected)"
        }
        if text.utf8.contains(where: { $0 >= 0x80 }) {
            return "only the ASCII digits 0-9 may be used; \(expected)"
        }
        let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) {
            return "\(expected), with a four-digit year and a two-digit month and day"
        }
        return expected
    }

    /// `text` as it goes into an error: cut short so a huge input cannot flood the message.
    static func quoted(_ text: String) -> String {
        // Scalars, not characters: one "character" can hold any number of combining marks.
        text.utf8.count <= 40 ? text : String(String.UnicodeScalarView(text.unicodeScalars.prefix(32))) + "…"
    }

    /// `value` in decimal, zero-padded on the left to `width` digits (sign kept in front).
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padding = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + padding + digits
    }
}
