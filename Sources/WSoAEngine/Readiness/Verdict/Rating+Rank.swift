extension Rating {
    /// 0 for red, 1 amber, 2 green: higher is better.
    var rank: Int {
        switch self {
        case .red: return 0
        case .amber: return 1
        case .green: return 2
        }
    }
}
