import Testing
import WSoAEngine

/// "Decisions for the board" and "since the last monitoring visit".
@Suite struct ReadinessDecisionsTests {
    static func day(_ text: String) -> Day { ReadinessTestPlan.day(text) }

    @Test func decisionsListOverdueActionsOffTrackMeasuresEvidenceGapsAndClocks() {
        var fixture = ReadinessTestPlan()
        fixture.action(due: "2025-03-31", title: "Three months late")
        fixture.action(due: "2025-05-31", title: "One month late")
        fixture.retarget("A2", to: "2025-06-01", on: "2025-05-20")
        fixture.action(due: "2025-12-31")
        let m = fixture.measure(baseline: 40, "2024-01-31", target: 60, "2025-01-31")
        fixture.reading(m, "2025-05-31", 45)  // The line expects 60 by then.
        fixture.evidence(.impact, on: "2025-05-01")
        // The next monitoring visit is due three months after fit for purpose (1 April 2024)... long overdue.
        let decisions = fixture.assessment(asOf: "2025-06-30").decisions
        #expect(decisions.overdueActions.map(\.id) == ["A1", "A2"])
        // A2's due date, Sunday 1 June, is kept by Monday 2 June: 20 working days to 30 June.
        #expect(decisions.overdueActions.map(\.workingDaysLate) == [61, 20])
        #expect(decisions.overdueActions.map(\.retargets) == [0, 1])
        #expect(decisions.offTrackMeasures.map(\.measure.id) == ["M1"])
        #expect(decisions.measuresWithReadings == 1)
        #expect(decisions.evidenceGaps.map(\.weakness) == ["W1", "W2"])
        #expect(decisions.evidenceGaps[0].missing == [.voice])
        #expect(decisions.evidenceGaps[1].missing == [.impact, .voice])
        #expect(decisions.clocks.map(\.name) == [.monitoringVisit])
        #expect(decisions.clocks.map(\.state) == [.overdue])
        #expect(!decisions.monitoringEnded)
    }

    @Test func aClockDueWithinTenWorkingDaysIsADecision() {
        var fixture = ReadinessTestPlan()
        fixture.visit(on: "2025-04-01")  // Next visit due 1 July 2025.
        #expect(fixture.assessment(asOf: "2025-06-30").decisions.clocks.map(\.state) == [.dueSoon])
        #expect(fixture.assessment(asOf: "2025-06-01").decisions.clocks.isEmpty)
    }

    @Test func aClosedPlanAsksNothingOfTheBoard() {
        var fixture = ReadinessTestPlan()
        fixture.action(due: "2024-06-30")
        fixture.apply(.revisitReported(.init(on: Self.day("2025-09-01"), visited: try! DayRange(parsing: "2025-07-07..2025-07-09"),
                                             outcomes: ["W1": .sufficient, "W2": .sufficient])))
        fixture.apply(.monitoringCeased(.init(on: Self.day("2025-09-01"))))
        let assessment = fixture.assessment(asOf: "2025-10-01")
        #expect(assessment.phase == .closed)
        #expect(assessment.decisions.monitoringEnded)
        #expect(assessment.decisions.isEmpty)
        // No weakness is monitored, so the overall readiness counts them all.
        #expect(assessment.overall == .notYetDelivering)
        #expect(assessment.overallHeldBy == ["W1", "W2"])
    }

    @Test func sinceTheLastVisitListsCompletionsSlipsEvidenceAndReadings() {
        var fixture = ReadinessTestPlan()
        let done = fixture.action(due: "2025-06-30")
        let slipping = fixture.action(due: "2025-05-31")
        let worse = fixture.action(due: "2025-12-31")
        let lapsing = fixture.action(due: "2025-05-15")
        fixture.status(worse, .atRisk, on: "2025-02-01")  // Already at risk before the visit.
        let m = fixture.measure(baseline: 40, "2024-01-31", target: 60, "2026-01-31")
        fixture.reading(m, "2025-02-28", 44)
        fixture.evidence(.voice, on: "2025-03-01")
        fixture.visit(on: "2025-03-10", ratings: ["W1": .amber])
        fixture.complete(done, on: "2025-04-02")
        fixture.retarget(slipping, to: "2025-09-30", on: "2025-04-10")
        fixture.status(worse, .atRisk, on: "2025-04-20")     // No change: not a slip.
        fixture.status(worse, .offTrack, on: "2025-05-20")   // Worse: a slip.
        fixture.reading(m, "2025-04-30", 46)
        fixture.reading(m, "2025-05-31", 47)
        fixture.evidence(.impact, on: "2025-05-05")
        fixture.evidence(.voice, on: "2025-03-05")            // Recorded after the visit, dated before it.
        let since = fixture.assessment(asOf: "2025-06-30").since
        #expect(since.baseline == SinceBaseline(kind: .visit, visit: "V1", on: Self.day("2025-03-10"), line: 14))
        #expect(since.completed.map(\.id) == [done])
        #expect(since.slipped.map { "\($0.id) \($0.kind.rawValue)" } == [
            "\(slipping) retargeted", "\(lapsing) fellOverdue", "\(worse) reportedOffTrack",
        ])
        #expect(since.slipped[0].from == Self.day("2025-05-31"))
        #expect(since.slipped[0].to == Self.day("2025-09-30"))
        #expect(since.slipped[1].on == Self.day("2025-05-16"))
        #expect(since.evidence.map(\.id) == ["E3", "E2"])
        #expect(since.readings.count == 1)
        #expect(since.readings[0].readings.map(\.value) == [46, 47])
        #expect(since.readings[0].before == Reading(on: Self.day("2025-02-28"), value: 44))
        #expect(!since.readings[0].beforeIsBaseline)
        #expect(since.readings[0].trend == .improving)
    }

    @Test func withNoVisitYetChangesCountFromFitForPurpose() {
        var fixture = ReadinessTestPlan()
        fixture.evidence(.activity, on: "2024-05-01")
        let since = fixture.assessment(asOf: "2024-06-30").since
        #expect(since.baseline?.kind == .fitForPurpose)
        #expect(since.baseline?.on == Self.day("2024-04-01"))
        #expect(since.baseline?.line == 4)
        #expect(since.evidence.map(\.id) == ["E1"])
    }

    @Test func anAsOfViewIgnoresLaterVisitsAndEntries() {
        var fixture = ReadinessTestPlan()
        fixture.visit(on: "2025-01-10")
        fixture.evidence(.impact, on: "2025-02-01")
        fixture.visit(on: "2025-04-10")
        fixture.evidence(.impact, on: "2025-05-01")
        let since = fixture.assessment(asOf: "2025-03-31").since
        #expect(since.baseline?.visit == "V1")
        #expect(since.evidence.map(\.id) == ["E1"])
    }

    @Test func theAssessmentIsAValueAndRepeatable() {
        let fixture = ReadinessTestPlan.sustained()
        #expect(fixture.assessment(asOf: "2025-06-30") == fixture.assessment(asOf: "2025-06-30"))
        #expect(fixture.assessment(asOf: "2025-06-30") != fixture.assessment(asOf: "2025-07-01"))
    }
}
