import WSoAEngine

/// Random `PlanCommand`s for a plan as it stands: mostly plausible (so plans travel the whole
/// lifecycle) and often wrong in one way or another (a date too early, an id that does not
/// exist, blank text, the wrong phase), with text that is hard to store.
struct RandomCommands {
    var random: SeededGenerator
    /// Never ends the plan: no revisit or cessation, so a long run keeps recording.
    var endless = false
    /// Whether amendments and withdrawals are among the commands.
    var corrections = true

    /// Text pieces that stress storage: markup, quotes, escapes, controls (NUL included),
    /// right-to-left overrides, combining marks, emoji, whitespace that collapses.
    static let pieces = [
        "Co-production", "EHC plans", "parent carers", "<script>alert(1)</script>", "](javascript:x)", "\"quoted\"",
        "back\\slash", "\u{0}", "\u{1B}[31m", "\u{7F}", "\u{202E}rtl", "e\u{301}", "😀👨‍👩‍👧", "日本語", "العربية",
        " ", "\t", "\n", "  \r\n ", "\u{2028}", "", "{\"seq\":1}", "100%", "1e999", "W1", "A1",
    ]

    mutating func text(blankChance: Double = 0.05) -> String {
        if random.chance(blankChance) { return random.pick(["", "   ", "\n\t"]) }
        return (0..<Int.random(in: 1...5, using: &random)).map { _ in random.pick(Self.pieces) }.joined(separator: random.pick([" ", ""]))
    }

    mutating func optionalText() -> String? { random.chance(0.4) ? nil : text(blankChance: 0.2) }

