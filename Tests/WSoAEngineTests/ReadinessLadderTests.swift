import Testing
import WSoAEngine

/// The evidence ladder (DESIGN.md §7): each rule moves a weakness up and down a rung when one
/// piece of evidence, one reading or one action is added or ages.
@Suite struct ReadinessLadderTests {
    let asOf = "2025-06-30"

    /// The kinds and subjects of a readiness's reasons, for compact expectations.
    static func gaps(_ readiness: WeaknessReadiness) -> [String] {
        readiness.reasons.map { "\($0.kind.rawValue):\($0.subject ?? "-")" }
    }

    @Test func theFixtureIsAtTheTopOfTheLadder() {
        let w1 = ReadinessTestPlan.sustained().readiness(asOf: asOf)
        #expect(w1.rung == .impactSustained)
        #expect(w1.reasons.isEmpty)
        #expect(w1.checks.map(\.met) == [true, true, true])
        #expect(w1.checks.allSatisfy { !$0.findings.isEmpty })
    }

    // MARK: Delivering

    @Test func anOverdueActionKeepsAWeaknessOffDeliveringUntilItIsComplete() {
        var fixture = ReadinessTestPlan.sustained()
        fixture.complete("A2", on: "2025-05-01")
        let late = fixture.action(due: "2025-06-01", title: "Publish the local offer")
        let down = fixture.readiness(asOf: asOf)
        #expect(down.rung == .notYetDelivering)
        #expect(Self.gaps(down) == ["actionOverdue:\(late)"])
        #expect(down.reasons[0].text.contains("A3 “Publish the local offer” (ws) was due 1 June 2025 and is 20 working days late."))
        fixture.complete(late, on: "2025-06-20")
        #expect(fixture.readiness(asOf: asOf).rung == .impactSustained)
    }

    @Test func anActionAgesIntoOverdueTheDayAfterItIsDue() {
        var fixture = ReadinessTestPlan.sustained()
        fixture.complete("A2", on: "2025-05-01")
        fixture.action(due: "2025-06-30")
        #expect(fixture.readiness(asOf: "2025-06-30").rung == .impactSustained)
        let aged = fixture.readiness(asOf: "2025-07-01")
        #expect(aged.rung == .notYetDelivering)
        #expect(Self.gaps(aged) == ["actionOverdue:A3"])
        #expect(aged.overdue.map(\.workingDaysLate) == [1])
    }

    /// (due, as of, working days late or nil when not overdue, calendar days late).
    static let weekendDueDates: [(String, String, Int?, Int)] = [
        // Due Saturday 28 June 2025: kept by Monday 30 June.
        ("2025-06-28", "2025-06-27", nil, 0),
        ("2025-06-28", "2025-06-28", nil, 0),
        ("2025-06-28", "2025-06-29", nil, 0),
        ("2025-06-28", "2025-06-30", nil, 0),
        ("2025-06-28", "2025-07-01", 1, 3),
        // Due Friday 27 June 2025: overdue over the weekend, by 1 working day until Tuesday.
        ("2025-06-27", "2025-06-28", 1, 1),
        ("2025-06-27", "2025-06-29", 1, 2),
        ("2025-06-27", "2025-06-30", 1, 3),
        ("2025-06-27", "2025-07-01", 2, 4),
        // Due on the summer bank holiday, Monday 25 August 2025: kept by the Tuesday.
        ("2025-08-25", "2025-08-26", nil, 0),
        ("2025-08-25", "2025-08-27", 1, 2),
    ]

    @Test("an action due on a weekend or bank holiday is overdue only after the next working day",
          arguments: weekendDueDates)
    func weekendDueDate(due: String, asOf: String, workingDaysLate: Int?, daysLate: Int) {
        var fixture = ReadinessTestPlan.sustained()
        fixture.complete("A2", on: "2025-05-01")
        let id = fixture.action(due: due)
        let readiness = fixture.readiness(asOf: asOf)
        #expect(readiness.overdue.map(\.id) == (workingDaysLate == nil ? [] : [id]))
        #expect(readiness.overdue.map(\.workingDaysLate) == (workingDaysLate.map { [$0] } ?? []))
        #expect(readiness.actions.overdue == (workingDaysLate == nil ? 0 : 1))
        let assessment = fixture.assessment(asOf: asOf)
        #expect(assessment.decisions.overdueActions.map(\.id) == readiness.overdue.map(\.id))
        // "Fell overdue" on the day after the working day that kept it.
        let fell = assessment.since.slipped.filter { $0.kind == .fellOverdue && $0.id == id }
        #expect(fell.map(\.on.description) == (workingDaysLate == nil ? [] : [Self.firstDayOverdue(due)]))
    }

