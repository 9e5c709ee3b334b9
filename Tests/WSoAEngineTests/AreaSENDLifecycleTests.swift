import Testing
@testable import WSoAEngine

/// The 2023 area SEND framework's lifecycle, walked through `decide` and `apply`: the framework
/// chosen from the inspection's first day, the report and its findings, the strategic plan, the
/// priority action plan, the monitoring inspection, deadlines given, and the rules that refuse
/// what does not fit. The area and its dates are invented.
@Suite("Area SEND lifecycle (2023)")
struct AreaSENDLifecycleTests {
    static func day(_ text: String) -> Day { try! Day(parsing: text) }

    /// A plan inspected 5–9 February 2024, as `decide` opens it.
    static func inspected(start: String = "2024-02-05", end: String = "2024-02-09") throws -> Plan {
        let created = PlanEvent.PlanCreated(id: "newshire-2024", area: "Newshire", visit: try DayRange(start: day(start), end: day(end)))
        let events = try Plan.decide(.create(created), on: nil)
        return try #require(Plan.replay(events))
    }

    /// The report: widespread/systemic failings with two areas for priority action, or another outcome with none.
    static func report(_ outcome: InspectionOutcome = .widespreadSystemic, on: String = "2024-04-12", received: String? = "2024-04-05",
                       actions: [AreaSENDReport.PriorityAction]? = nil) -> PlanCommand {
        .publishReport(on: day(on), received: received.map(day), outcome: outcome,
                       priorityActions: actions ?? (outcome.requiresPriorityActionPlan
                           ? [.init(statement: "Leaders should improve EHC plans.", partner: "Newshire Council and NHS Newshire ICB"),
                              .init(statement: "Leaders should cut waiting times.")] : []),
                       improvements: ["Improve preparation for adulthood."], previousInspection: "Not previously inspected",
                       nextInspectionYears: nil, note: nil)
    }

    /// Decides and applies `command` at the journal's next line, as the store records it.
    static func record(_ command: PlanCommand, in plan: inout Plan) throws {
        // Every line after the first is a lifecycle event or a correction here.
        let next = 2 + plan.lifecycle.count + plan.corrections.count
        for event in try Plan.decide(command, on: plan) { plan.apply(event, line: next) }
    }

