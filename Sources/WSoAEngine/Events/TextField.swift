/// A free-text field of an event, with the longest text it may hold.
///
/// The limits suit what the field is for (a name, a title, a weakness quoted from a letter, a
/// note) and keep every event's journal line far below the longest line a reader accepts
/// (`JournalLine.maximumBytes`), so a command that is accepted can always be read back. The
/// same limits are checked when a line is written and when it is read.
public enum TextField: String, Sendable, CaseIterable {
    /// The local area's name.
    case area
    /// The local authority's name.
    case localAuthority
    /// The NHS partner's name (a CCG, or an ICB from July 2022).
    case healthPartner
    /// An area of significant weakness, verbatim from the letter.
    case weakness
    /// An area for priority action, verbatim from a 2023 report.
    case priorityAction
    /// The partner a 2023 report names as responsible for an area for priority action.
    case partner
    /// An area for improvement, verbatim from a 2023 report.
    case improvement
    /// The previous inspection, as a 2023 report states it.
    case previousInspection
    /// A DfE or NHS England adviser at a visit.
    case adviser
    /// An attendee's name or role.
    case attendee
    /// An action agreed at a visit, to follow up.
    case followUp
    /// The title of a workstream, action, measure or piece of evidence.
    case title
    /// Who leads a workstream or action.
    case lead
    /// Who owns a follow-up.
    case owner
    /// A workstream's accountable senior officer.
    case accountable
    /// Why an action's due date moved.
    case reason
    /// Who agreed a retarget.
    case agreedWith
    /// A measure's unit.
    case unit
    /// Where a piece of evidence came from.
    case source
    /// A link to a piece of evidence.
    case link
    /// The path of a file recorded as evidence.
    case file
    /// Who issued an improvement notice or a direction.
    case issuer
    /// A note.
    case note
    /// Who recorded a journal line (its `by`).
    case recorder

    /// The most characters (Unicode scalars) the field may hold.
    public var limit: Int {
        switch self {
        case .area, .localAuthority, .healthPartner, .adviser, .attendee, .lead, .owner, .accountable, .agreedWith, .recorder, .issuer:
            return 200
        case .partner, .previousInspection: return 300
        case .title, .source: return 300
        case .unit: return 40
        case .followUp, .reason, .link, .file: return 2_000
        case .weakness, .priorityAction, .improvement, .note: return 4_000
        }
    }

    /// How many values a repeated field may have in one event (1 for a single value).
    public var maximumCount: Int {
        switch self {
        case .weakness, .priorityAction, .improvement, .partner: return 30
        case .adviser: return 20
        case .attendee: return 80
        case .followUp: return 50
        case .area, .localAuthority, .healthPartner, .title, .lead, .owner, .accountable, .reason, .agreedWith, .unit, .source,
             .link, .file, .note, .recorder, .issuer, .previousInspection:
            return 1
        }
    }

    /// The field's name for people, e.g. "follow-up".
    public var displayName: String {
        switch self {
        case .followUp: return "follow-up"
        case .agreedWith: return "name of who agreed it"
        case .localAuthority: return "local authority's name"
        case .healthPartner: return "NHS partner's name"
        case .recorder: return "recorder's name"
        case .priorityAction: return "area for priority action"
        case .partner: return "responsible partner"
        case .improvement: return "area for improvement"
        case .previousInspection: return "previous inspection"
        case .area, .weakness, .adviser, .attendee, .title, .lead, .owner, .accountable, .reason, .unit, .source, .link, .file,
             .note, .issuer:
            return rawValue
        }
    }

    /// The first text over its field's limit, or field repeated too often, in words.
    ///
    /// An event lists a repeated field's values together (`EventFacts.texts`), so counting a
    /// run of the same field is counting its values.
    static func overLimit(_ texts: [EventText]) -> (reason: String, field: TextField)? {
        var run = 0
        for (index, text) in texts.enumerated() {
            run = index > 0 && texts[index - 1].field == text.field ? run + 1 : 1
            let field = text.field
            // Never more scalars than bytes, so most text is cleared without counting.
            if text.text.utf8.count > field.limit, case let length = text.text.unicodeScalars.count, length > field.limit {
                return ("the \(field.displayName) is \(length) characters long, and may be at most \(field.limit)", field)
            }
            if run > field.maximumCount { return ("it gives more than \(field.maximumCount) \(field.displayName) values", field) }
        }
        return nil
    }
}