    /// The first day an action due on `due` is overdue, from the table above.
    static func firstDayOverdue(_ due: String) -> String {
        switch due {
        case "2025-06-28": return "2025-07-01"
        case "2025-06-27": return "2025-06-28"
        default: return "2025-08-27"
        }
    }

    @Test func atLeastHalfTheActionsMustBeComplete() {
        var fixture = ReadinessTestPlan.sustained()
        fixture.action(due: "2026-03-31")
        let down = fixture.readiness(asOf: asOf)
        #expect(down.rung == .notYetDelivering)
        #expect(Self.gaps(down) == ["actionsIncomplete:-"])
        #expect(down.reasons[0].text == "Only 1 of 3 actions complete (33%); at least half must be. Not yet complete: A2 and A3.")
        fixture.complete("A2", on: "2025-06-01")
        #expect(fixture.readiness(asOf: asOf).rung == .impactSustained)
    }

    @Test func aWeaknessNoWorkstreamAddressesHasNoActionsToDeliver() {
        let w2 = ReadinessTestPlan.sustained().readiness("W2", asOf: asOf)
        #expect(w2.rung == .notYetDelivering)
        #expect(w2.reasons.first?.kind == .noActions)
        #expect(w2.reasons.first?.text == "No workstream addresses W2 yet, so it has no actions to deliver.")
        #expect(Self.gaps(w2).contains("noRecentEvidence:impact"))
        #expect(Self.gaps(w2).contains("noRecentEvidence:voice"))
        #expect(Self.gaps(w2).contains("noMeasures:-"))
    }

    // MARK: Impact evidenced

    /// The sustained fixture without its November impact item, so it tops out at Impact evidenced.
    static func evidencedOnly(voice: String? = "2025-05-15", impact: String? = "2025-05-01", withReading: Bool = true) -> ReadinessTestPlan {
        var fixture = ReadinessTestPlan()
        fixture.action(due: "2024-09-30", completed: "2024-09-20")
        fixture.action(due: "2025-12-31")
        if let impact { fixture.evidence(.impact, on: impact) }
        if let voice { fixture.evidence(.voice, on: voice) }
        let m = fixture.measure(baseline: 40, "2024-01-31", target: 60, "2026-12-31")
        if withReading { fixture.reading(m, "2025-01-31", 45) }
        return fixture
    }

    @Test func voiceEvidenceMovesAWeaknessOntoImpactEvidenced() {
        var fixture = Self.evidencedOnly(voice: nil)
        let down = fixture.readiness(asOf: asOf)
        #expect(down.rung == .delivering)
        #expect(Self.gaps(down).first == "noRecentEvidence:voice")
        #expect(down.reasons[0].text == "No voice evidence for W1 is dated since 30 December 2024; none has been recorded.")
        fixture.evidence(.voice, on: "2025-06-30")
        #expect(fixture.readiness(asOf: asOf).rung == .impactEvidenced)
    }

    @Test func voiceEvidenceOlderThanSixMonthsNoLongerCounts() {
        // 30 December 2024 is the first day of the six months to 30 June 2025.
        #expect(Self.evidencedOnly(voice: "2024-12-30").readiness(asOf: asOf).rung == .impactEvidenced)
        let aged = Self.evidencedOnly(voice: "2024-12-29").readiness(asOf: asOf)
        #expect(aged.rung == .delivering)
        #expect(aged.reasons[0].text == "No voice evidence for W1 is dated since 30 December 2024; the latest is E2 of 29 December 2024.")
        // The same item, seen a day earlier, is still recent.
        #expect(Self.evidencedOnly(voice: "2024-12-29").readiness(asOf: "2025-06-29").rung == .impactEvidenced)
    }

