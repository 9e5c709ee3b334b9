/// What a measure's unit says about the values it can take: a percentage runs from 0 to 100,
/// a count or a duration is never negative, anything else may be any finite number.
public enum MeasureUnit: Equatable, Sendable {
    /// `%`: 0 to 100.
    case percentage
    /// A count of things or a length of time (`number`, `children`, `days`, `weeks`, …): 0 or more.
    case nonNegative
    /// A unit wsoa knows nothing about: any finite number.
    case any

    /// The kind of `unit`, read from its words.
    public init(_ unit: String) {
        let words = unit.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "%" })
        if unit.collapsingWhitespace == "%" || words == ["percent"] || words == ["per", "cent"] {
            self = .percentage
        } else if words.contains(where: { MeasureUnit.countWords.contains(String($0)) }) {
            self = .nonNegative
        } else {
            self = .any
        }
    }

    /// Words that make a unit a count or a duration.
    private static let countWords: Set<String> = [
        "number", "count", "children", "young", "people", "families", "plans", "assessments", "referrals", "cases",
        "days", "day", "weeks", "week", "months", "month", "hours", "hour", "minutes", "years", "pupils", "schools",
        "complaints", "tribunals", "appeals", "visits",
    ]

    /// Why `value` cannot be a value in this unit, or nil when it can.
    public func problem(with value: Double, unit: String) -> String? {
        switch self {
        case .percentage where !(0...100).contains(value):
            return "\(Amendment.number(value)) is not a percentage (0 to 100)"
        case .nonNegative where value < 0:
            return "\(Amendment.number(value)) \(unit) cannot be negative"
        case .percentage, .nonNegative, .any:
            return nil
        }
    }
}
