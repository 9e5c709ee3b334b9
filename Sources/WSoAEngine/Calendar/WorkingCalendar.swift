/// Which days are working days, and how to count and step in them.
///
/// The statement deadline is "70 working days" and notice periods are in working days, so
/// every action clock of every plan goes through here. Bank holidays are derived by rule
/// (plus the handful of one-off changes) rather than typed in as a table, and a running count
/// of working days is precomputed once for 1988–2102, so counting is a subtraction and stepping
/// is a short binary search, with no allocation per call inside that span.
public struct WorkingCalendar: Sendable {
    /// England and Wales: Monday to Friday, less the bank holidays GOV.UK publishes.
    public static let englandAndWales = WorkingCalendar(name: "England and Wales", years: 1988...2102)

    /// The jurisdiction, for reports ("England and Wales").
    public let name: String
    /// The national pauses that stop clocks (the 2020–21 suspension of revisits, …): data that
    /// comes in with the calendar, like its bank holidays, so a test can give its own.
    public var nationalPauses: [NationalPause] = NationalPause.recorded

    /// The first year of the precomputed span.
    private let firstYear: Int
    /// Days since 1970 of 1 January of `firstYear`.
    private let tableStart: Int
    /// Days since 1970 of the day after the precomputed span ends.
    private let tableEnd: Int
    /// `runningCount[i]` is the number of working days in `[tableStart, tableStart + i)`.
    private let runningCount: [Int32]
    /// The bank holidays of each precomputed year, indexed by `year - firstYear`.
    private let holidaysByYear: [[BankHoliday]]

    /// Precomputes holidays and the running working-day count for `years`.
    ///
    /// The span reaches a little beyond ``Day/supportedYears`` so that clocks started near its
    /// edges (e.g. 18 months after a late-2100 judgement) stay on the fast path.
    private init(name: String, years: ClosedRange<Int>) {
        self.name = name
        firstYear = years.lowerBound
        tableStart = Day.daysFromCivil(years.lowerBound, 1, 1)
        tableEnd = Day.daysFromCivil(years.upperBound + 1, 1, 1)
        let holidaysByYear = years.map(WorkingCalendar.ruleHolidays(ofYear:))
        // Every command builds this table, so it walks the sorted holidays beside the days
        // rather than looking each day up in a set.
        var holidays = holidaysByYear.joined().lazy.map(\.day.daysSince1970).makeIterator()
        var nextHoliday = holidays.next()
        var running: [Int32] = [0]
        running.reserveCapacity(tableEnd - tableStart + 1)
        var count: Int32 = 0
        for ordinal in tableStart..<tableEnd {
            if ordinal == nextHoliday {
                while nextHoliday == ordinal { nextHoliday = holidays.next() }
            } else if !Day(daysSince1970: ordinal).weekday.isWeekend {
                count += 1
            }
            running.append(count)
        }
        self.holidaysByYear = holidaysByYear
        runningCount = running
    }

    // MARK: Bank holidays

    /// The bank holidays of `year`, sorted by day; only days actually taken off are listed.
    ///
    /// Years outside the precomputed span are worked out by rule on demand.
    public func bankHolidays(in year: Int) -> [BankHoliday] {
        let index = year - firstYear
        if index >= 0 && index < holidaysByYear.count { return holidaysByYear[index] }
        return WorkingCalendar.ruleHolidays(ofYear: year)
    }

    /// Whether `day` is a bank holiday (always a weekday: weekend holidays move to a substitute).
    public func isBankHoliday(_ day: Day) -> Bool {
        let ordinal = day.daysSince1970
        guard ordinal >= tableStart && ordinal < tableEnd else {
            return bankHolidays(in: day.year).contains { $0.day == day }
        }
        let index = ordinal - tableStart
        return !day.weekday.isWeekend && runningCount[index + 1] == runningCount[index]
    }

    /// Whether `day` is Monday to Friday and not a bank holiday.
    public func isWorkingDay(_ day: Day) -> Bool {
        let ordinal = day.daysSince1970
        guard ordinal >= tableStart && ordinal < tableEnd else {
            return !day.weekday.isWeekend && !isBankHoliday(day)
        }
        let index = ordinal - tableStart
        return runningCount[index + 1] != runningCount[index]
    }

    // MARK: Counting and stepping

