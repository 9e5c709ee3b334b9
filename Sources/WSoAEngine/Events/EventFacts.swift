/// What every kind of event says about itself: the one place each event type's particulars live.
///
/// Adding an event type means a value type conforming to this (its fields and codec), a case
/// in `PlanEvent` and `EventType`, its `apply`, and its rules in `Rule.rules(for:)`.
protocol EventFacts: Hashable, Sendable {
    /// The journal `type` of this kind of event.
    static var type: EventType { get }
    /// The business date the event took effect (the journal's `on`).
    var on: Day { get }
    /// Where the facts came from, or what was assumed.
    var note: String? { get }
    /// Every free-text value, by field: what the text limits and the personal-data rule check.
    var texts: [EventText] { get }
    /// What the event refers to, which must exist in the plan.
    var references: [PlanReference] { get }
    /// The dates a delivery record sets, named for refusals, which may not come before the
    /// inspection (lifecycle dates are checked by their own rules).
    var deliveryDates: [(name: String, day: Day)] { get }
    /// The dates of things that happened, named for refusals, which may not be after the day
    /// the line is recorded (planned dates — due dates, targets — may be).
    var happenedDates: [(name: String, day: Day)] { get }
    /// The id the event gives or changes, if any.
    var recordID: String? { get }
    /// Which of the event's dates are estimates (`on`, `received`, …).
    var estimated: [String] { get }
    /// The event's facts in a line, for people.
    var summary: String { get }
    /// Reads the event from its journal line's `on` and `data`, refusing any field it does not know.
    init(on: Day, data: inout JSONObjectReader) throws
    /// Writes the event's `data` members; absent notes and names are left out.
    func encode(into data: inout [String: JSONValue])
}

extension EventFacts {
    /// The journal `type` of this event.
    var type: EventType { Self.type }

    /// By default the event's own date is the day something happened.
    var happenedDates: [(name: String, day: Day)] { [("date", on)] }

    /// By default no date is an estimate.
    var estimated: [String] { [] }
}

/// One free-text value of an event and the field it is in.
public struct EventText: Hashable, Sendable {
    /// Which field.
    public let field: TextField
    /// The text.
    public let text: String

    /// Pairs a field with its text.
    public init(_ field: TextField, _ text: String) {
        self.field = field
        self.text = text
    }

    /// The texts of `field` that are present (nil and absent optional values are left out).
    static func list(_ field: TextField, _ texts: String?...) -> [EventText] {
        texts.compactMap { $0.map { EventText(field, $0) } }
    }
}

/// Something an event refers to, which must exist in the plan.
enum PlanReference: Hashable, Sendable {
    /// A weakness id, `W1…`.
    case weakness(String)
    /// A workstream id.
    case workstream(String)
    /// An action id, `A1…`.
    case action(String)
    /// A measure id, `M1…`.
    case measure(String)
    /// A weakness id or a workstream id (monitoring-visit ratings).
    case weaknessOrWorkstream(String)
    /// A piece of evidence, `E1…`, that still stands.
    case evidence(String)
    /// A monitoring visit, `V1…`, that still stands.
    case visit(String)
    /// A follow-up, `F1…`.
    case followUp(String)
}

extension JSONObjectReader {
    /// The `note` and `estimated` of an event whose `data` holds nothing else (a submission, a
    /// cessation); any other member is refused as unknown.
    mutating func noteAndEstimated(_ estimable: [String]) throws -> (note: String?, estimated: [String]) {
        var note: String?, estimated: [String] = []
        while let key = try nextKey() {
            switch key {
            case "estimated": estimated = try estimatedDates(key, estimable)
            case "note": note = try optionalString(key)
            default: throw unknownField(key)
            }
        }
        return (note, estimated)
    }

    /// The value of `key`: the names of an event's dates that are estimates, each one the event
    /// has (`estimable`), each once and in that order, so that a line reads back as written.
    mutating func estimatedDates(_ key: JSONKey, _ estimable: [String]) throws -> [String] {
        let names = try strings(key)
        if let unknown = names.first(where: { !estimable.contains($0) }) {
            throw WSoAError.invalidEvent(reason: "\(context) '\(key.text)' names '\(unknown)', which is not one of this event's dates (\(estimable.joined(separator: ", ")))")
        }
        guard names == estimable.filter(names.contains) else {
            throw WSoAError.invalidEvent(reason: "\(context) '\(key.text)' must name each date once, in the order \(estimable.joined(separator: ", "))")
        }
        return names
    }
}
