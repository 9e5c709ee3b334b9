import Testing
import WSoAEngine

/// The England and Wales bank holidays for 2016–2026, typed in from the published GOV.UK list
/// (https://www.gov.uk/bank-holidays), so the rules are checked against an independent source.
private let officialBankHolidays: [Int: [String]] = [
    2016: ["2016-01-01", "2016-03-25", "2016-03-28", "2016-05-02", "2016-05-30", "2016-08-29",
           "2016-12-26", "2016-12-27"],
    2017: ["2017-01-02", "2017-04-14", "2017-04-17", "2017-05-01", "2017-05-29", "2017-08-28",
           "2017-12-25", "2017-12-26"],
    2018: ["2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27",
           "2018-12-25", "2018-12-26"],
    2019: ["2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26",
           "2019-12-25", "2019-12-26"],
    2020: ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31",
           "2020-12-25", "2020-12-28"],
    2021: ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30",
           "2021-12-27", "2021-12-28"],
    2022: ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03",
           "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"],
    2023: ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29",
           "2023-08-28", "2023-12-25", "2023-12-26"],
    2024: ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26",
           "2024-12-25", "2024-12-26"],
    2025: ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25",
           "2025-12-25", "2025-12-26"],
    2026: ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31",
           "2026-12-25", "2026-12-28"],
]

private let calendar = WorkingCalendar.englandAndWales

private func day(_ text: String) throws -> Day {
    try Day(parsing: text)
}

/// The obvious, slow definition: step one day at a time, counting working days.
private func naiveAdding(_ n: Int, to start: Day) -> Day {
    var current = start
    var remaining = abs(n)
    let step = n > 0 ? 1 : -1
    while remaining > 0 {
        current = current.adding(days: step)
        if calendar.isWorkingDay(current) { remaining -= 1 }
    }
    return current
}

/// `WorkingCalendar`: England and Wales bank holidays (with substitutes and one-offs) and
/// working-day counting.
@Suite("WorkingCalendar")
struct WorkingCalendarTests {
    // MARK: Bank holidays

    @Test("bank holidays match the published GOV.UK list", arguments: 2016...2026)
    func officialList(year: Int) throws {
        let expected = try #require(officialBankHolidays[year])
        #expect(calendar.bankHolidays(in: year).map(\.day.description) == expected)
        for text in expected {
            #expect(calendar.isBankHoliday(try day(text)))
            #expect(!calendar.isWorkingDay(try day(text)))
        }
    }

