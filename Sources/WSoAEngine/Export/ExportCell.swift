/// One cell of an export: text a person wrote, or a value the engine wrote (a date, a number,
/// an id, a word from a fixed set).
///
/// The difference matters when the file is opened in a spreadsheet: text that begins with
/// `=`, `+`, `-` or `@` would be taken for a formula, so text is neutralised (see
/// ``CSVWriter``); a value the engine wrote is never a formula and stays as it is, so a
/// negative reading stays a number.
public enum ExportCell: Hashable, Sendable {
    /// Free text, as recorded.
    case text(String)
    /// A value the engine wrote: a date (`YYYY-MM-DD`), a number, an id or a fixed word.
    case value(String)
    /// Nothing recorded.
    case empty

    /// The cell's content as recorded, without any neutralising.
    public var content: String {
        switch self {
        case let .text(text), let .value(text): return text
        case .empty: return ""
        }
    }
}
