import Testing
import WSoAEngine

private func day(_ text: String) throws -> Day { try Day(parsing: text) }
/// The calendar without national pauses: the clocks' own arithmetic (months, month ends,
/// working days). The 2020–21 suspension of revisits has tests of its own below.
private let calendar: WorkingCalendar = {
    var calendar = WorkingCalendar.englandAndWales
    calendar.nationalPauses = []
    return calendar
}()

/// Builds Stockton-on-Tees's plan (inspected 4–8 Feb 2019) step by step through decide + apply.
private struct StocktonPlan {
    var plan: Plan

    init() throws {
        let created = PlanEvent.PlanCreated(
            id: "stockton-on-tees-2019", area: "Stockton-on-Tees", visit: try DayRange(parsing: "2019-02-04..2019-02-08"),
            partners: Partners(la: "Stockton-on-Tees Borough Council", health: "NHS Hartlepool and Stockton-on-Tees CCG"))
        plan = try #require(Plan.replay(Plan.decide(.create(created), on: nil)))
    }

    /// Journal lines so far (the plan was created on line 1).
    private var lines = 1

    mutating func record(_ command: PlanCommand) throws {
        for event in try Plan.decide(command, on: plan) {
            lines += 1
            plan.apply(event, line: lines)
        }
    }

    /// Letter 24 Apr 2019; received 2 May 2019 when `received`.
    mutating func letter(received: Bool = true) throws {
        try record(.publishLetter(on: day("2019-04-24"), received: received ? day("2019-05-02") : nil,
                                  statementRequired: true,
                                  weaknesses: ["Co-production, engagement and communication with parents are underdeveloped.",
                                               "The quality of EHC assessments and plans is too variable."],
                                  note: nil))
    }

    mutating func submit(_ on: String) throws { try record(.submit(on: day(on), note: nil)) }
    mutating func judge(_ on: String, fit: Bool = true) throws { try record(.judge(on: day(on), fit: fit, note: nil)) }
    mutating func visit(_ on: String) throws {
        try record(.holdMonitoringVisit(on: day(on), advisers: ["DfE SEND adviser"], attendees: [], ratings: [:], followUps: [], note: nil))
    }
    mutating func revisit(letter: String, insufficient: [String] = []) throws {
        let all = plan.weaknesses.map(\.id)
        try record(.reportRevisit(on: day(letter), visited: DayRange(parsing: "2022-07-11..2022-07-13"),
                                  sufficient: all.filter { !insufficient.contains($0) }, insufficient: insufficient,
                                  note: nil))
    }

    mutating func review(_ on: String, sufficient: [String] = [], insufficient: [String]) throws {
        try record(.holdReview(on: day(on), sufficient: sufficient, insufficient: insufficient, note: nil))
    }
    mutating func release(_ on: String, _ weaknesses: [String]) throws {
        try record(.release(on: day(on), weaknesses: weaknesses, note: nil))
    }

    func clock(_ name: ClockName, asOf: String, in calendar: WorkingCalendar = calendar) throws -> Clock {
        try #require(plan.clocks(asOf: day(asOf), calendar: calendar).first { $0.name == name })
    }

    func clocks(_ name: ClockName, asOf: String) throws -> [Clock] {
        try plan.clocks(asOf: day(asOf), calendar: calendar).filter { $0.name == name }
    }

    func names(asOf: String) throws -> [ClockName] {
        try plan.clocks(asOf: day(asOf), calendar: calendar).map(\.name)
    }
}

/// The plan's clocks (statement deadline, next monitoring visit, revisit window, APP review) on
/// Stockton's real dates, in working days where DESIGN.md §2 says so.
@Suite("Clocks")
struct ClockTests {
    // MARK: Statement

    @Test("Stockton: 70 working days from receipt on 2 May 2019 is 12 August 2019, not estimated")
    func stocktonStatementDue() throws {
        var stockton = try StocktonPlan()
        #expect(try stockton.names(asOf: "2019-03-01").isEmpty)
        try stockton.letter()
        let clock = try stockton.clock(.statement, asOf: "2019-06-01")
        #expect(clock.due == (try day("2019-08-12")))
        #expect(!clock.estimated)
        #expect(clock.state == .pending)
        #expect(clock.workingDaysLeft == 51)
        #expect(clock.met == nil)
        #expect(clock.workingDaysLate == nil)
        #expect(try stockton.names(asOf: "2019-06-01") == [.statement])
    }

