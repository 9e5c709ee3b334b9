import Testing
@testable import WSoAEngine

/// Stockton-on-Tees, inspected 4–8 February 2019 (DESIGN.md §1, seeds 000 and 002).
///
/// The real history: letter 24 April 2019 (received 2 May), statement submitted 12 August
/// 2019, fit for purpose by 17 October 2019, revisit 11–13 July 2022 with letter 26 September
/// 2022 judging all four weaknesses sufficient, monitoring ceased. The not-fit judgement, the
/// monitoring-visit dates and the mixed revisit outcome below are invented to reach the other
/// rows of the table; they are marked as such where used.
private enum Stockton {
    static let id = "stockton-on-tees-2019"
    static let weaknesses = [
        "Co-production, engagement and communication with parents are underdeveloped.",
        "The quality of EHC assessments and plans is too variable.",
        "Strategic joint commissioning, in a way that demonstrably improves EHC provision and outcomes for children, young people and families, is not fully embedded.",
        "Local area leaders have not developed an effective approach to measuring and evaluating EHC outcomes for children and young people.",
    ]

    static func created(id: String = Stockton.id, area: String = "Stockton-on-Tees") throws -> PlanEvent.PlanCreated {
        PlanEvent.PlanCreated(
            id: id, area: area, visit: try range("2019-02-04..2019-02-08"),
            partners: Partners(la: "Stockton-on-Tees Borough Council", health: "NHS Hartlepool and Stockton-on-Tees CCG"))
    }

    static func letter() throws -> PlanCommand {
        .publishLetter(on: try day("2019-04-24"), received: try day("2019-05-02"), statementRequired: true,
                       weaknesses: weaknesses, note: nil)
    }

    static func revisit(sufficient: [String] = ["W1", "W2", "W3", "W4"], insufficient: [String] = [],
                        visited: String = "2022-07-11..2022-07-13", letter: String = "2022-09-26") throws -> PlanCommand {
        .reportRevisit(on: try day(letter), visited: try range(visited), sufficient: sufficient,
                       insufficient: insufficient, note: nil)
    }

    /// DfE/NHS England's formal review of the APP (invented).
    static func review(_ on: String, sufficient: [String] = [], insufficient: [String] = []) throws -> PlanCommand {
        .holdReview(on: try day(on), sufficient: sufficient, insufficient: insufficient, note: nil)
    }

    /// DfE/NHS England release these weaknesses from monitoring (invented).
    static func release(_ on: String, _ weaknesses: [String]) throws -> PlanCommand {
        .release(on: try day(on), weaknesses: weaknesses, note: nil)
    }

    /// The Secretary of State's escalation (invented).
    static func escalate(_ on: String, _ kind: EscalationKind) throws -> PlanCommand {
        .escalate(on: try day(on), kind: kind, issuer: "the Secretary of State for Education", link: nil, note: nil)
    }

    /// A further revisit directed (invented).
    static func direct(_ on: String) throws -> PlanCommand {
        .directRevisit(on: try day(on), issuer: "the Secretary of State for Education", link: nil, note: nil)
    }

    /// A DfE/NHS England visit (dates invented: the seeds give none).
    static func visit(_ on: String) throws -> PlanCommand {
        .holdMonitoringVisit(on: try day(on), advisers: ["DfE SEND adviser", "NHS England SEND adviser"], ratings: [:], followUps: [], note: nil)
    }
}

private func day(_ text: String) throws -> Day { try Day(parsing: text) }
private func range(_ text: String) throws -> DayRange { try DayRange(parsing: text) }

/// Decides and applies commands one at a time, remembering which table rows were taken.
private struct Walker {
    var plan: Plan
    var taken: [Transition] = []
    /// Journal lines so far (the plan was created on line 1).
    var lines = 1

    init(_ created: PlanEvent.PlanCreated) throws {
        let events = try Plan.decide(.create(created), on: nil)
        plan = try #require(Plan.replay(events))
    }

    @discardableResult
    mutating func record(_ command: PlanCommand) throws -> PlanEvent {
        let events = try Plan.decide(command, on: plan)
        try #require(events.count == 1)
        let row = try #require(Lifecycle.transition(in: plan, for: events[0]))
        taken.append(row)
        lines += 1
        plan.apply(events[0], line: lines)
        #expect(plan.phase == row.to)
        return events[0]
    }
}

/// Where a refusal test starts: the real Stockton history, stopped part-way.
private enum Stage {
    case inspected, noStatementRequired, statementDue, statementUnderReview
    /// Fit for purpose on 2019-10-17, no visit yet.
    case justFit
    /// Fit for purpose, then a (dated by us) first DfE/NHSE visit on 2020-01-22.
    case monitoring
    case cessationRecommended, acceleratedProgress, closed

    func plan() throws -> Plan {
        var walk = try Walker(Stockton.created())
        if self == .inspected { return walk.plan }
        if self == .noStatementRequired {
            try walk.record(.publishLetter(on: day("2019-04-24"), received: nil, statementRequired: false,
                                           weaknesses: [], note: nil))
            return walk.plan
        }
        try walk.record(Stockton.letter())
        if self == .statementDue { return walk.plan }
        try walk.record(.submit(on: day("2019-08-12"), note: nil))
        if self == .statementUnderReview { return walk.plan }
        try walk.record(.judge(on: day("2019-10-17"), fit: true, note: "approved, as the Cabinet report of 17 Oct 2019 says"))
        if self == .justFit { return walk.plan }
        try walk.record(Stockton.visit("2020-01-22"))
        if self == .monitoring { return walk.plan }
        if self == .acceleratedProgress {
            try walk.record(Stockton.revisit(sufficient: ["W1", "W3"], insufficient: ["W2", "W4"]))
            return walk.plan
        }
        try walk.record(Stockton.revisit())
        if self == .cessationRecommended { return walk.plan }
        try walk.record(.cease(on: day("2022-10-14"), note: nil))
        return walk.plan
    }
}

