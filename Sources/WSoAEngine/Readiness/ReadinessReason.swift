/// One reason a weakness is not on a higher rung, naming the action, measure or missing kind
/// of evidence, so the board knows exactly what to chase.
public struct ReadinessReason: Hashable, Sendable {
    /// The rung this reason keeps the weakness off.
    public let rung: Rung
    /// What kind of gap it is.
    public let kind: ReasonKind
    /// What it names: an action (`A12`), a measure (`M3`) or an evidence kind (`voice`); nil
    /// when the gap is the weakness's as a whole (e.g. no measures at all).
    public let subject: String?
    /// The reason as one plain-text sentence (renderers escape it).
    public let text: String

    /// Makes a reason.
    public init(rung: Rung, kind: ReasonKind, subject: String?, text: String) {
        self.rung = rung
        self.kind = kind
        self.subject = subject
        self.text = text
    }
}
