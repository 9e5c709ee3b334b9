/// The facts an amendment changes: each field given replaces the recorded one; fields left nil
/// stay as they were. Which fields fit which kind of record is `Amendment.fields(for:)`.
public struct Amendment: Hashable, Sendable {
    /// A new title (workstream, action, measure, evidence).
    public var title: String?
    /// A new lead (workstream, action).
    public var lead: String?
    /// A new accountable officer (workstream).
    public var accountable: String?
    /// The lead partners (workstream), replacing the list.
    public var partners: [LeadPartner]?
    /// The weaknesses addressed (workstream), replacing the list.
    public var addresses: [String]?
    /// A new unit (measure).
    public var unit: String?
    /// A new baseline (measure).
    public var baseline: Reading?
    /// A new target (measure).
    public var target: Reading?
    /// The right value of a reading.
    public var value: Double?
    /// The right date (evidence, visit, lifecycle event).
    public var on: Day?
    /// A new kind (evidence).
    public var kind: EvidenceKind?
    /// The weaknesses spoken to (evidence), replacing the list.
    public var weaknesses: [String]?
    /// A new source (evidence).
    public var source: String?
    /// A new link (evidence).
    public var link: String?
    /// A new version of the file (evidence, `wsoa evidence revise`): the current one becomes
    /// an earlier version, so both stay in the record.
    public var file: FileReference?
    /// The advisers (visit), replacing the list.
    public var advisers: [String]?
    /// The area's attendees (visit), replacing the list.
    public var attendees: [Attendee]?
    /// The ratings (visit), replacing them all.
    public var ratings: [String: Rating]?

    /// An amendment that changes nothing yet.
    public init() {}

    /// The names of the fields given, in a fixed order, as the journal and people read them.
    public var fieldNames: [String] {
        let given: [(String, Bool)] = [
            ("title", title != nil), ("lead", lead != nil), ("accountable", accountable != nil), ("partners", partners != nil),
            ("addresses", addresses != nil), ("unit", unit != nil), ("baseline", baseline != nil), ("target", target != nil),
            ("value", value != nil), ("on", on != nil), ("kind", kind != nil), ("weaknesses", weaknesses != nil),
            ("source", source != nil), ("link", link != nil), ("file", file != nil), ("advisers", advisers != nil),
            ("attendees", attendees != nil), ("ratings", ratings != nil),
        ]
        return given.filter(\.1).map(\.0)
    }

    /// Each change in words, in the order of `fieldNames`: `on 2019-10-10`, `title "…"`,
    /// `partners la, health`.
    public var descriptions: [String] {
        func quoted(_ text: String) -> String { "“\(text)”" }
        let number = Amendment.number
        var list: [String] = []
        if let title { list.append("title \(quoted(title))") }
        if let lead { list.append("lead \(quoted(lead))") }
        if let accountable { list.append("accountable \(quoted(accountable))") }
        if let partners { list.append("partners \(partners.map(\.rawValue).joined(separator: ", "))") }
        if let addresses { list.append("addresses \(addresses.joined(separator: ", "))") }
        if let unit { list.append("unit \(quoted(unit))") }
        if let baseline { list.append("baseline \(number(baseline.value)) on \(baseline.on)") }
        if let target { list.append("target \(number(target.value)) by \(target.on)") }
        if let value { list.append("value \(number(value))") }
        if let on { list.append("date \(on)") }
        if let kind { list.append("kind \(kind.rawValue)") }
        if let weaknesses { list.append("weaknesses \(weaknesses.joined(separator: ", "))") }
        if let source { list.append("source \(quoted(source))") }
        if let link { list.append("link \(link)") }
        if let file {
            list.append("file \(quoted(file.name)), SHA-256 \(file.shortHash)…, \(file.copied ? "a copy kept" : "no copy kept")")
        }
        if let advisers { list.append("advisers \(advisers.joined(separator: ", "))") }
        if let attendees { list.append("attendees \(attendees.map(\.description).joined(separator: ", "))") }
        if let ratings {
            list.append("ratings " + ratings.keys.sorted(by: String.idOrder).map { "\($0) \(ratings[$0]!.rawValue)" }.joined(separator: ", "))
        }
        return list
    }

    /// A value as people write it: `42`, not `42.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// The fields an amendment of `target` may change.
    public static func fields(for target: RecordTarget) -> [String] {
        switch target {
        case .workstream: return ["title", "lead", "accountable", "partners", "addresses"]
        case .action: return ["title", "lead"]
        case .measure: return ["title", "unit", "baseline", "target"]
        case .reading: return ["value"]
        case .evidence: return ["title", "on", "kind", "weaknesses", "source", "link", "file"]
        case .visit: return ["on", "advisers", "attendees", "ratings"]
        case .lifecycle: return ["on"]
        }
    }

    /// Every free-text value, by field.
    var texts: [EventText] {
        EventText.list(.title, title) + EventText.list(.lead, lead) + EventText.list(.accountable, accountable)
            + EventText.list(.unit, unit) + EventText.list(.source, source) + EventText.list(.link, link)
            + EventText.list(.file, file?.path) + (advisers ?? []).map { EventText(.adviser, $0) }
            + (attendees ?? []).flatMap { [EventText(.attendee, $0.name)] + EventText.list(.attendee, $0.role) }
    }
}
