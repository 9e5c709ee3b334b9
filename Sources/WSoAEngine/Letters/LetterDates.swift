/// Reads the dates and date ranges that letters write in words ("26 February 2018",
/// "Between 11 and 13 July 2022", "from 30 January to 3 February 2017").
///
/// Dates are read by hand from a month-name table, never with a date formatter, so the result
/// cannot depend on the machine's locale or time zone. Text is first cut into tokens (numbers,
/// words, dashes, punctuation); every pattern then looks only a few tokens ahead, so scanning a
/// paragraph is linear in its length.
enum LetterDates {
    /// One piece of date-bearing text.
    enum Token: Hashable, Sendable {
        /// A run of ASCII digits (with any ordinal suffix such as "th" dropped); `value` is -1
        /// when the run is too long to be a date part.
        case number(value: Int, digits: Int)
        /// A run of letters, lower-cased.
        case word(String)
        /// A hyphen or any dash between numbers.
        case dash
        /// A comma.
        case comma
        /// A slash.
        case slash
        /// A full stop.
        case dot
        /// Any other punctuation.
        case other
    }

    /// A date range found in prose, with how much of it had to be inferred.
    struct RangeMatch: Hashable, Sendable {
        /// The range read.
        var range: DayRange
        /// Whether the first date's year was taken from the second date (always safe when the
        /// letter writes "Between 30 December and 3 January 2020"; noted for the record).
        var yearInferred: Bool
    }

    // MARK: Tokens