    @Test func impactEvidenceIsNeededToo() {
        var fixture = Self.evidencedOnly(impact: nil)
        let down = fixture.readiness(asOf: asOf)
        #expect(down.rung == .delivering)
        #expect(Self.gaps(down).first == "noRecentEvidence:impact")
        fixture.evidence(.impact, on: "2025-03-03")
        #expect(fixture.readiness(asOf: asOf).rung == .impactEvidenced)
    }

    @Test func aReadingThatTurnsTheTrendDownStopsTheMeasureMoving() {
        var fixture = Self.evidencedOnly()
        #expect(fixture.readiness(asOf: asOf).rung == .impactEvidenced)
        fixture.reading("M1", "2025-05-31", 38)
        let down = fixture.readiness(asOf: asOf)
        #expect(down.rung == .delivering)
        #expect(Self.gaps(down).first == "measureNotMoving:M1")
        #expect(down.reasons[0].text.hasPrefix("M1 “Measure M1” is worsening over its last six months of readings"))
        fixture.reading("M1", "2025-06-15", 55)
        #expect(fixture.readiness(asOf: asOf).rung == .impactEvidenced)
    }

    @Test func aMeasureLastReadMoreThanSixMonthsAgoIsNotMoving() {
        var stale = ReadinessTestPlan()
        stale.action(due: "2024-09-30", completed: "2024-09-20")
        stale.evidence(.impact, on: "2025-05-01")
        stale.evidence(.voice, on: "2025-05-15")
        let m = stale.measure(baseline: 40, "2024-01-31", target: 60, "2026-12-31")
        stale.reading(m, "2024-12-29", 45)
        let aged = stale.readiness(asOf: asOf)
        #expect(aged.rung == .delivering)
        #expect(aged.check(.impactEvidenced)?.reasons.map(\.text) == ["M1 “Measure M1” was last read on 29 December 2024, before 30 December 2024."])
        #expect(stale.readiness(asOf: "2025-06-29").rung == .impactEvidenced)
    }

    @Test func aMeasureAlreadyAtTargetCountsAsMoving() {
        var fixture = Self.evidencedOnly(withReading: false)
        for (on, value) in [("2025-01-31", 75.0), ("2025-03-31", 70), ("2025-05-31", 65)] { fixture.reading("M1", on, value) }
        // Falling, but still beyond the target of 60.
        #expect(fixture.readiness(asOf: asOf).measures[0].trend == .worsening)
        #expect(fixture.readiness(asOf: asOf).rung == .impactEvidenced)
        fixture.reading("M1", "2025-06-30", 59)
        #expect(fixture.readiness(asOf: asOf).rung == .delivering)
    }

    // MARK: Impact sustained

    /// The sustained fixture with M1 reaching its target only on 31 December 2024.
    static func reachedTargetInDecember() -> ReadinessTestPlan {
        var fixture = ReadinessTestPlan()
        fixture.action(due: "2024-09-30", completed: "2024-09-20")
        fixture.action(due: "2025-12-31")
        fixture.evidence(.impact, on: "2024-11-01")
        fixture.evidence(.impact, on: "2025-05-01")
        fixture.evidence(.voice, on: "2025-05-15")
        let m = fixture.measure(baseline: 40, "2024-01-31", target: 60, "2025-03-31")
        for (on, value) in [("2024-06-30", 50.0), ("2024-09-30", 55), ("2024-12-31", 61), ("2025-03-31", 62), ("2025-05-31", 63)] {
            fixture.reading(m, on, value)
        }
        // A second measure, improving but far from its target, keeps Impact evidenced whatever M1 does.
        let m2 = fixture.measure(baseline: 10, "2024-01-31", target: 50, "2026-12-31")
        fixture.reading(m2, "2025-05-31", 20)
        return fixture
    }