    @Test("Stockton submitted on 12 August 2019: met, 0 working days late")
    func stocktonStatementMet() throws {
        var stockton = try StocktonPlan()
        try stockton.letter()
        try stockton.submit("2019-08-12")
        let clock = try stockton.clock(.statement, asOf: "2019-09-01")
        #expect(clock.state == .met)
        #expect(clock.met == (try day("2019-08-12")))
        #expect(clock.workingDaysLate == 0)
        #expect(clock.workingDaysLeft == nil)
        // A revised statement does not move the clock: the first submission met it.
        try stockton.judge("2019-09-20", fit: false)
        try stockton.submit("2019-10-01")
        #expect(try stockton.clock(.statement, asOf: "2019-10-02").met == (try day("2019-08-12")))
    }

    @Test("without a received date the clock counts from the letter and is estimated")
    func estimatedFromLetter() throws {
        var stockton = try StocktonPlan()
        try stockton.letter(received: false)
        let clock = try stockton.clock(.statement, asOf: "2019-06-01")
        #expect(clock.estimated)
        #expect(clock.due == (try day("2019-08-02")))
        #expect(clock.due == calendar.adding(workingDays: 70, to: try day("2019-04-24")))
        try stockton.submit("2019-08-12")
        let met = try stockton.clock(.statement, asOf: "2019-08-12")
        #expect(met.state == .met)
        #expect(met.estimated)
        #expect(met.workingDaysLate == 6)
    }

    @Test("statement clock states as the days pass", arguments: [
        ("2019-06-01", ClockState.pending, 51),
        ("2019-07-26", .pending, 11),
        ("2019-07-27", .pending, 11),  // Saturday: the next working day is day 1
        ("2019-07-29", .dueSoon, 10),
        ("2019-08-09", .dueSoon, 1),
        ("2019-08-12", .dueSoon, 0),
        ("2019-08-13", .overdue, -1),
        ("2019-08-27", .overdue, -10),  // Monday 26 Aug 2019 was a bank holiday
    ])
    func statementStates(asOf: String, state: ClockState, left: Int) throws {
        var stockton = try StocktonPlan()
        try stockton.letter()
        let clock = try stockton.clock(.statement, asOf: asOf)
        #expect(clock.state == state)
        #expect(clock.workingDaysLeft == left)
        #expect(clock.due == (try day("2019-08-12")))
    }

    @Test("met early or late, in working days", arguments: [
        ("2019-08-08", -2), ("2019-08-12", 0), ("2019-08-14", 2), ("2019-08-27", 10), ("2019-07-26", -11),
    ])
    func metEarlyOrLate(submitted: String, late: Int) throws {
        var stockton = try StocktonPlan()
        try stockton.letter()
        try stockton.submit(submitted)
        let clock = try stockton.clock(.statement, asOf: "2019-12-31")
        #expect(clock.state == .met)
        #expect(clock.workingDaysLate == late)
    }

    @Test("no statement clock when the letter requires no statement")
    func noStatementNoClock() throws {
        var stockton = try StocktonPlan()
        try stockton.record(.publishLetter(on: day("2019-04-24"), received: nil, statementRequired: false,
                                           weaknesses: [], note: nil))
        #expect(try stockton.names(asOf: "2019-06-01").isEmpty)
    }

    // MARK: Clock itself

    @Test("Clock's state boundaries", arguments: [
        ("2021-04-16", "2021-04-30", ClockState.dueSoon, 10),
        ("2021-04-15", "2021-04-30", .pending, 11),
        ("2021-04-30", "2021-04-30", .dueSoon, 0),
        // A Saturday: due yesterday and no working day since, but overdue counts at least one.
        ("2021-05-01", "2021-04-30", .overdue, -1),
        ("2021-05-04", "2021-04-30", .overdue, -1), // 3 May 2021 was a bank holiday
    ])
    func clockBoundaries(asOf: String, due: String, state: ClockState, left: Int) throws {
        let clock = Clock(name: .revisit, due: try day(due), met: nil, asOf: try day(asOf), calendar: calendar)
        #expect(clock.state == state)
        #expect(clock.workingDaysLeft == left)
        #expect(!clock.estimated)
        #expect(Clock.dueSoonWorkingDays == 10)
    }

