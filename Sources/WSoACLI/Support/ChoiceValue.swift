import WSoAEngine

/// A value an option takes from a fixed set, e.g. `--status at-risk` or `--kind voice`.
///
/// Each case may be typed in several spellings. The first is the one help and error messages
/// show; the others are kept so that commands written with an older spelling (the camelCase
/// statuses, `atRisk`) still work. A value whose raw value is its only spelling gets that
/// for free.
protocol ChoiceValue: CaseIterable {
    /// Every spelling accepted for this case, the one shown to people first.
    var spellings: [String] { get }
}

extension ChoiceValue {
    /// The case spelled `text` (exactly, in any of its accepted spellings), or nil.
    init?(spelling text: String) {
        guard let found = Self.allCases.first(where: { $0.spellings.contains(text) }) else { return nil }
        self = found
    }

    /// The spelling shown to people, e.g. `at-risk`.
    var spelling: String { spellings[0] }

    /// The spelling of every case, in declaration order, as help and errors list them.
    static var shownSpellings: [String] { allCases.map(\.spelling) }

    /// `a, b or c`: the shown spellings as a sentence lists them.
    static var spellingsInWords: String {
        let all = shownSpellings
        guard all.count > 1 else { return all.first ?? "" }
        return all.dropLast().joined(separator: ", ") + " or " + all[all.count - 1]
    }
}

extension ChoiceValue where Self: RawRepresentable, RawValue == String {
    /// The raw value alone: for enums whose raw values are already the words people type.
    var spellings: [String] { [rawValue] }
}

// Raw values that are already the words people type (lower-case, hyphenated).
extension EvidenceKind: ChoiceValue {}
extension LeadPartner: ChoiceValue {}
extension Rating: ChoiceValue {}
extension HistoryKind: ChoiceValue {}

extension InspectionOutcome: ChoiceValue {}
extension ExportKind: ChoiceValue {}
extension ImportKind: ChoiceValue {}
extension DiagramFormat: ChoiceValue {}
extension Framework: ChoiceValue {}

/// The 2023 clocks `advance PLAN deadline --clock` sets, as people type them.
enum SettableClock: String, ChoiceValue {
    case strategicPlan = "strategic-plan"
    case priorityActionPlan = "priority-action-plan"
    case monitoringInspection = "monitoring-inspection"
    case nextInspection = "next-inspection"

    /// The engine's clock.
    var clock: ClockName {
        switch self {
        case .strategicPlan: return .strategicPlan
        case .priorityActionPlan: return .priorityActionPlan
        case .monitoringInspection: return .monitoringInspection
        case .nextInspection: return .nextInspection
        }
    }
}
extension EscalationKind: ChoiceValue {
    /// `improvement-notice`, `statutory-direction`: the words people type.
    var spellings: [String] { [argument] }
}

extension ReportFormat: ChoiceValue {
    /// `markdown` and its file extension `md`, which people type as often.
    var spellings: [String] {
        switch self {
        case .markdown: return ["markdown", "md"]
        case .html, .json: return [rawValue]
        }
    }
}
