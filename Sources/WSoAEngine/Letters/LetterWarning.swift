/// A field the reader found but is not sure of, and why, so a dry run can ask for a check.
///
/// Warnings never stop a reading: the fact is still filled in. A field that cannot be found at
/// all is a refusal (``WSoAError/letterFieldMissing(field:hint:)``) instead, because guessing
/// a missing date or weakness would put a wrong fact into an append-only journal.
public struct LetterWarning: Hashable, Sendable, CustomStringConvertible {
    /// The field the warning is about.
    public var field: LetterField
    /// One sentence saying what is uncertain, ending with a full stop.
    public var message: String

    /// Makes a warning.
    public init(field: LetterField, message: String) {
        self.field = field
        self.message = message
    }

    /// The warning as shown to people, e.g. "area: the heading names 'Stoke' but ….".
    public var description: String { "\(field): \(message)" }
}
