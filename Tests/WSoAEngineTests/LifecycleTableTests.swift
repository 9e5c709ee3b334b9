import Foundation
import Testing
@testable import WSoAEngine

/// Each framework's transition table checked as data: every phase reachable, no two rows
/// competing for the same event, final phases really final, and the diagrams drawn from every row.
@Suite("Lifecycle table")
struct LifecycleTableTests {
    /// Sample events of each type covering every value a condition can look at, so that a
    /// condition can be tested for exclusivity and for ever matching at all.
    private static func samples(of type: EventType) throws -> [PlanEvent] {
        let on = try Day(parsing: "2019-04-24")
        let visited = try DayRange(parsing: "2022-07-11..2022-07-13")
        switch type {
        case .planCreated:
            return [.planCreated(.init(id: "stockton-on-tees-2019", area: "Stockton-on-Tees",
                                       visit: try DayRange(parsing: "2019-02-04..2019-02-08")))]
        case .letterPublished:
            return [
                .letterPublished(.init(on: on, received: nil, statementRequired: true,
                                 weaknesses: ["Co-production, engagement and communication with parents are underdeveloped."],
                                 note: nil)),
                .letterPublished(.init(on: on, received: nil, statementRequired: false, weaknesses: [], note: nil)),
            ]
        case .statementSubmitted:
            return [.statementSubmitted(.init(on: on, note: nil))]
        case .statementJudged:
            return [.statementJudged(.init(on: on, fit: true, note: nil)), .statementJudged(.init(on: on, fit: false, note: nil))]
        case .monitoringVisitHeld:
            return [.monitoringVisitHeld(.init(on: on, advisers: ["DfE SEND adviser", "NHS England adviser"], ratings: [:], followUps: [], note: nil))]
        case .revisitReported:
            return [
                .revisitReported(.init(on: on, visited: visited,
                                 outcomes: ["W1": .sufficient, "W2": .sufficient, "W3": .sufficient, "W4": .sufficient], note: nil)),
                .revisitReported(.init(on: on, visited: visited,
                                 outcomes: ["W1": .sufficient, "W2": .insufficient, "W3": .sufficient, "W4": .insufficient], note: nil)),
                .revisitReported(.init(on: on, visited: visited,
                                 outcomes: ["W1": .insufficient, "W2": .insufficient], note: nil)),
            ]
        case .monitoringCeased:
            return [.monitoringCeased(.init(on: on, note: nil))]
        case .weaknessesReleased:
            return [.weaknessesReleased(.init(on: on, weaknesses: ["W1"])),
                    .weaknessesReleased(.init(on: on, weaknesses: ["W1", "W2", "W3", "W4"]))]
        case .appRequested:
            return [.appRequested(.init(on: on, due: on))]
        case .appSubmitted:
            return [.appSubmitted(.init(on: on)), .appSubmitted(.init(on: on, due: on))]
        case .appJudged:
            return [.appJudged(.init(on: on, accepted: true)), .appJudged(.init(on: on, accepted: false, note: "No measures."))]
        case .appPublished:
            return [.appPublished(.init(on: on, link: "https://example.org/app"))]
        case .progressReviewHeld:
            return [.progressReviewHeld(.init(on: on, outcomes: ["W2": .sufficient, "W4": .insufficient]))]
        case .escalationIssued:
            return EscalationKind.allCases.map { .escalationIssued(.init(on: on, kind: $0, issuer: "the Secretary of State for Education")) }
        case .revisitDirected:
            return [.revisitDirected(.init(on: on, issuer: "the Secretary of State for Education"))]
        case .reportPublished:
            return [.reportPublished(.init(on: on, outcome: .widespreadSystemic, priorityActions: ["Act."], improvements: ["Improve."])),
                    .reportPublished(.init(on: on, outcome: .inconsistent, improvements: ["Improve."])),
                    .reportPublished(.init(on: on, outcome: .positive, improvements: []))]
        case .strategicPlanPublished:
            return [.strategicPlanPublished(.init(on: on, link: "https://example.org/strategy"))]
        case .priorityActionPlanSubmitted:
            return [.priorityActionPlanSubmitted(.init(on: on))]
        case .priorityActionPlanJudged:
            return [.priorityActionPlanJudged(.init(on: on, accepted: true)),
                    .priorityActionPlanJudged(.init(on: on, accepted: false, note: "Add milestones."))]
        case .monitoringInspectionReported:
            return [.monitoringInspectionReported(.init(on: on, visited: visited, outcomes: ["P1": .sufficient]))]
        case .deadlineSet:
            return [.deadlineSet(.init(on: on, clock: .priorityActionPlan, due: on))]
        default:
            // Delivery records (workstreams, actions, …) are not in the lifecycle table.
            #expect(!type.isLifecycle, "no samples for lifecycle event \(type)")
            return []
        }
    }

