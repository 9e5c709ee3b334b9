/// Finds NHS numbers, unique pupil numbers and email addresses in free text.
///
/// Evidence and notes in a written statement of action are shared with boards and published,
/// so they must not identify children. This is the detector the commands ask before writing:
/// pure (no I/O, no state), linear in the length of the text, and safe on any Unicode.
///
/// What counts, and why:
/// - **NHS number**: 10 ASCII digits with a valid modulus-11 check digit, written in one of the
///   ways people write them: contiguous (`9434765919`), or grouped 3-3-4 (`943 476 5919`) or
///   4-3-3 (`9434 765 919`) with one separator between the groups, a single space, hyphen or
///   dot, the same both times (`943-476-5919`, `943.476.5919`, `9434-765-919`). Only the
///   separators people type count: a no-break space, tab, en dash, slash or doubled space
///   between the groups does not, so the rule stays one anyone can predict from the text they
///   see. Mixed separators (`943 476-5919`) do not count either: each way of writing is then a
///   single pattern, and digits typed with two different marks are more often a reference or a
///   range than a number someone meant to write. Ten identical digits are placeholders, not
///   numbers. Groups that run on (`943 476 5919 123 456`) can hold two overlapping candidates;
///   each valid one is reported.
/// - **Not an NHS number: a UK telephone number.** About one telephone number in eleven has
///   ten digits that pass the check, so a candidate that is part of a telephone number is
///   left out. That is a candidate:
///   - that begins with `0`. Every UK number written for dialling within the UK begins with 0
///     and has 10 or 11 digits, so 10 digits from a 0 are a whole number (`0800 000 005`,
///     `016977 4120`), while NHS numbers in England and Wales never begin with 0 (they are
///     issued from 400–499 and 600–799 million). What this costs: a Scottish CHI number for
///     a birthday on the 1st to the 9th of a month begins with 0 and is not found. Eleven-digit
///     numbers (`0161 496 0003`, `01614960003`, `(0161) 496 0003`) hold no candidate at all.
///   - just after the country code, `+44` or `0044` (those digits alone, not the end of a
///     longer run such as `10044`; `(+44)` too), followed by either one space, hyphen or dot,
///     or `(0)` with at most one space, hyphen or dot either side (`+44 161 496 0003`,
///     `+44 (0)161 496 0003`, `0044-7700-900-019`); or just after `(0)` alone
///     (`(0)161 496 0003`), which is written only in telephone numbers.
///
///   Nothing else makes a candidate a telephone number: the NHS ranges are not used, because
///   Scottish CHI, Northern Irish H&C and test numbers (`943 476 5919`) lie outside England's,
///   and an NHS number written next to a telephone number is still found.
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
/// Most text holds none of these, and it is checked for every line of a journal, so a text
/// with no `@` and no ten ASCII digits within any twelve bytes (the most an NHS number
/// takes; a UPN has eleven digits in a row) is answered after one pass over its bytes, with
/// the same empty result the full scan would give.
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
    struct Span: Equatable {
        /// The match's first byte, as an offset into the text's UTF-8.
        let start: Int
        /// What the match looks like.
        let kind: PersonalDataFinding.Kind
        /// The matched text exactly as written.
        let match: String
    }

    /// Every match in the text, in text order (kinds in declaration order at the same start).
    ///
    /// `screening: false` skips the quick check for text that cannot hold a match, so tests
    /// can show that the check never changes a result.
    static func spans(in text: String, screening: Bool = true) -> [Span] {
        var text = text
        text.makeContiguousUTF8()
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> [Span] in
            let scanner = UTF8Scan(bytes: bytes)
            return screening && !scanner.mightHoldMatch() ? [] : scanner.all()
        }
        let found = text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
        // Most texts have no match or one, which need no ordering.
        guard found.count > 1 else { return found }
        let kinds = PersonalDataFinding.Kind.allCases
        return found.sorted {
            ($0.start, kinds.firstIndex(of: $0.kind) ?? 0) < ($1.start, kinds.firstIndex(of: $1.kind) ?? 0)
        }
    }

    /// Whether the quick check lets the text through to the full scan; for tests that show
    /// ordinary text takes the quick way.
    static func mightHoldMatch(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { UTF8Scan(bytes: $0).mightHoldMatch() }
    }
}

