/// The red-amber-green sense of a cell, which the HTML report colours; the words in the
/// cell always say the same thing, so colour is never the only signal.
enum ReportTone: String, Sendable, CaseIterable {
    /// Green: done, met, on track.
    case good
    /// Amber: at risk, due soon.
    case warning
    /// Red: overdue, off track, not yet delivering.
    case bad

    /// The tone of a monitoring visit's rating.
    init(_ rating: Rating) {
        switch rating {
        case .red: self = .bad
        case .amber: self = .warning
        case .green: self = .good
        }
    }

    /// The tone of a clock: its state's, except that a deadline met late is amber, not green,
    /// so colour never says "good" beside "late".
    static func of(_ clock: Clock) -> ReportTone? {
        if clock.state == .met, let late = clock.workingDaysLate, late > 0 { return .warning }
        return of(clock.state)
    }

    /// The tone of a clock's state; nil (no colour) for a clock simply pending.
    static func of(_ state: ClockState) -> ReportTone? {
        switch state {
        case .pending: return nil
        case .dueSoon: return .warning
        case .overdue: return .bad
        case .met: return .good
        }
    }
}
