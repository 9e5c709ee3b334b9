import Foundation
import WSoAEngine

/// A seeded synthetic plan: a realistic mix of lifecycle and delivery events, every one decided
/// by `Plan.decide` against the plan as it stands, written as the journal lines `PlanStore.record` writes.
///
/// The plan is opened with `PlanStore.create`; the rest of the journal is written in large
/// blocks straight from `JournalEntry.lineBytes` (the exact bytes `PlanStore.record` writes,
/// chained the same way), because a hundred thousand locked, fsynced appends would take minutes.
struct SyntheticPlan {
    /// Where the plan ends up in its lifecycle.
    enum Ending: CaseIterable {
        case statementDue, underReview, monitoring, accelerated, cessation, closed
    }

    /// The plan id.
    let id: String
    /// How many journal lines to write.
    let events: Int
    /// The seed for every random choice.
    let seed: UInt64
    /// Where the plan ends.
    let ending: Ending

    private static let visitStart = Day(year: 2019, month: 3, day: 4)!
    private static let people = ["j.okafor", "s.patel", "m.hughes", "a.nowak", "r.campbell", "l.evans"]
    private static let leads = ["Head of SEND", "Designated Clinical Officer", "Principal Educational Psychologist",
                                "SEND Operations Manager", "Parent Carer Forum chair", "ICB SEND lead"]
    private static let workstreamIDs = ["ehc-timeliness", "coproduction", "neurodevelopmental", "local-offer",
                                        "preparing-for-adulthood", "joint-commissioning"]

    /// Writes the plan into `store`; returns the journal's size in bytes.
    @discardableResult
    func write(into store: PlanStore) throws -> Int {
        var random = SplitMix64(seed: seed)
        let visit = try DayRange(start: Self.visitStart, end: Self.visitStart.adding(days: 4))
        let weaknessCount = 4 + Int(random.next() % 3)
        let weaknesses = (0..<weaknessCount).map { _ in Phrases.text(&random, between: 14, and: 24) }
        let created = PlanEvent.PlanCreated(
            id: id, area: "Synthetic Borough \(seed % 1000)", visit: visit,
            partners: Partners(la: "Synthetic Borough Council", health: "NHS Synthetic CCG"),
            note: "Generated for the benchmark")
        let letter = Self.visitStart.adding(days: 42)
        let opening: [PlanCommand] = [.publishLetter(on: letter, received: letter.adding(days: 1), statementRequired: true,
                                                     weaknesses: weaknesses, note: "Outcome letter published")]
        let first = try store.create(created, then: opening, by: Self.people[0],
                                     recorded: "\(letter.adding(days: 1))T09:00:00Z")  // after the letter was received
        var plan = first.plan
        var seq = first.entries.count
        var prev = SHA256.hexDigest(first.entries[seq - 1].lineBytes)

        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(store.directory)/\(id)/events.jsonl"))
        defer { try? handle.close() }
        try handle.seekToEnd()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 22)
        let firstDay = letter.adding(days: 5)
        let span = 1_460
        let schedule = Schedule(events: events, ending: ending)
        var visitsHeld = 0
        while seq < events {
            let index = seq
            let day = firstDay.adding(days: index * span / max(events, 1))
            let command: PlanCommand
            if index - first.entries.count < Self.workstreamIDs.count {
                let number = index - first.entries.count
                command = .addWorkstream(on: day, workstream: Workstream(
                    id: Self.workstreamIDs[number], title: Phrases.text(&random, between: 4, and: 8),
                    lead: Self.leads[number], accountable: "Director of Children's Services",
                    partners: [number % 2 == 0 ? .la : .health],
                    addresses: ["W\(number % weaknessCount + 1)", "W\((number + 1) % weaknessCount + 1)"]))
            } else if let lifecycle = schedule.lifecycle(at: index, day: day, plan: plan, random: &random,
                                                         visitsHeld: &visitsHeld) {
                command = lifecycle
            } else {
                command = delivery(on: day, plan: plan, random: &random)
            }
            let decided = try Plan.decide(command, on: plan)
            for event in decided {
                seq += 1
                plan.apply(event, line: seq)
                let entry = JournalEntry(seq: seq, prev: prev, recorded: Self.stamp(day, seq), by: Self.people[seq % Self.people.count],
                                         event: event)
                let line = entry.lineBytes
                prev = SHA256.hexDigest(line)
                buffer += line
                buffer.append(0x0A)
            }
            if buffer.count >= 1 << 22 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        return Int(try handle.offset())
    }

    /// A recording instant on `day`, varying with the line so lines differ.
    private static func stamp(_ day: Day, _ seq: Int) -> String {
        let minute = seq % 60, second = (seq / 60) % 60
        return "\(day)T\(10 + seq % 8):\(minute < 10 ? "0" : "")\(minute):\(second < 10 ? "0" : "")\(second)Z"
    }