/// One pass per kind over a text's UTF-8 bytes.
///
/// All three identifiers are ASCII, and in UTF-8 an ASCII byte is never part of a longer
/// character, so the passes look at bytes and decode a whole scalar only at the edge of a
/// candidate, to check its boundary. Each pass moves forward run by run and looks ahead (or,
/// for a telephone prefix, back) a bounded distance, and the email pass's scans left and right
/// of each `@` stop at the neighbouring `@`, so no byte is visited more than a few times:
/// linear on any input.
private struct UTF8Scan {
    /// The text's UTF-8, borrowed for the length of one scan.
    let bytes: UnsafeBufferPointer<UInt8>

    /// The number of bytes in the text.
    var count: Int { bytes.count }

    /// Every match of every kind, kind by kind; `PersonalDataScanner.spans` puts them in text order.
    func all() -> [PersonalDataScanner.Span] {
        var found: [PersonalDataScanner.Span] = []
        nhsNumbers(into: &found)
        uniquePupilNumbers(into: &found)
        emailAddresses(into: &found)
        return found
    }

    // MARK: Quick check

    /// Whether the text has an `@` or ten ASCII digits within some twelve bytes, without which
    /// no match is possible: an email address has an `@`; an NHS number is ten digits in at
    /// most twelve bytes; a UPN has at least eleven digits in a row.
    ///
    /// One pass, a count of the digits in a sliding window of twelve bytes, and nothing else,
    /// so that the usual text (no digits, or a date and a percentage) costs little.
    func mightHoldMatch() -> Bool {
        let window = 12
        var digitsInWindow = 0
        for index in 0..<count {
            let byte = bytes[index]
            if byte == 0x40 { return true }
            if isDigit(byte) {
                digitsInWindow += 1
                if digitsInWindow >= 10 { return true }
            }
            // Drop the byte that leaves the window before the next one comes in.
            if index >= window - 1, isDigit(bytes[index - (window - 1)]) { digitsInWindow -= 1 }
        }
        return false
    }

    // MARK: NHS numbers

