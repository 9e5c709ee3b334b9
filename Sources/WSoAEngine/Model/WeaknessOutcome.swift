/// What the revisit decided about one area of significant weakness.
public enum WeaknessOutcome: String, Sendable, CaseIterable {
    /// Not yet judged at a revisit.
    case open
    /// The area "has made sufficient progress" in addressing it.
    case sufficient
    /// The area "has not made sufficient progress"; it moves into an accelerated progress plan.
    case insufficient
}

extension WeaknessOutcome {
    /// "sufficient: W1, W3; insufficient: W2": judgements by outcome, each in id order.
    static func summary(of outcomes: [String: WeaknessOutcome]) -> String {
        [WeaknessOutcome.sufficient, .insufficient].compactMap { outcome -> String? in
            let ids = outcomes.filter { $0.value == outcome }.keys.sorted(by: String.idOrder)
            return ids.isEmpty ? nil : "\(outcome.rawValue): \(ids.joined(separator: ", "))"
        }.joined(separator: "; ")
    }
}

extension JSONObjectReader {
    /// The value of `key`, an object judging weaknesses by id: `{"W1":"sufficient",…}`.
    mutating func outcomes(_ key: JSONKey) throws -> [String: WeaknessOutcome] {
        var judged: [String: WeaknessOutcome] = [:]
        for (id, name) in try stringEntries(key) {
            guard let outcome = WeaknessOutcome(rawValue: name) else {
                throw WSoAError.invalidEvent(reason: "the outcome '\(name)' for \(id) is unknown")
            }
            judged[id] = outcome
        }
        return judged
    }
}