    /// A plan of `framework`: the 2016 one with its four weaknesses, or one inspected in 2024.
    private static func plan(_ framework: Framework) -> Plan {
        switch framework {
        case .send2016: return plan
        case .areaSEND2023:
            return Plan(created: .init(id: "newshire-2024", area: "Newshire", visit: try! DayRange(parsing: "2024-02-05..2024-02-09")))
        }
    }

    /// A plan with four weaknesses, all monitored: what a condition on a release looks at.
    private static let plan: Plan = {
        let on = try! Day(parsing: "2019-04-24")
        return Plan.replay([
            .planCreated(.init(id: "stockton-on-tees-2019", area: "Stockton-on-Tees", visit: try! DayRange(parsing: "2019-02-04..2019-02-08"))),
            .letterPublished(.init(on: on, received: nil, statementRequired: true, weaknesses: ["One.", "Two.", "Three.", "Four."], note: nil)),
        ])!
    }()

    // MARK: Reachability

    @Test("every phase is reachable from the initial phase", arguments: Framework.allCases)
    func noUnreachablePhase(framework: Framework) {
        var reached: Set<Phase> = [Lifecycle.initialPhase]
        var queue: [Phase] = [Lifecycle.initialPhase]
        while !queue.isEmpty {
            let phase = queue.removeFirst()
            for row in Lifecycle.transitions(from: phase, in: framework) where !reached.contains(row.to) {
                reached.insert(row.to)
                queue.append(row.to)
            }
        }
        let unreachable = Lifecycle.phases(in: framework).filter { !reached.contains($0) }
        #expect(unreachable.isEmpty, "unreachable phases: \(unreachable)")
        #expect(Lifecycle.initialPhase == .inspected)
    }

    @Test("every phase can still reach a final phase (no traps)", arguments: Framework.allCases)
    func everyPhaseCanFinish(framework: Framework) {
        for start in Lifecycle.phases(in: framework) {
            var reached: Set<Phase> = [start]
            var queue = [start]
            while !queue.isEmpty {
                let phase = queue.removeFirst()
                for row in Lifecycle.transitions(from: phase, in: framework) where reached.insert(row.to).inserted {
                    queue.append(row.to)
                }
            }
            #expect(reached.contains { $0.isFinal }, "\(start) can never finish")
        }
    }

    /// Every phase with the framework whose table it belongs to.
    static let phasesByFramework = Framework.allCases.flatMap { framework in Lifecycle.phases(in: framework).map { (framework, $0) } }

    @Test("every phase belongs to a framework's table, and only the first and last phases to both")
    func phasesBelongToATable() {
        #expect(Set(Self.phasesByFramework.map(\.1)) == Set(Phase.allCases))
        let shared = Set(Lifecycle.phases(in: .send2016)).intersection(Lifecycle.phases(in: .areaSEND2023))
        #expect(shared == [.inspected, .closed])
    }

    @Test("non-final phases have an outgoing row; final phases have none", arguments: phasesByFramework)
    func outgoingRows(framework: Framework, phase: Phase) {
        let rows = Lifecycle.transitions(from: phase, in: framework)
        if phase.isFinal {
            #expect(rows.isEmpty, "final phase \(phase) has rows \(rows.map(\.label))")
        } else {
            #expect(!rows.isEmpty, "\(phase) is a dead end")
        }
    }

    @Test("exactly noStatementRequired and closed are final")
    func finalPhases() {
        #expect(Phase.allCases.filter(\.isFinal) == [.noStatementRequired, .closed])
    }

