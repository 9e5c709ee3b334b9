import Testing
import WSoAEngine

/// Parses a date the test knows is valid; a typo in a test fails the test, not a trap.
private func day(_ text: String) throws -> Day {
    try Day(parsing: text)
}

/// `Day`: strict `YYYY-MM-DD` parsing within the supported years, arithmetic and descriptions.
@Suite("Day")
struct DayTests {
    // MARK: Parsing

    @Test("valid dates parse to their components")
    func parsesComponents() throws {
        let d = try day("2019-08-12")
        #expect(d.year == 2019)
        #expect(d.month == 8)
        #expect(d.day == 12)
        #expect(d.description == "2019-08-12")
        #expect(Day(year: 2019, month: 8, day: 12) == d)
    }

    @Test("leap days", arguments: [
        ("2020-02-29", true), ("2000-02-29", true), ("2024-02-29", true),
        ("2019-02-29", false), ("2100-02-29", false), ("2023-02-29", false),
    ])
    func leapDays(text: String, valid: Bool) {
        #expect(((try? Day(parsing: text)) != nil) == valid)
    }

    @Test("the edges of the supported range")
    func supportedRange() throws {
        #expect(try day("1990-01-01").description == "1990-01-01")
        #expect(try day("2100-12-31").description == "2100-12-31")
        #expect(throws: WSoAError.dateOutOfRange(text: "1989-12-31")) { try Day(parsing: "1989-12-31") }
        #expect(throws: WSoAError.dateOutOfRange(text: "2101-01-01")) { try Day(parsing: "2101-01-01") }
        #expect(Day(year: 1989, month: 12, day: 31) == nil)
        #expect(Day(year: 2101, month: 1, day: 1) == nil)
        #expect(Day(year: 1990, month: 1, day: 1) != nil)
    }

    @Test("specific reasons for invalid dates", arguments: [
        ("2019-02-30", "February 2019 has 28 days"),
        ("2020-02-30", "February 2020 has 29 days"),
        ("2100-02-29", "February 2100 has 28 days"),
        ("2019-04-31", "April 2019 has 30 days"),
        ("2019-01-32", "January 2019 has 31 days"),
        ("2019-13-01", "the month must be 01 to 12"),
        ("2019-00-10", "the month must be 01 to 12"),
        ("2019-02-00", "the day must be 01 to 28"),
    ])
    func invalidReasons(text: String, reason: String) {
        #expect(throws: WSoAError.invalidDate(text: text, reason: reason)) { try Day(parsing: text) }
    }

