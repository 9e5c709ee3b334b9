import Testing
import WSoAEngine

/// Deadlines on a weekend or bank holiday, as `status` and `deadlines` show them: kept by the
/// next working day, and late in working days with the due date beside the count.
@Suite struct WeekendDeadlineTests {
    /// A plan judged fit for purpose on Friday 19 March 2021, so its next monitoring visit is due
    /// on Saturday 19 June 2021; A1 is due that Saturday too, and A2 on the spring bank holiday,
    /// Monday 31 May 2021.
    static func recordPlan(_ wsoa: InProcess) {
        let steps: [[String]] = [
            ["init"],
            ["new", "weekend", "--area", "Weekend", "--inspected", "2020-09-07..2020-09-11"],
            ["advance", "weekend", "letter", "--on", "2020-10-20", "--received", "2020-10-20", "--wsoa", "--weakness", "A weakness."],
            ["workstream", "add", "weekend", "ws", "--title", "Local offer", "--addresses", "W1", "--on", "2020-10-21"],
            ["action", "add", "weekend", "--workstream", "ws", "--title", "Publish the local offer", "--due", "2021-06-19", "--on", "2020-10-21"],
            ["action", "add", "weekend", "--workstream", "ws", "--title", "Train SENCOs", "--due", "2021-05-31", "--on", "2020-10-21"],
            ["advance", "weekend", "submit", "--on", "2021-01-29"],
            ["advance", "weekend", "judge", "--on", "2021-03-19", "--fit"],
        ]
        for step in steps { wsoa.succeed(step) }
    }

    /// (as of, the monitoring visit's state text, A1's line under "Overdue actions" or nil).
    static let saturday: [(String, String, String?)] = [
        ("2021-06-18", "DUE SOON: 1 working day left", nil),  // Friday: not "due today"
        ("2021-06-19", "DUE SOON: 1 working day left", nil),  // Saturday, the due date
        ("2021-06-20", "DUE SOON: 1 working day left", nil),  // Sunday: not overdue
        ("2021-06-21", "DUE SOON: due today", nil),           // Monday
        ("2021-06-22", "OVERDUE by 1 working day",
         "  A1  due 19 June 2021, 1 working day late [ws, not started] — Publish the local offer"),
        ("2021-06-28", "OVERDUE by 5 working days",
         "  A1  due 19 June 2021, 5 working days late [ws, not started] — Publish the local offer"),
    ]

    @Test("status: a Saturday deadline seen from the Friday to the Tuesday after", arguments: saturday)
    func statusAroundASaturday(asOf: String, clock: String, action: String?) throws {
        let wsoa = try InProcess()
        Self.recordPlan(wsoa)
        let text = wsoa.succeed(["status", "weekend", "--as-of", asOf]).stdout
        #expect(text.contains("  next monitoring visit  due 19 June 2021 — \(clock)\n"))
        // A2 (due on the bank holiday) is overdue on all these days; A1 is the one that turns.
        let overdueActions = text.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0 != "Overdue actions" }.dropFirst().prefix { !$0.isEmpty }.map(String.init)
        #expect(overdueActions.filter { $0.hasPrefix("  A1 ") } == (action.map { [$0] } ?? []))

        let json = try JSONReader.parse(wsoa.succeed(["status", "weekend", "--as-of", asOf, "--json"]).stdout)
        let a1 = try #require(json["actions"]?.arrayValue?.first)
        #expect(a1["overdue"]?.boolValue == (action != nil))
        // Lateness has one unit, working days, in JSON as in text.
        #expect(a1["daysLate"] == nil)
        #expect(a1["workingDaysLate"]?.intValue == (action == nil ? 0 : (asOf == "2021-06-22" ? 1 : 5)))
    }

    @Test("deadlines: a bank holiday Monday deadline is due today on the Tuesday and overdue from the Wednesday", arguments: [
        ("2021-05-28", "DUE SOON: 1 working day left", 1),
        ("2021-05-31", "DUE SOON: 1 working day left", 1),
        ("2021-06-01", "DUE SOON: due today", 0),
        ("2021-06-02", "OVERDUE by 1 working day", -1),
    ])
    func deadlinesAroundABankHoliday(asOf: String, state: String, left: Int) throws {
        let wsoa = try InProcess()
        Self.recordPlan(wsoa)
        let text = wsoa.succeed(["deadlines", "--as-of", asOf]).stdout
        let row = try #require(text.split(separator: "\n").first { $0.hasSuffix("A2 Train SENCOs") })
        #expect(row.hasPrefix("2021-05-31  \(state) "))
        let json = try JSONReader.parse(wsoa.succeed(["deadlines", "--as-of", asOf, "--json"]).stdout)
        let a2 = try #require(json.arrayValue?.first { $0["action"]?.stringValue == "A2" })
        #expect(a2["workingDaysLeft"]?.intValue == Int64(left))
        #expect(a2["state"]?.stringValue == (left < 0 ? "overdue" : "dueSoon"))
    }
}
