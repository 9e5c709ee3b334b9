import Testing
@testable import WSoAEngine

/// The 2023 framework's clocks: documented defaults marked estimated with their source,
/// replaced by the date the partnership was given; the monitoring inspection stopped by the
/// national pause of 2024–25; each met by its step.
@Suite("Area SEND clocks (2023)")
struct AreaSENDClockTests {
    static func day(_ text: String) -> Day { AreaSENDLifecycleTests.day(text) }
    static let calendar = WorkingCalendar.englandAndWales

    static func plan(_ outcome: InspectionOutcome = .widespreadSystemic, received: String? = "2023-09-08",
                     then commands: [PlanCommand] = []) throws -> Plan {
        var plan = try AreaSENDLifecycleTests.inspected(start: "2023-07-17", end: "2023-07-21")
        try AreaSENDLifecycleTests.record(AreaSENDLifecycleTests.report(outcome, on: "2023-09-15", received: received), in: &plan)
        for command in commands { try AreaSENDLifecycleTests.record(command, in: &plan) }
        return plan
    }

    static func clock(_ name: ClockName, _ plan: Plan, asOf: String = "2023-09-20") -> Clock? {
        plan.clocks(asOf: day(asOf), calendar: calendar).first { $0.name == name }
    }

    @Test("the third outcome runs four clocks from receipt of the final report, each an estimate with its source")
    func systemicDefaults() throws {
        let plan = try Self.plan()
        #expect(plan.clocks(asOf: Self.day("2023-09-20"), calendar: Self.calendar).map(\.name)
                == [.strategicPlan, .priorityActionPlan, .monitoringInspection, .nextInspection])
        let strategic = try #require(Self.clock(.strategicPlan, plan))
        #expect(strategic.due == Self.day("2023-10-20"))  // 30 working days after Friday 8 September
        #expect(strategic.estimated && strategic.basis?.hasPrefix("default: 30 working days from receipt of the final report") == true)
        #expect(Self.clock(.priorityActionPlan, plan)?.due == Self.day("2023-10-20"))
        #expect(Self.clock(.nextInspection, plan)?.due == Self.day("2026-09-08"))
        #expect(Self.clock(.nextInspection, plan)?.basis?.contains("3 years") == true)
    }

    @Test("the monitoring inspection clock stops for the national pause of monitoring inspections, and says so")
    func monitoringInspectionPaused() throws {
        let paused = try #require(Self.clock(.monitoringInspection, try Self.plan()))
        // 18 months after 8 September 2023 is 8 March 2025, inside the pause (3 September 2024 to 5 June 2025): 276 days more.
        #expect(paused.due == Self.day("2025-12-09"))
        #expect(paused.pauses.map(\.days) == [276])
        #expect(paused.pauses.first?.description == "paused nationally 3 Sep 2024 – 5 Jun 2025, area SEND monitoring inspections held off pending Ofsted's review: 276 days added")
        var later = try AreaSENDLifecycleTests.inspected(start: "2025-06-09", end: "2025-06-13")
        try AreaSENDLifecycleTests.record(AreaSENDLifecycleTests.report(on: "2025-07-25", received: "2025-07-18"), in: &later)
        let unpaused = try #require(Self.clock(.monitoringInspection, later, asOf: "2025-08-01"))
        #expect(unpaused.due == Self.day("2027-01-18") && unpaused.pauses.isEmpty)
        // The 2020–21 pause of revisits stops no 2023 clock.
        #expect(NationalPause.recorded.filter { $0.clocks.contains(.revisit) }.allSatisfy { !$0.clocks.contains(.monitoringInspection) })
    }

    @Test("without the day the report was received, the clocks count from its publication", arguments: [true, false])
    func fromPublication(received: Bool) throws {
        let plan = try Self.plan(received: received ? "2023-09-08" : nil)
        #expect(Self.clock(.strategicPlan, plan)?.due == Self.day(received ? "2023-10-20" : "2023-10-27"))
    }

    @Test("positive and inconsistent outcomes run only the strategic plan and the next inspection (5 and 3 years)",
          arguments: [(InspectionOutcome.positive, "2028-09-08"), (.inconsistent, "2026-09-08")])
    func otherOutcomes(outcome: InspectionOutcome, next: String) throws {
        let plan = try Self.plan(outcome)
        #expect(plan.clocks(asOf: Self.day("2023-09-20"), calendar: Self.calendar).map(\.name) == [.strategicPlan, .nextInspection])
        #expect(Self.clock(.nextInspection, plan)?.due == Self.day(next))
    }

    @Test("a date the partnership was given replaces the default and is no estimate")
    func givenDeadline() throws {
        let plan = try Self.plan(then: [.setDeadline(on: Self.day("2023-09-15"), clock: .priorityActionPlan, due: Self.day("2023-10-27"),
                                                     note: "Ofsted's covering letter")])
        let given = try #require(Self.clock(.priorityActionPlan, plan))
        #expect(given.due == Self.day("2023-10-27") && !given.estimated)
        #expect(given.basis == "as given on 15 September 2023: Ofsted's covering letter")
        #expect(Self.clock(.strategicPlan, plan)?.estimated == true)
    }

    @Test("each clock is met by its step: the first publication, the first submission, the monitoring inspection's first day, the end")
    func metBySteps() throws {
        let visited = try DayRange(parsing: "2025-09-15..2025-10-01")
        let plan = try Self.plan(then: [
            .submitPriorityActionPlan(on: Self.day("2023-10-24"), note: nil),
            .publishStrategicPlan(on: Self.day("2023-11-01"), link: nil, note: nil),
            .judgePriorityActionPlan(on: Self.day("2023-12-12"), accepted: true, note: nil),
            .publishStrategicPlan(on: Self.day("2024-11-01"), link: nil, note: "Refreshed."),
            .reportMonitoringInspection(on: Self.day("2025-11-19"), visited: visited, sufficient: ["P1", "P2"], insufficient: [], note: nil),
            .cease(on: Self.day("2026-06-01"), note: "Next full inspection."),
        ])
        let clocks = plan.clocks(asOf: Self.day("2026-06-02"), calendar: Self.calendar)
        #expect(clocks.map(\.met) == [Self.day("2023-11-01"), Self.day("2023-10-24"), Self.day("2025-09-15"), Self.day("2026-06-01")])
        #expect(clocks.first { $0.name == .priorityActionPlan }?.workingDaysLate == 2)
    }
}