    @Test("malformed text is refused as not YYYY-MM-DD", arguments: [
        "", "19-02-01", "2019-2-1", "2019-02-1", "20190201", "2019/02/01", " 2019-02-01",
        "2019-02-01 ", "2019-02-01\n", "2019-02-01T00:00", "２０１９-０２-０１", "2019-0２-01",
        "abcd-ef-gh", "2019--02-01", "+2019-02-01", "-019-02-01", "2019-02-01x", "x",
        "2019-02-0\u{0301}1", "2019\u{2010}02\u{2010}01", "\u{0}\u{0}\u{0}\u{0}-\u{0}\u{0}-\u{0}\u{0}",
        "٢٠١٩-٠٢-٠١", "2019-+2-01", "2019- 2-01",
    ])
    func malformed(text: String) {
        #expect {
            try Day(parsing: text)
        } throws: { error in
            guard case let .invalidDate(_, reason) = error as? WSoAError else { return false }
            return reason.contains("expected YYYY-MM-DD")
        }
    }

    @Test("huge and odd inputs throw instead of trapping")
    func hugeInputs() {
        let huge = String(repeating: "2019-02-01", count: 100_000)
        #expect(throws: WSoAError.self) { try Day(parsing: huge) }
        let marks = "a" + String(repeating: "\u{0301}", count: 100_000)
        #expect(throws: WSoAError.self) { try Day(parsing: marks) }
        let digits = String(repeating: "9", count: 10_000)
        #expect(throws: WSoAError.self) { try Day(parsing: digits) }
        // The error keeps only the start of a huge input, so messages stay readable.
        guard case let .invalidDate(text, _)? = parseError(huge) else {
            Issue.record("expected invalidDate")
            return
        }
        #expect(text.utf8.count < 60)
    }

    @Test("error messages read as one sentence")
    func errorMessages() {
        #expect(parseError("2019-02-30")?.description
            == "'2019-02-30' is not a valid date (YYYY-MM-DD): February 2019 has 28 days.")
        #expect(parseError("empty")?.description.contains("expected YYYY-MM-DD") == true)
        #expect(parseError("")?.description.contains("empty") == true)
    }

    @Test("init?(year:month:day:) accepts only real dates")
    func componentsInit() {
        #expect(Day(year: 2019, month: 2, day: 29) == nil)
        #expect(Day(year: 2020, month: 2, day: 29) != nil)
        #expect(Day(year: 2019, month: 0, day: 1) == nil)
        #expect(Day(year: 2019, month: 13, day: 1) == nil)
        #expect(Day(year: 2019, month: 1, day: 0) == nil)
        #expect(Day(year: 2019, month: 6, day: 31) == nil)
        #expect(Day(year: Int.max, month: Int.min, day: Int.max) == nil)
    }

    @Test("every supported day round-trips through its text and components")
    func everyDayRoundTrips() throws {
        var current = try day("1990-01-01")
        let last = try day("2100-12-31")
        var previous: Day?
        var count = 0
        while current <= last {
            let (y, m, d) = current.components
            #expect(Day(year: y, month: m, day: d) == current)
            #expect(try Day(parsing: current.description) == current)
            if let previous {
                #expect(previous < current)
                #expect(previous.days(to: current) == 1)
                #expect(previous.weekday.rawValue % 7 + 1 == current.weekday.rawValue)
            }
            previous = current
            current = current.adding(days: 1)
            count += 1
        }
        #expect(count == 40_542)  // 111 × 365 + 27 leap days (2100 is not a leap year)
    }

    // MARK: Weekdays

    @Test("weekdays of known dates", arguments: [
        ("1970-01-01", Weekday.thursday), ("1990-01-01", .monday), ("2000-01-01", .saturday),
        ("2019-05-02", .thursday), ("2019-08-12", .monday), ("2020-02-29", .saturday),
        ("2022-09-19", .monday), ("2023-05-08", .monday), ("2100-12-31", .friday),
        ("2024-12-25", .wednesday), ("2016-12-25", .sunday),
    ])
    func weekdays(text: String, weekday: Weekday) throws {
        // 1970 is outside the supported range, so build it by arithmetic from 1990.
        let d = text == "1970-01-01" ? Day(daysSince1970: 0) : try day(text)
        #expect(d.weekday == weekday)
    }

    @Test("weekday names and weekend flag")
    func weekdayNames() {
        #expect(Weekday.allCases.map(\.shortName) == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
        #expect(Weekday.allCases.filter(\.isWeekend) == [.saturday, .sunday])
        #expect(Weekday.wednesday.name == "Wednesday")
    }

    // MARK: Arithmetic

    @Test("adding days and counting between days")
    func addingDays() throws {
        let d = try day("2019-12-30")
        #expect(d.adding(days: 3).description == "2020-01-02")
        #expect(d.adding(days: -365).description == "2018-12-30")
        #expect(d.days(to: try day("2020-03-01")) == 62)
        #expect(try day("2020-03-01").days(to: d) == -62)
        #expect(Day(daysSince1970: 0).description == "1970-01-01")
        #expect(try day("2019-08-12").daysSince1970 == 18_120)
    }

    @Test("adding months clamps to the end of the month", arguments: [
        ("2019-01-31", 1, "2019-02-28"), ("2020-01-31", 1, "2020-02-29"),
        ("2019-03-31", -1, "2019-02-28"), ("2020-03-31", -1, "2020-02-29"),
        ("2019-08-31", 1, "2019-09-30"), ("2019-01-15", 3, "2019-04-15"),
        ("2019-11-30", 3, "2020-02-29"), ("2019-12-31", 2, "2020-02-29"),
        ("2020-02-29", 12, "2021-02-28"), ("2020-02-29", 48, "2024-02-29"),
        ("2019-01-31", -13, "2017-12-31"), ("2019-05-10", 0, "2019-05-10"),
        ("2019-02-28", 18, "2020-08-28"), ("2020-01-01", -1, "2019-12-01"),
        ("2020-01-01", -12, "2019-01-01"), ("2020-01-01", -24, "2018-01-01"),
    ])
    func addingMonths(start: String, months: Int, expected: String) throws {
        #expect(try day(start).adding(months: months).description == expected)
    }

    @Test("arithmetic may leave the supported range without trapping")
    func arithmeticOutsideRange() throws {
        let d = try day("2100-12-31")
        #expect(d.adding(days: 1).description == "2101-01-01")
        #expect(d.adding(months: 18).description == "2102-06-30")
        #expect(try day("1990-01-01").adding(days: -1).description == "1989-12-31")
        let far = d.adding(days: Int.max)
        #expect(far.daysSince1970 == Int(Int32.max))
        #expect(d.adding(days: Int.min).daysSince1970 == Int(Int32.min))
        #expect(d.adding(months: Int.max) > d)
        #expect(d.adding(months: Int.min) < d)
        #expect(Day(daysSince1970: Int.max).daysSince1970 == Int(Int32.max))
        // Components and text of the extreme days still work.
        _ = far.description
        _ = far.longDescription
        _ = Day(daysSince1970: Int.min).description
        #expect(Day(daysSince1970: -719_528).description == "0000-01-01")
        #expect(Day(daysSince1970: -719_529).description == "-0001-12-31")
    }

    // MARK: Text

    @Test("long and short descriptions are hand formatted", arguments: [
        ("2019-08-12", "12 August 2019", "12 Aug 2019"),
        ("2020-01-01", "1 January 2020", "1 Jan 2020"),
        ("2022-09-19", "19 September 2022", "19 Sep 2022"),
        ("2018-03-08", "8 March 2018", "8 Mar 2018"),
    ])
    func descriptions(text: String, long: String, short: String) throws {
        let d = try day(text)
        #expect(d.description == text)
        #expect(d.longDescription == long)
        #expect(d.shortDescription == short)
        #expect("\(d)" == text)
    }

    @Test("days sort and work as dictionary keys")
    func sortingAndHashing() throws {
        let days = try ["2019-08-12", "2018-03-08", "2019-05-02", "2018-03-08"].map(day)
        #expect(days.sorted().map(\.description) == ["2018-03-08", "2018-03-08", "2019-05-02", "2019-08-12"])
        var counts: [Day: Int] = [:]
        for d in days { counts[d, default: 0] += 1 }
        #expect(counts[try day("2018-03-08")] == 2)
        #expect(Set(days).count == 3)
        #expect(days.max()?.description == "2019-08-12")
    }
}

