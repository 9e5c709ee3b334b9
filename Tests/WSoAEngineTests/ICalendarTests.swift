import Testing
@testable import WSoAEngine

/// Deadlines as iCalendar: all-day events with stable UIDs, escaped text, lines folded at 75
/// octets with CRLF, and a reminder 5 working days before.
@Suite struct ICalendarTests {
    static func day(_ text: String) -> Day { try! Day(parsing: text) }

    /// The open deadlines of a random 2016 plan and of the Oxfordshire-like 2023 plan of the clock tests.
    static func deadlines(asOf: String = "2024-06-03") throws -> [Deadline] {
        let plans = [Plan.replay(TestJournals.randomEvents(seed: 4_242, steps: 400))!, try AreaSENDClockTests.plan()]
        return Deadline.open(in: plans, asOf: day(asOf), within: nil, calendar: .englandAndWales)
    }

    @Test func everyLineEndsInCRLFAndIsAtMost75Octets() throws {
        let ics = ICalendar.document(try Self.deadlines(), asOf: Self.day("2024-06-03"), calendar: .englandAndWales)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && ics.hasSuffix("END:VCALENDAR\r\n"))
        let lines = ics.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
        for line in lines {
            #expect(line.last == UInt8(ascii: "\r"), "a line does not end in CRLF")
            #expect(line.count - 1 <= 75, "a line of \(line.count - 1) octets")
        }
        #expect(String(decoding: ICalendar.folded(String(repeating: "é", count: 60)).utf8, as: UTF8.self).split(separator: "\r\n")
            .allSatisfy { $0.utf8.count <= 75 })
    }

    @Test func eachDeadlineIsOneAllDayEventWithAStableUniqueUIDAndAReminder() throws {
        let deadlines = try Self.deadlines()
        #expect(!deadlines.isEmpty)
        let ics = ICalendar.document(deadlines, asOf: Self.day("2024-06-03"), calendar: .englandAndWales)
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        let uids = unfolded.split(separator: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(uids.count == deadlines.count && Set(uids).count == uids.count)
        #expect(unfolded.components(separatedBy: "BEGIN:VALARM").count - 1 == deadlines.count)
        // The same deadlines on another day: the same UIDs, so a calendar updates its events.
        let later = ICalendar.document(try Self.deadlines(asOf: "2024-06-10"), asOf: Self.day("2024-06-10"), calendar: .englandAndWales)
        let laterUIDs = Set(later.replacingOccurrences(of: "\r\n ", with: "").split(separator: "\r\n").filter { $0.hasPrefix("UID:") })
        #expect(!laterUIDs.intersection(uids).isEmpty)
        #expect(unfolded.contains("UID:newshire-2024.strategicPlan@wsoa"))
        #expect(unfolded.contains("Where the date comes from: default: 30 working days from receipt of the final report"))
    }

    @Test func theReminderIsFiveWorkingDaysBeforeTheDueDay() throws {
        // Strategic plan due Friday 20 October 2023: five working days before is Friday 13 October.
        let plan = try AreaSENDClockTests.plan()
        let deadlines = Deadline.open(in: [plan], asOf: Self.day("2023-09-20"), within: nil, calendar: .englandAndWales)
        let ics = ICalendar.document(deadlines, asOf: Self.day("2023-09-20"), calendar: .englandAndWales)
        #expect(ics.contains("DTSTART;VALUE=DATE:20231020\r\nDTEND;VALUE=DATE:20231021\r\n"))
        #expect(ics.contains("TRIGGER;VALUE=DATE-TIME:20231013T090000Z\r\n"))
    }

    @Test(arguments: [("a;b,c\\d", "a\\;b\\,c\\\\d"), ("two\nlines", "two\\nlines"), ("cr\r\nlf", "cr\\nlf"), ("bell\u{7}esc\u{1B}", "bell esc ")])
    func textIsEscaped(text: String, escaped: String) {
        #expect(ICalendar.escaped(text) == escaped)
    }
}