    @Test("holiday names follow GOV.UK, with substitutes marked")
    func names() {
        let names2022 = calendar.bankHolidays(in: 2022).map(\.name)
        #expect(names2022 == [
            "New Year's Day (substitute day)", "Good Friday", "Easter Monday", "Early May bank holiday",
            "Spring bank holiday", "Platinum Jubilee bank holiday", "Summer bank holiday",
            "Bank holiday for the State Funeral of Queen Elizabeth II", "Boxing Day",
            "Christmas Day (substitute day)",
        ])
        #expect(calendar.bankHolidays(in: 2020).map(\.name).contains("Early May bank holiday (VE day)"))
        #expect(calendar.bankHolidays(in: 2023).map(\.name)
            .contains("Bank holiday for the coronation of King Charles III"))
    }

    @Test("the one-off changes before 2016", arguments: [
        (1995, ["1995-05-08"], ["1995-05-01"]),
        (1999, ["1999-12-31", "1999-12-27", "1999-12-28"], ["1999-12-24"]),
        (2002, ["2002-06-03", "2002-06-04"], ["2002-05-27"]),
        (2011, ["2011-04-29", "2011-05-02", "2011-05-30"], []),
        (2012, ["2012-06-04", "2012-06-05"], ["2012-05-28"]),
        (2000, ["2000-01-03"], ["2000-01-01"]),
    ])
    func oneOffs(year: Int, holidays: [String], notHolidays: [String]) throws {
        let listed = Set(calendar.bankHolidays(in: year).map(\.day.description))
        for text in holidays { #expect(listed.contains(text), "\(text) should be a bank holiday") }
        for text in notHolidays { #expect(!listed.contains(text), "\(text) should not be a bank holiday") }
    }

    @Test("every year's holidays are sorted weekdays, eight plus the one-offs")
    func everyYear() {
        let extras = [1999: 1, 2002: 1, 2011: 1, 2012: 1, 2022: 2, 2023: 1]
        for year in 1980...2120 {
            let list = calendar.bankHolidays(in: year)
            #expect(list.count == 8 + extras[year, default: 0], "year \(year)")
            #expect(list.map(\.day) == list.map(\.day).sorted(), "year \(year)")
            #expect(Set(list.map(\.day)).count == list.count, "year \(year)")
            for holiday in list {
                #expect(holiday.day.year == year)
                #expect(!holiday.day.weekday.isWeekend, "\(holiday.day) \(holiday.name)")
                #expect(calendar.isBankHoliday(holiday.day))
                #expect(!calendar.isWorkingDay(holiday.day))
            }
        }
    }

    @Test("weekends are not working days; ordinary weekdays are")
    func workingDays() throws {
        #expect(!calendar.isWorkingDay(try day("2019-08-10")))  // Saturday
        #expect(!calendar.isWorkingDay(try day("2019-08-11")))  // Sunday
        #expect(calendar.isWorkingDay(try day("2019-08-12")))
        #expect(!calendar.isBankHoliday(try day("2019-08-10")))
        #expect(!calendar.isBankHoliday(try day("2021-12-25")))  // Saturday: the holiday is the 27th
        #expect(calendar.isBankHoliday(try day("2021-12-27")))
    }

    // MARK: Stepping and counting

    @Test("Stockton: 70 working days after 2 May 2019 is 12 August 2019")
    func stocktonDeadline() throws {
        let received = try day("2019-05-02")
        let deadline = calendar.adding(workingDays: 70, to: received)
        #expect(deadline.description == "2019-08-12")
        #expect(calendar.workingDays(from: received, to: deadline) == 70)
        #expect(calendar.adding(workingDays: -70, to: deadline) == received)
    }

    @Test("day 1 is the first working day after the start", arguments: [
        ("2019-08-09", 1, "2019-08-12"),   // Friday → Monday
        ("2019-08-10", 1, "2019-08-12"),   // Saturday → Monday
        ("2019-08-12", 1, "2019-08-13"),
        ("2019-04-18", 1, "2019-04-23"),   // Thursday before Good Friday → Tuesday after Easter Monday
        ("2019-12-24", 1, "2019-12-27"),
        ("2021-12-24", 1, "2021-12-29"),   // Christmas and Boxing Day substitutes
        ("2019-08-12", 0, "2019-08-12"),
        ("2019-08-10", 0, "2019-08-10"),   // n = 0 returns the day itself, even at a weekend
        ("2019-08-12", 5, "2019-08-19"),
        ("2019-08-12", -1, "2019-08-09"),  // Monday → Friday
        ("2019-04-23", -1, "2019-04-18"),  // Tuesday after Easter → Thursday before Good Friday
        ("2019-08-11", -1, "2019-08-08"),  // Sunday: (Thu, Sun] holds only the Friday
        ("2022-09-20", -1, "2022-09-16"),  // over the state funeral
    ])
    func dayOneSemantics(start: String, n: Int, expected: String) throws {
        let d = try day(start)
        let result = calendar.adding(workingDays: n, to: d)
        #expect(result.description == expected)
        #expect(calendar.workingDays(from: d, to: result) == n)
    }

    @Test("working days are counted in (start, end]")
    func counting() throws {
        let friday = try day("2019-08-09")
        let monday = try day("2019-08-12")
        #expect(calendar.workingDays(from: friday, to: monday) == 1)
        #expect(calendar.workingDays(from: monday, to: friday) == -1)
        #expect(calendar.workingDays(from: monday, to: monday) == 0)
        #expect(calendar.workingDays(from: try day("2019-08-10"), to: try day("2019-08-11")) == 0)
        #expect(calendar.workingDays(from: try day("2019-01-01"), to: try day("2020-01-01")) == 253)
        #expect(calendar.workingDays(from: try day("2019-12-31"), to: try day("2020-12-31")) == 254)
    }

    @Test("adding and counting round-trip, and match one-day stepping")
    func roundTrip() throws {
        var start = try day("1990-01-01")
        let last = try day("2100-12-31")
        var checked = 0
        while start <= last {
            for n in [-260, -70, -23, -10, -5, -3, -2, -1, 0, 1, 2, 3, 5, 10, 23, 70, 260] {
                let result = calendar.adding(workingDays: n, to: start)
                #expect(calendar.workingDays(from: start, to: result) == n, "\(start) \(n)")
                if n != 0 { #expect(calendar.isWorkingDay(result), "\(start) \(n)") }
                if n > 0 || calendar.isWorkingDay(start) {
                    #expect(result == naiveAdding(n, to: start), "\(start) \(n)")
                }
                checked += 1
            }
            start = start.adding(days: 11)  // 11 days: every weekday, month and holiday pattern turns up
        }
        #expect(checked > 50_000)
    }

    @Test("counting agrees with one-day stepping over every day of 2019–2023")
    func countingMatchesStepping() throws {
        let origin = try day("2018-12-31")
        var current = origin
        var expected = 0
        let last = try day("2023-12-31")
        while current < last {
            current = current.adding(days: 1)
            if calendar.isWorkingDay(current) { expected += 1 }
            #expect(calendar.workingDays(from: origin, to: current) == expected)
        }
    }

    @Test("outside the precomputed years the rules still apply")
    func outsideTable() throws {
        let late = Day(daysSince1970: try day("2100-12-31").daysSince1970 + 800)  // in 2103
        #expect(late.year == 2103)
        for n in [-400, -30, -1, 1, 30, 400] {
            let result = calendar.adding(workingDays: n, to: late)
            #expect(calendar.workingDays(from: late, to: result) == n)
            if n > 0 || calendar.isWorkingDay(late) { #expect(result == naiveAdding(n, to: late)) }
        }
        let early = Day(daysSince1970: try day("1990-01-01").daysSince1970 - 1000)  // in 1987
        for n in [-400, -30, -1, 1, 30, 400] {
            let result = calendar.adding(workingDays: n, to: early)
            #expect(calendar.workingDays(from: early, to: result) == n)
            if n > 0 || calendar.isWorkingDay(early) { #expect(result == naiveAdding(n, to: early)) }
        }
        // A span from well before to well after the table equals one-day stepping.
        let from = Day(daysSince1970: try day("1990-01-01").daysSince1970 - 5000)
        let to = Day(daysSince1970: try day("2100-12-31").daysSince1970 + 5000)
        var stepped = 0
        var current = from
        while current < to {
            current = current.adding(days: 1)
            if calendar.isWorkingDay(current) { stepped += 1 }
        }
        #expect(calendar.workingDays(from: from, to: to) == stepped)
        #expect(calendar.workingDays(from: to, to: from) == -stepped)
    }

    @Test("extreme inputs do not trap")
    func extremes() throws {
        let d = try day("2019-08-12")
        _ = calendar.adding(workingDays: Int.max, to: d)
        _ = calendar.adding(workingDays: Int.min, to: d)
        let top = Day(daysSince1970: Int.max)
        let bottom = Day(daysSince1970: Int.min)
        _ = calendar.workingDays(from: bottom, to: top)
        _ = calendar.adding(workingDays: 5, to: top)
        _ = calendar.adding(workingDays: -5, to: bottom)
        _ = calendar.isWorkingDay(top)
        _ = calendar.bankHolidays(in: top.year)
        #expect(calendar.adding(workingDays: 1_000_000, to: d) > d)
        #expect(calendar.adding(workingDays: -1_000_000, to: d) < d)
    }
}
