/// Finds NHS numbers, unique pupil numbers and email addresses in free text.
///
/// Evidence and notes in a written statement of action are shared with boards and published,
/// so they must not identify children. This is the detector the commands ask before writing:
/// pure (no I/O, no state), linear in the length of the text, and safe on any Unicode.
///
/// What counts, and why:
/// - **NHS number**: 10 ASCII digits, contiguous (`9434765919`) or grouped 3-3-4 with the same
///   separator twice, a single space or a single hyphen (`943 476 5919`, `943-476-5919`), with
///   a valid modulus-11 check digit. Only the separators people type count: a no-break space,
///   tab, en dash or doubled space between the groups does not, so the rule stays one anyone
///   can predict from the text they see. Ten identical digits are placeholders, not numbers.
/// - **Unique pupil number**: 13 ASCII characters, a check letter then 12 digits, or 11 digits
///   and a letter (temporary UPN), with a valid check letter; either case.
/// - **Email address**: `local@domain.tld`, the local part from `A–Z a–z 0–9 . _ % + -`, the
///   domain dot-separated labels of letters, digits and inner hyphens ending in a TLD of two
///   or more letters. Dots leading the local part or trailing the domain are punctuation
///   ("write to a@b.org.") and left out of the match.
///
/// Every match must stand alone: the character before and after it must not be a letter, a
/// digit (in any script) or a combining mark, so `ABC9434765919`, an 11-digit number and a
/// number with an accent on its last digit are not findings. Emoji, punctuation, spaces of any
/// kind and invisible marks (RTL, zero-width) are boundaries.
///
/// It is a guard against accidents, not against someone set on hiding a number: digits written
/// in another script, split by unusual characters, or spelled out are not found.
public enum PersonalDataScanner {
    /// Every finding in one piece of text, in the order they appear.
    ///
    /// Each occurrence is a finding, so the same number twice is reported twice; callers that
    /// want one line per distinct number can de-duplicate, since findings are `Hashable`.
    /// Overlapping kinds are all reported (an NHS number used as an email's local part is both).
    public static func findings(in text: String, field: String) -> [PersonalDataFinding] {
        spans(in: text).map { PersonalDataFinding(kind: $0.kind, match: $0.match, field: field) }
    }

    /// Every finding in several named pieces of text, field by field in the order given.
    ///
    /// A command checks all of its text options at once so that one refusal names everything
    /// that needs changing, not just the first.
    public static func findings(in fields: [(field: String, text: String)]) -> [PersonalDataFinding] {
        fields.flatMap { findings(in: $0.text, field: $0.field) }
    }

    // MARK: Scanning

    /// A match and where it starts, in UTF-8 bytes, so matches of different kinds can be put in
    /// text order.
    struct Span {
        let start: Int
        let kind: PersonalDataFinding.Kind
        let match: String
    }

    /// Every match in the text, in text order (kinds in declaration order at the same start).
    static func spans(in text: String) -> [Span] {
        var text = text
        text.makeContiguousUTF8()
        let found = text.utf8.withContiguousStorageIfAvailable { UTF8Scan(bytes: $0).all() }
            ?? Array(text.utf8).withUnsafeBufferPointer { UTF8Scan(bytes: $0).all() }
        let order = Dictionary(uniqueKeysWithValues: PersonalDataFinding.Kind.allCases.enumerated().map { ($1, $0) })
        return found.sorted { ($0.start, order[$0.kind] ?? 0) < ($1.start, order[$1.kind] ?? 0) }
    }
}

/// One pass per kind over a text's UTF-8 bytes.
///
/// All three identifiers are ASCII, and in UTF-8 an ASCII byte is never part of a longer
/// character, so the passes look at bytes and decode a whole scalar only at the edge of a
/// candidate, to check its boundary. Each pass moves forward run by run and looks ahead a bounded
/// distance, and the email pass's scans left and right of each `@` stop at the neighbouring
/// `@`, so no byte is visited more than a few times: linear on any input.
private struct UTF8Scan {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    func all() -> [PersonalDataScanner.Span] {
        nhsNumbers() + uniquePupilNumbers() + emailAddresses()
    }

    // MARK: NHS numbers