/// The 2016 lifecycle walked through decide and apply: every row of the table taken, every
/// refusal naming its rule (and `check`, which verify runs, refusing the same way), and what
/// can happen next in every phase.
@Suite("Lifecycle walk")
struct LifecycleWalkTests {
    // MARK: Every transition

    /// The paths through the table; together they take every row.
    enum Script: String, CaseIterable, Sendable {
        /// Letter → submit → not fit → resubmit → fit → visit → mixed revisit → the APP submitted,
        /// sent back, submitted again, accepted and published → APP visit → formal review →
        /// improvement notice → partial release → a directed revisit still finding one weakness
        /// insufficient → a review judging it sufficient → release of the last → closed.
        case notFitThenMixedRevisit
        /// A statutory direction with no revisit, then a mixed revisit and monitoring ceased
        /// from the APP.
        case directionThenCease
        /// A mixed revisit, then a directed further revisit judging the rest sufficient.
        case directedRevisitAllSufficient
        /// Stockton's real history: letter → submit → fit → visits → all sufficient → cease.
        case stocktonAllSufficient
        /// A letter requiring no statement (Stoke-on-Trent 2016's outcome).
        case noStatementRequired

        func steps() throws -> [(PlanCommand, Phase)] {
            switch self {
            case .notFitThenMixedRevisit:
                return [
                    (try Stockton.letter(), .statementDue),
                    (.submit(on: try day("2019-07-01"), note: "first draft (invented)"), .statementUnderReview),
                    (.judge(on: try day("2019-07-19"), fit: false, note: "revise the measures (invented)"), .statementDue),
                    (.submit(on: try day("2019-08-12"), note: nil), .statementUnderReview),
                    (.judge(on: try day("2019-10-17"), fit: true, note: nil), .monitoring),
                    (try Stockton.visit("2020-01-22"), .monitoring),
                    (try Stockton.revisit(sufficient: ["W1", "W3"], insufficient: ["W2", "W4"]), .acceleratedProgress),
                    (.requestAPP(on: try day("2022-10-03"), due: try day("2022-10-31"), note: nil), .acceleratedProgress),
                    (.submitAPP(on: try day("2022-11-01"), due: nil, note: nil), .acceleratedProgress),
                    (.judgeAPP(on: try day("2022-11-15"), accepted: false, note: "no measures (invented)"), .acceleratedProgress),
                    (.submitAPP(on: try day("2022-12-01"), due: nil, note: nil), .acceleratedProgress),
                    (.judgeAPP(on: try day("2022-12-12"), accepted: true, note: nil), .acceleratedProgress),
                    (.publishAPP(on: try day("2022-12-14"), link: "https://example.org/app", note: nil), .acceleratedProgress),
                    (try Stockton.visit("2023-01-16"), .acceleratedProgress),
                    (try Stockton.review("2023-03-20", sufficient: ["W2"], insufficient: ["W4"]), .acceleratedProgress),
                    (try Stockton.escalate("2023-04-03", .improvementNotice), .acceleratedProgress),
                    (try Stockton.release("2023-04-10", ["W1", "W3"]), .acceleratedProgress),
                    (try Stockton.direct("2023-05-02"), .acceleratedProgress),
                    (try Stockton.revisit(sufficient: [], insufficient: ["W4"], visited: "2023-06-05..2023-06-07", letter: "2023-07-10"),
                     .acceleratedProgress),
                    (try Stockton.review("2023-12-11", sufficient: ["W4"]), .acceleratedProgress),
                    (try Stockton.release("2024-01-15", ["W2", "W4"]), .closed),
                ]
            case .directionThenCease:
                return [
                    (try Stockton.letter(), .statementDue),
                    (.submit(on: try day("2019-08-12"), note: nil), .statementUnderReview),
                    (.judge(on: try day("2019-10-17"), fit: true, note: nil), .monitoring),
                    (try Stockton.escalate("2020-01-22", .statutoryDirection), .monitoring),
                    (try Stockton.revisit(sufficient: ["W1"], insufficient: ["W2", "W3", "W4"]), .acceleratedProgress),
                    (.cease(on: try day("2023-09-26"), note: "superseded by a new inspection (invented)"), .closed),
                ]
            case .directedRevisitAllSufficient:
                return [
                    (try Stockton.letter(), .statementDue),
                    (.submit(on: try day("2019-08-12"), note: nil), .statementUnderReview),
                    (.judge(on: try day("2019-10-17"), fit: true, note: nil), .monitoring),
                    (try Stockton.revisit(sufficient: ["W1", "W3"], insufficient: ["W2", "W4"]), .acceleratedProgress),
                    (try Stockton.direct("2023-01-10"), .acceleratedProgress),
                    (try Stockton.revisit(sufficient: ["W2", "W4"], visited: "2023-03-06..2023-03-08", letter: "2023-04-12"),
                     .cessationRecommended),
                    (.cease(on: try day("2023-05-02"), note: nil), .closed),
                ]
            case .stocktonAllSufficient:
                return [
                    (try Stockton.letter(), .statementDue),
                    (.submit(on: try day("2019-08-12"), note: nil), .statementUnderReview),
                    (.judge(on: try day("2019-10-17"), fit: true, note: "approved by 17 Oct 2019 (Cabinet report)"), .monitoring),
                    (try Stockton.visit("2020-01-22"), .monitoring),
                    (try Stockton.visit("2020-04-22"), .monitoring),
                    (try Stockton.revisit(), .cessationRecommended),
                    (.cease(on: try day("2022-10-14"), note: nil), .closed),
                ]
            case .noStatementRequired:
                return [
                    (.publishLetter(on: try day("2019-04-24"), received: try day("2019-04-17"), statementRequired: false,
                                    weaknesses: [], note: nil), .noStatementRequired),
                ]
            }
        }
    }

