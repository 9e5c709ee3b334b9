/// Someone who attended a monitoring visit for the area, with their role.
public struct Attendee: Hashable, Sendable {
    /// Their name.
    public let name: String
    /// Their role ("Head of SEND"), when given.
    public let role: String?

    /// An attendee.
    public init(name: String, role: String? = nil) {
        self.name = name
        self.role = role
    }

    /// Reads "Name (Role)" or "Name": how officers write attendees in minutes.
    public init(parsing text: String) {
        let text = text.collapsingWhitespace
        if text.hasSuffix(")"), let open = text.lastIndex(of: "("),
           let name = String(text[..<open]).nonBlank {
            let role = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            self.init(name: name.collapsingWhitespace, role: role.nonBlank?.collapsingWhitespace)
            return
        }
        self.init(name: text)
    }

    /// "Name (Role)" or "Name".
    public var description: String { role.map { "\(name) (\($0))" } ?? name }
}
