/// A calendar quarter (January–March is the first), used for "impact evidence in two
/// different quarters".
public struct Quarter: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public let year: Int
    /// 1 (January–March) to 4 (October–December).
    public let index: Int

    /// The quarter `day` falls in.
    public init(_ day: Day) {
        let (year, month, _) = day.components
        self.year = year
        index = (month - 1) / 3 + 1
    }

    /// The stored form, e.g. "2026-Q2".
    public var description: String { "\(year)-Q\(index)" }

    /// The form for reports, e.g. "April–June 2026": month names, because councils count
    /// financial quarters from April and "Q1" alone would be read two ways.
    public var longDescription: String {
        let first = (index - 1) * 3 + 1
        return "\(Day.monthName(first))–\(Day.monthName(first + 2)) \(year)"
    }

    /// Orders quarters in time.
    public static func < (lhs: Quarter, rhs: Quarter) -> Bool {
        (lhs.year, lhs.index) < (rhs.year, rhs.index)
    }
}