    // MARK: Due on a weekend or bank holiday

    @Test("a Saturday deadline is kept by the Monday: due soon before it, due today on it, overdue after it", arguments: [
        ("2021-04-16", ClockState.dueSoon, 1),  // Friday: Monday is the one working day left, not "due today"
        ("2021-04-17", .dueSoon, 1),            // Saturday, the due date itself
        ("2021-04-18", .dueSoon, 1),            // Sunday: not yet overdue
        ("2021-04-19", .dueSoon, 0),            // Monday: due today
        ("2021-04-20", .overdue, -1),           // Tuesday: 1 working day late
        ("2021-04-24", .overdue, -4),           // the next Saturday: Tuesday to Friday
    ])
    func saturdayDeadline(asOf: String, state: ClockState, left: Int) throws {
        let clock = Clock(name: .revisit, due: try day("2021-04-17"), met: nil, asOf: try day(asOf), calendar: calendar)
        #expect(clock.state == state)
        #expect(clock.workingDaysLeft == left)
        #expect(calendar.isOverdue(due: clock.due, asOf: try day(asOf)) == (state == .overdue))
        #expect(calendar.effectiveDue(clock.due) == (try day("2021-04-19")))
    }

    @Test("a bank holiday Monday deadline is kept by the Tuesday", arguments: [
        // Summer bank holiday, Monday 26 August 2019.
        ("2019-08-26", "2019-08-23", ClockState.dueSoon, 1),
        ("2019-08-26", "2019-08-26", .dueSoon, 1),
        ("2019-08-26", "2019-08-27", .dueSoon, 0),
        ("2019-08-26", "2019-08-28", .overdue, -1),
        // Saturday 31 December 2022: Monday 2 January 2023 was the substitute New Year's Day.
        ("2022-12-31", "2022-12-30", .dueSoon, 1),
        ("2022-12-31", "2023-01-01", .dueSoon, 1),
        ("2022-12-31", "2023-01-02", .dueSoon, 1),
        ("2022-12-31", "2023-01-03", .dueSoon, 0),
        ("2022-12-31", "2023-01-04", .overdue, -1),
    ])
    func bankHolidayDeadline(due: String, asOf: String, state: ClockState, left: Int) throws {
        let clock = Clock(name: .monitoringVisit, due: try day(due), met: nil, asOf: try day(asOf), calendar: calendar)
        #expect(clock.state == state)
        #expect(clock.workingDaysLeft == left)
    }

    @Test("met against a weekend due day: counted from the next working day, the same count as the days left", arguments: [
        ("2021-04-17", "2021-04-16", -1, "1 working day early"),  // Saturday deadline met on the Friday
        ("2021-04-17", "2021-04-17", -1, "1 working day early"),  // ... on the Saturday: Monday was still to come
        ("2021-04-17", "2021-04-19", 0, "on the next working day, in time"),
        ("2021-04-17", "2021-04-20", 1, "1 working day late"),
        ("2021-04-30", "2021-04-30", 0, "on the due day"),
        ("2021-04-30", "2021-05-01", 1, "1 working day late"),   // Friday deadline met on the Saturday: never "on the due day"
        ("2021-04-30", "2021-05-04", 1, "1 working day late"),   // 3 May 2021 was a bank holiday
        ("2021-04-30", "2021-05-05", 2, "2 working days late"),
    ])
    func metAgainstWeekendDueDay(due: String, met: String, late: Int, words: String) throws {
        let clock = Clock(name: .statement, due: try day(due), met: try day(met), asOf: try day("2022-01-01"), calendar: calendar)
        #expect(clock.state == .met)
        #expect(clock.workingDaysLate == late)
        #expect(ReportText.timeliness(clock) == words)
        let unmet = Clock(name: .statement, due: try day(due), met: nil, asOf: try day(met), calendar: calendar)
        #expect(unmet.workingDaysLeft == -late)
    }

