import Testing
@testable import WSoAEngine

/// The verdict (DESIGN.md §7a): every signal weighed, ranked as inspectors weigh them, and the
/// plan's ready / not ready.
@Suite struct ReadinessVerdictTests {
    /// W1 strong on every signal on 30 June 2025: twenty actions done, recent impact and voice
    /// evidence in two quarters, its measure at target, rated green.
    static func strong(rating: Rating = .green) -> ReadinessTestPlan {
        var fixture = ReadinessTestPlan.sustained()
        for month in 1...9 { fixture.action(due: "2024-0\(month)-28", completed: "2024-0\(month)-20", added: "2024-01-15") }
        fixture.visit(on: "2025-06-10", ratings: ["W1": rating])
        return fixture
    }

    @Test func aStrongWeaknessIsLikelySufficientWithItsStrengthsRanked() throws {
        let verdict = Self.strong().readiness(asOf: "2025-06-30").verdict
        #expect(verdict.answer == .likelySufficient)
        #expect(verdict.reasons.allSatisfy { $0.weight == .strength }, "\(verdict.reasons.map(\.text))")
        #expect(verdict.nextSteps.isEmpty)
        // Impact on children and families first, then sustainability, then delivery.
        #expect(verdict.reasons.map(\.category) == verdict.reasons.map(\.category).sorted())
        #expect(verdict.reasons.first?.signal == "impactEvidence")
        #expect(verdict.reasons.last?.category == .delivery)
    }

    @Test func oneLateActionAmongManyIsAReasonNotACollapse() throws {
        var fixture = Self.strong()
        let late = fixture.action(due: "2025-05-30", title: "Publish the charter")
        let readiness = fixture.readiness(asOf: "2025-06-30")
        // The ladder drops to its bottom rung; the verdict weighs it as one concern.
        #expect(readiness.rung == .notYetDelivering)
        #expect(readiness.verdict.answer == .likelySufficient)
        let concern = try #require(readiness.verdict.reasons(.concern).first)
        #expect(concern.signal == "actionsLate" && concern.text.hasPrefix("\(late) “Publish the charter” is 21 working days late"))
        let step = try #require(readiness.verdict.nextSteps.first)
        #expect(step.text.hasPrefix("Complete \(late) “Publish the charter”") && step.due == ReadinessTestPlan.day("2025-05-30"))
        #expect(step.owner == "Lead of ws")
    }

    @Test("The advisers' rating weighs: red is never likely sufficient", arguments: [
        (Rating.green, Sufficiency.likelySufficient), (.amber, .likelySufficient), (.red, .atRisk),
    ])
    func theRatingWeighs(_ rating: Rating, _ expected: Sufficiency) throws {
        let verdict = Self.strong(rating: rating).readiness(asOf: "2025-06-30").verdict
        #expect(verdict.answer == expected)
        let weighed = try #require(verdict.reasons.first { $0.signal == "rating" })
        #expect(weighed.weight == [.green: .strength, .amber: .concern, .red: .serious][rating])
    }

    @Test func aRedRatingWithAnotherSeriousConcernIsNotYetSufficient() throws {
        var fixture = Self.strong(rating: .red)
        // Nine months on, the voice evidence is stale.
        fixture.reading("M1", "2026-03-31", 65)
        let verdict = fixture.readiness(asOf: "2026-03-31").verdict
        #expect(verdict.reasons(.serious).map(\.signal).sorted() == ["impactEvidence", "rating", "voiceEvidence"])
        #expect(verdict.answer == .notYetSufficient)
        // The steps: the serious concerns' first, in rank order, at most three.
        #expect(verdict.nextSteps.count == 3)
        #expect(verdict.nextSteps[0].text.hasPrefix("Record impact evidence for W1"))
        #expect(verdict.nextSteps[1].text.hasPrefix("Record voice evidence for W1"))
        #expect(verdict.nextSteps[2].text.hasPrefix("Act on the advisers’ concerns about W1 from V1"))
    }

    @Test func threeConcernsPutAWeaknessAtRisk() throws {
        var fixture = Self.strong(rating: .amber)
        fixture.visit(on: "2025-06-20", ratings: ["W1": .amber])
        fixture.action(due: "2025-06-02")
        #expect(fixture.readiness(asOf: "2025-06-30").verdict.answer == .likelySufficient)
        fixture.visit(on: "2025-06-25", ratings: ["W1": .red])
        let verdict = fixture.readiness(asOf: "2025-06-30").verdict
        #expect(verdict.reasons.contains { $0.signal == "ratingTrend" && $0.text == "The rating fell from amber at V2 to red at V3." })
        #expect(verdict.answer == .atRisk)
    }

    @Test func aWeaknessWithNothingRecordedIsNotYetSufficient() throws {
        let verdict = Self.strong().readiness("W2", asOf: "2025-06-30").verdict
        #expect(verdict.answer == .notYetSufficient)
        #expect(verdict.reasons(.serious).map(\.signal) == ["impactEvidence", "voiceEvidence", "measures", "actionsDue"])
    }

    @Test func thePlanIsReadyOnlyWhenEveryMonitoredWeaknessIsLikelySufficient() throws {
        let two = Self.strong().assessment(asOf: "2025-06-30").verdict
        #expect(two.answer == .notReady)
        #expect(two.holdingBack == ["W2"])
        #expect(two.sentence == "Not ready for the revisit: W2 is not yet sufficient; W1 is likely sufficient.")

        var one = ReadinessTestPlan(weaknesses: ["Too little co-production with families."])
        one.action(due: "2024-09-30", completed: "2024-09-20")
        one.evidence(.impact, on: "2024-11-01")
        one.evidence(.impact, on: "2025-05-01")
        one.evidence(.voice, on: "2025-05-15")
        let m = one.measure(baseline: 40, "2024-01-31", target: 60, "2025-03-31")
        one.reading(m, "2025-05-31", 64)
        one.visit(on: "2025-06-10", ratings: ["W1": .green])
        let ready = one.assessment(asOf: "2025-06-30").verdict
        #expect(ready.answer == .ready && ready.holdingBack.isEmpty)
        #expect(ready.sentence == "Ready for the revisit: its one weakness, W1, is likely sufficient.")
    }

