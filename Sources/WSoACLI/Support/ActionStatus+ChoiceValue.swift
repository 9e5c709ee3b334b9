import WSoAEngine

extension ActionStatus: ChoiceValue {
    /// `at-risk` as people write it, then the journal's own `atRisk`, which scripts written
    /// before the hyphenated words still use.
    var spellings: [String] {
        switch self {
        case .notStarted: return ["not-started", rawValue]
        case .onTrack: return ["on-track", rawValue]
        case .atRisk: return ["at-risk", rawValue]
        case .offTrack: return ["off-track", rawValue]
        case .complete: return [rawValue]
        }
    }
}
