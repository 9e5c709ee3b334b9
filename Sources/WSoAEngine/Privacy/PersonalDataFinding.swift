/// One piece of text that looks like it identifies a child, and the field it was found in.
///
/// Evidence titles and notes are shared with boards and published on local-offer websites, so
/// text holding an NHS number, a unique pupil number or an email address is refused unless the
/// person recording it says otherwise. A finding keeps the text exactly as found, so a caller can
/// point at it or record it; its `description` masks most of it, because refusal messages end up
/// in terminals, logs and CI output that are themselves shared.
public struct PersonalDataFinding: Hashable, Sendable, CustomStringConvertible {
    /// The kind of identifier a finding looks like.
    ///
    /// Raw values are stable: they are what a journal records when personal data is allowed.
    public enum Kind: String, Sendable, CaseIterable {
        /// A 10-digit NHS number (or Scottish CHI / Northern Irish H&C number) with a valid
        /// modulus-11 check digit, that is not part of a UK telephone number.
        case nhsNumber
        /// A 13-character DfE unique pupil number, permanent or temporary, with a valid check letter.
        case uniquePupilNumber
        /// An email address, which names a parent or child as surely as a number does.
        case emailAddress

        /// The kind in words, for messages ("NHS number").
        ///
        /// Kept apart from the raw value so messages read as English while stored values stay
        /// machine-stable.
        public var name: String {
            switch self {
            case .nhsNumber: "NHS number"
            case .uniquePupilNumber: "unique pupil number"
            case .emailAddress: "email address"
            }
        }

        /// The name with its indefinite article ("an NHS number"), which the name alone cannot
        /// choose because "NHS" is read "en-aitch-ess".
        var nameWithArticle: String {
            switch self {
            case .nhsNumber: "an NHS number"
            case .uniquePupilNumber: "a unique pupil number"
            case .emailAddress: "an email address"
            }
        }
    }

    /// What the text looks like.
    public let kind: Kind
    /// The text exactly as found, separators and case included.
    ///
    /// Never print this: use `maskedMatch` or `description`, which are safe for logs.
    public let match: String
    /// Where the text was found, as the caller named it (an option such as `--note`, or a
    /// field such as `title`).
    public let field: String

    /// Makes a finding; the scanner makes these, and tests make them to compare against.
    public init(kind: Kind, match: String, field: String) {
        self.kind = kind
        self.match = match
        self.field = field
    }

    /// The match with most of it replaced by `*`, enough to find it again but not to use it.
    ///
    /// NHS numbers keep their first three and last two digits and their separators
    /// (`943 *** **19`); unique pupil numbers keep their first five and last character
    /// (`A1234*******7`); email addresses keep the first character of the local part and the
    /// whole domain (`j***@example.org`), since the domain says where to look, not who.
    public var maskedMatch: String {
        switch kind {
        case .nhsNumber: Self.maskDigits(match, keepFirst: 3, keepLast: 2)
        case .uniquePupilNumber: Self.maskCharacters(match, keepFirst: 5, keepLast: 1)
        case .emailAddress: Self.maskEmail(match)
        }
    }

    /// The finding in one phrase for a refusal: "an NHS number (943 *** **19) in --note".
    public var description: String {
        "\(kind.nameWithArticle) (\(maskedMatch)) in \(field)"
    }

    // MARK: Masking
    //
    // The masks work on any string, not just ones the scanner produced, because `init` is
    // public: a short or odd match is masked more, never less, and never traps.

    /// Masks every digit except the first `keepFirst` and last `keepLast`, leaving separators.
    private static func maskDigits(_ text: String, keepFirst: Int, keepLast: Int) -> String {
        let digitCount = text.reduce(0) { $0 + ($1.isASCIIDigitCharacter ? 1 : 0) }
        guard digitCount > keepFirst + keepLast else { return maskCharacters(text, keepFirst: 0, keepLast: 0) }
        var seen = 0
        var masked = ""
        for character in text {
            if character.isASCIIDigitCharacter {
                masked.append(seen < keepFirst || seen >= digitCount - keepLast ? character : "*")
                seen += 1
            } else {
                masked.append(character)
            }
        }
        return masked
    }

    /// Masks every character except the first `keepFirst` and last `keepLast`; text too short
    /// to keep that much and still hide most of it is masked whole.
    private static func maskCharacters(_ text: String, keepFirst: Int, keepLast: Int) -> String {
        let characters = Array(text)
        let hideAll = characters.count <= 2 * (keepFirst + keepLast)
        var masked = ""
        for (index, character) in characters.enumerated() {
            let keep = !hideAll && (index < keepFirst || index >= characters.count - keepLast)
            masked.append(keep ? character : "*")
        }
        return masked
    }

    /// Keeps the first character of the local part and the domain: `j***@example.org`.
    private static func maskEmail(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let first = text.first, at != text.startIndex else {
            return maskCharacters(text, keepFirst: 0, keepLast: 0)
        }
        return "\(first)***\(text[at...])"
    }
}

extension Character {
    /// Whether this is one of `0`–`9`: the only digits identifiers are written with here.
    fileprivate var isASCIIDigitCharacter: Bool {
        guard let ascii = asciiValue else { return false }
        return ascii >= 0x30 && ascii <= 0x39
    }
}
