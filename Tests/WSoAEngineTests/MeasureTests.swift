import Testing
import WSoAEngine

/// Derived values of measures and actions: trend, on track, target met, overdue.
@Suite struct MeasureTests {
    static func day(_ text: String) -> Day { try! Day(parsing: text) }

    /// A plan of one measure `M1` with `readings` recorded in the order given, folded as a
    /// journal folds (the plan is only ever changed by its events).
    static func measure(_ direction: MeasureDirection, baseline: Double, target: Double,
                        readings: [(String, Double)]) -> Measure {
        var plan = Plan(created: .init(id: "p", area: "P", visit: try! DayRange(parsing: "2021-12-01..2021-12-03")))
        plan.apply(.measureAdded(.init(on: day("2022-01-01"), id: "M1", workstream: "w", title: "T", unit: "%", direction: direction,
                                       baseline: Reading(on: day("2022-01-01"), value: baseline),
                                       target: Reading(on: day("2023-01-01"), value: target))), line: 2)
        for (offset, (on, value)) in readings.enumerated() {
            plan.apply(.measureRecorded(.init(on: day(on), id: "M1", value: value)), line: offset + 3)
        }
        return plan.measures[0]
    }

    @Test(arguments: [
        (MeasureDirection.higherIsBetter, [("2022-07-01", 50.0), ("2022-08-01", 55.0)], MeasureTrend.improving),
        (.higherIsBetter, [("2022-07-01", 50.0), ("2022-08-01", 45.0)], .worsening),
        (.higherIsBetter, [("2022-07-01", 50.0), ("2022-08-01", 50.0)], .flat),
        (.lowerIsBetter, [("2022-07-01", 50.0), ("2022-08-01", 45.0)], .improving),
        (.lowerIsBetter, [("2022-07-01", 50.0), ("2022-08-01", 55.0)], .worsening),
    ])
    func trendFollowsDirection(_ direction: MeasureDirection, _ readings: [(String, Double)], _ trend: MeasureTrend) {
        #expect(Self.measure(direction, baseline: 40, target: 60, readings: readings).trend == trend)
    }

    @Test func firstReadingIsComparedWithTheBaseline() {
        #expect(Self.measure(.higherIsBetter, baseline: 40, target: 60, readings: [("2022-03-01", 39)]).trend == .worsening)
        #expect(Self.measure(.higherIsBetter, baseline: 40, target: 60, readings: []).trend == nil)
        #expect(Self.measure(.higherIsBetter, baseline: 40, target: 60, readings: []).onTrack == nil)
    }

    @Test func onTrackAgainstTheStraightLine() {
        // 2022-07-02 is day 182 of 365: the line expects 40 + 20 × 182/365 ≈ 49.97.
        #expect(Self.measure(.higherIsBetter, baseline: 40, target: 60, readings: [("2022-07-02", 50)]).onTrack == true)
        #expect(Self.measure(.higherIsBetter, baseline: 40, target: 60, readings: [("2022-07-02", 49.9)]).onTrack == false)
        // Lower is better: 30 → 10, expecting 30 − 20 × 182/365 ≈ 20.03.
        #expect(Self.measure(.lowerIsBetter, baseline: 30, target: 10, readings: [("2022-07-02", 20)]).onTrack == true)
        #expect(Self.measure(.lowerIsBetter, baseline: 30, target: 10, readings: [("2022-07-02", 21)]).onTrack == false)
        // After the target date the line stays at the target.
        #expect(Self.measure(.higherIsBetter, baseline: 40, target: 60, readings: [("2023-06-01", 59)]).onTrack == false)
        #expect(Self.measure(.higherIsBetter, baseline: 40, target: 60, readings: [("2023-06-01", 61)]).targetMet)
    }

    @Test func readingsStayInDateOrderAndASameDayReadingReplaces() {
        let measure = Self.measure(.higherIsBetter, baseline: 40, target: 60,
                                   readings: [("2022-05-01", 45), ("2022-03-01", 42), ("2022-05-01", 47)])
        #expect(measure.readings.map(\.value) == [42, 47])
        #expect(measure.latest.value == 47)
    }

    @Test func actionsAreOverdueAfterTheirCurrentDueDateUnlessComplete() {
        let calendar = WorkingCalendar.englandAndWales
        // Friday 31 March 2023: overdue from the Saturday.
        let action = ActionItem(id: "A1", workstream: "w", title: "T", lead: nil, added: Self.day("2023-01-31"), due: Self.day("2023-03-31"))
        #expect(!action.isOverdue(asOf: Self.day("2023-03-31"), calendar: calendar))
        #expect(action.isOverdue(asOf: Self.day("2023-04-01"), calendar: calendar))
        #expect(action.workingDaysLate(asOf: Self.day("2023-04-01"), calendar: calendar) == 1)
        // Easter 2023: Good Friday 7 April and Easter Monday 10 April are not counted.
        #expect(action.workingDaysLate(asOf: Self.day("2023-04-10"), calendar: calendar) == 4)
        // Completed through its event, as a journal records it.
        var plan = Plan(created: .init(id: "p", area: "P", visit: try! DayRange(parsing: "2021-12-01..2021-12-03")))
        plan.apply(.actionAdded(.init(on: Self.day("2022-01-01"), id: "A1", workstream: "w", title: "T", due: Self.day("2023-03-31"))),
                   line: 2)
        plan.apply(.actionUpdated(.init(on: Self.day("2023-04-05"), id: "A1", status: .complete)), line: 3)
        let done = try! #require(plan.action("A1"))
        #expect(done.completed == Self.day("2023-04-05"))
        #expect(done.lastReported == Self.day("2023-04-05"))
        #expect(!done.isOverdue(asOf: Self.day("2024-01-01"), calendar: calendar))
        #expect(done.workingDaysLate(asOf: Self.day("2024-01-01"), calendar: calendar) == 0)
    }
}
