/// A local area's written statement of action, as its journal has built it so far.
///
/// A `Plan` is a pure value: it is made only by folding events with `apply(_:)`, and asked
/// what may happen next with `decide(_:on:)`. It never does I/O and never reads the clock.
public struct Plan: Hashable, Sendable, Codable {
    /// The plan id, e.g. `stockton-on-tees-2019`.
    public var id: String
    /// The local area's name.
    public var area: String
    /// The inspection framework the plan follows.
    public var framework: Framework
    /// Where the plan stands in the lifecycle.
    public var phase: Phase
    /// The inspection visit and its letter.
    public var inspection: Inspection
    /// The partners' names.
    public var partners: Partners
    /// The areas of significant weakness, `W1…` in the letter's order.
    public var weaknesses: [Weakness]
    /// Each day the statement was submitted (a revised statement adds another).
    public var submissions: [Day]
    /// Each judgement of a submitted statement.
    public var judgements: [Judgement]
    /// DfE/NHS England monitoring visits, in order.
    public var visits: [MonitoringVisit]
    /// The workstreams, in the order added.
    public var workstreams: [Workstream] = []
    /// The actions `A1…`, in id order.
    public var actions: [ActionItem] = []
    /// The measures `M1…`, in id order.
    public var measures: [Measure] = []
    /// The evidence `E1…`, in id order (kept encoded until first read when it came from a snapshot).
    public var evidence: DeferredList<Evidence> = []
    /// The revisit, once reported.
    public var revisit: Revisit?
    /// The day monitoring ceased.
    public var ceased: Day?
    /// The latest lifecycle date recorded: lifecycle dates may never go back before it.
    public var lastLifecycleDay: Day
    /// The lifecycle event that set `lastLifecycleDay`.
    public var lastLifecycleEvent: EventType

    /// The day the statement was first judged fit for purpose, which starts monitoring.
    public var fitForPurpose: Day? { judgements.first(where: \.fit)?.on }

    /// The weakness with this id, if there is one.
    public func weakness(_ id: String) -> Weakness? { weaknesses.first { $0.id == id } }

    /// The workstream with this id, if there is one.
    public func workstream(_ id: String) -> Workstream? { workstreams.first { $0.id == id } }

    /// The index of action `A<n>`, if it exists (ids are dense, so this is direct).
    public func actionIndex(_ id: String) -> Int? { Plan.index(of: id, prefix: "A", count: actions.count) }

    /// The index of measure `M<n>`, if it exists.
    public func measureIndex(_ id: String) -> Int? { Plan.index(of: id, prefix: "M", count: measures.count) }

    /// `A12` → 11 when there are at least 12; nil for anything else (`A012`, `A+1`, `a12`…).
    ///
    /// Read from the UTF-8 bytes, as replay looks an id up for every status report.
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