    /// The day `n` working days after `day` ("70 working days from receipt").
    ///
    /// Day 1 is the first working day after `day`, so 1 working day after a Friday is the
    /// Monday; `n = 0` returns `day` itself. A negative `n` counts backwards, and for every `n`
    /// `workingDays(from: day, to: adding(workingDays: n, to: day)) == n`. From a working day
    /// −1 is simply the previous working day; from a weekend or holiday, the count is of
    /// working days in `(result, day]`, so −1 from a Sunday is the Thursday (Friday is day 0).
    /// The result is always a working day when `n ≠ 0`.
    public func adding(workingDays n: Int, to day: Day) -> Day {
        guard n != 0 else { return day }
        // More working days than a 32-bit day count can hold: clamp so the bounds below cannot
        // overflow; the answer is clamped to the representable days anyway.
        let steps = min(max(n, -1_500_000_000), 1_500_000_000)
        let ordinal = day.daysSince1970
        let target = workingDaysBefore(ordinal + 1) + steps
        // Over any 30 or more days at least one day in two is a working day, so `span` days
        // always hold more than |steps| of them and the answer lies inside the window.
        let span = 2 * abs(steps) + 30
        var low = steps > 0 ? ordinal + 1 : ordinal - span
        var high = steps > 0 ? ordinal + span : ordinal - 1
        // Smallest e in low...high with workingDaysBefore(e + 1) >= target; that e is a working day.
        while low < high {
            let middle = low + (high - low) / 2
            if workingDaysBefore(middle + 1) >= target { high = middle } else { low = middle + 1 }
        }
        return Day(daysSince1970: low)
    }

    /// The number of working days in `(start, end]`, or minus the number in `(end, start]`
    /// when `end` is earlier.
    ///
    /// The inverse of ``adding(workingDays:to:)``: counting excludes the start day and
    /// includes the end day, matching "day 1 is the first working day after the start".
    public func workingDays(from start: Day, to end: Day) -> Int {
        workingDaysBefore(end.daysSince1970 + 1) - workingDaysBefore(start.daysSince1970 + 1)
    }

    // MARK: Private counting

    /// The signed number of working days in `[tableStart, ordinal)` (negative before the table).
    private func workingDaysBefore(_ ordinal: Int) -> Int {
        if ordinal < tableStart {
            return -workingDaysOutsideTable(from: ordinal, to: tableStart)
        }
        if ordinal > tableEnd {
            return Int(runningCount[runningCount.count - 1]) + workingDaysOutsideTable(from: tableEnd, to: ordinal)
        }
        return Int(runningCount[ordinal - tableStart])
    }

    /// The number of working days in `[from, to)`, a span wholly before or after the table.
    ///
    /// Weekdays come from a closed formula; outside the table there are no one-off holidays,
    /// and every year has exactly 8 weekday bank holidays (substitutes see to that), so only
    /// the two part years at the ends need their holidays listed.
    private func workingDaysOutsideTable(from: Int, to: Int) -> Int {
        guard from < to else { return 0 }
        let weekdays = WorkingCalendar.weekdaysBefore(to) - WorkingCalendar.weekdaysBefore(from)
        let firstYear = Day.civilFromDays(from).year
        let lastYear = Day.civilFromDays(to - 1).year
        func holidays(ofYear year: Int) -> Int {
            WorkingCalendar.ruleHolidays(ofYear: year).count {
                let ordinal = $0.day.daysSince1970
                return ordinal >= from && ordinal < to
            }
        }
        let holidayCount = firstYear == lastYear
            ? holidays(ofYear: firstYear)
            : holidays(ofYear: firstYear) + 8 * (lastYear - firstYear - 1) + holidays(ofYear: lastYear)
        return weekdays - holidayCount
    }

    /// The signed number of Mondays to Fridays in `[1970-01-05, ordinal)` (a Monday origin).
    private static func weekdaysBefore(_ ordinal: Int) -> Int {
        let offset = ordinal - 4
        let weeks = Day.floorDiv(offset, 7)
        return weeks * 5 + min(offset - weeks * 7, 5)
    }

    // MARK: Rules

