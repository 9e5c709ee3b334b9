/// A local area's written statement of action as it stands: everything the lifecycle's rules
/// decide with and the everyday views show.
///
/// A `Plan` is a pure value, read-only outside the engine: it is made only by folding journal
/// events with `apply(_:line:)`, and asked what may happen next with `decide(_:on:)`. It never
/// does I/O and never reads the clock. Item-by-item history that grows with every report — each
/// status report and each reading with the line that recorded it — is folded separately into a
/// `DeliveryRecord`, for the views that list it. Evidence is kept here, item by item, because
/// corrections name and change single items.
public struct Plan: Hashable, Sendable {
    /// The plan id, e.g. `stockton-on-tees-2019`.
    public let id: String
    /// The local area's name.
    public let area: String
    /// The inspection framework the plan follows.
    public let framework: Framework
    /// Where the plan stands in the lifecycle.
    public internal(set) var phase: Phase
    /// The inspection visit and its letter.
    public internal(set) var inspection: Inspection
    /// The partners' names.
    public internal(set) var partners: Partners
    /// The areas of significant weakness, `W1…` in the letter's order.
    public internal(set) var weaknesses: [Weakness] = []
    /// Each day the statement was submitted (a revised statement adds another); under the 2023
    /// framework, each day the priority action plan was submitted to Ofsted.
    public internal(set) var submissions: [Day] = []
    /// Each judgement of a submitted statement; under the 2023 framework, Ofsted's response to
    /// each submitted priority action plan (`fit` when accepted).
    public internal(set) var judgements: [Judgement] = []
    /// 2023: each deadline the partnership was given, in the order recorded; the latest for a
    /// clock replaces the framework's default.
    public internal(set) var givenDeadlines: [GivenDeadline] = []
    /// 2023: each publication of the updated strategic plan, in order.
    public internal(set) var strategicPlanPublications: [StrategicPlanPublication] = []
    /// DfE/NHS England monitoring visits, in order.
    public internal(set) var visits: [MonitoringVisit] = []
    /// The workstreams, in the order added.
    public internal(set) var workstreams: [Workstream] = []
    /// The actions `A1…`, in id order.
    public internal(set) var actions: [ActionItem] = []
    /// The measures `M1…`, in id order.
    public internal(set) var measures: [Measure] = []
    /// The evidence `E1…`, in the order recorded, withdrawn items included (and flagged).
    public internal(set) var evidence: [Evidence] = []
    /// Where to look for evidence dated a day: the indices into `evidence` of the items dated
    /// it, in order. It makes "the same evidence again" (rule once-a-day) one look rather than a
    /// pass over tens of thousands of items for every line `verify` checks.
    var evidenceOnDay: [Day: [Int]] = [:]
    /// The revisits reported, in order: the first, and any further one the Secretary of State
    /// directed; under the 2023 framework, the monitoring inspections reported.
    public internal(set) var revisits: [Revisit] = []
    /// DfE/NHS England's formal reviews of the accelerated progress plan, in order.
    public internal(set) var reviews: [ProgressReview] = []
    /// The accelerated progress plan's steps: submitted, accepted or sent back, published.
    public internal(set) var acceleratedProgressPlan = AcceleratedProgressPlan()
    /// Improvement notices, statutory directions and directed revisits, in order.
    public internal(set) var escalations: [Escalation] = []
    /// The day monitoring ceased.
    public internal(set) var ceased: Day?
    /// The latest lifecycle date on each track: lifecycle dates may never go back before the
    /// one their track follows (rule dates-in-order).
    public internal(set) var lifecycleDays: LifecycleDays
    /// Every lifecycle event after the plan was created, in the order recorded: what
    /// `advance correct` and `advance withdraw` name by line.
    public internal(set) var lifecycle: [LifecycleEntry] = []
    /// The follow-ups agreed at monitoring visits, `F1…`, in the order recorded.
    public internal(set) var followUps: [FollowUp] = []
    /// The lifecycle dates recorded as estimates, as `line:field` (`2:received`); a correction
    /// of a date makes it a fact.
    public internal(set) var estimatedDates: Set<String> = []
    /// Every correction, in the order recorded.
    public internal(set) var corrections: [Correction] = []

    /// A plan as its first event opens it.
    public init(created: PlanEvent.PlanCreated) {
        id = created.id
        area = created.area
        framework = created.framework
        phase = Lifecycle.initialPhase
        inspection = Inspection(visit: created.visit)
        partners = created.partners
        lifecycleDays = LifecycleDays(visitEnd: created.visit.end)
        estimatedDates = Set(created.estimated.map { "1:\($0)" })
    }

    /// Whether the date `field` (`on`, `received`, `visited`, `visit`) of the event at journal
    /// line `line` was recorded as an estimate.
    public func isEstimated(line: Int, _ field: String) -> Bool { estimatedDates.contains("\(line):\(field)") }