    @Test("each script moves through the expected phases", arguments: Script.allCases)
    func walk(script: Script) throws {
        var walk = try Walker(Stockton.created())
        #expect(walk.plan.phase == .inspected)
        var events: [PlanEvent] = [.planCreated(try Stockton.created())]
        for (command, phase) in try script.steps() {
            events.append(try walk.record(command))
            #expect(walk.plan.phase == phase, "after \(command)")
        }
        // Replaying the decided events from nothing gives the same plan.
        #expect(Plan.replay(events) == walk.plan)
    }

    @Test("together the scripts take every row of the table")
    func scriptsCoverEveryRow() throws {
        var taken = Set<Transition>()
        for script in Script.allCases {
            var walk = try Walker(Stockton.created())
            for (command, _) in try script.steps() { try walk.record(command) }
            taken.formUnion(walk.taken)
        }
        let missed = Lifecycle.table.filter { !taken.contains($0) }
        #expect(missed.isEmpty, "rows never walked: \(missed.map { "\($0.from) \($0.label)" })")
    }

    @Test("Stockton's real history ends closed with its facts recorded")
    func stocktonFacts() throws {
        let plan = try Stage.closed.plan()
        #expect(plan.phase == .closed)
        #expect(plan.inspection.letter == (try day("2019-04-24")))
        #expect(plan.inspection.received == (try day("2019-05-02")))
        #expect(plan.inspection.statementRequired == true)
        #expect(plan.weaknesses.map(\.id) == ["W1", "W2", "W3", "W4"])
        #expect(plan.weaknesses.map(\.statement) == Stockton.weaknesses)
        #expect(plan.weaknesses.allSatisfy { $0.outcome == .sufficient && !$0.monitored })
        #expect(plan.submissions == [try day("2019-08-12")])
        #expect(plan.fitForPurpose == (try day("2019-10-17")))
        #expect(plan.visits.map(\.id) == ["V1"])
        #expect(plan.revisit?.visited == (try range("2022-07-11..2022-07-13")))
        #expect(plan.revisit?.letter == (try day("2022-09-26")))
        #expect(plan.revisit?.allSufficient == true)
        #expect(plan.ceased == (try day("2022-10-14")))
        #expect(plan.lastLifecycleDay == (try day("2022-10-14")))
        #expect(plan.lastLifecycleEvent == .monitoringCeased)
    }

    @Test("a not-fit judgement sends the statement back, and fit for purpose is the first fit judgement")
    func notFitThenFit() throws {
        var walk = try Walker(Stockton.created())
        for (command, _) in try Script.notFitThenMixedRevisit.steps().prefix(5) { try walk.record(command) }
        #expect(walk.plan.submissions == [try day("2019-07-01"), try day("2019-08-12")])
        #expect(walk.plan.judgements.map(\.fit) == [false, true])
        #expect(walk.plan.fitForPurpose == (try day("2019-10-17")))
    }

    @Test("mixed revisit: sufficient weaknesses leave monitoring, insufficient ones stay, plan enters APP")
    func mixedOutcomes() throws {
        var walk = try Walker(Stockton.created())
        let steps = try Script.notFitThenMixedRevisit.steps()
        for (command, _) in steps.prefix(7) { try walk.record(command) }
        let plan = walk.plan
        #expect(plan.phase == .acceleratedProgress)
        #expect(plan.weaknesses.map(\.outcome) == [.sufficient, .insufficient, .sufficient, .insufficient])
        // Judged sufficient is not released: DfE/NHS England decide that, on their own date.
        #expect(plan.weaknesses.map(\.monitored) == [true, true, true, true])
        #expect(plan.weaknessesInAcceleratedProgressPlan.map(\.id) == ["W2", "W4"])
        #expect(plan.revisit?.outcomes == ["W1": .sufficient, "W2": .insufficient, "W3": .sufficient, "W4": .insufficient])
        #expect(plan.revisit?.allSufficient == false)

        for (command, _) in steps.dropFirst(7) { try walk.record(command) }
        let closed = walk.plan
        #expect(closed.phase == .closed)
        #expect(closed.visits.map(\.id) == ["V1", "V2"])
        #expect(closed.weaknesses.allSatisfy { !$0.monitored && !($0.released?.byCessation ?? true) })
        #expect(closed.weaknesses.map { $0.released?.on } == [try day("2023-04-10"), try day("2024-01-15"), try day("2023-04-10"), try day("2024-01-15")])
        #expect(closed.weaknesses.map(\.outcome) == [.sufficient, .sufficient, .sufficient, .sufficient])
        #expect(closed.weaknesses.map { $0.judged?.occasion } == [.revisit, .review, .revisit, .review])
        #expect(closed.revisits.count == 2 && closed.reviews.count == 2)
        #expect(closed.acceleratedProgressPlan.accepted == (try day("2022-12-12")))
        #expect(closed.acceleratedProgressPlan.published?.link == "https://example.org/app")
        #expect(closed.escalations.map(\.kind) == [.issued(.improvementNotice), .revisitDirected])
    }

