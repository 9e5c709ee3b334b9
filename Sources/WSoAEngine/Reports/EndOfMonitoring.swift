/// What happened after the revisit — further revisits, the accelerated progress plan, its
/// formal reviews, releases and escalations — gathered from a plan once, so that `status`,
/// the report and `--json` say the same.
public struct EndOfMonitoring: Hashable, Sendable {
    /// The revisits, the first and any directed.
    public let revisits: [Revisit]
    /// The formal reviews of the accelerated progress plan.
    public let reviews: [ProgressReview]
    /// The accelerated progress plan's steps.
    public let acceleratedProgressPlan: AcceleratedProgressPlan
    /// Improvement notices, statutory directions and directed revisits.
    public let escalations: [Escalation]
    /// Every weakness, with its judgement and release.
    public let weaknesses: [Weakness]
    /// The journal lines whose date (`on`) was recorded as an estimate.
    let estimatedLines: Set<Int>

    /// Gathers it from `plan`.
    public init(_ plan: Plan) {
        revisits = plan.revisits
        reviews = plan.reviews
        acceleratedProgressPlan = plan.acceleratedProgressPlan
        escalations = plan.escalations
        weaknesses = plan.weaknesses
        estimatedLines = plan.linesWithEstimatedDay
    }

    /// " (estimated)" when the date of journal line `line` was recorded as an estimate.
    func estimated(_ line: Int) -> String { estimatedLines.contains(line) ? " (estimated)" : "" }

    /// Where the accelerated progress plan stands, with its publication: "accepted on 8 April
    /// 2022; published 8 April 2022 (estimated) at https://…", estimated dates marked.
    public var appSummary: String {
        let app = acceleratedProgressPlan
        let decided = app.steps.last(where: \.isSubmissionOrDecision).map { estimated($0.line) } ?? ""
        return app.status + decided
            + (app.published.map { "; published \($0.on.longDescription)\(estimated($0.line)) at \($0.link)" } ?? "; not yet published locally")
    }

    /// The facts in lines for people, one event a line, in the order they happened: the
    /// revisits with their judgements, the APP's steps, reviews, releases and escalations.
    public var lines: [String] {
        var dated: [(line: Int, text: String)] = []
        for (index, revisit) in revisits.enumerated() {
            let which = index == 0 ? "Revisit" : "Further revisit (directed)"
            dated.append((revisit.line, "\(which) \(revisit.visited.longDescription); letter \(revisit.letter.longDescription)\(estimated(revisit.line)): "
                          + EndOfMonitoring.judgements(revisit.outcomes)))
        }
        for step in acceleratedProgressPlan.steps {
            let text: String
            switch step.kind {
            case let .requested(due):
                text = "APP asked for by DfE and NHS England on \(step.on.longDescription)\(estimated(step.line)), by \(due.longDescription)"
            case let .submitted(due):
                text = "APP submitted \(step.on.longDescription)\(estimated(step.line))" + (due.map { " (asked for by \($0.longDescription))" } ?? "")
            case .accepted: text = "APP accepted by DfE and NHS England \(step.on.longDescription)\(estimated(step.line))"
            case .returned: text = "APP sent back by DfE and NHS England \(step.on.longDescription)\(estimated(step.line))"
            case let .published(link): text = "APP published \(step.on.longDescription)\(estimated(step.line)) at \(link)"
            }
            dated.append((step.line, text + (step.note.map { " — \($0)" } ?? "")))
        }
        for review in reviews {
            dated.append((review.line, "Formal review \(review.on.longDescription)\(estimated(review.line)): " + EndOfMonitoring.judgements(review.outcomes)
                          + (review.note.map { " — \($0)" } ?? "")))
        }
        for release in releases {
            dated.append((release.line, "Released from monitoring \(release.on.longDescription)\(estimated(release.line)): \(ReportText.list(release.ids))"
                          + (release.note.map { " — \($0)" } ?? "")))
        }
        for escalation in escalations {
            dated.append((escalation.line, ReportText.capitalised(escalation.description) + estimated(escalation.line) + (escalation.link.map { " (\($0))" } ?? "") + (escalation.note.map { " — \($0)" } ?? "")))
        }
        return dated.sorted { $0.line < $1.line }.map(\.text)
    }

