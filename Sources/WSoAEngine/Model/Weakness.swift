/// An area of significant weakness named in the inspection outcome letter — or, under the 2023
/// framework, an area for priority action or for improvement named in the report (see ``FindingKind``).
///
/// The statement is kept verbatim from the letter, because the revisit judges exactly that
/// wording and the board's papers quote it. Its judgement and release are worked out from the
/// plan's revisits, formal reviews, releases and cessation (`Plan.settleJudgements()` and the releases), so a
/// withdrawn or corrected event changes them as if it had never been, or had been as corrected.
public struct Weakness: Hashable, Sendable {
    /// `W1`, `W2`, … in the order the letter lists them (`P1…`, `I1…` in a 2023 report's order).
    public let id: String
    /// The letter's wording, verbatim.
    public let statement: String
    /// The partner a 2023 report names as responsible for an area for priority action, if any.
    public let partner: String?
    /// The latest judgement of it — at a revisit or at a formal review of the accelerated
    /// progress plan — or nil before the revisit.
    public internal(set) var judged: WeaknessJudgement?
    /// When DfE and NHS England ended monitoring of it, or nil while it is monitored.
    public internal(set) var released: WeaknessRelease?

    /// Makes a weakness as the letter names it, not yet judged and monitored.
    public init(id: String, statement: String, partner: String? = nil) {
        self.id = id
        self.statement = statement
        self.partner = partner
    }

    /// What kind of finding it is, from its id.
    public var kind: FindingKind { FindingKind(id: id) }

    /// The latest judgement's outcome, or `open` before the revisit.
    public var outcome: WeaknessOutcome { judged?.outcome ?? .open }

    /// Whether DfE/NHS England still monitor it: a weakness judged sufficient stays monitored
    /// until they release it, on a date of their own.
    public var monitored: Bool { released == nil }

    /// Whether it is in the accelerated progress plan: monitored and judged not sufficient.
    public var inAcceleratedProgressPlan: Bool { kind == .significantWeakness && monitored && outcome == .insufficient }

    /// Where it stands, for people and `--json`.
    public var standing: WeaknessStanding {
        if let released { return .released(released) }
        switch kind {
        case .significantWeakness: break
        case .priorityAction: return judged.map(WeaknessStanding.judged) ?? .awaitingMonitoringInspection
        case .improvement: return .toImprove
        }
        switch judged {
        case nil: return .monitored
        case let judgement? where judgement.outcome == .sufficient: return .sufficientAwaitingRelease(judgement)
        case let judgement?: return .inAcceleratedProgressPlan(judgement)
        }
    }
}