    @Test func oneMoreReadingAtTargetCompletesSixMonths() {
        var fixture = Self.reachedTargetInDecember()
        let short = fixture.readiness(asOf: asOf)
        #expect(short.rung == .impactEvidenced)
        #expect(Self.gaps(short) == ["measureNotSustained:M1", "measureNotSustained:M2"])
        #expect(short.reasons[0].text == "M1 “Measure M1” has been at or beyond its target of 60% only since 31 December 2024 (latest reading 31 May 2025); it needs readings at target until at least 30 June 2025.")
        fixture.reading("M1", "2025-06-30", 64)
        #expect(fixture.readiness(asOf: asOf).rung == .impactSustained)
        // A reading below target breaks the run (a second reading for the same day replaces the first).
        fixture.reading("M1", "2025-06-30", 59)
        let broken = fixture.readiness(asOf: asOf)
        #expect(broken.rung == .impactEvidenced)
        #expect(broken.reasons[0].text == "M1 “Measure M1” is not at its target: 59% on 30 June 2025 against 60%.")
    }

    @Test func lowerIsBetterMeasuresAreAtTargetBelowIt() {
        var fixture = ReadinessTestPlan()
        fixture.action(due: "2024-09-30", completed: "2024-09-20")
        fixture.evidence(.impact, on: "2024-11-01")
        fixture.evidence(.impact, on: "2025-05-01")
        fixture.evidence(.voice, on: "2025-05-15")
        let m = fixture.measure(baseline: 100, "2024-01-31", target: 52, "2025-03-31", lower: true)
        for (on, value) in [("2024-10-31", 52.0), ("2025-01-31", 50), ("2025-04-30", 51)] { fixture.reading(m, on, value) }
        #expect(fixture.readiness(asOf: asOf).rung == .impactSustained)
        fixture.reading(m, "2025-05-31", 53)
        let missed = fixture.readiness(asOf: asOf)
        #expect(missed.rung < .impactSustained)
        #expect(missed.check(.impactSustained)?.reasons.map(\.text) == ["M1 “Measure M1” is not at its target: 53% on 31 May 2025 against 52%."])
    }

    @Test func impactEvidenceMustFallInTwoDifferentQuarters() {
        var oneQuarter = ReadinessTestPlan()
        oneQuarter.action(due: "2024-09-30", completed: "2024-09-20")
        oneQuarter.action(due: "2025-12-31")
        let late = oneQuarter.evidence(.impact, on: "2025-04-01")
        oneQuarter.evidence(.impact, on: "2025-05-01")
        oneQuarter.evidence(.voice, on: "2025-05-15")
        let m = oneQuarter.measure(baseline: 40, "2024-01-31", target: 60, "2025-03-31")
        for (on, value) in [("2024-09-30", 61.0), ("2025-05-31", 64)] { oneQuarter.reading(m, on, value) }
        let down = oneQuarter.readiness(asOf: asOf)
        #expect(late == "E1")
        #expect(down.rung == .impactEvidenced)
        #expect(Self.gaps(down) == ["impactInTooFewQuarters:impact"])
        #expect(down.reasons[0].text == "Impact evidence for W1 falls in only one quarter (April–June 2025); two different quarters are needed.")
        // The same item dated a day earlier falls in January–March: two quarters.
        var aged = ReadinessTestPlan()
        aged.action(due: "2024-09-30", completed: "2024-09-20")
        aged.action(due: "2025-12-31")
        aged.evidence(.impact, on: "2025-03-31")
        aged.evidence(.impact, on: "2025-05-01")
        aged.evidence(.voice, on: "2025-05-15")
        let m2 = aged.measure(baseline: 40, "2024-01-31", target: 60, "2025-03-31")
        for (on, value) in [("2024-09-30", 61.0), ("2025-05-31", 64)] { aged.reading(m2, on, value) }
        #expect(aged.readiness(asOf: asOf).rung == .impactSustained)
        // And adding one impact item in another quarter lifts the single-quarter plan too.
        oneQuarter.evidence(.impact, on: "2024-12-02")
        #expect(oneQuarter.readiness(asOf: asOf).rung == .impactSustained)
    }

    // MARK: Reasons and scope