    /// Appends every NHS number: a candidate in one of the seven shapes, standing alone, not part
    /// of a telephone number, with a valid check digit.
    func nhsNumbers(into found: inout [PersonalDataScanner.Span]) {
        var index = 0
        while index < count {
            guard isDigit(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            let end = digitRunEnd(from: start)
            // A candidate starts only where a run of digits starts, and the run's length fixes
            // its shape. The runs inside a candidate are tried too, so groups that run on can
            // hold overlapping candidates.
            if let candidateEnd = nhsCandidateEnd(start: start, firstGroupEnd: end),
               isBoundary(before: start),
               !isTelephoneNumber(candidateStart: start),
               IdentifierCheckDigits.isValidNHSNumber((start..<candidateEnd).filter { isDigit(bytes[$0]) }.map { bytes[$0] - 0x30 }) {
                found.append(span(start, candidateEnd, .nhsNumber))
            }
            index = end
        }
    }

    /// Where an NHS-number-shaped candidate starting at `start` ends, given where its first run
    /// of digits ends, or nil if none starts there or it does not end at a boundary.
    ///
    /// The first run's length says which way it is written: 10 contiguous, 3 for 3-3-4, 4 for
    /// 4-3-3; so there is one shape to try at each start.
    private func nhsCandidateEnd(start: Int, firstGroupEnd: Int) -> Int? {
        let end: Int?
        switch firstGroupEnd - start {
        case 10: end = firstGroupEnd
        case 3: end = groupsEnd(firstGroupEnd: firstGroupEnd, second: 3, third: 4)
        case 4: end = groupsEnd(firstGroupEnd: firstGroupEnd, second: 3, third: 3)
        default: end = nil
        }
        guard let end, isBoundary(after: end) else { return nil }
        return end
    }

    /// Where the last group ends if what follows the first group is `S` + `second` digits + `S`
    /// + `third` digits, S one space, hyphen or dot and the same both times; else nil.
    ///
    /// The caller checks the boundary after, which is what stops the last group being longer.
    private func groupsEnd(firstGroupEnd: Int, second: Int, third: Int) -> Int? {
        let separator = firstGroupEnd
        let secondSeparator = separator + 1 + second
        let end = secondSeparator + 1 + third
        guard end <= count else { return nil }
        let mark = bytes[separator]
        guard isGroupSeparator(mark),
              (separator + 1..<secondSeparator).allSatisfy({ isDigit(bytes[$0]) }),
              bytes[secondSeparator] == mark,
              (secondSeparator + 1..<end).allSatisfy({ isDigit(bytes[$0]) })
        else { return nil }
        return end
    }

    /// Whether the candidate starting at `start` is part of a UK telephone number: it begins
    /// with 0, or it follows `+44` / `0044` and/or `(0)` (see `PersonalDataScanner`).
    ///
    /// Reads back at most a dozen bytes, whatever the text, so the scan stays linear.
    private func isTelephoneNumber(candidateStart start: Int) -> Bool {
        if bytes[start] == 0x30 { return true }
        var index = start
        if index > 0, isGroupSeparator(bytes[index - 1]) { index -= 1 }
        var trunkZero = false
        // "(0)": the 0 dialled inside the UK and left out from abroad.
        if index >= 3, bytes[index - 3] == 0x28, bytes[index - 2] == 0x30, bytes[index - 1] == 0x29 {
            trunkZero = true
            index -= 3
            if index > 0, isGroupSeparator(bytes[index - 1]) { index -= 1 }
        }
        if trunkZero { return true }
        // "(+44)": the bracket is skipped; the country code must still follow.
        if index > 0, bytes[index - 1] == 0x29 { index -= 1 }
        return isUKCountryCode(endingAt: index)
    }

    /// Whether the run of digits ending at `end` is `44` after a `+`, or `0044`.
    private func isUKCountryCode(endingAt end: Int) -> Bool {
        var runStart = end
        // Five digits back is enough to tell 0044 from a longer run such as 10044.
        while runStart > 0, end - runStart < 5, isDigit(bytes[runStart - 1]) { runStart -= 1 }
        switch end - runStart {
        case 2:
            return bytes[runStart] == 0x34 && bytes[runStart + 1] == 0x34 && runStart > 0 && bytes[runStart - 1] == 0x2B
        case 4:
            return bytes[runStart] == 0x30 && bytes[runStart + 1] == 0x30
                && bytes[runStart + 2] == 0x34 && bytes[runStart + 3] == 0x34
        default:
            return false
        }
    }

    /// Whether a byte may separate an NHS number's groups (or a telephone prefix from the
    /// number): a space, hyphen or dot, the separators people type.
    private func isGroupSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x2D || byte == 0x2E
    }

    /// Where the run of ASCII digits starting at `start` ends.
    private func digitRunEnd(from start: Int) -> Int {
        var end = start
        while end < count, isDigit(bytes[end]) { end += 1 }
        return end
    }

    // MARK: Unique pupil numbers

    /// Appends every unique pupil number: a run of exactly 13 ASCII letters and digits, standing
    /// alone, with a valid check letter.
    func uniquePupilNumbers(into found: inout [PersonalDataScanner.Span]) {
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
    }

    // MARK: Email addresses

    /// Appends every email address, working out from each `@`.
    func emailAddresses(into found: inout [PersonalDataScanner.Span]) {
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

    /// Whether a byte may be in an email address's local part.
    private func isLocalPartByte(_ byte: UInt8) -> Bool {
        // . _ % + -
        isASCIIAlphanumeric(byte) || byte == 0x2E || byte == 0x5F || byte == 0x25 || byte == 0x2B || byte == 0x2D
    }

    /// Whether a byte may be in an email address's domain (its shape is checked by `isDomain`).
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

    /// The match between two byte offsets, which always fall between whole scalars (the
    /// identifiers are ASCII).
    private func span(_ start: Int, _ end: Int, _ kind: PersonalDataFinding.Kind) -> PersonalDataScanner.Span {
        let match = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return PersonalDataScanner.Span(start: start, kind: kind, match: match)
    }

    /// Whether a byte is one of the ASCII digits `0`–`9`.
    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Whether a byte is an ASCII letter, either case.
    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Whether a byte is an ASCII letter or digit.
    private func isASCIIAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isASCIILetter(byte) }
}