/// The error `Day(parsing:)` throws for `text`, if it is a `WSoAError`.
private func parseError(_ text: String) -> WSoAError? {
    do {
        _ = try Day(parsing: text)
        return nil
    } catch {
        return error as? WSoAError
    }
}

/// `DayRange`: `START..END` parsing, one-day ranges, and ranges that run backwards refused.
@Suite("DayRange")
struct DayRangeTests {
    @Test("parses START..END")
    func parsesRange() throws {
        let range = try DayRange(parsing: "2019-02-04..2019-02-08")
        #expect(range.start == (try day("2019-02-04")))
        #expect(range.end == (try day("2019-02-08")))
        #expect(range.description == "2019-02-04..2019-02-08")
        #expect(range.dayCount == 5)
        #expect(range.contains(try day("2019-02-04")))
        #expect(range.contains(try day("2019-02-06")))
        #expect(range.contains(try day("2019-02-08")))
        #expect(!range.contains(try day("2019-02-03")))
        #expect(!range.contains(try day("2019-02-09")))
        #expect(try DayRange(parsing: range.description) == range)
    }

    @Test("a single date is a one-day range")
    func oneDay() throws {
        let range = try DayRange(parsing: "2019-02-04")
        #expect(range.start == range.end)
        #expect(range.description == "2019-02-04..2019-02-04")
        #expect(range.dayCount == 1)
        #expect(range.longDescription == "4 February 2019")
        #expect(try DayRange(parsing: "2019-02-04..2019-02-04") == range)
    }

