extension Day {
    /// The day in Europe/London of a journal line's `recorded` instant (`2026-11-22T18:30:00Z`),
    /// or nil when the text is not such an instant.
    ///
    /// Worked out from the rule rather than the machine's time-zone files, so the engine never
    /// depends on the machine: British Summer Time runs from 01:00 UTC on the last Sunday of
    /// March to 01:00 UTC on the last Sunday of October (the rule since 1996), and during it an
    /// instant from 23:00 UTC on is already the next day in London.
    public static func london(utcStamp text: String) -> Day? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
              let day = try? Day(parsing: String(decoding: bytes[0..<10], as: UTF8.self)) else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let hour = number(11..<13), hour < 24 else { return nil }
        let minutesIntoDay = hour * 60 + (number(14..<16) ?? 0)
        let summerStarts = lastSunday(of: 3, in: day.year), summerEnds = lastSunday(of: 10, in: day.year)
        // From 01:00 UTC on the day summer time starts until 01:00 UTC on the day it ends.
        let inSummerTime = (day > summerStarts || (day == summerStarts && minutesIntoDay >= 60))
            && (day < summerEnds || (day == summerEnds && minutesIntoDay < 60))
        return inSummerTime && hour == 23 ? day.adding(days: 1) : day
    }

    /// The last Sunday of `month` in `year`.
    private static func lastSunday(of month: Int, in year: Int) -> Day {
        var day = Day(year: year, month: month + 1, day: 1)!.adding(days: -1)
        while day.weekday != .sunday { day = day.adding(days: -1) }
        return day
    }
}