    func nhsNumbers() -> [PersonalDataScanner.Span] {
        var found: [PersonalDataScanner.Span] = []
        var index = 0
        while index < count {
            guard isDigit(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            let end = digitRunEnd(from: start)
            if isBoundary(before: start) {
                if end - start == 10, isBoundary(after: end) {
                    let digits = (start..<end).map { bytes[$0] - 0x30 }
                    if IdentifierCheckDigits.isValidNHSNumber(digits) {
                        found.append(span(start, end, .nhsNumber))
                    }
                } else if end - start == 3, let groupedEnd = groupedNHSEnd(firstGroupEnd: end) {
                    let digits = (start..<groupedEnd).filter { isDigit(bytes[$0]) }.map { bytes[$0] - 0x30 }
                    if IdentifierCheckDigits.isValidNHSNumber(digits) {
                        found.append(span(start, groupedEnd, .nhsNumber))
                    }
                }
            }
            index = end
        }
        return found
    }

    /// Where a 3-3-4 grouping ends, given where its first 3 digits end, or nil if what follows
    /// is not `S ddd S dddd` (S one space or one hyphen, the same both times) standing alone.
    private func groupedNHSEnd(firstGroupEnd: Int) -> Int? {
        let separator = firstGroupEnd
        guard separator + 9 <= count else { return nil }
        let mark = bytes[separator]
        guard mark == 0x20 || mark == 0x2D else { return nil }
        guard (separator + 1...separator + 3).allSatisfy({ isDigit(bytes[$0]) }),
              bytes[separator + 4] == mark,
              (separator + 5...separator + 8).allSatisfy({ isDigit(bytes[$0]) })
        else { return nil }
        let end = separator + 9
        return isBoundary(after: end) ? end : nil
    }

    private func digitRunEnd(from start: Int) -> Int {
        var end = start
        while end < count, isDigit(bytes[end]) { end += 1 }
        return end
    }

    // MARK: Unique pupil numbers

    func uniquePupilNumbers() -> [PersonalDataScanner.Span] {
        var found: [PersonalDataScanner.Span] = []
        var index = 0
        while index < count {
            guard isASCIIAlphanumeric(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            var end = start
            while end < count, isASCIIAlphanumeric(bytes[end]) { end += 1 }
            if end - start == 13, isBoundary(before: start), isBoundary(after: end),
               IdentifierCheckDigits.isValidUPN(bytes[start..<end]) {
                found.append(span(start, end, .uniquePupilNumber))
            }
            index = end
        }
        return found
    }

    // MARK: Email addresses

    func emailAddresses() -> [PersonalDataScanner.Span] {
        var found: [PersonalDataScanner.Span] = []
        for at in 0..<count where bytes[at] == 0x40 {
            var localStart = at
            while localStart > 0, isLocalPartByte(bytes[localStart - 1]) { localStart -= 1 }
            guard isBoundary(before: localStart) else { continue }
            while localStart < at, bytes[localStart] == 0x2E { localStart += 1 }
            guard localStart < at else { continue }

            var domainEnd = at + 1
            while domainEnd < count, isDomainByte(bytes[domainEnd]) { domainEnd += 1 }
            guard isBoundary(after: domainEnd) else { continue }
            while domainEnd > at + 1, bytes[domainEnd - 1] == 0x2E || bytes[domainEnd - 1] == 0x2D {
                domainEnd -= 1
            }
            if isDomain(from: at + 1, to: domainEnd) {
                found.append(span(localStart, domainEnd, .emailAddress))
            }
        }
        return found
    }

    /// Whether the bytes are two or more dot-separated labels (letters, digits, inner hyphens)
    /// ending in a top-level domain of two or more letters.
    private func isDomain(from start: Int, to end: Int) -> Bool {
        guard start < end else { return false }
        var labels = 0
        var labelStart = start
        for index in start...end where index == end || bytes[index] == 0x2E {
            guard index > labelStart, bytes[labelStart] != 0x2D, bytes[index - 1] != 0x2D else { return false }
            labels += 1
            if index == end {
                let isTLD = index - labelStart >= 2 && (labelStart..<index).allSatisfy { isASCIILetter(bytes[$0]) }
                return labels >= 2 && isTLD
            }
            labelStart = index + 1
        }
        return false
    }

    private func isLocalPartByte(_ byte: UInt8) -> Bool {
        // . _ % + -
        isASCIIAlphanumeric(byte) || byte == 0x2E || byte == 0x5F || byte == 0x25 || byte == 0x2B || byte == 0x2D
    }

    private func isDomainByte(_ byte: UInt8) -> Bool {
        isASCIIAlphanumeric(byte) || byte == 0x2E || byte == 0x2D
    }

    // MARK: Boundaries

    /// Whether the character ending just before `index` lets a match start at `index`.
    func isBoundary(before index: Int) -> Bool {
        guard index > 0 else { return true }
        var start = index - 1
        // Step back over UTF-8 continuation bytes (10xxxxxx) to the scalar's first byte.
        while start > 0, index - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return !isWordScalar(at: start)
    }

    /// Whether the character starting at `index` lets a match end there.
    func isBoundary(after index: Int) -> Bool {
        guard index < count else { return true }
        return !isWordScalar(at: index)
    }

    /// Whether the scalar starting at `index` would continue a word: a letter, a digit in any
    /// script, or a combining mark (which belongs to the character before it, making that
    /// character something else). Anything undecodable is treated as a boundary.
    private func isWordScalar(at index: Int) -> Bool {
        let lead = bytes[index]
        if lead < 0x80 { return isASCIIAlphanumeric(lead) }
        guard let scalar = decodeScalar(at: index) else { return false }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// The scalar whose UTF-8 encoding starts at `index`, or nil if the bytes there are not one.
    private func decodeScalar(at index: Int) -> Unicode.Scalar? {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC0...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF7: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return Unicode.Scalar(value)
    }

    // MARK: Bytes

    private func span(_ start: Int, _ end: Int, _ kind: PersonalDataFinding.Kind) -> PersonalDataScanner.Span {
        let match = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return PersonalDataScanner.Span(start: start, kind: kind, match: match)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private func isASCIIAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isASCIILetter(byte) }
}
