import WSoAEngine

/// A small plan for readiness tests, built event by event as a journal would build it.
///
/// Testshire was inspected in October 2023 and its statement judged fit for purpose on
/// 1 April 2024. It has two weaknesses; workstream `ws` addresses W1 only. Each helper applies
/// one event, so a test can add or age exactly one piece of evidence, one reading or one action.
struct ReadinessTestPlan {
    /// The plan as folded so far.
    private(set) var plan: Plan
    /// Every event applied, in journal order.
    private(set) var events: [PlanEvent]

    static func day(_ text: String) -> Day { try! Day(parsing: text) }

    /// A plan in monitoring with W1 and W2, and workstream `ws` addressing W1.
    init(weaknesses: [String] = ["Too little co-production with families.", "EHC plans are late & poor."]) {
        let created = PlanEvent.PlanCreated(id: "testshire-2023", area: "Testshire",
                                            visit: try! DayRange(parsing: "2023-10-02..2023-10-06"),
                                            partners: Partners(la: "Testshire County Council", health: "NHS Testshire ICB"))
        plan = Plan(created: created)
        events = [.planCreated(created)]
        apply(.letterPublished(on: Self.day("2023-11-20"), received: Self.day("2023-11-22"), statementRequired: true,
                               weaknesses: weaknesses, note: nil))
        apply(.statementSubmitted(on: Self.day("2024-02-20"), note: nil))
        apply(.statementJudged(on: Self.day("2024-04-01"), fit: true, note: nil))
        workstream("ws", addresses: ["W1"])
    }

    /// Just the inspection: no letter yet.
    static func justInspected() -> ReadinessTestPlan {
        var fixture = ReadinessTestPlan()
        let created = PlanEvent.PlanCreated(id: "newshire-2026", area: "Newshire",
                                            visit: try! DayRange(parsing: "2026-11-09..2026-11-13"))
        fixture.plan = Plan(created: created)
        fixture.events = [.planCreated(created)]
        return fixture
    }

    mutating func apply(_ event: PlanEvent) {
        plan.apply(event)
        events.append(event)
    }

    mutating func workstream(_ id: String, addresses: [String], on: String = "2024-04-10") {
        apply(.workstreamAdded(on: Self.day(on), workstream: Workstream(id: id, title: "Workstream \(id)", lead: "Lead of \(id)",
                                                                        accountable: "Director", partner: .la, addresses: addresses)))
    }

    /// Adds an action and returns its id; `completed` reports it complete that day.
    @discardableResult
    mutating func action(due: String, completed: String? = nil, workstream: String = "ws", title: String? = nil,
                         added: String = "2024-04-15") -> String {
        let id = "A\(plan.actions.count + 1)"
        apply(.actionAdded(on: Self.day(added), id: id, workstream: workstream, title: title ?? "Action \(id)", lead: nil,
                           due: Self.day(due)))
        if let completed { complete(id, on: completed) }
        return id
    }

    mutating func complete(_ id: String, on: String) {
        apply(.actionUpdated(on: Self.day(on), id: id, status: .complete, note: nil))
    }

    mutating func status(_ id: String, _ status: ActionStatus, on: String, note: String? = nil) {
        apply(.actionUpdated(on: Self.day(on), id: id, status: status, note: note))
    }

    mutating func retarget(_ id: String, to due: String, on: String) {
        apply(.actionRetargeted(on: Self.day(on), id: id, due: Self.day(due), reason: "Slipped.", agreedWith: nil))
    }

    /// Adds evidence and returns its id.
    @discardableResult
    mutating func evidence(_ kind: EvidenceKind, on: String, weakness: String? = nil, workstream: String = "ws",
                           title: String? = nil) -> String {
        let id = "E\(plan.evidence.count + 1)"
        apply(.evidenceAdded(evidence: Evidence(id: id, workstream: workstream, weakness: weakness, kind: kind, on: Self.day(on),
                                                title: title ?? "\(kind.rawValue) evidence \(id)", source: "Test source")))
        return id
    }

    /// Adds a measure (higher is better unless `lower`) and returns its id.
    @discardableResult
    mutating func measure(baseline: Double, _ baselineDay: String, target: Double, _ targetDay: String, lower: Bool = false,
                          workstream: String = "ws", title: String? = nil, national: Double? = nil) -> String {
        let id = "M\(plan.measures.count + 1)"
        apply(.measureAdded(on: Self.day("2024-04-20"), measure: Measure(
            id: id, workstream: workstream, title: title ?? "Measure \(id)", unit: "%",
            direction: lower ? .lowerIsBetter : .higherIsBetter, baseline: Reading(on: Self.day(baselineDay), value: baseline),
            national: national, target: Reading(on: Self.day(targetDay), value: target))))
        return id
    }

    mutating func reading(_ id: String, _ on: String, _ value: Double) {
        apply(.measureRecorded(on: Self.day(on), id: id, value: value))
    }

    mutating func visit(on: String, ratings: [String: Rating] = [:]) {
        apply(.monitoringVisitHeld(on: Self.day(on), advisers: ["DfE adviser"], ratings: ratings, followUps: [], note: nil))
    }

    /// The journal entries, numbered in the order the events were applied.
    var entries: [JournalEntry] {
        events.enumerated().map { JournalEntry(seq: $0.offset + 1, prev: "", recorded: "2026-11-23T00:00:00Z", by: "test", event: $0.element) }
    }

    /// The plan as it stood at `asOf`: only events dated on or before it, as the store folds.
    func plan(asOf: Day) -> Plan {
        var folded: Plan?
        for event in events {
            if case let .planCreated(created) = event { folded = Plan(created: created) } else if event.on <= asOf { folded?.apply(event) }
        }
        return folded ?? plan
    }

    /// The whole assessment at `asOf`.
    func assessment(asOf text: String) -> ReadinessAssessment {
        let asOf = Self.day(text)
        return ReadinessAssessment(plan: plan(asOf: asOf), entries: entries, asOf: asOf, calendar: .englandAndWales,
                                   record: RecordFacts(head: String(repeating: "ab", count: 32), events: events.count,
                                                       folded: events.filter { $0.on <= asOf }.count))
    }

    /// One weakness's readiness at `asOf`.
    func readiness(_ weakness: String = "W1", asOf: String) -> WeaknessReadiness {
        assessment(asOf: asOf).weaknesses.first { $0.weakness.id == weakness }!
    }

    /// W1 at the top of the ladder on 30 June 2025: half its actions done and none overdue;
    /// impact (May 2025 and November 2024) and voice (May 2025) evidence; M1 at or beyond its
    /// target of 60% in every reading since 30 September 2024.
    static func sustained() -> ReadinessTestPlan {
        var fixture = ReadinessTestPlan()
        fixture.action(due: "2024-09-30", completed: "2024-09-20")
        fixture.action(due: "2025-12-31")
        fixture.evidence(.impact, on: "2024-11-01")
        fixture.evidence(.impact, on: "2025-05-01", weakness: "W1")
        fixture.evidence(.voice, on: "2025-05-15")
        let m = fixture.measure(baseline: 40, "2024-01-31", target: 60, "2025-03-31")
        for (on, value) in [("2024-06-30", 50.0), ("2024-09-30", 61), ("2024-12-31", 62), ("2025-03-31", 63), ("2025-05-31", 64)] {
            fixture.reading(m, on, value)
        }
        return fixture
    }
}