    /// The England and Wales bank holidays of `year` by rule, one-offs included, sorted.
    private static func ruleHolidays(ofYear year: Int) -> [BankHoliday] {
        var list: [BankHoliday] = []
        list.reserveCapacity(10)
        func add(_ month: Int, _ day: Int, _ name: String) {
            list.append(BankHoliday(day: Day(unchecked: year, month, day), name: name))
        }

        // New Year's Day moves to the Monday when it falls at a weekend.
        switch Day(unchecked: year, 1, 1).weekday {
        case .monday, .tuesday, .wednesday, .thursday, .friday: add(1, 1, "New Year's Day")
        case .saturday: add(1, 3, "New Year's Day (substitute day)")
        case .sunday: add(1, 2, "New Year's Day (substitute day)")
        }

        let easter = easterSunday(year)
        list.append(BankHoliday(day: easter.adding(days: -2), name: "Good Friday"))
        list.append(BankHoliday(day: easter.adding(days: 1), name: "Easter Monday"))

        // Early May: first Monday, moved to Friday 8 May for the 50th and 75th VE day anniversaries.
        switch year {
        case 1995, 2020: add(5, 8, "Early May bank holiday (VE day)")
        default:
            list.append(BankHoliday(day: firstMonday(onOrAfter: Day(unchecked: year, 5, 1)),
                                    name: "Early May bank holiday"))
        }

        // Spring: last Monday of May, moved into June for the jubilees, with an extra day.
        switch year {
        case 2002:
            add(6, 3, "Spring bank holiday")
            add(6, 4, "Golden Jubilee bank holiday")
        case 2012:
            add(6, 4, "Spring bank holiday")
            add(6, 5, "Queen's Diamond Jubilee")
        case 2022:
            add(6, 2, "Spring bank holiday")
            add(6, 3, "Platinum Jubilee bank holiday")
        default:
            list.append(BankHoliday(day: lastMonday(onOrBefore: Day(unchecked: year, 5, 31)),
                                    name: "Spring bank holiday"))
        }

        list.append(BankHoliday(day: lastMonday(onOrBefore: Day(unchecked: year, 8, 31)),
                                name: "Summer bank holiday"))

        // Christmas and Boxing Day: a weekend day moves to the next free weekday.
        switch Day(unchecked: year, 12, 25).weekday {
        case .monday, .tuesday, .wednesday, .thursday:
            add(12, 25, "Christmas Day")
            add(12, 26, "Boxing Day")
        case .friday:
            add(12, 25, "Christmas Day")
            add(12, 28, "Boxing Day (substitute day)")
        case .saturday:
            add(12, 27, "Christmas Day (substitute day)")
            add(12, 28, "Boxing Day (substitute day)")
        case .sunday:
            add(12, 26, "Boxing Day")
            add(12, 27, "Christmas Day (substitute day)")
        }

        // One-off extra days.
        switch year {
        case 1999: add(12, 31, "Millennium celebrations")
        case 2011: add(4, 29, "Royal wedding")
        case 2022: add(9, 19, "Bank holiday for the State Funeral of Queen Elizabeth II")
        case 2023: add(5, 8, "Bank holiday for the coronation of King Charles III")
        default: break
        }

        list.sort { $0.day < $1.day }
        return list
    }

    /// Easter Sunday of `year` by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm.
    private static func easterSunday(_ year: Int) -> Day {
        let a = Day.floorMod(year, 19)
        let b = Day.floorDiv(year, 100)
        let c = Day.floorMod(year, 100)
        let d = Day.floorDiv(b, 4)
        let e = Day.floorMod(b, 4)
        let f = Day.floorDiv(b + 8, 25)
        let g = Day.floorDiv(b - f + 1, 3)
        let h = Day.floorMod(19 * a + b - d - g + 15, 30)
        let i = c / 4
        let k = c % 4
        let l = Day.floorMod(32 + 2 * e + 2 * i - h - k, 7)
        let m = (a + 11 * h + 22 * l) / 451
        let n = h + l - 7 * m + 114
        return Day(unchecked: year, n / 31, n % 31 + 1)
    }

    /// The first Monday on or after `day`.
    private static func firstMonday(onOrAfter day: Day) -> Day {
        day.adding(days: (8 - day.weekday.rawValue) % 7)
    }

    /// The last Monday on or before `day`.
    private static func lastMonday(onOrBefore day: Day) -> Day {
        day.adding(days: -(day.weekday.rawValue - 1))
    }
}