    @Test("the effective due day is the due day when it is a working day, else the next working day", arguments: [
        ("2019-08-12", "2019-08-12"), ("2019-08-10", "2019-08-12"), ("2019-08-11", "2019-08-12"),
        ("2019-08-26", "2019-08-27"), ("2019-04-19", "2019-04-23"), ("2020-12-25", "2020-12-29"),
    ])
    func effectiveDue(due: String, effective: String) throws {
        #expect(calendar.effectiveDue(try day(due)) == (try day(effective)))
        #expect(calendar.isWorkingDay(calendar.effectiveDue(try day(due))))
    }

    @Test("a met clock is met whatever the as-of day")
    func metIgnoresAsOf() throws {
        for asOf in ["2019-01-01", "2019-08-12", "2030-01-01"] {
            let clock = Clock(name: .statement, due: try day("2019-08-12"), met: try day("2019-08-12"),
                              asOf: try day(asOf), calendar: calendar)
            #expect(clock.state == .met)
            #expect(clock.workingDaysLate == 0)
            #expect(clock.workingDaysLeft == nil)
        }
    }

    // MARK: Monitoring visits

    @Test("next monitoring visit: 3 months after fit for purpose, then after the last visit")
    func monitoringVisit() throws {
        var stockton = try StocktonPlan()
        try stockton.letter()
        try stockton.submit("2019-08-12")
        #expect(try stockton.names(asOf: "2019-09-01") == [.statement])
        try stockton.judge("2019-10-17")
        #expect(try stockton.names(asOf: "2019-11-01") == [.statement, .monitoringVisit, .revisit])
        let first = try stockton.clock(.monitoringVisit, asOf: "2019-11-01")
        #expect(first.due == (try day("2020-01-17")))
        #expect(first.state == .pending)
        #expect(!first.estimated)
        #expect(try stockton.clock(.monitoringVisit, asOf: "2020-01-03").state == .dueSoon)
        #expect(try stockton.clock(.monitoringVisit, asOf: "2020-01-20").state == .overdue)

        try stockton.visit("2020-01-15")
        let second = try stockton.clock(.monitoringVisit, asOf: "2020-01-20")
        #expect(second.due == (try day("2020-04-15")))
        #expect(second.state == .pending)
        #expect(second.met == nil)
    }

    @Test("monitoring visits clamp to the end of a shorter month", arguments: [
        ("2019-11-30", "2020-02-29"),  // leap year
        ("2021-11-30", "2022-02-28"),
        ("2020-05-31", "2020-08-31"),
        ("2020-08-31", "2020-11-30"),
    ])
    func monthEndClamping(visited: String, due: String) throws {
        var stockton = try StocktonPlan()
        try stockton.letter()
        try stockton.submit("2019-08-12")
        try stockton.judge("2019-10-17")
        try stockton.visit(visited)
        #expect(try stockton.clock(.monitoringVisit, asOf: visited).due == (try day(due)))
    }

    @Test("fit for purpose at a month end clamps too")
    func fitAtMonthEnd() throws {
        var stockton = try StocktonPlan()
        try stockton.letter()
        try stockton.submit("2019-08-12")
        try stockton.judge("2019-11-30")
        #expect(try stockton.clock(.monitoringVisit, asOf: "2019-12-01").due == (try day("2020-02-29")))
        #expect(try stockton.clock(.revisit, asOf: "2019-12-01").due == (try day("2021-05-30")))
    }

    // MARK: Revisit

    @Test("revisit expected 18 months after fit for purpose; met when it starts")
    func revisitClock() throws {
        var stockton = try StocktonPlan()
        try stockton.letter()
        try stockton.submit("2019-08-12")
        try stockton.judge("2019-10-17")
        let expected = try stockton.clock(.revisit, asOf: "2020-03-16")
        #expect(expected.due == (try day("2021-04-17")))
        #expect(expected.state == .pending)
        // Revisits were suspended 17 Mar 2020 – Apr 2021: Stockton's came in July 2022.
        #expect(try stockton.clock(.revisit, asOf: "2022-01-04").state == .overdue)
        try stockton.visit("2022-04-20")
        try stockton.revisit(letter: "2022-09-26")
        let met = try stockton.clock(.revisit, asOf: "2022-10-01")
        #expect(met.state == .met)
        #expect(met.met == (try day("2022-07-11")))
        // Due Saturday 17 April 2021, so counted from Monday 19 April.
        #expect(met.workingDaysLate == calendar.workingDays(from: try day("2021-04-19"), to: try day("2022-07-11")))
        #expect(met.workingDaysLate == 309)
        // All sufficient: no APP review, no further monitoring visit.
        #expect(try stockton.names(asOf: "2022-10-01") == [.statement, .revisit])
    }