    /// A delivery record in a realistic mix: few new actions and measures, many status reports,
    /// measure values and pieces of evidence.
    private func delivery(on day: Day, plan: Plan, random: inout SplitMix64) -> PlanCommand {
        let roll = Int(random.next() % 100)
        let workstream = Self.workstreamIDs[Int(random.next() % UInt64(Self.workstreamIDs.count))]
        if plan.actions.isEmpty || roll < 2 {
            return .addAction(on: day, workstream: workstream, title: Phrases.text(&random, between: 6, and: 11),
                              lead: Self.leads[Int(random.next() % UInt64(Self.leads.count))],
                              due: day.adding(days: 30 + Int(random.next() % 300)))
        }
        if plan.measures.isEmpty || (roll < 3 && plan.measures.count < 40) {
            let higher = random.next() % 2 == 0
            return .addMeasure(on: day, workstream: workstream, title: Phrases.text(&random, between: 5, and: 9),
                               unit: higher ? "%" : "weeks", direction: higher ? .higherIsBetter : .lowerIsBetter,
                               baseline: Reading(on: Self.visitStart, value: higher ? 41.5 : 23),
                               national: random.next() % 2 == 0 ? 58.3 : nil,
                               target: Reading(on: day.adding(days: 730), value: higher ? 75 : 12))
        }
        // Reports and retargets are mostly about actions still open.
        var action = plan.actions[Int(random.next() % UInt64(plan.actions.count))]
        for _ in 0..<3 where action.status == .complete {
            action = plan.actions[Int(random.next() % UInt64(plan.actions.count))]
        }
        if roll < 7, action.status != .complete {
            return .retargetAction(on: day, id: action.id, due: action.due.adding(days: 14 + Int(random.next() % 60)),
                                   reason: Phrases.text(&random, between: 6, and: 12),
                                   agreedWith: random.next() % 2 == 0 ? "SEND Improvement Board" : nil)
        }
        if roll < 27 {
            // A measure has one reading a day (rule once-a-day): the first, from a random start,
            // not yet read today; with every one read, a status report instead.
            let start = Int(random.next() % UInt64(plan.measures.count))
            let count = plan.measures.count
            if let index = (0..<count).lazy.map({ (start + $0) % count }).first(where: { plan.measures[$0].readings.last?.on != day }) {
                return .recordMeasure(on: day, id: plan.measures[index].id, value: Double(Int(random.next() % 1000)) / 10)
            }
        }
        if roll < 62 {
            let statuses: [ActionStatus] = [.onTrack, .onTrack, .onTrack, .atRisk, .offTrack, .complete]
            return .updateAction(on: day, id: action.id, status: statuses[Int(random.next() % UInt64(statuses.count))],
                                 // Reopening a complete action needs a note (rule reopen-with-reason).
                                 note: random.next() % 5 == 0 && action.status != .complete ? nil : Phrases.text(&random, between: 6, and: 16))
        }
        let kinds = EvidenceKind.allCases
        let weakness = random.next() % 5 < 3 ? "W\(1 + Int(random.next() % UInt64(plan.weaknesses.count)))" : nil
        return .addEvidence(on: day, workstream: workstream, weaknesses: weakness.map { [$0] } ?? [],
                            kind: kinds[Int(random.next() % UInt64(kinds.count))],
                            title: Phrases.text(&random, between: 5, and: 10),
                            source: random.next() % 2 == 0 ? "Parent carer forum survey" : nil, file: nil,
                            link: random.next() % 3 == 0 ? "https://localoffer.example.gov.uk/send/\(random.next() % 10_000)" : nil)
    }
}

extension SyntheticPlan {
    /// When the lifecycle events fall, as fractions of the journal.
    struct Schedule {
        let events: Int
        let ending: Ending

        private func at(_ fraction: Double) -> Int { max(10, Int(Double(events) * fraction)) }

        /// The lifecycle command due at line `index`, if one is.
        func lifecycle(at index: Int, day: Day, plan: Plan, random: inout SplitMix64, visitsHeld: inout Int) -> PlanCommand? {
            switch ending {
            case .statementDue: return nil
            case .underReview, .monitoring, .accelerated, .cessation, .closed: break
            }
            if index == at(0.03) { return .submit(on: day, note: "Submitted to Ofsted by the partnership") }
            if ending == .underReview { return nil }
            if index == at(0.05) { return .judge(on: day, fit: true, note: "Judged fit for purpose") }
            let revisitAt = at(0.9)
            if index > at(0.05), index % max(1, events / 16) == 0, index != revisitAt, plan.phase == .monitoring || plan.phase == .acceleratedProgress {
                visitsHeld += 1
                var ratings: [String: Rating] = [:]
                for weakness in plan.weaknesses { ratings[weakness.id] = [Rating.red, .amber, .green][Int(random.next() % 3)] }
                return .holdMonitoringVisit(on: day, advisers: ["DfE SEND adviser", "NHS England adviser"], attendees: [], ratings: ratings,
                                            followUps: [Phrases.text(&random, between: 5, and: 9)],
                                            note: "Visit \(visitsHeld): \(Phrases.text(&random, between: 4, and: 8))")
            }
            if index == revisitAt, ending != .monitoring {
                let ids = plan.weaknesses.map(\.id)
                let insufficient = ending == .accelerated ? Array(ids.prefix(2)) : []
                return .reportRevisit(on: day, visited: try! DayRange(start: day.adding(days: -10), end: day.adding(days: -6)),
                                      sufficient: ids.filter { !insufficient.contains($0) }, insufficient: insufficient,
                                      note: "Revisit letter")
            }
            if index == events - 1, ending == .closed { return .cease(on: day, note: "Monitoring ceased") }
            return nil
        }
    }
}