    /// Each release of named weaknesses (not the cessation of the whole plan), by journal line,
    /// with the weaknesses it released in the letter's order.
    var releases: [(line: Int, on: Day, ids: [String], note: String?)] {
        var byLine: [Int: (on: Day, ids: [String], note: String?)] = [:]
        for weakness in weaknesses {
            guard let release = weakness.released, !release.byCessation else { continue }
            byLine[release.line, default: (release.on, [], release.note)].ids.append(weakness.id)
        }
        return byLine.keys.sorted().map { (line: $0, on: byLine[$0]!.on, ids: byLine[$0]!.ids, note: byLine[$0]!.note) }
    }

    /// "W1 sufficient progress, W2 not sufficient progress", in the letter's order.
    static func judgements(_ outcomes: [String: WeaknessOutcome]) -> String {
        guard !outcomes.isEmpty else { return "outcome not recorded" }
        return outcomes.keys.sorted(by: String.idOrder).map { "\($0) \(ReportText.outcome(outcomes[$0]!))" }.joined(separator: ", ")
    }

    /// The members `--json` gives it beside the plan's others: `revisits`, `reviews`,
    /// `acceleratedProgressPlan` and `escalations`.
    public var json: [String: JSONValue] {
        func day(_ value: Day?) -> JSONValue { value.map { .string($0.description) } ?? .null }
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        func outcomes(_ outcomes: [String: WeaknessOutcome]) -> JSONValue { .object(outcomes.mapValues { .string($0.rawValue) }) }
        let app = acceleratedProgressPlan
        return [
            "revisits": .array(revisits.enumerated().map { index, revisit in
                .object(["start": day(revisit.visited.start), "end": day(revisit.visited.end), "letter": day(revisit.letter),
                         "outcomes": outcomes(revisit.outcomes), "directed": .bool(index > 0)])
            }),
            "reviews": .array(reviews.map { review in
                .object(["on": day(review.on), "outcomes": outcomes(review.outcomes), "note": text(review.note)])
            }),
            "acceleratedProgressPlan": .object([
                "status": .string(app.status),
                "accepted": day(app.accepted),
                "published": app.published.map { .object(["on": day($0.on), "link": .string($0.link)]) } ?? .null,
                "steps": .array(app.steps.map { step in
                    var members: [String: JSONValue] = ["on": day(step.on), "note": text(step.note)]
                    switch step.kind {
                    case let .requested(due): members["step"] = .string("requested"); members["due"] = day(due)
                    case let .submitted(due): members["step"] = .string("submitted"); members["due"] = day(due)
                    case .accepted: members["step"] = .string("accepted")
                    case .returned: members["step"] = .string("returned")
                    case let .published(link): members["step"] = .string("published"); members["link"] = .string(link)
                    }
                    return .object(members)
                }),
            ]),
            "escalations": .array(escalations.map { escalation in
                let kind: String
                switch escalation.kind {
                case let .issued(issued): kind = issued.rawValue
                case .revisitDirected: kind = "revisitDirected"
                }
                return .object(["kind": .string(kind), "on": day(escalation.on), "issuer": .string(escalation.issuer),
                                "link": text(escalation.link), "note": text(escalation.note)])
            }),
        ]
    }
}

extension Weakness {
    /// The weakness as `--json` gives it: its outcome and whether monitored, as before, and
    /// where it stands (`standing`), its latest judgement and its release.
    public var json: [String: JSONValue] {
        [
            "id": .string(id), "statement": .string(statement), "outcome": .string(outcome.rawValue), "monitored": .bool(monitored),
            "standing": .string(standing.name),
            "judged": judged.map { judged in
                .object(["outcome": .string(judged.outcome.rawValue), "on": .string(judged.on.description),
                         "at": .string(judged.occasion.rawValue)])
            } ?? .null,
            "released": released.map { released in
                .object(["on": .string(released.on.description), "byCessation": .bool(released.byCessation),
                         "note": released.note.map(JSONValue.string) ?? .null])
            } ?? .null,
        ]
    }
}

extension Clock {
    /// The national pauses the clock overlapped, as `--json` gives them.
    public var pausesJSON: JSONValue {
        .array(pauses.map { paused in
            .object(["from": .string(paused.pause.from.description), "resumed": .string(paused.pause.resumed.description),
                     "days": .int(Int64(paused.days)), "what": .string(paused.pause.what), "source": .string(paused.pause.source)])
        })
    }
}