    // MARK: Clashes

    @Test("rows sharing a phase and event have distinct, non-nil, mutually exclusive conditions", arguments: Framework.allCases)
    func noClashingTransitions(framework: Framework) throws {
        let groups = Dictionary(grouping: Lifecycle.table(for: framework)) { "\($0.from.rawValue)|\($0.event.rawValue)" }
        for (key, rows) in groups.sorted(by: { $0.key < $1.key }) where rows.count > 1 {
            let conditions = rows.map(\.condition)
            #expect(!conditions.contains(nil), "\(key): a row without a condition shadows the others")
            let named = conditions.compactMap { $0 }
            #expect(Set(named).count == named.count, "\(key): two rows share a condition")
            for event in try Self.samples(of: rows[0].event) {
                let holding = rows.filter { $0.condition?.holds(for: event, in: Self.plan(framework)) ?? true }
                #expect(holding.count == 1, "\(key): \(holding.count) rows match \(event)")
            }
            // Every row of the group can be taken by some event.
            for row in rows {
                let taken = try Self.samples(of: row.event).contains { row.condition?.holds(for: $0, in: Self.plan(framework)) ?? true }
                #expect(taken, "\(key): no event satisfies \(row.label)")
            }
        }
    }

    @Test("a condition only ever holds for its own row's event type", arguments: Framework.allCases)
    func conditionsAreTypedByEvent(framework: Framework) throws {
        for row in Lifecycle.table(for: framework) {
            guard let condition = row.condition else { continue }
            for type in EventType.allCases where type != row.event {
                for event in try Self.samples(of: type) {
                    #expect(!condition.holds(for: event, in: Self.plan(framework)), "\(condition) holds for a \(type) event")
                }
            }
        }
    }

    @Test("transition(in:for:) finds the one matching row for every sample event, in every phase", arguments: Framework.allCases)
    func lookupAgreesWithTable(framework: Framework) throws {
        for phase in Phase.allCases {
            var plan = Self.plan(framework)
            plan.phase = phase
            for type in EventType.allCases {
                for event in try Self.samples(of: type) {
                    let matching = Lifecycle.table(for: framework).filter {
                        $0.from == phase && $0.event == type && ($0.condition?.holds(for: event, in: plan) ?? true)
                    }
                    #expect(matching.count <= 1)
                    #expect(Lifecycle.transition(in: plan, for: event) == matching.first)
                }
            }
        }
    }

    @Test("every lifecycle event is accepted somewhere, except planCreated (which starts a plan)")
    func everyEventIsUsed() {
        for type in EventType.allCases {
            let phases = Framework.allCases.flatMap { Lifecycle.phases(accepting: type, in: $0) }
            if type == .planCreated || !type.isLifecycle {
                #expect(phases.isEmpty)
            } else {
                #expect(!phases.isEmpty, "\(type) can never be recorded")
            }
        }
        #expect(Lifecycle.phases(accepting: .monitoringVisitHeld) == [.monitoring, .acceleratedProgress])
        #expect(Lifecycle.phases(accepting: .monitoringCeased) == [.cessationRecommended, .acceleratedProgress])
    }

    @Test("the table holds only lifecycle events, and every row checks that dates never go backwards", arguments: Framework.allCases)
    func everyRowKeepsDatesInOrder(framework: Framework) {
        for row in Lifecycle.table(for: framework) {
            #expect(row.event.isLifecycle, "\(row.event) is not a lifecycle event")
            #expect(row.guards.contains(.datesInOrder), "\(row.from) \(row.label) lacks dates-in-order")
            #expect(Set(row.guards).count == row.guards.count, "\(row.from) \(row.label) repeats a guard")
        }
    }