    @Test("some insufficient means even one")
    func oneInsufficientIsEnough() throws {
        var walk = try Walker(Stockton.created())
        for (command, _) in try Script.stocktonAllSufficient.steps().prefix(3) { try walk.record(command) }
        try walk.record(Stockton.revisit(sufficient: ["W1", "W2", "W3"], insufficient: ["W4"]))
        #expect(walk.plan.phase == .acceleratedProgress)
        #expect(walk.plan.weaknessesInAcceleratedProgressPlan.map(\.id) == ["W4"])
        #expect(walk.plan.weaknesses.filter(\.monitored).map(\.id) == ["W1", "W2", "W3", "W4"])
    }

    @Test("decided events are normalised: whitespace collapsed, blank notes dropped")
    func normalisation() throws {
        let plan = try Stage.inspected.plan()
        let events = try Plan.decide(.publishLetter(
            on: day("2019-04-24"), received: nil, statementRequired: true,
            weaknesses: ["  Co-production, engagement and\n communication with parents are underdeveloped. ", "   "],
            note: "  \n "), on: plan)
        #expect(events == [.letterPublished(.init(on: try day("2019-04-24"), received: nil, statementRequired: true,
                                            weaknesses: [Stockton.weaknesses[0]], note: nil))])
    }

    @Test("creating a plan trims names and checks the area")
    func creation() throws {
        let spaced = try Stockton.created(area: "  Stockton-on-Tees \n")
        let created = PlanEvent.PlanCreated(id: spaced.id, area: spaced.area, visit: spaced.visit, partners: spaced.partners,
                                            note: "   ")
        let events = try Plan.decide(.create(created), on: nil)
        guard case let .planCreated(facts) = try #require(events.first) else {
            Issue.record("expected planCreated, got \(events)")
            return
        }
        #expect(facts.area == "Stockton-on-Tees")
        #expect(facts.note == nil)
        let plan = try #require(Plan.replay(events))
        #expect(plan.phase == Lifecycle.initialPhase)
        #expect(plan.lastLifecycleDay == (try day("2019-02-08")))
        #expect(plan.framework == .send2016)

        #expect(throws: WSoAError.planExists(id: Stockton.id)) {
            try Plan.decide(.create(Stockton.created()), on: plan)
        }
        // Blank required text is a refusal by rule (exit 1), not a usage error.
        let blank = try Stockton.created(area: " \t ")
        let error = try #require(throws: WSoAError.self) { try Plan.decide(.create(blank), on: nil) }
        guard case let .refused(refusal) = error else {
            Issue.record("expected a refusal, got \(error)")
            return
        }
        #expect(refusal.rule == .requiredText)
        #expect(refusal.field == .area)
        #expect(refusal.event == .planCreated)
        #expect(!error.isUsageError)
    }

    // MARK: Plan ids

    @Test("invalid plan ids are refused", arguments: [
        "../x", "Plan 1", "", String(repeating: "a", count: 65), "-stockton", "stockton_2019",
        "Stockton-on-Tees-2019", "stockton/2019", ".", "..", "stockton.2019", "stöckton", "stockton\n",
    ])
    func invalidPlanIDs(id: String) throws {
        #expect(throws: WSoAError.invalidPlanID(id: id)) { try PlanID.validate(id) }
        // decide is where every rule is applied before anything is written, and an event with
        // such an id could never be read back (PlanCreated's reader refuses it).
        #expect(throws: WSoAError.invalidPlanID(id: id)) {
            try Plan.decide(.create(Stockton.created(id: id)), on: nil)
        }
        let message = WSoAError.invalidPlanID(id: id).description
        #expect(message.contains("is not a valid plan id"))
    }

    @Test("valid plan ids are accepted", arguments: [
        "stockton-on-tees-2019", "a", "0", "2019-stockton", "stockton-", String(repeating: "a", count: 64),
        "redcar-and-cleveland-2018",
    ])
    func validPlanIDs(id: String) throws {
        try PlanID.validate(id)
        let events = try Plan.decide(.create(Stockton.created(id: id)), on: nil)
        #expect(Plan.replay(events)?.id == id)
    }

    // MARK: Every refusal

    /// Each refusal the engine can make, with the rule it must name.
    enum RefusalCase: String, CaseIterable, Sendable {
        case submitWhileInspected, judgeWhileStatementDue, letterWhileStatementDue, visitWhileUnderReview,
             revisitWhileUnderReview, ceaseWhileMonitoring, submitWhileMonitoring, visitWhileCessationRecommended,
             revisitWhileAcceleratedProgress, appEventWhileMonitoring
        case visitAfterClosed, ceaseAfterClosed, letterAfterClosed, submitAfterNoStatementRequired,
             letterAfterNoStatementRequired
        case submitBeforeLetter, judgeBeforeSubmission, resubmitBeforeNotFit, visitBeforeFit, visitBeforeLastVisit,
             revisitLetterBeforeLastVisit, ceaseBeforeRevisitLetter
        case letterBeforeVisitEnd, receivedBeforeVisitEnd
        case statementLetterWithoutWeakness, statementLetterWithBlankWeakness, noStatementLetterWithWeaknesses
        case revisitLetterBeforeRevisitEnd, revisitStartingBeforeFit
        case revisitMissingWeakness, revisitJudgingNothing, revisitUnknownWeakness, revisitJudgingOneTwice
        case releaseOfInsufficientWeakness, releaseTwice, releaseOfNothing
        case appDecisionBeforeSubmission, appSubmittedTwice, appReturnedWithoutReason, appPublishedBeforeSubmission
        case reviewMissingWeakness, reviewOfReleasedWeakness
        case revisitDirectedTwice, directedRevisitBeforeDirection

        /// The plan, the command, the rule that must refuse it, and words the reason must contain.
        func setup() throws -> (Plan, PlanCommand, Rule, String) {
            switch self {
            case .submitWhileInspected:
                return (try Stage.inspected.plan(), .submit(on: try day("2019-08-12"), note: nil), Rule.lifecycle,
                        "it needs the plan to be statement due, and the plan is inspected, outcome awaited")
            case .judgeWhileStatementDue:
                return (try Stage.statementDue.plan(), .judge(on: try day("2019-10-17"), fit: true, note: nil), Rule.lifecycle,
                        "it needs the plan to be statement under review, and the plan is statement due")
            case .letterWhileStatementDue:
                return (try Stage.statementDue.plan(), try Stockton.letter(), Rule.lifecycle,
                        "it needs the plan to be inspected, outcome awaited, and the plan is statement due")
            case .visitWhileUnderReview:
                return (try Stage.statementUnderReview.plan(), try Stockton.visit("2019-09-10"), Rule.lifecycle,
                        "it needs the plan to be monitoring or accelerated progress plan, and the plan is statement under review")
            case .revisitWhileUnderReview:
                return (try Stage.statementUnderReview.plan(), try Stockton.revisit(), Rule.lifecycle,
                        "it needs the plan to be monitoring or accelerated progress plan, and the plan is statement under review")
            case .appEventWhileMonitoring:
                return (try Stage.monitoring.plan(), .submitAPP(on: try day("2020-03-01"), due: nil, note: nil), Rule.lifecycle,
                        "it needs the plan to be accelerated progress plan, and the plan is monitoring")
            case .ceaseWhileMonitoring:
                return (try Stage.monitoring.plan(), .cease(on: try day("2020-03-01"), note: nil), Rule.lifecycle,
                        "it needs the plan to be cessation recommended or accelerated progress plan, and the plan is monitoring")
            case .submitWhileMonitoring:
                return (try Stage.monitoring.plan(), .submit(on: try day("2020-03-01"), note: nil), Rule.lifecycle,
                        "the plan is monitoring")
            case .visitWhileCessationRecommended:
                return (try Stage.cessationRecommended.plan(), try Stockton.visit("2022-10-05"), Rule.lifecycle,
                        "the plan is cessation recommended")
            case .revisitWhileAcceleratedProgress:
                return (try Stage.acceleratedProgress.plan(), try Stockton.revisit(letter: "2023-09-26"), Rule.revisitDirected,
                        "only when the Secretary of State directs it")
            case .visitAfterClosed:
                return (try Stage.closed.plan(), try Stockton.visit("2022-12-01"), Rule.finalPhase, "the plan is closed, a final phase")
            case .ceaseAfterClosed:
                return (try Stage.closed.plan(), .cease(on: try day("2022-12-01"), note: nil), Rule.finalPhase, "the plan is closed")
            case .letterAfterClosed:
                return (try Stage.closed.plan(), try Stockton.letter(), Rule.finalPhase, "the plan is closed")
            case .submitAfterNoStatementRequired:
                return (try Stage.noStatementRequired.plan(), .submit(on: try day("2019-08-12"), note: nil), Rule.finalPhase,
                        "the plan is no statement required, a final phase")
            case .letterAfterNoStatementRequired:
                return (try Stage.noStatementRequired.plan(), try Stockton.letter(), Rule.finalPhase, "the plan is no statement required")
            case .submitBeforeLetter:
                return (try Stage.statementDue.plan(), .submit(on: try day("2019-04-01"), note: nil), Rule.datesInOrder,
                        "its date 2019-04-01 is before 2019-04-24, the date of the last lifecycle event (letter published)")
            case .judgeBeforeSubmission:
                return (try Stage.statementUnderReview.plan(), .judge(on: try day("2019-08-09"), fit: true, note: nil),
                        Rule.datesInOrder, "before 2019-08-12, the date of the last lifecycle event (statement submitted)")
            case .resubmitBeforeNotFit:
                var walk = try Walker(Stockton.created())
                for (command, _) in try Script.notFitThenMixedRevisit.steps().prefix(3) { try walk.record(command) }
                return (walk.plan, .submit(on: try day("2019-07-10"), note: nil), Rule.datesInOrder,
                        "before 2019-07-19, the date of the last lifecycle event (statement judged)")
            case .visitBeforeFit:
                return (try Stage.justFit.plan(), try Stockton.visit("2019-10-01"), Rule.datesInOrder,
                        "before 2019-10-17, the date of the last lifecycle event (statement judged)")
            case .visitBeforeLastVisit:
                return (try Stage.monitoring.plan(), try Stockton.visit("2020-01-21"), Rule.datesInOrder,
                        "before 2020-01-22, the date of the last lifecycle event (monitoring visit)")
            case .revisitLetterBeforeLastVisit:
                return (try Stage.monitoring.plan(),
                        try Stockton.revisit(visited: "2019-11-04..2019-11-06", letter: "2019-12-10"), Rule.datesInOrder,
                        "its date 2019-12-10 is before 2020-01-22")
            case .ceaseBeforeRevisitLetter:
                return (try Stage.cessationRecommended.plan(), .cease(on: try day("2022-09-01"), note: nil), Rule.datesInOrder,
                        "before 2022-09-26, the date of the last lifecycle event (revisit reported)")
            case .letterBeforeVisitEnd:
                return (try Stage.inspected.plan(),
                        .publishLetter(on: try day("2019-02-07"), received: nil, statementRequired: true,
                                       weaknesses: Stockton.weaknesses, note: nil),
                        Rule.letterAfterVisit, "the letter date 2019-02-07 is before the inspection visit ended on 2019-02-08")
            case .receivedBeforeVisitEnd:
                return (try Stage.inspected.plan(),
                        .publishLetter(on: try day("2019-04-24"), received: try day("2019-02-06"), statementRequired: true,
                                       weaknesses: Stockton.weaknesses, note: nil),
                        Rule.letterAfterVisit, "the received date 2019-02-06 is before the inspection visit ended on 2019-02-08")
            case .statementLetterWithoutWeakness:
                return (try Stage.inspected.plan(),
                        .publishLetter(on: try day("2019-04-24"), received: nil, statementRequired: true, weaknesses: [], note: nil),
                        Rule.statementNamesWeakness, "must name at least one area of significant weakness")
            case .statementLetterWithBlankWeakness:
                return (try Stage.inspected.plan(),
                        .publishLetter(on: try day("2019-04-24"), received: nil, statementRequired: true,
                                       weaknesses: [" ", "\n\t"], note: nil),
                        Rule.statementNamesWeakness, "must name at least one area of significant weakness")
            case .noStatementLetterWithWeaknesses:
                return (try Stage.inspected.plan(),
                        .publishLetter(on: try day("2019-04-24"), received: nil, statementRequired: false,
                                       weaknesses: Stockton.weaknesses, note: nil),
                        Rule.statementNamesWeakness, "cannot name areas of significant weakness")
            case .revisitLetterBeforeRevisitEnd:
                return (try Stage.monitoring.plan(),
                        try Stockton.revisit(visited: "2022-07-11..2022-07-13", letter: "2022-07-12"),
                        Rule.revisitAfterFitForPurpose, "the revisit letter date 2022-07-12 is before the revisit ended on 2022-07-13")
            case .revisitStartingBeforeFit:
                return (try Stage.justFit.plan(),
                        try Stockton.revisit(visited: "2019-10-14..2019-10-16", letter: "2019-11-20"),
                        Rule.revisitAfterFitForPurpose,
                        "the revisit started on 2019-10-14, before the statement was judged fit for purpose on 2019-10-17")
            case .revisitMissingWeakness:
                return (try Stage.monitoring.plan(), try Stockton.revisit(sufficient: ["W1", "W2", "W3"]),
                        Rule.revisitJudgesEveryWeakness, "no judgement was given for W4")
            case .revisitJudgingNothing:
                return (try Stage.monitoring.plan(), try Stockton.revisit(sufficient: []),
                        Rule.revisitJudgesEveryWeakness, "no judgement was given for W1, W2, W3, W4")
            case .revisitUnknownWeakness:
                return (try Stage.monitoring.plan(), try Stockton.revisit(sufficient: ["W1", "W2", "W3", "W4", "W5"]),
                        Rule.revisitJudgesEveryWeakness, "W5 is not one of the plan's weaknesses (W1, W2, W3, W4)")
            case .releaseOfInsufficientWeakness:
                return (try Stage.acceleratedProgress.plan(), try Stockton.release("2022-10-03", ["W1", "W2"]), Rule.releaseJudgedSufficient,
                        "W2 was last judged not sufficient progress at the revisit (letter of 26 September 2022), so it stays in the accelerated progress plan")
            case .releaseTwice:
                var walk = try Walker(Stockton.created())
                for (command, _) in try Script.notFitThenMixedRevisit.steps().prefix(17) { try walk.record(command) }
                return (walk.plan, try Stockton.release("2023-04-11", ["W3"]), Rule.releaseJudgedSufficient,
                        "W3 is already released from monitoring on 10 April 2023")
            case .releaseOfNothing:
                return (try Stage.acceleratedProgress.plan(), try Stockton.release("2022-10-03", []), Rule.releaseJudgedSufficient,
                        "a release names at least one weakness")
            case .appDecisionBeforeSubmission:
                return (try Stage.acceleratedProgress.plan(), .judgeAPP(on: try day("2022-10-03"), accepted: true, note: nil),
                        Rule.appInOrder, "no accelerated progress plan has been submitted to decide on")
            case .appSubmittedTwice:
                var walk = try Walker(Stockton.created())
                for (command, _) in try Script.notFitThenMixedRevisit.steps().prefix(9) { try walk.record(command) }
                return (walk.plan, .submitAPP(on: try day("2022-11-02"), due: nil, note: nil), Rule.appInOrder,
                        "the accelerated progress plan submitted on 2022-11-01 still awaits DfE and NHS England's decision")
            case .appReturnedWithoutReason:
                var walk = try Walker(Stockton.created())
                for (command, _) in try Script.notFitThenMixedRevisit.steps().prefix(9) { try walk.record(command) }
                return (walk.plan, .judgeAPP(on: try day("2022-11-15"), accepted: false, note: " "), Rule.appInOrder,
                        "an accelerated progress plan sent back needs a note saying why")
            case .appPublishedBeforeSubmission:
                return (try Stage.acceleratedProgress.plan(), .publishAPP(on: try day("2022-10-03"), link: "https://example.org/app", note: nil),
                        Rule.appInOrder, "no accelerated progress plan has been submitted to publish")
            case .reviewMissingWeakness:
                return (try Stage.acceleratedProgress.plan(), try Stockton.review("2023-03-20", insufficient: ["W2"]),
                        Rule.reviewJudgesEveryWeakness, "no judgement was given for W4")
            case .reviewOfReleasedWeakness:
                var walk = try Walker(Stockton.created())
                for (command, _) in try Script.notFitThenMixedRevisit.steps().prefix(17) { try walk.record(command) }
                return (walk.plan, try Stockton.review("2023-04-20", sufficient: ["W1"], insufficient: ["W4"]), Rule.reviewJudgesEveryWeakness,
                        "W1 is released from monitoring on 10 April 2023")
            case .revisitDirectedTwice:
                var walk = try Walker(Stockton.created())
                for (command, _) in try Script.notFitThenMixedRevisit.steps().prefix(18) { try walk.record(command) }
                return (walk.plan, try Stockton.direct("2023-05-03"), Rule.revisitDirected,
                        "a further revisit was already directed on 2023-05-02 and has not yet been reported")
            case .directedRevisitBeforeDirection:
                var walk = try Walker(Stockton.created())
                for (command, _) in try Script.notFitThenMixedRevisit.steps().prefix(18) { try walk.record(command) }
                return (walk.plan, try Stockton.revisit(sufficient: ["W4"], visited: "2023-05-01..2023-05-03", letter: "2023-06-01"),
                        Rule.revisitDirected, "the revisit started on 2023-05-01, before the Secretary of State directed it on 2023-05-02")
            case .revisitJudgingOneTwice:
                return (try Stage.monitoring.plan(),
                        try Stockton.revisit(sufficient: ["W1", "W2", "W3", "W4"], insufficient: ["W2"]),
                        Rule.revisitJudgesEveryWeakness, "W2 is judged more than once")
            }
        }
    }

    @Test("every refusal names its rule", arguments: RefusalCase.allCases)
    func refusal(_ refusal: RefusalCase) throws {
        let (plan, command, rule, mention) = try refusal.setup()
        let error = try #require(throws: WSoAError.self) { try Plan.decide(command, on: plan) }
        guard case let .refused(refused) = error else {
            Issue.record("expected a refusal, got \(error)")
            return
        }
        #expect(refused.rule == rule)
        #expect(refused.plan == Stockton.id)
        #expect(refused.event == command.eventType)
        #expect(refused.reason.contains(mention), "reason was: \(refused.reason)")
        #expect(error.description == "Rule \(rule.rawValue) refuses '\(refused.event.words)' for \(Stockton.id): \(refused.reason).")
        #expect(!error.isUsageError)
        // `check`, which verify runs on every journal line, refuses the decided event the same way.
        if let event = Self.event(for: command) {
            #expect(throws: error) { try plan.check(event, personalDataAllowed: false) }
        }
        if rule == .lifecycle || (rule == .revisitDirected && refusal == .revisitWhileAcceleratedProgress) {
            // "What can happen next" gives the same reason.
            let step = try #require(plan.nextSteps.first { $0.event == refused.event })
            #expect(!step.allowed)
            #expect(step.missing == [refused.reason])
        }
    }

    /// The event a lifecycle command asks for, as `decide` makes it (these commands carry no
    /// text to normalise); nil for a revisit judging a weakness twice, which no event can say.
    static func event(for command: PlanCommand) -> PlanEvent? {
        switch command {
        case let .publishLetter(on, received, required, weaknesses, note, estimated):
            return .letterPublished(.init(on: on, received: received, statementRequired: required,
                                          weaknesses: weaknesses.filter { !$0.allSatisfy(\.isWhitespace) }, note: note, estimated: estimated))
        case let .submit(on, note, estimated): return .statementSubmitted(.init(on: on, note: note, estimated: estimated))
        case let .judge(on, fit, note, estimated): return .statementJudged(.init(on: on, fit: fit, note: note, estimated: estimated))
        case let .holdMonitoringVisit(on, advisers, attendees, ratings, followUps, note, estimated):
            return .monitoringVisitHeld(.init(on: on, advisers: advisers, attendees: attendees, ratings: ratings, followUps: followUps,
                                              note: note, estimated: estimated))
        case let .reportRevisit(on, visited, sufficient, insufficient, note, estimated):
            guard Set(sufficient + insufficient).count == sufficient.count + insufficient.count else { return nil }
            var outcomes: [String: WeaknessOutcome] = [:]
            for id in sufficient { outcomes[id] = .sufficient }
            for id in insufficient { outcomes[id] = .insufficient }
            return .revisitReported(.init(on: on, visited: visited, outcomes: outcomes, note: note, estimated: estimated))
        case let .cease(on, note, estimated): return .monitoringCeased(.init(on: on, note: note, estimated: estimated))
        case let .release(on, weaknesses, note, estimated):
            return .weaknessesReleased(.init(on: on, weaknesses: weaknesses, note: note, estimated: estimated))
        case let .submitAPP(on, due, note, estimated): return .appSubmitted(.init(on: on, due: due, note: note, estimated: estimated))
        case let .publishAPP(on, link, note, estimated): return .appPublished(.init(on: on, link: link, note: note, estimated: estimated))
        case let .directRevisit(on, issuer, link, note, estimated):
            return .revisitDirected(.init(on: on, issuer: issuer, link: link, note: note, estimated: estimated))
        default: return nil
        }
    }

    @Test("every guard in the table is exercised by some refusal")
    func everyGuardHasARefusal() throws {
        var named = Set<Rule>()
        for refusal in RefusalCase.allCases { named.insert(try refusal.setup().2) }
        for rule in Set(Lifecycle.table.flatMap(\.guards)) {
            #expect(named.contains(rule), "no refusal test for \(rule.rawValue)")
        }
        #expect(named.isSuperset(of: [.lifecycle, .finalPhase]))
    }

    @Test("recording into no plan is refused")
    func noPlan() throws {
        let error = try #require(throws: WSoAError.self) {
            try Plan.decide(.submit(on: day("2019-08-12"), note: nil), on: nil)
        }
        guard case let .refused(refusal) = error else {
            Issue.record("expected a refusal, got \(error)")
            return
        }
        #expect(refusal.rule == .lifecycle)
        #expect(refusal.event == .statementSubmitted)
        #expect(refusal.reason == "there is no plan to record it in")
    }

    @Test("lifecycle events on the same day as the last one are accepted")
    func sameDayIsInOrder() throws {
        var walk = try Walker(Stockton.created())
        // The letter may be dated the visit's last day.
        try walk.record(.publishLetter(on: day("2019-02-08"), received: day("2019-02-08"), statementRequired: true,
                                       weaknesses: Stockton.weaknesses, note: nil))
        try walk.record(.submit(on: day("2019-02-08"), note: nil))
        #expect(walk.plan.phase == .statementUnderReview)
    }

    // MARK: What can happen next

    @Test("next steps list every event but planCreated, in order, in every phase",
          arguments: [Stage.inspected, .noStatementRequired, .statementDue, .statementUnderReview, .justFit,
                      .monitoring, .cessationRecommended, .acceleratedProgress, .closed])
    fileprivate func nextStepsAgreeWithTable(stage: Stage) throws {
        let plan = try stage.plan()
        let steps = plan.nextSteps
        let table = Lifecycle.table(for: plan.framework)
        #expect(steps.map(\.event) == EventType.allCases.filter { type in type != .planCreated && table.contains { $0.event == type } })
        let accepted = Set(Lifecycle.transitions(from: plan.phase).map(\.event))
        for step in steps {
            // Allowed only where the table has a row; a row may still be blocked by the plan's state (after a revisit).
            #expect(step.allowed == (accepted.contains(step.event) && plan.stateBlock(for: step.event) == nil), "\(plan.phase) \(step.event)")
            #expect(step.missing.isEmpty == step.allowed)
            #expect(step.leadsTo.isEmpty == !step.allowed)
        }
    }

    @Test("next steps when the letter is awaited")
    func nextStepsInspected() throws {
        let steps = try Stage.inspected.plan().nextSteps
        let letter = try #require(steps.first { $0.event == .letterPublished })
        #expect(letter.allowed)
        #expect(letter.missing.isEmpty)
        #expect(letter.leadsTo == ["no WSoA → no statement required", "WSoA required → statement due"])
        let submit = try #require(steps.first { $0.event == .statementSubmitted })
        #expect(!submit.allowed)
        #expect(submit.missing == ["it needs the plan to be statement due, and the plan is inspected, outcome awaited"])
        #expect(steps.filter(\.allowed).map(\.event) == [.letterPublished])
    }

    @Test("next steps while under review and while monitoring")
    func nextStepsReviewAndMonitoring() throws {
        let review = try Stage.statementUnderReview.plan().nextSteps
        #expect(review.filter(\.allowed).map(\.event) == [.statementJudged])
        #expect(review.first { $0.event == .statementJudged }?.leadsTo
                == ["fit for purpose → monitoring", "not fit for purpose → statement due"])

        let monitoring = try Stage.monitoring.plan().nextSteps
        #expect(monitoring.filter(\.allowed).map(\.event) == [.monitoringVisitHeld, .revisitReported, .escalationIssued])
        #expect(monitoring.first { $0.event == .monitoringVisitHeld }?.leadsTo == ["monitoring"])
        #expect(monitoring.first { $0.event == .revisitReported }?.leadsTo
                == ["all sufficient → cessation recommended", "some insufficient → accelerated progress plan"])
        #expect(monitoring.first { $0.event == .monitoringCeased }?.missing
                == ["it needs the plan to be cessation recommended or accelerated progress plan, and the plan is monitoring"])
    }

    @Test("next steps in an accelerated progress plan, awaiting cessation, and when final")
    func nextStepsLater() throws {
        let app = try Stage.acceleratedProgress.plan().nextSteps
        #expect(app.filter(\.allowed).map(\.event) == [.monitoringVisitHeld, .monitoringCeased, .weaknessesReleased, .appRequested,
                                                        .appSubmitted, .progressReviewHeld, .escalationIssued, .revisitDirected])
        // The phase allows these, but the plan's state does not yet: "what can happen next" says why.
        #expect(app.first { $0.event == .revisitReported }?.missing
                == ["Ofsted and CQC revisit an area in an accelerated progress plan only when the Secretary of State directs it; record the direction first with 'wsoa advance stockton-on-tees-2019 revisit-directed --on DATE'"])
        #expect(app.first { $0.event == .appJudged }?.missing == ["no accelerated progress plan has been submitted to decide on"])
        #expect(app.first { $0.event == .monitoringCeased }?.leadsTo == ["closed"])
        #expect(app.first { $0.event == .weaknessesReleased }?.leadsTo
                == ["some still monitored → accelerated progress plan", "none left in monitoring → closed"])

        let awaiting = try Stage.cessationRecommended.plan().nextSteps
        #expect(awaiting.filter(\.allowed).map(\.event) == [.monitoringCeased])

        for (stage, phase) in [(Stage.closed, "closed"), (Stage.noStatementRequired, "no statement required")] {
            let steps = try stage.plan().nextSteps
            #expect(steps.allSatisfy { !$0.allowed && $0.leadsTo.isEmpty })
            #expect(steps.allSatisfy { $0.missing == ["the plan is \(phase), a final phase"] })
        }
    }
}