    /// Cuts `text` into tokens, stopping after `limit` of them.
    static func tokens<S: StringProtocol>(_ text: S, limit: Int = Int.max) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count, tokens.count < limit {
            let scalar = scalars[i]
            if ("0"..."9").contains(scalar) {
                var value = 0
                let start = i
                while i < scalars.count, ("0"..."9").contains(scalars[i]) {
                    if i - start < 9 { value = value * 10 + Int(scalars[i].value - 48) }
                    i += 1
                }
                let digits = i - start
                // An ordinal suffix written onto the number: 26th, 1st, 2nd, 3rd.
                if i + 1 < scalars.count {
                    let suffix = String(String.UnicodeScalarView(scalars[i...(i + 1)])).lowercased()
                    let after = i + 2 < scalars.count ? scalars[i + 2] : " "
                    if ["st", "nd", "rd", "th"].contains(suffix), !after.properties.isAlphabetic { i += 2 }
                }
                tokens.append(.number(value: digits > 9 ? -1 : value, digits: digits))
            } else if scalar.properties.isAlphabetic {
                var word = String.UnicodeScalarView()
                while i < scalars.count, scalars[i].properties.isAlphabetic
                    || ((scalars[i] == "'" || scalars[i] == "’") && i + 1 < scalars.count
                        && scalars[i + 1].properties.isAlphabetic) {
                    if word.count < 40 { word.append(scalars[i]) }
                    i += 1
                }
                tokens.append(.word(String(word).lowercased()))
            } else {
                switch scalar {
                case "-", "–", "—", "‐", "‑", "−": tokens.append(.dash)
                case ",": tokens.append(.comma)
                case "/": tokens.append(.slash)
                case ".": tokens.append(.dot)
                case " ": break
                default: tokens.append(.other)
                }
                i += 1
            }
        }
        return tokens
    }

    /// The month number of an English month name or its usual abbreviation.
    static func month(_ word: String) -> Int? {
        switch word {
        case "january", "jan": return 1
        case "february", "feb": return 2
        case "march", "mar": return 3
        case "april", "apr": return 4
        case "may": return 5
        case "june", "jun": return 6
        case "july", "jul": return 7
        case "august", "aug": return 8
        case "september", "sep", "sept": return 9
        case "october", "oct": return 10
        case "november", "nov": return 11
        case "december", "dec": return 12
        default: return nil
        }
    }

    /// Weekday names that may stand before a date ("Monday 26 September 2022").
    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]

    // MARK: Single dates

    /// A complete date (day, month and year) starting at token `i`, and the index after it.
    ///
    /// Reads "26 September 2022", "26th of September, 2022", "Monday, 26 Sept. 2022",
    /// "September 26, 2022", "26/09/2022" (day first, as UK letters write it) and "2022-09-26".
    static func fullDate(_ t: [Token], _ start: Int) -> (day: Day, next: Int)? {
        var i = start
        if case let .word(word)? = t[safe: i], weekdays.contains(word) {
            i += 1
            if t[safe: i] == .comma { i += 1 }
        }
        if let (dayNumber, month, after) = dayMonth(t, i) {
            var k = after
            if t[safe: k] == .comma { k += 1 }
            if case let .number(year, 4)? = t[safe: k], let day = Day(year: year, month: month, day: dayNumber) {
                return (day, k + 1)
            }
            return nil
        }
        if case let .word(word)? = t[safe: i], let month = month(word) {
            var k = i + 1
            if t[safe: k] == .dot { k += 1 }
            guard case let .number(dayNumber, digits)? = t[safe: k], digits <= 2 else { return nil }
            k += 1
            if t[safe: k] == .comma { k += 1 }
            if case let .number(year, 4)? = t[safe: k], let day = Day(year: year, month: month, day: dayNumber) {
                return (day, k + 1)
            }
            return nil
        }
        // Numeric forms: d/m/yyyy, d.m.yyyy, yyyy-mm-dd.
        guard case let .number(a, aDigits)? = t[safe: i], let separator = t[safe: i + 1],
              [Token.slash, .dot, .dash].contains(separator), t[safe: i + 3] == separator,
              case let .number(b, bDigits)? = t[safe: i + 2], case let .number(c, cDigits)? = t[safe: i + 4],
              bDigits <= 2 else { return nil }
        if aDigits == 4, cDigits <= 2, separator == .dash, let day = Day(year: a, month: b, day: c) {
            return (day, i + 5)
        }
        if aDigits <= 2, cDigits == 4, separator != .dash, let day = Day(year: c, month: b, day: a) {
            return (day, i + 5)
        }
        return nil
    }

    /// A day and month without the year ("30 January", "30th of January") at `i`.
    static func dayMonth(_ t: [Token], _ i: Int) -> (day: Int, month: Int, next: Int)? {
        guard case let .number(day, digits)? = t[safe: i], digits <= 2, (1...31).contains(day) else { return nil }
        var k = i + 1
        if case let .word(word)? = t[safe: k], ["st", "nd", "rd", "th"].contains(word) { k += 1 }
        if t[safe: k] == .word("of") { k += 1 }
        guard case let .word(word)? = t[safe: k], let month = month(word) else { return nil }
        k += 1
        if t[safe: k] == .dot { k += 1 }
        return (day, month, k)
    }

    /// The first complete date among the first `window` tokens of `text`.
    static func firstDate<S: StringProtocol>(in text: S, window: Int = 14) -> Day? {
        let t = tokens(text, limit: window + 8)
        for i in 0..<min(window, t.count) {
            if let found = fullDate(t, i) { return found.day }
        }
        return nil
    }

    /// The date a line holds when the line is nothing but a date (a letter's date line),
    /// optionally after "Date:".
    static func standaloneDate(_ line: String) -> Day? {
        guard line.utf8.count <= 60 else { return nil }
        var t = tokens(line)
        if t.first == .word("date") {
            t.removeFirst()
            if t.first == .other { t.removeFirst() }
        }
        while let last = t.last, last == .dot || last == .comma { t.removeLast() }
        guard let found = fullDate(t, 0), found.next == t.count else { return nil }
        return found.day
    }

    // MARK: Ranges

    /// The first date range in `text`, in any of the ways letters write one.
    ///
    /// "Between 26 February 2018 and 8 March 2018", "Between 11 and 13 July 2022",
    /// "From 11 to 15 July 2016", "from 30 January to 3 February 2017", "11–15 July 2016",
    /// "30 December 2019 to 2 January 2020". The second date must be complete; the first may
    /// leave out what it shares with the second. "X and Y" needs "between" in front, because
    /// "on 11 and 13 July" names two separate days, not a range.
    static func firstRange<S: StringProtocol>(in text: S) -> RangeMatch? {
        let t = tokens(text)
        for i in t.indices {
            if let match = range(t, i) { return match }
        }
        return nil
    }

    /// The range starting at token `start`, if one does.
    static func range(_ t: [Token], _ start: Int) -> RangeMatch? {
        var i = start
        var introduced = false
        if case let .word(word)? = t[safe: i], word == "between" || word == "from" {
            introduced = true
            i += 1
        }
        enum First { case full(Day), dayMonth(Int, Int), day(Int) }
        let first: First
        if let found = fullDate(t, i) {
            first = .full(found.day)
            i = found.next
        } else if let found = dayMonth(t, i) {
            first = .dayMonth(found.day, found.month)
            i = found.next
        } else if case let .number(day, digits)? = t[safe: i], digits <= 2, (1...31).contains(day) {
            first = .day(day)
            i += 1
        } else {
            return nil
        }
        guard let connector = t[safe: i] else { return nil }
        switch connector {
        case .dash:
            break
        case let .word(word):
            guard ["to", "until", "till", "through", "thru"].contains(word) || (word == "and" && introduced) else { return nil }
        case .number, .comma, .slash, .dot, .other:
            return nil
        }
        guard let second = fullDate(t, i + 1) else { return nil }
        let end = second.day
        let startDay: Day?
        var inferred = false
        switch first {
        case let .full(day):
            startDay = day
        case let .dayMonth(day, month):
            inferred = true
            startDay = Day(year: month > end.month ? end.year - 1 : end.year, month: month, day: day)
        case let .day(day):
            inferred = true
            startDay = day <= end.day ? Day(year: end.year, month: end.month, day: day) : nil
        }
        guard let begin = startDay, let range = try? DayRange(start: begin, end: end) else { return nil }
        return RangeMatch(range: range, yearInferred: inferred)
    }
}

fileprivate extension Array {
    /// The element at `index`, or nil when it is out of bounds (letters end at any point).
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