    @Test("the table is the one DESIGN.md §5 describes")
    func tableMatchesDesign() {
        let rows = Lifecycle.table.map { "\($0.from.rawValue) --\($0.label)--> \($0.to.rawValue)" }
        #expect(rows == [
            "inspected --letterPublished (no WSoA)--> noStatementRequired",
            "inspected --letterPublished (WSoA required)--> statementDue",
            "statementDue --statementSubmitted--> statementUnderReview",
            "statementUnderReview --statementJudged (fit for purpose)--> monitoring",
            "statementUnderReview --statementJudged (not fit for purpose)--> statementDue",
            "monitoring --monitoringVisitHeld--> monitoring",
            "monitoring --revisitReported (all sufficient)--> cessationRecommended",
            "monitoring --revisitReported (some insufficient)--> acceleratedProgress",
            "monitoring --escalationIssued--> monitoring",
            "cessationRecommended --monitoringCeased--> closed",
            "acceleratedProgress --monitoringVisitHeld--> acceleratedProgress",
            "acceleratedProgress --weaknessesReleased (some still monitored)--> acceleratedProgress",
            "acceleratedProgress --weaknessesReleased (none left in monitoring)--> closed",
            "acceleratedProgress --appRequested--> acceleratedProgress",
            "acceleratedProgress --appSubmitted--> acceleratedProgress",
            "acceleratedProgress --appJudged--> acceleratedProgress",
            "acceleratedProgress --appPublished--> acceleratedProgress",
            "acceleratedProgress --progressReviewHeld--> acceleratedProgress",
            "acceleratedProgress --escalationIssued--> acceleratedProgress",
            "acceleratedProgress --revisitDirected--> acceleratedProgress",
            "acceleratedProgress --revisitReported (all sufficient)--> cessationRecommended",
            "acceleratedProgress --revisitReported (some insufficient)--> acceleratedProgress",
            "acceleratedProgress --monitoringCeased--> closed",
        ])
    }

    // MARK: Diagrams

    @Test("every diagram mentions every row and every phase", arguments: DiagramFormat.allCases, Framework.allCases)
    func diagramsMentionEveryRow(format: DiagramFormat, framework: Framework) {
        let diagram = Lifecycle.diagram(format, framework: framework)
        #expect(diagram.hasSuffix("\n"))
        #expect(!diagram.hasSuffix("\n\n"))
        let lines = diagram.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for row in Lifecycle.table(for: framework) {
            let found: Bool
            switch format {
            case .text:
                found = lines.contains { line in
                    let columns = line.components(separatedBy: "  ").filter { !$0.isEmpty }
                        .map { $0.trimmingCharacters(in: .whitespaces) }
                    return columns == [row.from.rawValue, row.label, row.to.rawValue,
                                       row.guards.map(\.rawValue).joined(separator: ", ")]
                }
            case .mermaid:
                found = lines.contains("    \(row.from.rawValue) --> \(row.to.rawValue): \(row.label)")
            case .dot:
                found = lines.contains("    \(row.from.rawValue) -> \(row.to.rawValue) [label=\"\(row.label)\"];")
            }
            #expect(found, "\(format) diagram lacks \(row.from) \(row.label) → \(row.to)")
        }
        for phase in Lifecycle.phases(in: framework) {
            #expect(diagram.contains(phase.rawValue), "\(format) diagram lacks \(phase)")
        }
        for line in lines {
            #expect(!line.hasSuffix(" "), "trailing space in \(format) line '\(line)'")
        }
    }

    @Test("the Mermaid diagram, exactly")
    func mermaidIsPinned() {
        #expect(Lifecycle.diagram(.mermaid) == """
            stateDiagram-v2
                [*] --> inspected: planCreated
                inspected --> noStatementRequired: letterPublished (no WSoA)
                inspected --> statementDue: letterPublished (WSoA required)
                statementDue --> statementUnderReview: statementSubmitted
                statementUnderReview --> monitoring: statementJudged (fit for purpose)
                statementUnderReview --> statementDue: statementJudged (not fit for purpose)
                monitoring --> monitoring: monitoringVisitHeld
                monitoring --> cessationRecommended: revisitReported (all sufficient)
                monitoring --> acceleratedProgress: revisitReported (some insufficient)
                monitoring --> monitoring: escalationIssued
                cessationRecommended --> closed: monitoringCeased
                acceleratedProgress --> acceleratedProgress: monitoringVisitHeld
                acceleratedProgress --> acceleratedProgress: weaknessesReleased (some still monitored)
                acceleratedProgress --> closed: weaknessesReleased (none left in monitoring)
                acceleratedProgress --> acceleratedProgress: appRequested
                acceleratedProgress --> acceleratedProgress: appSubmitted
                acceleratedProgress --> acceleratedProgress: appJudged
                acceleratedProgress --> acceleratedProgress: appPublished
                acceleratedProgress --> acceleratedProgress: progressReviewHeld
                acceleratedProgress --> acceleratedProgress: escalationIssued
                acceleratedProgress --> acceleratedProgress: revisitDirected
                acceleratedProgress --> cessationRecommended: revisitReported (all sufficient)
                acceleratedProgress --> acceleratedProgress: revisitReported (some insufficient)
                acceleratedProgress --> closed: monitoringCeased
                noStatementRequired --> [*]
                closed --> [*]

            """)
    }

    @Test("the DOT diagram is a digraph with a start point and double-bordered final phases")
    func dotShape() {
        let dot = Lifecycle.diagram(.dot)
        #expect(dot.hasPrefix("digraph lifecycle {\n"))
        #expect(dot.hasSuffix("}\n"))
        #expect(dot.contains("    start -> inspected [label=\"planCreated\"];"))
        #expect(dot.contains("    noStatementRequired [peripheries=2];"))
        #expect(dot.contains("    closed [peripheries=2];"))
        #expect(dot.components(separatedBy: " -> ").count - 1 == Lifecycle.table.count + 1)
    }

    @Test("the text diagram names the start and the final phases")
    func textShape() {
        let text = Lifecycle.diagram(.text)
        #expect(text.hasPrefix("Lifecycle (framework 2016): start → inspected (planCreated)\n"))
        #expect(text.hasSuffix("Final phases: noStatementRequired, closed.\n"))
        let areaSEND = Lifecycle.diagram(.text, framework: .areaSEND2023)
        #expect(areaSEND.hasPrefix("Lifecycle (framework 2023): start → inspected (planCreated)\n"))
        #expect(areaSEND.hasSuffix("Final phases: closed.\n"))
    }

    @Test("the 2023 table is the one DESIGN.md §5 describes: report, strategic plan, priority action plan, monitoring inspection")
    func areaSENDTableMatchesDesign() {
        let rows = Lifecycle.table2023.filter { ![.monitoringVisitHeld, .escalationIssued, .deadlineSet, .monitoringCeased].contains($0.event) }
            .map { "\($0.from.rawValue) --\($0.label)--> \($0.to.rawValue)" }
        #expect(rows == [
            "inspected --reportPublished (widespread/systemic failings)--> priorityActionPlanDue",
            "inspected --reportPublished (positive or inconsistent)--> strategicPlanDue",
            "strategicPlanDue --strategicPlanPublished--> nextInspectionAwaited",
            "priorityActionPlanDue --priorityActionPlanSubmitted--> priorityActionPlanUnderReview",
            "priorityActionPlanDue --strategicPlanPublished--> priorityActionPlanDue",
            "priorityActionPlanUnderReview --priorityActionPlanJudged (accepted)--> monitoringInspectionAwaited",
            "priorityActionPlanUnderReview --priorityActionPlanJudged (returned for revision)--> priorityActionPlanDue",
            "priorityActionPlanUnderReview --strategicPlanPublished--> priorityActionPlanUnderReview",
            "monitoringInspectionAwaited --monitoringInspectionReported--> nextInspectionAwaited",
            "monitoringInspectionAwaited --strategicPlanPublished--> monitoringInspectionAwaited",
            "nextInspectionAwaited --strategicPlanPublished--> nextInspectionAwaited",
        ])
        // Support and challenge, escalation, deadlines and the end of the plan in every phase after the report.
        for phase in Lifecycle.phases(in: .areaSEND2023) where phase != .inspected && !phase.isFinal {
            let events = Lifecycle.transitions(from: phase, in: .areaSEND2023).map(\.event)
            for event in [EventType.monitoringVisitHeld, .escalationIssued, .deadlineSet, .monitoringCeased] {
                #expect(events.contains(event), "\(phase) lacks \(event)")
            }
        }
    }
}