    @Test func followUpsCountForTheWeaknessTheyConcern() throws {
        var fixture = Self.strong()
        fixture.apply(.followUpAdded(.init(on: ReadinessTestPlan.day("2025-06-10"), id: "F1", visit: "V1", title: "Share the survey",
                                           owner: "Forum lead", due: ReadinessTestPlan.day("2025-06-13"), weaknesses: ["W2"])))
        fixture.apply(.followUpAdded(.init(on: ReadinessTestPlan.day("2025-06-10"), id: "F2", visit: "V1", title: "Publish the plan",
                                           owner: "Head of SEND", due: ReadinessTestPlan.day("2025-06-13"))))
        let assessment = fixture.assessment(asOf: "2025-06-30")
        let w1 = assessment.weaknesses[0], w2 = assessment.weaknesses[1]
        #expect(w1.followUps.map(\.followUp.id) == ["F2"])
        #expect(w2.followUps.map(\.followUp.id) == ["F1", "F2"])
        let concern = try #require(w1.verdict.reasons.first { $0.signal == "followUp" })
        #expect(concern.weight == .concern && concern.text.hasPrefix("Follow-up F2 “Publish the plan”, agreed at V1, is overdue"))
        #expect(w1.verdict.nextSteps.contains { $0.owner == "Head of SEND" && $0.due == ReadinessTestPlan.day("2025-06-13") })
    }

    @Test func evidenceItemsAreListedNewestFirstWithoutWithdrawnOnes() throws {
        var fixture = Self.strong()
        let wrong = fixture.evidence(.voice, on: "2025-06-01", title: "Recorded against the wrong area")
        fixture.apply(.recordWithdrawn(.init(on: ReadinessTestPlan.day("2025-06-02"), target: .evidence(wrong), reason: "Wrong area")))
        let items = fixture.readiness(asOf: "2025-06-30").evidence.items
        #expect(items.map(\.id) == ["E3", "E2", "E1"])
        #expect(items.map(\.on) == items.map(\.on).sorted(by: >))
    }
}

/// Charts read right: better is up, whichever way a measure counts.
@Suite struct ReportChartDirectionTests {
    @Test("A sparkline draws better as taller", arguments: [false, true])
    func sparklineBetterIsTaller(_ lower: Bool) throws {
        var fixture = ReadinessTestPlan()
        let m = fixture.measure(baseline: 50, "2024-01-31", target: lower ? 10 : 90, "2026-03-31", lower: lower)
        for (on, step) in [("2024-06-30", 1.0), ("2024-09-30", 2.0), ("2024-12-31", 3.0)] {
            fixture.reading(m, on, lower ? 50 - 10 * step : 50 + 10 * step)
        }
        let line = Sparkline.render(try #require(fixture.plan.measures.first))
        #expect(line == "▁▃▆█")
    }
}

/// After the revisit: a weakness inspectors judged sufficient has nothing left to weigh.
@Suite struct ReadinessVerdictAfterRevisitTests {
    @Test func aWeaknessJudgedSufficientIsNotWeighedAgain() throws {
        var fixture = ReadinessVerdictTests.strong()
        fixture.apply(.revisitReported(.init(on: ReadinessTestPlan.day("2025-07-20"), visited: try DayRange(parsing: "2025-07-07..2025-07-09"),
                                             outcomes: ["W1": .insufficient, "W2": .sufficient])))
        let assessment = fixture.assessment(asOf: "2025-07-31")
        let w2 = assessment.weaknesses[1].verdict
        #expect(w2.answer == .likelySufficient && w2.nextSteps.isEmpty)
        #expect(w2.reasons.map(\.signal) == ["revisitJudgement"])
        #expect(assessment.verdict.sentence.hasPrefix("Ready for the next formal review: the one weakness still in the accelerated progress plan, W1, is likely sufficient")
                || assessment.verdict.sentence.hasPrefix("Not ready for the next formal review: W1 is"), "\(assessment.verdict.sentence)")
        #expect(!assessment.verdict.holdingBack.contains("W2"))
    }
}

/// The plan's index of evidence by day survives a snapshot exactly, amendments included.
@Suite struct EvidenceDayIndexTests {
    @Test func aPlanReadFromItsSnapshotEqualsTheFold() throws {
        var fixture = ReadinessVerdictTests.strong()
        fixture.evidence(.voice, on: "2025-06-03", title: "Moved")
        var moved = Amendment()
        moved.on = ReadinessTestPlan.day("2025-05-15")
        fixture.apply(.recordAmended(.init(on: ReadinessTestPlan.day("2025-06-20"), target: .evidence("E4"), changes: moved,
                                           reason: "Dated wrongly")))
        let plan = fixture.plan
        #expect(plan.evidenceOnDay[ReadinessTestPlan.day("2025-05-15")] == [2, 3])
        #expect(plan.evidenceOnDay[ReadinessTestPlan.day("2025-06-03")] == nil)
        var out = SnapshotWriter()
        plan.write(to: &out)
        let bytes = out.bytes
        let decoded = try bytes.withUnsafeBytes { raw in
            var input = SnapshotReader(raw, 0..<raw.count)
            return try Plan(from: &input)
        }
        #expect(decoded == plan)
    }
}