    // MARK: APP review

    @Test("APP formal review 6 months after a mixed revisit letter")
    func appReview() throws {
        var stockton = try StocktonPlan()
        try stockton.letter()
        try stockton.submit("2019-08-12")
        try stockton.judge("2019-10-17")
        try stockton.visit("2022-04-20")
        try stockton.revisit(letter: "2022-09-26", insufficient: ["W2"])
        #expect(stockton.plan.phase == .acceleratedProgress)
        #expect(try stockton.names(asOf: "2022-10-01") == [.statement, .monitoringVisit, .revisit, .appReview])
        let review = try stockton.clock(.appReview, asOf: "2022-10-01")
        #expect(review.due == (try day("2023-03-26")))
        #expect(review.state == .pending)
        // Due Sunday 26 March 2023: due today on the Monday, overdue from the Tuesday.
        #expect(try stockton.clock(.appReview, asOf: "2023-03-27").state == .dueSoon)
        #expect(try stockton.clock(.appReview, asOf: "2023-03-27").workingDaysLeft == 0)
        #expect(try stockton.clock(.appReview, asOf: "2023-03-28").state == .overdue)
        // Monitoring visits continue in the APP, quarterly from the revisit letter (not from the
        // last visit before it, which would make the new plan overdue on its first day).
        #expect(try stockton.clock(.monitoringVisit, asOf: "2022-10-01").due == (try day("2022-12-26")))

        // A monitoring visit is not the formal review: the clock stays open.
        try stockton.visit("2023-01-10")
        #expect(try stockton.clock(.appReview, asOf: "2023-01-11").state == .pending)
        try stockton.review("2023-01-16", insufficient: ["W2"])
        let reviews = try stockton.clocks(.appReview, asOf: "2023-02-01")
        #expect(reviews.count == 2)
        let met = reviews[0]
        #expect(met.state == .met)
        #expect(met.met == (try day("2023-01-16")))
        #expect(met.workingDaysLate == -50)  // to Monday 27 March, the first working day on or after the due day
        // W2 is still in the APP: the next review is due 6 months after the first was due.
        #expect(reviews[1].due == (try day("2023-09-26")) && reviews[1].state == .pending)
        #expect(try stockton.clock(.monitoringVisit, asOf: "2023-02-01").due == (try day("2023-04-10")))
    }

    @Test("once no weakness is left in the APP, no further review is due; releasing the last closes the plan")
    func appReviewEndsWithTheAPP() throws {
        var stockton = try StocktonPlan()
        try stockton.letter()
        try stockton.submit("2019-08-12")
        try stockton.judge("2019-10-17")
        try stockton.revisit(letter: "2022-09-26", insufficient: ["W2"])
        try stockton.review("2023-03-20", sufficient: ["W2"], insufficient: [])
        #expect(try stockton.clocks(.appReview, asOf: "2023-12-01").map(\.state) == [.met])
        // Judged sufficient, W2 is still monitored until DfE/NHS England release it.
        #expect(stockton.plan.weaknesses.map(\.monitored) == [true, true])
        try stockton.release("2023-04-03", ["W1"])
        #expect(stockton.plan.phase == .acceleratedProgress)
        try stockton.release("2023-05-02", ["W2"])
        #expect(stockton.plan.phase == .closed)
        #expect(stockton.plan.weaknesses.map { $0.released?.on } == [try day("2023-04-03"), try day("2023-05-02")])
    }

