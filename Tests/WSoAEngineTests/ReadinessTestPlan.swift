import WSoAEngine

/// A small plan for readiness tests, built event by event as a journal would build it.
///
/// Testshire was inspected in October 2023 and its statement judged fit for purpose on
/// 1 April 2024. It has two weaknesses; workstream `ws` addresses W1 only. Each helper applies
/// one event, so a test can add or age exactly one piece of evidence, one reading or one action.
struct ReadinessTestPlan {
    /// The plan as folded so far.
    private(set) var plan: Plan
    /// Its delivery record (every evidence item, status report and reading, with its line).
    private(set) var record = DeliveryRecord()
    /// Every event applied, in journal order: event `n` (from 0) is journal line `n + 1`.
    private(set) var events: [PlanEvent]

    static func day(_ text: String) -> Day { try! Day(parsing: text) }

    /// A plan in monitoring with W1 and W2, and workstream `ws` addressing W1.
    init(weaknesses: [String] = ["Too little co-production with families.", "EHC plans are late & poor."]) {
        // A 2016 plan whatever its dates: these tests are about the 2016 report.
        let created = PlanEvent.PlanCreated(id: "testshire-2023", area: "Testshire", framework: .send2016,
                                            visit: try! DayRange(parsing: "2023-10-02..2023-10-06"),
                                            partners: Partners(la: "Testshire County Council", health: "NHS Testshire ICB"))
        plan = Plan(created: created)
        events = [.planCreated(created)]
        apply(.letterPublished(.init(on: Self.day("2023-11-20"), received: Self.day("2023-11-22"), statementRequired: true,
                                     weaknesses: weaknesses)))
        apply(.statementSubmitted(.init(on: Self.day("2024-02-20"))))
        apply(.statementJudged(.init(on: Self.day("2024-04-01"), fit: true)))
        workstream("ws", addresses: ["W1"])
    }

    /// Just the inspection: no letter yet.
    static func justInspected() -> ReadinessTestPlan {
        var fixture = ReadinessTestPlan()
        let created = PlanEvent.PlanCreated(id: "newshire-2026", area: "Newshire", framework: .send2016,
                                            visit: try! DayRange(parsing: "2026-11-09..2026-11-13"))
        fixture.plan = Plan(created: created)
        fixture.record = DeliveryRecord()
        fixture.events = [.planCreated(created)]
        return fixture
    }

    /// Applies `event` as the next journal line, to the plan and its delivery record.
    mutating func apply(_ event: PlanEvent) {
        events.append(event)
        plan.apply(event, line: events.count)
        record.apply(event, line: events.count)
    }

    /// The journal line of the last event applied.
    var lastLine: Int { events.count }

    mutating func workstream(_ id: String, addresses: [String], on: String = "2024-04-10") {
        apply(.workstreamAdded(.init(on: Self.day(on), workstream: Workstream(id: id, title: "Workstream \(id)", lead: "Lead of \(id)",
                                                                              accountable: "Director", partners: [.la], addresses: addresses))))
    }

    /// Adds an action and returns its id; `completed` reports it complete that day.
    @discardableResult
    mutating func action(due: String, completed: String? = nil, workstream: String = "ws", title: String? = nil,
                         added: String = "2024-04-15") -> String {
        let id = "A\(plan.actions.count + 1)"
        apply(.actionAdded(.init(on: Self.day(added), id: id, workstream: workstream, title: title ?? "Action \(id)",
                                 due: Self.day(due))))
        if let completed { complete(id, on: completed) }
        return id
    }

    mutating func complete(_ id: String, on: String) {
        apply(.actionUpdated(.init(on: Self.day(on), id: id, status: .complete)))
    }

    mutating func status(_ id: String, _ status: ActionStatus, on: String, note: String? = nil) {
        apply(.actionUpdated(.init(on: Self.day(on), id: id, status: status, note: note)))
    }

    mutating func retarget(_ id: String, to due: String, on: String) {
        apply(.actionRetargeted(.init(on: Self.day(on), id: id, due: Self.day(due), reason: "Slipped.")))
    }

    /// Adds evidence and returns its id.
    @discardableResult
    mutating func evidence(_ kind: EvidenceKind, on: String, weakness: String? = nil, workstream: String = "ws",
                           title: String? = nil) -> String {
        let id = "E\(plan.evidence.count + 1)"
        apply(.evidenceAdded(.init(on: Self.day(on), id: id, workstream: workstream, weaknesses: weakness.map { [$0] } ?? [], kind: kind,
                                   title: title ?? "\(kind.rawValue) evidence \(id)", source: "Test source")))
        return id
    }

    /// Adds a measure (higher is better unless `lower`) and returns its id.
    @discardableResult
    mutating func measure(baseline: Double, _ baselineDay: String, target: Double, _ targetDay: String, lower: Bool = false,
                          workstream: String = "ws", title: String? = nil, national: Double? = nil) -> String {
        let id = "M\(plan.measures.count + 1)"
        apply(.measureAdded(.init(
            on: Self.day("2024-04-20"), id: id, workstream: workstream, title: title ?? "Measure \(id)", unit: "%",
            direction: lower ? .lowerIsBetter : .higherIsBetter, baseline: Reading(on: Self.day(baselineDay), value: baseline),
            national: national, target: Reading(on: Self.day(targetDay), value: target))))
        return id
    }

    mutating func reading(_ id: String, _ on: String, _ value: Double) {
        apply(.measureRecorded(.init(on: Self.day(on), id: id, value: value)))
    }

    mutating func visit(on: String, ratings: [String: Rating] = [:]) {
        apply(.monitoringVisitHeld(.init(on: Self.day(on), advisers: ["DfE adviser"], ratings: ratings)))
    }

    /// The plan and its delivery record as they stood at `asOf`: only events dated on or
    /// before it, each at its own journal line, as the store folds.
    func folded(asOf: Day) -> (plan: Plan, record: DeliveryRecord) {
        var folded: Plan?
        var record = DeliveryRecord()
        for (offset, event) in events.enumerated() {
            if case let .planCreated(created) = event {
                folded = Plan(created: created)
            } else if event.on <= asOf {
                folded?.apply(event, line: offset + 1)
                record.apply(event, line: offset + 1)
            }
        }
        return (folded ?? plan, record)
    }

    /// The plan as it stood at `asOf`.
    func plan(asOf: Day) -> Plan { folded(asOf: asOf).plan }

    /// The changes since the last visit at `asOf`, as the report works them out.
    func since(asOf text: String) -> SinceLastVisit {
        let asOf = Self.day(text)
        let view = folded(asOf: asOf)
        return SinceLastVisit(plan: view.plan, record: view.record, asOf: asOf, calendar: .englandAndWales)
    }

    /// The whole assessment at `asOf`.
    func assessment(asOf text: String) -> ReadinessAssessment {
        let asOf = Self.day(text)
        let view = folded(asOf: asOf)
        return ReadinessAssessment(plan: view.plan, record: view.record, asOf: asOf, calendar: .englandAndWales,
                                   facts: RecordFacts(head: String(repeating: "ab", count: 32), events: events.count,
                                                      folded: events.filter { $0.on <= asOf }.count, chainChecked: true))
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