    @Test("a reversed range is refused with both dates named")
    func reversed() throws {
        #expect(throws: WSoAError.invalidRange(text: "2019-02-08..2019-02-01",
                                               reason: "it ends (2019-02-01) before it starts (2019-02-08)")) {
            try DayRange(parsing: "2019-02-08..2019-02-01")
        }
        #expect(throws: WSoAError.invalidRange(text: "2019-02-08..2019-02-01",
                                               reason: "it ends (2019-02-01) before it starts (2019-02-08)")) {
            try DayRange(start: day("2019-02-08"), end: day("2019-02-01"))
        }
    }

    @Test("malformed ranges", arguments: [
        "", "..", "2019-02-04..", "..2019-02-08", "2019-02-04...2019-02-08",
        "2019-02-04..2019-02-05..2019-02-06", "2019-02-04 .. 2019-02-08", "2019-02-04–2019-02-08",
        "2019-02-30..2019-03-01", "1989-12-30..1990-01-02",
    ])
    func malformed(text: String) {
        #expect(throws: WSoAError.self) { try DayRange(parsing: text) }
    }

    @Test("a bad date inside a range reports that date")
    func badDateInside() {
        #expect(throws: WSoAError.invalidDate(text: "2019-02-30", reason: "February 2019 has 28 days")) {
            try DayRange(parsing: "2019-02-27..2019-02-30")
        }
    }

    @Test("long and short descriptions say a shared month and year once", arguments: [
        ("2019-02-04..2019-02-08", "4–8 February 2019", "4–8 Feb 2019"),
        ("2018-02-26..2018-03-08", "26 February – 8 March 2018", "26 Feb – 8 Mar 2018"),
        ("2019-12-30..2020-01-02", "30 December 2019 – 2 January 2020", "30 Dec 2019 – 2 Jan 2020"),
        ("2019-02-04", "4 February 2019", "4 Feb 2019"),
    ])
    func descriptions(text: String, long: String, short: String) throws {
        let range = try DayRange(parsing: text)
        #expect(range.longDescription == long)
        #expect(range.shortDescription == short)
    }
}

/// The London day of a journal line's UTC `recorded` instant, worked out from the summer-time rule.
@Suite struct LondonDayTests {
    @Test("a UTC instant is the London day it was there", arguments: [
        ("2026-11-22T23:30:00Z", "2026-11-22"),   // winter: London is on UTC
        ("2026-07-01T22:59:59Z", "2026-07-01"),   // summer: 23:59:59 in London
        ("2026-07-01T23:00:00Z", "2026-07-02"),   // summer: already midnight in London
        ("2026-03-29T00:59:00Z", "2026-03-29"),   // summer time starts at 01:00 UTC on the last Sunday of March
        ("2026-03-28T23:30:00Z", "2026-03-28"),   // the night before it starts: still winter
        ("2026-10-24T23:30:00Z", "2026-10-25"),   // the last night of summer time
        ("2026-10-25T23:30:00Z", "2026-10-25"),   // the first night after it ends
        ("2019-12-31T23:59:59Z", "2019-12-31"),
    ])
    func londonDay(stamp: String, day: String) throws {
        #expect(Day.london(utcStamp: stamp) == (try Day(parsing: day)))
    }

    @Test("text that is not an instant gives no day", arguments: ["", "2026-11-22", "2026-11-22T18:30:00", "2026-11-22 18:30:00Z",
                                                                  "2026-13-01T00:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22Tab:00:00Z"])
    func notAnInstant(stamp: String) {
        #expect(Day.london(utcStamp: stamp) == nil)
    }
}