    @Test("a late review moves the next one: 6 months after the review, not after the day it was due")
    func lateReviewMovesTheNext() throws {
        var stockton = try StocktonPlan()
        try stockton.letter()
        try stockton.submit("2019-08-12")
        try stockton.judge("2019-10-17")
        try stockton.revisit(letter: "2022-09-26", insufficient: ["W2"])
        try stockton.review("2023-05-10", insufficient: ["W2"])
        let reviews = try stockton.clocks(.appReview, asOf: "2023-06-01")
        #expect(reviews.map(\.due) == [try day("2023-03-26"), try day("2023-11-10")])
        #expect(reviews[0].workingDaysLate == calendar.workingDays(from: try day("2023-03-27"), to: try day("2023-05-10")))
    }

    // MARK: National pauses

    @Test("the revisit clock is extended by the national suspension it overlapped, and says so")
    func revisitClockPausedNationally() throws {
        var stockton = try StocktonPlan()
        try stockton.letter()
        try stockton.submit("2019-08-12")
        try stockton.judge("2019-10-17")
        let real = WorkingCalendar.englandAndWales
        let clock = try stockton.clock(.revisit, asOf: "2020-03-16", in: real)
        // 17 Apr 2021 plus the 380 days from 17 Mar 2020 to 31 Mar 2021.
        #expect(clock.due == (try day("2022-05-02")))
        #expect(clock.pauses.map(\.days) == [380])
        #expect(clock.pauses.first?.description == "paused nationally 17 Mar 2020 – 31 Mar 2021, revisits suspended for COVID-19: 380 days added")
        try stockton.visit("2022-04-20")
        try stockton.revisit(letter: "2022-09-26")
        let met = try stockton.clock(.revisit, asOf: "2022-10-01", in: real)
        // Stockton's revisit in July 2022 was 48 working days late, not 309.
        #expect(met.workingDaysLate == real.workingDays(from: try day("2022-05-03"), to: try day("2022-07-11")))
    }

    @Test("a clock that starts inside the pause counts only from the day revisits resumed")
    func clockStartingInsideThePause() throws {
        var stockton = try StocktonPlan()
        try stockton.letter()
        try stockton.submit("2019-08-12")
        try stockton.judge("2020-06-15")
        let clock = try stockton.clock(.revisit, asOf: "2020-07-01", in: WorkingCalendar.englandAndWales)
        // 18 months from 1 April 2021, the first day not paused: 15 Dec 2021 + 290 paused days.
        #expect(clock.due == (try day("2022-10-01")))
        #expect(clock.pauses.map(\.days) == [290])
    }

    @Test("a clock after the pause, or one a pause does not apply to, is not extended")
    func pauseAppliesOnlyWhereItSays() throws {
        var stockton = try StocktonPlan()
        try stockton.letter()
        try stockton.submit("2021-05-12")
        try stockton.judge("2021-06-15")
        let clock = try stockton.clock(.revisit, asOf: "2021-07-01", in: WorkingCalendar.englandAndWales)
        #expect(clock.due == (try day("2022-12-15")) && clock.pauses.isEmpty)
        #expect(try stockton.clock(.monitoringVisit, asOf: "2021-07-01", in: WorkingCalendar.englandAndWales).pauses.isEmpty)
    }

    @Test("the next pause is one more entry in the data, and a clock running into both is extended by both")
    func twoPauses() throws {
        var stockton = try StocktonPlan()
        try stockton.letter()
        try stockton.submit("2019-08-12")
        try stockton.judge("2019-10-17")
        var calendar = WorkingCalendar.englandAndWales
        calendar.nationalPauses.append(NationalPause(from: try day("2022-01-01"), resumed: try day("2022-01-11"), clocks: [.revisit],
                                                     what: "a test pause", source: "this test"))
        let clock = try stockton.clock(.revisit, asOf: "2020-03-16", in: calendar)
        #expect(clock.due == (try day("2022-05-12")))
        #expect(clock.pauses.map(\.days) == [380, 10])
    }

    @Test("APP review clamps at month end: a letter on 31 August is reviewed by 28 February")
    func appReviewMonthEnd() throws {
        var stockton = try StocktonPlan()
        try stockton.letter()
        try stockton.submit("2019-08-12")
        try stockton.judge("2019-10-17")
        try stockton.revisit(letter: "2022-08-31", insufficient: ["W1", "W2"])
        #expect(try stockton.clock(.appReview, asOf: "2022-09-01").due == (try day("2023-02-28")))
    }
}