    /// A day near `base`: usually a little after it, sometimes before it, now and then at or
    /// past the ends of the supported calendar.
    mutating func day(near base: Day) -> Day {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<70: return base.adding(days: Int.random(in: 0...120, using: &random))
        case 70..<92: return base.adding(days: -Int.random(in: 1...400, using: &random))
        case 92..<96: return Day(year: random.pick([1990, 2100]), month: random.pick([1, 12]), day: random.pick([1, 31]))!
        default: return base.adding(days: random.pick([40_000, -40_000, 200_000]))
        }
    }

    mutating func number() -> Double {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return random.pick([0, -0.0, 1e300, -1e300, Double.leastNonzeroMagnitude, 0.1, 1.0 / 3, .nan, .infinity])
        default: return Double(Int.random(in: -50...150, using: &random)) + random.pick([0, 0.5, 0.25, 0.125])
        }
    }

    /// An id of the form prefix + number: usually one that exists or the next one, sometimes not.
    mutating func itemID(_ prefix: String, count: Int) -> String {
        random.chance(0.85) ? "\(prefix)\(Int.random(in: 1...max(1, count + 1), using: &random))"
            : random.pick(["\(prefix)0", "\(prefix)01", "\(prefix)-1", "x", "", "\(prefix)99999999999999999999"])
    }

    mutating func workstreamID(_ plan: Plan) -> String {
        if !plan.workstreams.isEmpty && random.chance(0.8) { return random.pick(plan.workstreams).id }
        return random.pick(["coproduction", "ehc-quality", "joint-commissioning", "Bad Id", "", "../x"])
    }

    mutating func weaknessIDs(_ plan: Plan) -> [String] {
        var ids = plan.weaknesses.map(\.id).filter { _ in random.chance(0.8) }
        if random.chance(0.15) { ids.append(random.pick(["W9", "W0", "coproduction", ""])) }
        if random.chance(0.05), let first = ids.first { ids.append(first) }
        return ids
    }

    /// The next command for `plan`.
    mutating func next(for plan: Plan) -> PlanCommand {
        let base = plan.lastLifecycleDay
        // Lifecycle steps that fit the phase come up often, so plans move along.
        let fitting: PlanCommand? = switch plan.phase {
        case .inspected where plan.framework == .areaSEND2023: report(on: day(near: base))
        case .inspected: letter(on: day(near: base), near: base)
        case .statementDue: .submit(on: day(near: base), note: optionalText())
        case .statementUnderReview: .judge(on: day(near: base), fit: random.chance(0.7), note: optionalText())
        case .monitoring where random.chance(0.5), .acceleratedProgress where random.chance(0.5):
            .holdMonitoringVisit(on: day(near: base), advisers: [text()], ratings: ratings(plan), followUps: [text()],
                                 note: optionalText())
        case .monitoring where endless, .acceleratedProgress where endless:
            .addEvidence(on: day(near: base), workstream: workstreamID(plan), weaknesses: [], kind: random.pick(EvidenceKind.allCases),
                         title: text(), source: nil, file: nil, link: nil)
        case .monitoring: revisit(plan)
        case .acceleratedProgress where random.chance(0.8): afterRevisit(plan, on: day(near: base))
        case .cessationRecommended, .acceleratedProgress: .cease(on: day(near: base), note: optionalText())
        case .strategicPlanDue, .priorityActionPlanDue, .priorityActionPlanUnderReview, .monitoringInspectionAwaited,
             .nextInspectionAwaited:
            areaSENDStep(plan, on: day(near: base))
        case .noStatementRequired, .closed: nil
        }
        if let fitting, random.chance(0.3) { return fitting }
        let on = day(near: base)
        let pick = Int.random(in: 0..<(corrections ? 18 : 16), using: &random)
        // A 2023 plan takes its own lifecycle's steps where a 2016 plan takes the letter, statement and revisit.
        if plan.framework == .areaSEND2023, pick < 6 {
            return plan.phase == .inspected || pick == 0 ? report(on: on) : areaSENDStep(plan, on: on)
        }
        switch pick {
        case 0: return .publishLetter(on: on, received: nil, statementRequired: random.chance(0.8), weaknesses: [text()], note: nil)
        case 1: return .submit(on: on, note: optionalText())
        case 2: return .judge(on: on, fit: random.chance(0.5), note: optionalText())
        case 3: return .holdMonitoringVisit(on: on, advisers: [], ratings: ratings(plan), followUps: [], note: optionalText())
        case 4 where !endless: return revisit(plan)
        case 5 where !endless: return .cease(on: on, note: optionalText())
        case 6: return .renamePartner(on: on, role: random.pick(PartnerRole.allCases), name: text(blankChance: 0.2), note: optionalText())
        case 7: return .addWorkstream(on: on, workstream: Workstream(
            id: random.chance(0.7) ? "ws-\(Int.random(in: 1...6, using: &random))" : workstreamID(plan), title: text(blankChance: 0.1),
            lead: optionalText(), accountable: optionalText(),
            partners: random.chance(0.5) ? [random.pick(LeadPartner.allCases)] : [], addresses: weaknessIDs(plan)))
        case 8, 9: return .addAction(on: on, workstream: workstreamID(plan), title: text(blankChance: 0.1), lead: optionalText(),
                                     due: day(near: on))
        case 10: return .updateAction(on: on, id: itemID("A", count: plan.actions.count), status: random.pick(ActionStatus.allCases),
                                      note: optionalText())
        case 11: return .retargetAction(on: on, id: itemID("A", count: plan.actions.count), due: day(near: on),
                                        reason: text(blankChance: 0.15), agreedWith: optionalText())
        case 12: return .addMeasure(on: on, workstream: workstreamID(plan), title: text(blankChance: 0.1), unit: random.pick(["%", "days", "", " "]),
                                    direction: random.pick([MeasureDirection.higherIsBetter, .lowerIsBetter]),
                                    baseline: Reading(on: day(near: on.adding(days: -200)), value: number()),
                                    national: random.chance(0.5) ? number() : nil, target: Reading(on: day(near: on), value: number()))
        case 13: return .recordMeasure(on: on, id: itemID("M", count: plan.measures.count), value: number())
        case 14: return .addEvidence(on: on, workstream: workstreamID(plan),
                                     weaknesses: random.chance(0.5) ? [random.pick(weaknessIDs(plan) + ["W1"])] : [],
                                     kind: random.pick(EvidenceKind.allCases), title: text(blankChance: 0.1), source: optionalText(),
                                     file: nil, link: optionalText())
        case 16: return .amend(on: on, target: target(plan), changes: amendment(plan, near: on), reason: text(blankChance: 0.1))
        case 17: return .withdraw(on: on, target: target(plan), reason: text(blankChance: 0.1))
        default: return fitting ?? .create(PlanEvent.PlanCreated(id: plan.id, area: text(), visit: DayRange(day: on)))
        }
    }

    /// A step of the end of monitoring: the APP's, a review, a release, an escalation or a
    /// directed revisit, mostly fitting the plan and now and then not.
    mutating func afterRevisit(_ plan: Plan, on: Day) -> PlanCommand {
        let inPlan = plan.weaknessesInAcceleratedProgressPlan.map(\.id)
        let sufficient = plan.weaknesses.filter { $0.monitored && $0.outcome == .sufficient }.map(\.id)
        let split = inPlan.filter { _ in random.chance(0.5) }
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return .requestAPP(on: on, due: day(near: on), note: optionalText())
        case 1: return .submitAPP(on: on, due: random.chance(0.3) ? day(near: on) : nil, note: optionalText())
        case 2: return .judgeAPP(on: on, accepted: random.chance(0.7), note: optionalText())
        case 3: return .publishAPP(on: on, link: random.pick(["https://example.org/app", "not a link", text()]), note: optionalText())
        case 4: return .holdReview(on: on, sufficient: split, insufficient: random.chance(0.9) ? inPlan.filter { !split.contains($0) } : [],
                                   note: optionalText())
        case 5: return .release(on: on, weaknesses: random.chance(0.8) ? sufficient : weaknessIDs(plan), note: optionalText())
        case 6: return .escalate(on: on, kind: random.pick(EscalationKind.allCases), issuer: text(blankChance: 0.1),
                                 link: random.chance(0.5) ? "https://www.gov.uk/notice" : nil, note: optionalText())
        case 7: return .directRevisit(on: on, issuer: text(blankChance: 0.1), link: nil, note: optionalText())
        case 8: return .reportRevisit(on: on, visited: DayRange(day: on.adding(days: -30)), sufficient: split,
                                      insufficient: inPlan.filter { !split.contains($0) }, note: optionalText())
        default: return .withdraw(on: on, target: .lifecycle(line: plan.lifecycle.last { !$0.withdrawn }?.line ?? 1), reason: text())
        }
    }

    /// An outcome letter: mostly requiring a statement for a few weaknesses, now and then
    /// requiring none, and now and then naming weaknesses it should not (or none it should).
    mutating func letter(on: Day, near base: Day) -> PlanCommand {
        let received = random.chance(0.5) ? day(near: base) : nil
        let required = random.chance(0.9)
        var weaknesses = (0..<Int.random(in: 0...4, using: &random)).map { _ in text() }
        // Outside an endless run, a letter requiring no statement mostly names none, so that plans
        // reach 'no statement required' (an endless run draws exactly as it always has).
        if !required && !endless && random.chance(0.8) { weaknesses = [] }
        return .publishLetter(on: on, received: received, statementRequired: required, weaknesses: weaknesses, note: optionalText())
    }

    /// A 2023 report: mostly an outcome with the findings it allows, now and then not.
    mutating func report(on: Day) -> PlanCommand {
        let outcome = random.pick(InspectionOutcome.allCases)
        let actions = outcome.requiresPriorityActionPlan ? Int.random(in: random.chance(0.9) ? 1...4 : 0...0, using: &random)
            : random.chance(0.1) ? 1 : 0
        return .publishReport(on: on, received: random.chance(0.5) ? day(near: on.adding(days: -7)) : nil, outcome: outcome,
                              priorityActions: (0..<actions).map { _ in
                                  AreaSENDReport.PriorityAction(statement: text(blankChance: 0.02), partner: random.chance(0.5) ? text() : nil)
                              },
                              improvements: (0..<Int.random(in: 0...4, using: &random)).map { _ in text(blankChance: 0.02) },
                              previousInspection: optionalText(), nextInspectionYears: random.chance(0.2) ? Int.random(in: 0...12, using: &random) : nil,
                              note: optionalText())
    }

    /// A step of a 2023 plan after its report, mostly fitting its phase and now and then not.
    mutating func areaSENDStep(_ plan: Plan, on: Day) -> PlanCommand {
        let areas = plan.weaknesses.filter { $0.kind == .priorityAction }.map(\.id)
        let split = areas.filter { _ in random.chance(0.6) }
        // Mostly the step the phase waits for, so plans travel the whole 2023 lifecycle.
        let next = switch plan.phase {
        case .strategicPlanDue: 0
        case .priorityActionPlanDue: 1
        case .priorityActionPlanUnderReview: 2
        case .monitoringInspectionAwaited: 3
        default: Int.random(in: 0..<8, using: &random)
        }
        switch random.chance(0.6) ? next : Int.random(in: 0..<8, using: &random) {
        case 0: return .publishStrategicPlan(on: on, link: random.chance(0.5) ? "https://example.org/strategy" : nil, note: optionalText())
        case 1: return .submitPriorityActionPlan(on: on, note: optionalText())
        case 2: return .judgePriorityActionPlan(on: on, accepted: random.chance(0.7), note: optionalText())
        case 3: return .reportMonitoringInspection(on: on, visited: DayRange(day: on.adding(days: -40)), sufficient: split,
                                                   insufficient: random.chance(0.9) ? areas.filter { !split.contains($0) } : [], note: optionalText())
        case 4: return .setDeadline(on: on, clock: random.pick(ClockName.allCases), due: day(near: on), note: optionalText())
        case 5: return .escalate(on: on, kind: .improvementNotice, issuer: "the Department for Education", link: nil, note: optionalText())
        // The next full inspection ends a plan: rarely, and not before it is awaited, so plans stay open to record in.
        case 6 where !endless && plan.phase == .nextInspectionAwaited && random.chance(0.3): return .cease(on: on, note: optionalText())
        default: return .holdMonitoringVisit(on: on, advisers: [text()], ratings: ratings(plan), followUps: [], note: optionalText())
        }
    }

    /// Something to correct: mostly what exists, now and then what does not.
    mutating func target(_ plan: Plan) -> RecordTarget {
        switch Int.random(in: 0..<7, using: &random) {
        case 0: return .workstream(workstreamID(plan))
        case 1: return .action(itemID("A", count: plan.actions.count))
        case 2: return .measure(itemID("M", count: plan.measures.count))
        case 3:
            let measure = itemID("M", count: plan.measures.count)
            let days = plan.measures.first { $0.id == measure }?.readings.map(\.on) ?? []
            return .reading(measure: measure, on: days.isEmpty || random.chance(0.2) ? day(near: plan.lastLifecycleDay) : random.pick(days))
        case 4: return .evidence(itemID("E", count: plan.evidence.count))
        case 5: return .visit(itemID("V", count: plan.visits.count))
        default:
            let lines = plan.lifecycle.map(\.line)
            return .lifecycle(line: lines.isEmpty || random.chance(0.2) ? Int.random(in: 1...40, using: &random) : random.pick(lines))
        }
    }

    /// A few changes, of any field (some will not fit the target and be refused).
    mutating func amendment(_ plan: Plan, near on: Day) -> Amendment {
        var changes = Amendment()
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0: changes.title = text(blankChance: 0.1)
            case 1: changes.lead = text()
            case 2: changes.on = day(near: on)
            case 3: changes.value = number()
            case 4: changes.target = Reading(on: day(near: on), value: number())
            case 5: changes.weaknesses = weaknessIDs(plan)
            case 6: changes.addresses = weaknessIDs(plan)
            case 7: changes.partners = [random.pick(LeadPartner.allCases)]
            case 8: changes.ratings = ratings(plan)
            default: changes.attendees = [Attendee(name: text(), role: optionalText())]
            }
        }
        return changes
    }

    mutating func ratings(_ plan: Plan) -> [String: Rating] {
        var ratings: [String: Rating] = [:]
        for id in weaknessIDs(plan) + plan.workstreams.map(\.id).filter({ _ in random.chance(0.3) }) {
            ratings[id] = random.pick(Rating.allCases)
        }
        return ratings
    }

    mutating func revisit(_ plan: Plan) -> PlanCommand {
        var sufficient: [String] = [], insufficient: [String] = []
        for id in weaknessIDs(plan) {
            if random.chance(0.6) { sufficient.append(id) } else { insufficient.append(id) }
        }
        let on = day(near: plan.lastLifecycleDay)
        let end = on.adding(days: -Int.random(in: 20...60, using: &random))
        let visited = (try? DayRange(start: end.adding(days: -2), end: end)) ?? DayRange(day: end)
        return .reportRevisit(on: on, visited: visited, sufficient: sufficient, insufficient: insufficient, note: optionalText())
    }
}

extension SeededGenerator {
    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// One of `items`, chosen uniformly.
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}