    @Test func everyReasonAboveTheRungIsListedBottomRungFirst() {
        var fixture = ReadinessTestPlan()
        fixture.action(due: "2025-01-31", title: "Late one")
        fixture.action(due: "2025-02-28", title: "Late two")
        let w1 = fixture.readiness(asOf: asOf)
        #expect(w1.rung == .notYetDelivering)
        #expect(Self.gaps(w1) == [
            "actionsIncomplete:-", "actionOverdue:A1", "actionOverdue:A2",
            "noRecentEvidence:impact", "noRecentEvidence:voice", "noMeasures:-",
            "noMeasures:-", "impactInTooFewQuarters:impact",
        ])
        #expect(w1.reasons.map(\.rung) == [.delivering, .delivering, .delivering, .impactEvidenced, .impactEvidenced,
                                           .impactEvidenced, .impactSustained, .impactSustained])
    }

    @Test func aHigherRungMetOnItsOwnDoesNotCountUntilTheOnesBelowAre() {
        var fixture = ReadinessTestPlan.sustained()
        fixture.action(due: "2025-01-31")
        let w1 = fixture.readiness(asOf: asOf)
        #expect(w1.rung == .notYetDelivering)
        #expect(w1.checks.map(\.met) == [false, true, true])
        #expect(w1.reasons.count == 2)  // Under half complete, and A3 overdue.
    }

    @Test func taggedEvidenceCountsOnlyForItsWeaknessAndUntaggedForEveryWeaknessItsWorkstreamAddresses() {
        var fixture = ReadinessTestPlan()
        fixture.workstream("shared", addresses: ["W1", "W2"])
        fixture.evidence(.voice, on: "2025-05-01", weakness: "W2", workstream: "shared")
        fixture.evidence(.impact, on: "2025-05-02", workstream: "shared")
        fixture.evidence(.impact, on: "2025-05-03", weakness: "W1", workstream: "ws")
        let w1 = fixture.readiness("W1", asOf: asOf)
        let w2 = fixture.readiness("W2", asOf: asOf)
        #expect(w1.evidence.count(.voice).total == 0)
        #expect(w1.evidence.count(.impact).total == 2)
        #expect(w2.evidence.count(.voice).total == 1)
        #expect(w2.evidence.count(.impact).total == 1)
        #expect(w2.workstreams.map(\.workstream.id) == ["shared"])
    }

    @Test func thePlanIsAsReadyAsItsWeakestMonitoredWeakness() {
        var fixture = ReadinessTestPlan.sustained()
        fixture.workstream("w2", addresses: ["W2"])
        fixture.action(due: "2024-12-31", completed: "2024-12-01", workstream: "w2")
        let before = fixture.assessment(asOf: asOf)
        #expect(before.weaknesses.map(\.rung) == [.impactSustained, .delivering])
        #expect(before.overall == .delivering)
        #expect(before.overallHeldBy == ["W2"])
        // W2 judged sufficient at a revisit leaves monitoring; W1 (insufficient) stays.
        fixture.apply(.revisitReported(.init(on: ReadinessTestPlan.day("2025-06-20"),
                                             visited: try! DayRange(parsing: "2025-05-12..2025-05-14"),
                                             outcomes: ["W1": .insufficient, "W2": .sufficient])))
        let after = fixture.assessment(asOf: asOf)
        #expect(after.overall == .impactSustained)
        #expect(after.overallHeldBy == ["W1"])
    }

    @Test func noWeaknessesMeansNoOverallReadiness() {
        let assessment = ReadinessTestPlan.justInspected().assessment(asOf: "2026-11-23")
        #expect(assessment.weaknesses.isEmpty)
        #expect(assessment.overall == nil)
        #expect(assessment.clocks.isEmpty)
        #expect(assessment.since.baseline == nil)
    }

    @Test func theRulesAreTheDocumentedNumbers() {
        #expect(Ladder.mostlyCompleteShare == 0.5)
        #expect(Ladder.isMostlyComplete(1, of: 2))
        #expect(!Ladder.isMostlyComplete(1, of: 3))
        #expect(!Ladder.isMostlyComplete(0, of: 0))
        #expect(Ladder.recentFrom(ReadinessTestPlan.day("2025-08-31")) == ReadinessTestPlan.day("2025-02-28"))
        #expect(Quarter(ReadinessTestPlan.day("2025-03-31")) != Quarter(ReadinessTestPlan.day("2025-04-01")))
        #expect(Quarter(ReadinessTestPlan.day("2025-04-01")).longDescription == "April–June 2025")
        #expect(Rung.allCases.sorted() == [.notYetDelivering, .delivering, .impactEvidenced, .impactSustained])
    }
}