    /// The rule that refuses `command` on `plan`, or nil when it is accepted.
    static func refusal(_ command: PlanCommand, on plan: Plan) -> Refusal? {
        do {
            _ = try Plan.decide(command, on: plan)
            return nil
        } catch let WSoAError.refused(refusal) {
            return refusal
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test("the framework is the one in force on the first day inspected", arguments: [
        ("2022-12-12", "2022-12-16", Framework.send2016), ("2022-12-28", "2023-01-03", .send2016),
        ("2023-01-02", "2023-01-06", .areaSEND2023), ("2026-03-02", "2026-03-06", .areaSEND2023),
    ])
    func frameworkFromTheFirstDay(start: String, end: String, framework: Framework) throws {
        #expect(try Self.inspected(start: start, end: end).framework == framework)
    }

    @Test("a 2016 letter is refused on a 2023 plan, and a 2023 report on a 2016 plan, each naming the phases that would take it")
    func eachFrameworkItsOwnEvents() throws {
        let plan = try Self.inspected()
        let letter = try #require(Self.refusal(.publishLetter(on: Self.day("2024-04-12"), received: nil, statementRequired: true,
                                                              weaknesses: ["W."], note: nil), on: plan))
        #expect(letter.rule == .lifecycle)
        let old = try Self.inspected(start: "2019-02-04", end: "2019-02-08")
        let report = try #require(Self.refusal(Self.report(on: "2019-04-24", received: nil), on: old))
        #expect(report.rule == .lifecycle)
    }

    @Test("the third outcome leads to the priority action plan; the others to the strategic plan", arguments: InspectionOutcome.allCases)
    func outcomeChoosesThePath(outcome: InspectionOutcome) throws {
        var plan = try Self.inspected()
        try Self.record(Self.report(outcome), in: &plan)
        #expect(plan.phase == (outcome == .widespreadSystemic ? .priorityActionPlanDue : .strategicPlanDue))
        #expect(plan.inspection.outcome == outcome)
        #expect(plan.inspection.nextInspectionYears == (outcome == .positive ? 5 : 3))
        let ids = plan.weaknesses.map(\.id)
        #expect(ids == (outcome == .widespreadSystemic ? ["P1", "P2", "I1"] : ["I1"]))
        #expect(plan.weakness("P1")?.partner == (outcome == .widespreadSystemic ? "Newshire Council and NHS Newshire ICB" : nil))
        #expect(plan.weakness("P2")?.partner == nil)
        #expect(plan.weaknesses.map(\.kind) == ids.map { FindingKind(id: $0) })
    }

    @Test("areas for priority action come exactly with widespread/systemic failings (rule outcome-matches-findings)")
    func outcomeMatchesFindings() throws {
        let plan = try Self.inspected()
        let none = try #require(Self.refusal(Self.report(.widespreadSystemic, actions: []), on: plan))
        #expect(none.rule == .outcomeMatchesFindings)
        #expect(none.reason.contains("at least one area for priority action"))
        let stray = try #require(Self.refusal(Self.report(.inconsistent, actions: [.init(statement: "Act.")]), on: plan))
        #expect(stray.rule == .outcomeMatchesFindings)
        #expect(stray.reason.contains("inconsistent experiences and outcomes"))
        let early = try #require(Self.refusal(Self.report(on: "2024-02-08", received: nil), on: plan))
        #expect(early.rule == .letterAfterVisit)
    }

    @Test("the systemic path: submission, feedback asking for a revision (with its reason), acceptance, monitoring inspection")
    func systemicPath() throws {
        var plan = try Self.inspected()
        try Self.record(Self.report(), in: &plan)
        try Self.record(.submitPriorityActionPlan(on: Self.day("2024-05-17"), note: nil), in: &plan)
        #expect(plan.phase == .priorityActionPlanUnderReview)
        let bare = try #require(Self.refusal(.judgePriorityActionPlan(on: Self.day("2024-06-14"), accepted: false, note: nil), on: plan))
        #expect(bare.rule == .returnedWithReason)
        try Self.record(.judgePriorityActionPlan(on: Self.day("2024-06-14"), accepted: false, note: "Add milestones."), in: &plan)
        #expect(plan.phase == .priorityActionPlanDue)
        try Self.record(.publishStrategicPlan(on: Self.day("2024-06-20"), link: "https://example.org/strategy", note: nil), in: &plan)
        #expect(plan.phase == .priorityActionPlanDue)
        try Self.record(.submitPriorityActionPlan(on: Self.day("2024-06-28"), note: nil), in: &plan)
        try Self.record(.judgePriorityActionPlan(on: Self.day("2024-07-12"), accepted: true, note: nil), in: &plan)
        #expect(plan.phase == .monitoringInspectionAwaited)
        #expect(plan.fitForPurpose == Self.day("2024-07-12"))
        // Every area for priority action exactly once, and nothing else.
        let visited = try DayRange(parsing: "2025-10-06..2025-10-10")
        let partial = try #require(Self.refusal(.reportMonitoringInspection(on: Self.day("2025-11-20"), visited: visited, sufficient: ["P1"],
                                                                            insufficient: [], note: nil), on: plan))
        #expect(partial.rule == .monitoringInspectionJudgesEveryArea)
        #expect(partial.reason.contains("P2"))
        let improvement = try #require(Self.refusal(.reportMonitoringInspection(on: Self.day("2025-11-20"), visited: visited,
                                                                                sufficient: ["P1", "P2", "I1"], insufficient: [], note: nil), on: plan))
        #expect(improvement.rule == .monitoringInspectionJudgesEveryArea)
        let beforeAcceptance = try #require(Self.refusal(.reportMonitoringInspection(
            on: Self.day("2025-11-20"), visited: try DayRange(parsing: "2024-07-01..2024-07-03"), sufficient: ["P1", "P2"], insufficient: [],
            note: nil), on: plan))
        #expect(beforeAcceptance.rule == .datesInOrder || beforeAcceptance.rule == .monitoringInspectionJudgesEveryArea)
        try Self.record(.reportMonitoringInspection(on: Self.day("2025-11-20"), visited: visited, sufficient: ["P1"], insufficient: ["P2"],
                                                    note: nil), in: &plan)
        #expect(plan.phase == .nextInspectionAwaited)
        #expect(plan.weakness("P1")?.standing == .judged(WeaknessJudgement(outcome: .sufficient, on: Self.day("2025-11-20"),
                                                                             occasion: .monitoringInspection, line: plan.revisits[0].line)))
        #expect(plan.weakness("P2")?.standing.description == "effective action not taken at the monitoring inspection (letter of 20 November 2025)")
        #expect(plan.weakness("I1")?.standing == .toImprove)
        #expect(plan.weaknessesInAcceleratedProgressPlan.isEmpty)
        try Self.record(.cease(on: Self.day("2026-10-05"), note: "The next full inspection began."), in: &plan)
        #expect(plan.phase == .closed && plan.ceased == Self.day("2026-10-05"))
    }

    @Test("support and challenge, notices and deadlines in every phase after the report; next steps list only the 2023 events")
    func nextSteps() throws {
        var plan = try Self.inspected()
        #expect(plan.nextSteps.map(\.event).contains(.reportPublished))
        #expect(!plan.nextSteps.map(\.event).contains(.letterPublished))
        try Self.record(Self.report(.inconsistent), in: &plan)
        let allowed = Set(plan.nextSteps.filter(\.allowed).map(\.event))
        #expect(allowed == [.strategicPlanPublished, .monitoringVisitHeld, .escalationIssued, .deadlineSet, .monitoringCeased])
        try Self.record(.publishStrategicPlan(on: Self.day("2024-05-24"), link: nil, note: nil), in: &plan)
        #expect(plan.phase == .nextInspectionAwaited)
        try Self.record(.publishStrategicPlan(on: Self.day("2025-05-24"), link: nil, note: "Refreshed."), in: &plan)
        #expect(plan.strategicPlanPublications.count == 2 && plan.phase == .nextInspectionAwaited)
    }

    @Test("a deadline applies only to the plan's own clocks and to steps not yet taken (rule deadline-applies)")
    func deadlineApplies() throws {
        var plan = try Self.inspected()
        try Self.record(Self.report(.inconsistent), in: &plan)
        let noPlan = try #require(Self.refusal(.setDeadline(on: Self.day("2024-04-12"), clock: .priorityActionPlan, due: Self.day("2024-05-20"),
                                                            note: nil), on: plan))
        #expect(noPlan.rule == .deadlineApplies)
        let notSettable = try #require(Self.refusal(.setDeadline(on: Self.day("2024-04-12"), clock: .revisit, due: Self.day("2024-05-20"),
                                                                 note: nil), on: plan))
        #expect(notSettable.rule == .deadlineApplies)
        let backwards = try #require(Self.refusal(.setDeadline(on: Self.day("2024-04-12"), clock: .strategicPlan, due: Self.day("2024-04-11"),
                                                               note: nil), on: plan))
        #expect(backwards.rule == .deadlineApplies)
        try Self.record(.publishStrategicPlan(on: Self.day("2024-05-24"), link: nil, note: nil), in: &plan)
        let taken = try #require(Self.refusal(.setDeadline(on: Self.day("2024-05-24"), clock: .strategicPlan, due: Self.day("2024-06-20"),
                                                           note: nil), on: plan))
        #expect(taken.rule == .deadlineApplies)
        #expect(taken.reason.contains("24 May 2024"))
    }

    @Test("withdrawing the report returns the plan to 'inspected' with no findings; correcting its date moves its clocks")
    func correctingTheReport() throws {
        var plan = try Self.inspected()
        try Self.record(Self.report(received: nil), in: &plan)
        let line = try #require(plan.lifecycleLine(of: .reportPublished))
        var corrected = plan
        var changes = Amendment()
        changes.on = Self.day("2024-04-19")
        try Self.record(.amend(on: Self.day("2024-05-01"), target: .lifecycle(line: line), changes: changes, reason: "Published a week later."),
                        in: &corrected)
        #expect(corrected.inspection.letter == Self.day("2024-04-19"))
        let calendar = WorkingCalendar.englandAndWales
        let before = plan.clocks(asOf: Self.day("2024-05-01"), calendar: calendar).first { $0.name == .strategicPlan }
        let after = corrected.clocks(asOf: Self.day("2024-05-01"), calendar: calendar).first { $0.name == .strategicPlan }
        #expect(before?.due == Self.day("2024-05-28") && after?.due == Self.day("2024-06-04"))  // 30 working days, past two bank holidays
        try Self.record(.withdraw(on: Self.day("2024-05-01"), target: .lifecycle(line: line), reason: "Recorded on the wrong plan."), in: &plan)
        #expect(plan.phase == .inspected && plan.weaknesses.isEmpty && plan.inspection.outcome == nil)
        #expect(plan.clocks(asOf: Self.day("2024-05-01"), calendar: calendar).isEmpty)
    }

    @Test("another framework's event is refused with the framework it belongs to, not an empty list of phases")
    func otherFrameworksEvent() throws {
        let plan = try Self.inspected()
        let refusal = try #require(Self.refusal(.submit(on: Self.day("2024-04-12"), note: nil), on: plan))
        #expect(refusal.rule == .lifecycle)
        #expect(refusal.reason.hasPrefix("it belongs to the local area SEND inspection framework (2016), and this plan follows the area SEND framework (2023), as its inspection began on 2024-02-05"))
    }

    @Test("the strategic plan runs beside the priority action plan: dated before a later step, but never before the report")
    func strategicPlanBesideThePriorityActionPlan() throws {
        var plan = try Self.inspected()
        try Self.record(Self.report(), in: &plan)
        try Self.record(.submitPriorityActionPlan(on: Self.day("2024-05-17"), note: nil), in: &plan)
        try Self.record(.judgePriorityActionPlan(on: Self.day("2024-07-12"), accepted: true, note: nil), in: &plan)
        try Self.record(.publishStrategicPlan(on: Self.day("2024-05-24"), link: nil, note: nil), in: &plan)
        #expect(plan.strategicPlanPublications.map(\.on) == [Self.day("2024-05-24")])
        let early = try #require(Self.refusal(.publishStrategicPlan(on: Self.day("2024-04-01"), link: nil, note: nil), on: plan))
        #expect(early.rule == .datesInOrder && early.reason.contains("before the report's"))
        // A correction may not move the report after a strategic plan, nor before the visit.
        let line = try #require(plan.lifecycleLine(of: .reportPublished))
        for moved in ["2024-06-01", "2024-02-01"] {
            var changes = Amendment()
            changes.on = Self.day(moved)
            let refusal = try #require(Self.refusal(.amend(on: Self.day("2024-08-01"), target: .lifecycle(line: line), changes: changes,
                                                           reason: "Wrong date."), on: plan))
            #expect(refusal.rule == .correctionKeepsRecord, "\(moved): \(refusal)")
        }
    }

    @Test("a finding given blank is refused by name, not dropped; an area for improvement is not one a monitoring inspection judges")
    func blankAndMisjudgedFindings() throws {
        let plan = try Self.inspected()
        let blank = try #require(Self.refusal(.publishReport(on: Self.day("2024-04-12"), received: nil, outcome: .inconsistent, priorityActions: [],
                                                             improvements: ["Improve.", "  "], previousInspection: nil, nextInspectionYears: nil,
                                                             note: nil), on: plan))
        #expect(blank.rule == .requiredText && blank.reason == "the area for improvement is empty")
        var accepted = plan
        try Self.record(Self.report(), in: &accepted)
        try Self.record(.submitPriorityActionPlan(on: Self.day("2024-05-17"), note: nil), in: &accepted)
        try Self.record(.judgePriorityActionPlan(on: Self.day("2024-07-12"), accepted: true, note: nil), in: &accepted)
        let improvement = try #require(Self.refusal(.reportMonitoringInspection(
            on: Self.day("2025-11-20"), visited: try DayRange(parsing: "2025-10-06..2025-10-10"), sufficient: ["P1", "P2"], insufficient: ["I1"],
            note: nil), on: accepted))
        #expect(improvement.reason.hasPrefix("I1 is an area for improvement, which a monitoring inspection does not judge"))
    }
}