    /// The dates recorded as estimates, by journal line then field.
    public var estimates: [(line: Int, field: String)] {
        estimatedDates.compactMap { key -> (line: Int, field: String)? in
            guard let colon = key.firstIndex(of: ":"), let line = Int(key[..<colon]) else { return nil }
            return (line, String(key[key.index(after: colon)...]))
        }.sorted { ($0.line, $0.field) < ($1.line, $1.field) }
    }

    /// The journal lines whose date (`on`) was recorded as an estimate, for views that mark them.
    var linesWithEstimatedDay: Set<Int> { Set(estimates.filter { $0.field == "on" }.map(\.line)) }

    /// The journal line of the latest standing lifecycle event of `type`, if any.
    public func lifecycleLine(of type: EventType) -> Int? { lifecycle.last { $0.type == type && !$0.withdrawn }?.line }

    /// The latest lifecycle date recorded, on any track.
    public var lastLifecycleDay: Day { lifecycleDays.latest.day }

    /// The lifecycle event that set `lastLifecycleDay`.
    public var lastLifecycleEvent: EventType { lifecycleDays.latest.event }

    /// The first revisit, once reported: the one the 18-month clock awaits.
    public var revisit: Revisit? { revisits.first }

    /// A further revisit the Secretary of State directed that has not yet been reported.
    public var directedRevisitAwaited: Escalation? {
        guard let direction = escalations.last(where: { $0.kind == .revisitDirected }) else { return nil }
        return revisits.contains { $0.line > direction.line } ? nil : direction
    }

    /// The weaknesses in the accelerated progress plan: monitored and judged not sufficient.
    public var weaknessesInAcceleratedProgressPlan: [Weakness] { weaknesses.filter(\.inAcceleratedProgressPlan) }

    /// The day the statement was first judged fit for purpose, which starts monitoring.
    public var fitForPurpose: Day? { judgements.first(where: \.fit)?.on }

    /// The monitoring visits that stand (not withdrawn), in order.
    public var standingVisits: [MonitoringVisit] { visits.filter { $0.withdrawn == nil } }

    /// The evidence that stands (not withdrawn), in the order recorded.
    public var standingEvidence: [Evidence] { evidence.filter { $0.withdrawn == nil } }

    /// The actions that stand (not withdrawn), in the order added.
    public var standingActions: [ActionItem] { actions.filter { $0.withdrawn == nil } }

    /// The corrections made to the item with `id` (an action, measure, evidence, visit or
    /// workstream), in the order recorded: what views flag.
    public func corrections(of id: String) -> [Correction] { corrections.filter { $0.target.recordID == id } }

    /// The weakness with this id, if there is one.
    public func weakness(_ id: String) -> Weakness? { weaknesses.first { $0.id == id } }

    /// The workstream with this id, if there is one.
    public func workstream(_ id: String) -> Workstream? { workstreams.first { $0.id == id } }

    /// The action `A<n>`, if it exists.
    public func action(_ id: String) -> ActionItem? { actionIndex(id).map { actions[$0] } }

    /// The index of action `A<n>`, if it exists.
    func actionIndex(_ id: String) -> Int? { Plan.index(of: id, prefix: "A", in: actions.lazy.map(\.id)) }

    /// The index of measure `M<n>`, if it exists.
    func measureIndex(_ id: String) -> Int? { Plan.index(of: id, prefix: "M", in: measures.lazy.map(\.id)) }

    func evidenceIndex(_ id: String) -> Int? { Plan.index(of: id, prefix: "E", in: evidence.lazy.map(\.id)) }

    func visitIndex(_ id: String) -> Int? { Plan.index(of: id, prefix: "V", in: visits.lazy.map(\.id)) }

    func followUpIndex(_ id: String) -> Int? { Plan.index(of: id, prefix: "F", in: followUps.lazy.map(\.id)) }

    /// Where `id` is among `ids`: `A<n>` is found straight at n − 1, as ids are given in journal
    /// order. A view as of a day can have gaps — an action added on a later line but dated
    /// earlier is in it, one before it is not — so anywhere else it is looked for.
    private static func index(of id: String, prefix: Character, in ids: LazyMapSequence<[some Any], String>) -> Int? {
        if let index = index(of: id, prefix: prefix, count: ids.count), ids[index] == id { return index }
        return ids.firstIndex(of: id)
    }

    /// `A12` → 11 when there are at least 12; nil for anything else (`A012`, `A+1`, `a12`…).
    ///
    /// Read from the UTF-8 bytes, as a replay looks an id up for every status report.
    static func index(of id: String, prefix: Character, count: Int) -> Int? {
        guard let letter = prefix.asciiValue else { return nil }
        var utf8 = id.utf8.makeIterator()
        guard utf8.next() == letter, let first = utf8.next(), first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9") else {
            return nil
        }
        var number = Int(first - UInt8(ascii: "0"))
        while let byte = utf8.next() {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), number <= count else { return nil }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return number <= count ? number - 1 : nil
    }
}
