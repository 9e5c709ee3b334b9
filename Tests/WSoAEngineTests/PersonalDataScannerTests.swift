import Testing
import WSoAEngine

// MARK: Reference arithmetic, written independently of the library
//
// The tests generate their valid identifiers with their own copy of the published rules, so a
// mistake in the library's arithmetic shows up as a disagreement instead of being copied.

/// The NHS modulus-11 check digit for nine digits, or nil when the rule says no number exists.
private func nhsCheckDigit(_ firstNine: String) -> Int? {
    let digits = firstNine.compactMap(\.wholeNumberValue)
    let sum = zip(digits, stride(from: 10, through: 2, by: -1)).map(*).reduce(0, +)
    switch 11 - sum % 11 {
    case 11: return 0
    case 10: return nil
    case let check: return check
    }
}

/// DfE's check-letter alphabet: A = 0 … Z = 22, without I, O and S.
private let upnAlphabet = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

/// A UPN's 12 characters after the check letter, with the check letter put in front.
private func upn(_ body: String) -> String {
    var sum = 0
    for (offset, character) in body.enumerated() {
        // A letter outside the alphabet gives a value no real UPN has, so the test fails.
        let value = character.wholeNumberValue ?? upnAlphabet.firstIndex(of: character) ?? 1_000
        sum += value * (offset + 2)
    }
    return String(upnAlphabet[sum % 23]) + body
}

private func scan(_ text: String, field: String = "--note") -> [PersonalDataFinding] {
    PersonalDataScanner.findings(in: text, field: field)
}

private func matches(_ text: String) -> [String] { scan(text).map(\.match) }

private func kinds(_ text: String) -> [PersonalDataFinding.Kind] { scan(text).map(\.kind) }

/// Whether `part` occurs in `text` as UTF-8 bytes. `String.contains` compares whole characters,
/// and a match can end inside one: a zero-width joiner after a last digit joins its cluster.
private func containsBytes(_ text: String, _ part: String) -> Bool {
    let haystack = Array(text.utf8), needle = Array(part.utf8)
    guard needle.count <= haystack.count else { return false }
    return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
}

/// The seven ways an NHS number is written that the scanner recognises.
///
/// Kept in the tests, apart from the library, so that a grouping the library stops recognising
/// shows up as a failure rather than as a shorter list.
enum NHSForm: String, CaseIterable, CustomTestStringConvertible {
    case contiguous, spaced334, hyphenated334, dotted334, spaced433, hyphenated433, dotted433

    /// The ten digits written in this form.
    func write(_ digits: String) -> String {
        let characters = Array(digits)
        let threeThreeFour = [characters[0..<3], characters[3..<6], characters[6..<10]].map { String($0) }
        let fourThreeThree = [characters[0..<4], characters[4..<7], characters[7..<10]].map { String($0) }
        switch self {
        case .contiguous: return digits
        case .spaced334: return threeThreeFour.joined(separator: " ")
        case .hyphenated334: return threeThreeFour.joined(separator: "-")
        case .dotted334: return threeThreeFour.joined(separator: ".")
        case .spaced433: return fourThreeThree.joined(separator: " ")
        case .hyphenated433: return fourThreeThree.joined(separator: "-")
        case .dotted433: return fourThreeThree.joined(separator: ".")
        }
    }

    /// The form's name, so a failing case says which grouping failed.
    var testDescription: String { rawValue }
}

/// Every recognised way of writing the ten digits.
private func nhsForms(_ digits: String) -> [String] { NHSForm.allCases.map { $0.write(digits) } }

/// Valid NHS numbers (check digits computed by `nhsCheckDigit`, and asserted where used): the
/// NHS's own example 943 476 5919, an English number, and numbers from each issued range.
private let validNHSNumbers = ["9434765919", "4010232137", "4501234563", "6123456784", "7123456785"]

/// Whether ten digits would be an NHS number by the check digit alone (placeholders aside).
private func passesModulus11(_ digits: String) -> Bool {
    nhsCheckDigit(String(digits.prefix(9))) == digits.last?.wholeNumberValue
}

/// `PersonalDataScanner`: NHS numbers, unique pupil numbers and email addresses found in free
/// text, with the near-misses that must not be.
@Suite("PersonalDataScanner")
struct PersonalDataScannerTests {
    // MARK: NHS numbers

    @Test("the test numbers used below really have valid check digits", arguments: validNHSNumbers)
    func validNumbersAreValid(number: String) {
        #expect(number.count == 10 && passesModulus11(number), "\(number)")
    }

    @Test("a valid NHS number is found in every grouping and separator", arguments: validNHSNumbers, NHSForm.allCases)
    func nhsNumberForms(number: String, form: NHSForm) {
        let written = form.write(number)
        #expect(scan("NHS no. \(written).") == [PersonalDataFinding(kind: .nhsNumber, match: written, field: "--note")])
    }

    @Test("an NHS number is found wherever it stands alone", arguments: [
        ("", ""), ("(", ")"), ("NHS:", ";"), ("\t", "\n"), ("📞", "📞"), ("\u{200F}", "\u{200F}"),
        ("\u{202E}", "\u{202C}"), ("\u{200D}", "\u{200D}"), ("\u{FEFF}", ""), ("«", "»"),
        ("ref-", "-x"), ("👨‍👩‍👧 ", " 👍🏽"), ("\u{00A0}", "\u{00A0}"), ("\u{0}", "\u{0}"), ("_", "_"),
        ("9434765919 ", ""), ("12 ", " 34"), ("44 ", ""), ("Tel ", ""), ("0 ", ""), ("(1) ", ""),
    ])
    func nhsNumberContexts(prefix: String, suffix: String) {
        for number in nhsForms("9434765919") {
            #expect(matches(prefix + number + suffix).last == number, "\(prefix)\(number)\(suffix)")
        }
    }

    @Test("generated numbers: the right check digit is found and the nine wrong ones are not", arguments: [
        "943476591", "401023213", "400000000", "600000001", "700000000", "450000000",
        "320000001", "310190123", "485777345", "999000001",
    ], NHSForm.allCases)
    func nhsCheckDigits(firstNine: String, form: NHSForm) throws {
        let check = try #require(nhsCheckDigit(firstNine))
        for digit in 0...9 {
            let written = form.write(firstNine + String(digit))
            #expect(kinds("NHS \(written)") == (digit == check ? [.nhsNumber] : []), "\(written)")
        }
    }

    @Test("nine digits whose check would be 10 begin no NHS number", arguments: NHSForm.allCases)
    func nhsCheckTen(form: NHSForm) {
        #expect(nhsCheckDigit("123456789") == nil)
        for digit in 0...9 {
            let written = form.write("123456789\(digit)")
            #expect(scan(written).isEmpty, "\(written)")
        }
    }

    @Test("every single-digit change to a valid NHS number is rejected", arguments: NHSForm.allCases)
    func nhsSingleChanges(form: NHSForm) {
        let valid = Array("9434765919")
        for position in valid.indices {
            for digit in "0123456789" where digit != valid[position] {
                var changed = valid
                changed[position] = digit
                #expect(scan(form.write(String(changed))).isEmpty, "\(form.write(String(changed)))")
            }
        }
    }

    @Test("0123456789 passes modulus 11 but begins with 0, so it is a telephone number, not an NHS number",
          arguments: NHSForm.allCases)
    func nhsSequentialDigits(form: NHSForm) {
        #expect(nhsCheckDigit("012345678") == 9)
        #expect(scan(form.write("0123456789")).isEmpty)
        // The same digits without the 0 and with a check digit are found: it is the 0 that counts.
        #expect(kinds(form.write("1234567806")) == [.nhsNumber])
    }

    @Test("ten identical digits are placeholders, not NHS numbers", arguments: [
        "0000000000", "1111111111", "999 999 9999", "555-555-5555", "5555 555 555", "7777.777.777", "222.222.2222",
    ])
    func nhsPlaceholders(text: String) {
        #expect(passesModulus11(text.filter(\.isNumber)))
        #expect(scan(text).isEmpty)
    }

    @Test("only one separator, the same throughout, a space, hyphen or dot, separates the groups", arguments: [
        // Mixed separators: written one way they are one typing slip from a range or a date-like
        // reference, and counting them would double the shapes to predict; not counted.
        "943 476-5919", "943-476 5919", "943.476-5919", "943-476.5919", "943 476.5919", "943.476 5919",
        "9434 765-919", "9434-765 919", "9434.765-919", "9434-765.919", "9434 765.919", "9434.765 919",
        // Doubled, padded or other separators.
        "943  476 5919", "943 476  5919", "9434  765 919", "943\u{00A0}476\u{00A0}5919", "9434\u{00A0}765\u{00A0}919",
        "943\t476\t5919", "943–476–5919", "943/476/5919", "943_476_5919", "943,476,5919", "9434/765/919",
        "943..476..5919", "943 - 476 - 5919", "943\u{200B}476\u{200B}5919", "9434\u{2009}765\u{2009}919",
        // Other groupings.
        "94 34 76 59 19", "943 4765919", "943476 5919", "9434 7659 19", "94 347 65919", "943 47 65 919",
        "9434.7659.19", "94.3476.5919", "943 476 591 9",
    ])
    func nhsSeparators(text: String) {
        #expect(passesModulus11(text.filter(\.isNumber)))
        #expect(scan(text).isEmpty, "\(text)")
    }

    @Test("an NHS number inside a longer run of letters or digits is not found", arguments: [
        "ABC9434765919", "9434765919ABC", "19434765919", "94347659191", "x943 476 5919", "943 476 5919x",
        "1943 476 5919", "943 476 59191", "é9434765919", "9434765919é", "9434765919\u{0301}",
        "٣9434765919", "9434765919２", "Ⅻ9434765919", "943-476-5919ß", "ИВ943 476 5919",
        "x9434 765 919", "9434 765 919x", "19434 765 919", "9434 765 9191", "9434-765-919ß", "Ж9434-765-919",
        "x943.476.5919", "943.476.5919x", "1943.476.5919", "943.476.59191", "é9434.765.919", "9434.765.919é",
        "9434.765.919\u{0301}", "٣9434 765 919", "9434 765 919２", "b943.476.5919", "9434-765-919a",
    ])
    func nhsBoundaries(text: String) {
        // Without the neighbouring character each of these is a valid NHS number, so only the
        // boundary rule keeps it out. (Scalars, not characters: an accent joins its digit.)
        let digits = String(String.UnicodeScalarView(text.unicodeScalars.filter { ("0"..."9").contains($0) }))
        #expect(passesModulus11(String(digits.suffix(10))) || passesModulus11(String(digits.prefix(10))))
        #expect(scan(text).isEmpty, "\(text)")
    }

    // MARK: Telephone numbers

    @Test("UK telephone numbers are not NHS numbers, though their last ten digits pass the check", arguments: [
        // +44 / 0044, then optionally a space, hyphen or dot and/or (0), then the number without its 0.
        ("+44 161 496 0003", "1614960003"), ("+44 1614960003", "1614960003"), ("+44-161-496-0003", "1614960003"),
        ("+44.161.496.0003", "1614960003"), ("+44 (0)161 496 0003", "1614960003"),
        ("+44 (0) 161 496 0003", "1614960003"), ("+44(0)161 496 0003", "1614960003"),
        ("+44(0)1614960003", "1614960003"), ("+44 (0)1614960003", "1614960003"), ("(+44) 161 496 0003", "1614960003"),
        ("0044 161 496 0003", "1614960003"), ("0044 1614960003", "1614960003"), ("0044 (0)161 496 0003", "1614960003"),
        ("+44 (0)161-496-0003", "1614960003"), ("+44 113 496 0018", "1134960018"), ("+44 121 496 0006", "1214960006"),
        ("+44 7700 900 019", "7700900019"), ("+44 (0)7700 900 019", "7700900019"), ("+44 7700-900-019", "7700900019"),
        ("+44 1632 960 001", "1632960001"), ("0044 1632.960.001", "1632960001"), ("0044-7700-900-019", "7700900019"), ("+44 7700900019", "7700900019"),
        ("(0)161 496 0003", "1614960003"), ("(0) 7700 900 019", "7700900019"),
        // A leading 0: eleven digits however grouped, and ten digits (0 + 9, such as freephone
        // and the few areas with short local numbers) in any grouping.
        ("0161 496 0003", "1614960003"), ("01614960003", "1614960003"), ("(0161) 496 0003", "1614960003"),
        ("0161-496-0003", "1614960003"), ("0161 4960003", "1614960003"), ("0161.496.0003", "1614960003"),
        ("020 7946 0005", "2079460005"), ("02079460005", "2079460005"), ("(020) 7946 0005", "2079460005"),
        ("01632 960001", "1632960001"), ("01632 960 001", "1632960001"), ("(01632) 960001", "1632960001"),
        ("07700 900019", "7700900019"), ("07700 900 019", "7700900019"), ("07700900019", "7700900019"),
        ("0123456789", "0123456789"), ("012 345 6789", "0123456789"), ("0123 456 789", "0123456789"),
        ("012-345-6789", "0123456789"), ("0123.456.789", "0123456789"), ("0169774120", "0169774120"),
        ("0169 774 120", "0169774120"), ("016 977 4120", "0169774120"), ("0800 000 005", "0800000005"),
        ("0800-000-005", "0800000005"), ("0800000005", "0800000005"), ("0500 000 018", "0500000018"),
    ])
    func telephoneNumbers(phone: String, digits: String) {
        // The ten digits pass the check, and without a 0 in front they are found alone, so each
        // case is kept out by the telephone rule and nothing else.
        #expect(passesModulus11(digits))
        if digits.first != "0" { #expect(kinds(digits) == [.nhsNumber]) }
        #expect(scan(phone).isEmpty, "\(phone)")
        #expect(scan("Call \(phone) after 5pm.").isEmpty, "\(phone)")
        #expect(scan("Tel: \(phone); office hours").isEmpty, "\(phone)")
    }

    @Test("an NHS number next to a telephone number is still found", arguments: [
        ("Tel +44 161 496 0003, NHS 943 476 5919", "943 476 5919"),
        ("0161 496 0003 943 476 5919", "943 476 5919"),
        ("+44 (0)161 496 0003 9434765919", "9434765919"),
        ("Call 01614960003 re 9434 765 919", "9434 765 919"),
        ("+44 7700 900 019 / 943.476.5919", "943.476.5919"),
        ("0044 161 496 0003; 9434-765-919", "9434-765-919"),
        ("020 7946 0005 (NHS 401-023-2137)", "401-023-2137"),
        ("9434 765 919 then +44 161 496 0003", "9434 765 919"),
        ("0800 000 005 4010232137", "4010232137"),
        ("+44 161 496 0003 4010 232 137", "4010 232 137"),
    ])
    func nhsAfterTelephone(text: String, number: String) {
        #expect(matches(text) == [number], "\(text)")
    }

    @Test("only +44 or 0044, or (0), just before the number makes it a telephone number", arguments: [
        "44 943 476 5919", "+45 943 476 5919", "+440 943 476 5919", "10044 943 476 5919", "044 943 476 5919",
        "+44  943 476 5919", "+44 – 943 476 5919", "+44 (1) 943 476 5919", "(00) 943 476 5919", "+44:943 476 5919",
        "+44 x 943 476 5919", "+4 4 943 476 5919", "0 044 943 476 5919",
    ])
    func notTelephonePrefixes(text: String) {
        #expect(matches(text) == ["943 476 5919"], "\(text)")
    }

    @Test("what follows +44 is a telephone number even when it would be a valid NHS number", arguments: [
        "+44 943 476 5919", "+44 9434765919", "0044 9434 765 919", "+44 (0)943.476.5919", "(0) 943-476-5919",
    ])
    func telephonePrefixWins(text: String) {
        #expect(scan(text).isEmpty, "\(text)")
    }

    // MARK: Unique pupil numbers

    @Test("the DfE example UPN is found, in either case", arguments: ["B801200005001", "b801200005001"])
    func upnExample(text: String) {
        #expect(upn("801200005001") == "B801200005001")
        #expect(scan("UPN \(text)", field: "title") == [PersonalDataFinding(kind: .uniquePupilNumber, match: text, field: "title")])
    }

    @Test("generated permanent and temporary UPNs are found", arguments: [
        "801200005001", "201401012345", "935402112003", "000000000000", "999999999999",
        "80120000500A", "88620111001X", "20140101234Z", "93540211200H", "00000000000N",
    ])
    func upnGenerated(body: String) {
        let valid = upn(body)
        #expect(matches("pupil \(valid), year 7") == [valid])
        #expect(matches(valid.lowercased()) == [valid.lowercased()])
        #expect(kinds(valid) == [.uniquePupilNumber])
    }

    @Test("every wrong check letter is rejected", arguments: [
        "801200005001", "201401012345", "80120000500A", "88620111001X", "20140101234Z",
    ])
    func upnWrongCheckLetter(body: String) {
        let right = upn(body).first
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" where letter != right {
            #expect(scan(String(letter) + body).isEmpty, "\(letter)\(body)")
            #expect(scan(String(letter).lowercased() + body).isEmpty)
        }
    }

    @Test("every one-character change after the check letter is rejected", arguments: [
        "801200005001", "201401012345", "80120000500A", "88620111001X",
    ])
    func upnSingleChanges(body: String) {
        let valid = Array(upn(body))
        for position in 1..<13 {
            let isTemporaryLetter = position == 12 && valid[12].isLetter
            let alternatives = isTemporaryLetter ? upnAlphabet : Array("0123456789")
            for replacement in alternatives where replacement != valid[position] {
                var changed = valid
                changed[position] = replacement
                #expect(scan(String(changed)).isEmpty, "\(String(changed))")
            }
        }
    }

    @Test("UPN-shaped strings that are not UPNs", arguments: [
        upn("801200005001") + "1",                    // 14 characters
        String(upn("801200005001").dropLast()),       // 12 characters
        "X" + upn("801200005001"),                    // inside a longer word
        upn("801200005001") + "é",
        "é" + upn("801200005001"),
        "4" + upn("801200005001").dropFirst(),        // a digit for the check letter
        "B8012000O5001",                              // a letter in the middle
        "I801200005001", "O801200005001", "S801200005001",
        "B-801200005001", "B 801200005001",           // separated, not 13 characters
    ])
    func upnNearMisses(text: String) {
        #expect(!kinds(text).contains(.uniquePupilNumber), "\(text)")
    }

    @Test("a temporary UPN's last letter must be in the check alphabet", arguments: ["I", "O", "S"])
    func upnTemporaryLetterOutsideAlphabet(letter: String) {
        for check in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" {
            #expect(scan("\(check)80120000500\(letter)").isEmpty)
        }
    }

    // MARK: Email addresses

    @Test("email addresses are found, without surrounding punctuation", arguments: [
        ("jane.doe@example.org", "jane.doe@example.org"),
        ("Contact j.smith+send@council.gov.uk today", "j.smith+send@council.gov.uk"),
        ("<parent_1@example.co.uk>", "parent_1@example.co.uk"),
        ("mailto:x@y.io", "x@y.io"),
        ("write to a.b@example.org.", "a.b@example.org"),
        ("Jane@Example.ORG", "Jane@Example.ORG"),
        ("...dots@example.org", "dots@example.org"),
        ("100%sure@my-school.sch.uk", "100%sure@my-school.sch.uk"),
        ("(see jo-b@x1.example.com-)", "jo-b@x1.example.com"),
        ("📧a@b.cd👍", "a@b.cd"),
        ("\u{200F}rtl@example.org\u{200F}", "rtl@example.org"),
        ("email:\u{00A0}nb@example.org", "nb@example.org"),
    ])
    func emailFound(text: String, expected: String) {
        #expect(scan(text) == [PersonalDataFinding(kind: .emailAddress, match: expected, field: "--note")])
    }

    @Test("things with an @ that are not email addresses", arguments: [
        "@", "@@", "user@localhost", "a @ b", "@handle", "user@", "user@example.c", "user@example.123",
        "user@.org", "user@-x.org", "user@x-.org", "user@example..org", "user@@example.org",
        ".@example.org", "john@example.org2", "john@example.orgé", "éjohn@example.org", "10 @ 5p each",
    ])
    func emailNearMisses(text: String) {
        #expect(scan(text).isEmpty, "\(text)")
    }

    @Test("an NHS number used as an email's local part is both")
    func emailHoldingNHSNumber() {
        #expect(scan("9434765919@nhs.net").map(\.kind) == [.nhsNumber, .emailAddress])
        #expect(matches("9434765919@nhs.net") == ["9434765919", "9434765919@nhs.net"])
    }

    // MARK: Near-misses

    @Test("near-misses that must not be refused", arguments: [
        "Call 0161496000 after 5pm", "Call 016 149 6000", "0800 123 456", "0123456780", "1234567890",
        "Reviewed 2023-04-12", "Reviewed 12/04/2023", "Reviewed 12.04.2023", "EHC-2023-0042",
        "EHC-2023-0042-01", "£1,234,567,890", "£1234567890.00p", "01614960000", "94347659190",
        "ABC9434765919", "A801200005001", "version 1.2.3.4", "10:30-11:45", "ISBN 978-0-306-40615-7",
        "Q1 2023/24: 12.5% of 1,234 EHCPs", "@", "user@localhost", "a @ b", "0000000000",
        "20 week timeliness: 48.7% (2022) vs 50.7% nationally",
    ])
    func nearMisses(text: String) {
        #expect(scan(text).isEmpty, "\(text)")
    }

    // MARK: Several findings

    @Test("several findings in one text come back in the order they appear")
    func multipleFindings() {
        let text = "Jo (NHS 943 476 5919, UPN B801200005001) — parent: jo.parent@example.org; sibling NHS 4010232137, again 943 476 5919."
        #expect(kinds(text) == [.nhsNumber, .uniquePupilNumber, .emailAddress, .nhsNumber, .nhsNumber])
        #expect(matches(text) == ["943 476 5919", "B801200005001", "jo.parent@example.org", "4010232137", "943 476 5919"])
    }

    @Test("findings across fields are grouped by field, in the order given")
    func multipleFields() {
        let found = PersonalDataScanner.findings(in: [
            (field: "title", text: "Plan for 943-476-5919"),
            (field: "--note", text: "no personal data here"),
            (field: "--source", text: "a@b.org and B801200005001"),
        ])
        #expect(found == [
            PersonalDataFinding(kind: .nhsNumber, match: "943-476-5919", field: "title"),
            PersonalDataFinding(kind: .emailAddress, match: "a@b.org", field: "--source"),
            PersonalDataFinding(kind: .uniquePupilNumber, match: "B801200005001", field: "--source"),
        ])
        #expect(PersonalDataScanner.findings(in: []).isEmpty)
        #expect(scan("").isEmpty)
    }

    // MARK: Descriptions

    @Test("descriptions mask most of what was found", arguments: [
        (PersonalDataFinding.Kind.nhsNumber, "943 476 5919", "--note", "an NHS number (943 *** **19) in --note"),
        (.nhsNumber, "943-476-5919", "--note", "an NHS number (943-***-**19) in --note"),
        (.nhsNumber, "9434765919", "title", "an NHS number (943*****19) in title"),
        (.uniquePupilNumber, "B801200005001", "title", "a unique pupil number (B8012*******1) in title"),
        (.uniquePupilNumber, "m80120000500a", "--note", "a unique pupil number (m8012*******a) in --note"),
        (.emailAddress, "jane.doe@example.org", "--source", "an email address (j***@example.org) in --source"),
    ])
    func descriptions(kind: PersonalDataFinding.Kind, match: String, field: String, expected: String) {
        let finding = PersonalDataFinding(kind: kind, match: match, field: field)
        #expect(finding.description == expected)
        #expect(!finding.description.contains(match))
    }

    @Test("the scanner's own findings describe themselves masked")
    func scannedDescriptions() {
        let found = scan("NHS 943 476 5919, jo@example.org, \(upn("80120000500A"))")
        #expect(found.map(\.description) == [
            "an NHS number (943 *** **19) in --note",
            "an email address (j***@example.org) in --note",
            "a unique pupil number (M8012*******A) in --note",
        ])
    }

    @Test("odd hand-made findings are masked more, never less", arguments: [
        (PersonalDataFinding.Kind.nhsNumber, "12", "**"),
        (.nhsNumber, "", ""),
        (.uniquePupilNumber, "AB12", "****"),
        (.emailAddress, "@x.org", "******"),
        (.emailAddress, "nobody", "******"),
    ])
    func oddMasks(kind: PersonalDataFinding.Kind, match: String, masked: String) {
        #expect(PersonalDataFinding(kind: kind, match: match, field: "f").maskedMatch == masked)
    }

    @Test("kinds have stable raw values and readable names")
    func kindNames() {
        #expect(PersonalDataFinding.Kind.allCases.map(\.rawValue) == ["nhsNumber", "uniquePupilNumber", "emailAddress"])
        #expect(PersonalDataFinding.Kind.allCases.map(\.name) == ["NHS number", "unique pupil number", "email address"])
    }

    // MARK: Big and strange inputs

    @Test("100 KB of prose with identifiers at either end")
    func largeProse() {
        let sentence = "The partnership reviewed 1,234 EHC plans on 2023-04-12 (ref EHC-2023-0042); 48.7% were on time. "
        var text = "Contact jo@example.org. "
        while text.utf8.count < 100_000 { text += sentence }
        text += "NHS 943 476 5919"
        #expect(kinds(text) == [.emailAddress, .nhsNumber])
    }

    @Test("10 MB of digits holds nothing (a quadratic scan would not finish)")
    func tenMegabytesOfDigits() {
        let digits = String(repeating: "9434765919", count: 1_000_000)
        #expect(scan(digits).isEmpty)
    }

    @Test("adversarial repetition stays linear", arguments: [
        ("a@", 500_000, 0), ("943 476 ", 250_000, 0), ("x@example.org ", 10_000, 10_000),
        ("9434765919 ", 10_000, 10_000), ("@a.", 500_000, 0), ("B801200005001 ", 10_000, 10_000),
        ("943-", 500_000, 0), ("a.", 500_000, 0), ("9434 765 ", 200_000, 0), ("943.", 500_000, 0),
        ("+44 (0)", 300_000, 0), ("0044 9434765919 ", 10_000, 0), ("9434.765.919.", 100_000, 100_000),
    ])
    func adversarial(unit: String, repeats: Int, expected: Int) {
        #expect(scan(String(repeating: unit, count: repeats)).count == expected)
    }

    @Test("random Unicode never crashes, and every match is in the text and found again alone")
    func unicodeFuzz() {
        let pool: [String] = [
            "0", "1", "4", "9", "9434765919", "943", " ", "-", "@", ".", "a", "B", "x.org", "B801200005001",
            "\u{00A0}", "\u{200F}", "\u{202E}", "\u{200D}", "\u{0301}", "\u{20E3}", "\u{FE0F}", "😀", "👨‍👩‍👧",
            "🇬🇧", "٣", "２", "é", "ß", "א", "漢", "\u{FEFF}", "\n", "\u{0}", "_", "%", "+",
        ]
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            // SplitMix64: a fixed sequence, so a failure can be replayed.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<next(40) { text += pool[next(pool.count)] }
            for finding in scan(text) {
                #expect(containsBytes(text, finding.match), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                #expect(scan(finding.match).map(\.kind).contains(finding.kind))
                #expect(!finding.description.contains(finding.match))
            }
        }
    }

    @Test("strange Unicode around and inside identifiers", arguments: [
        ("😀9434765919😀", 1), ("9434765919\u{0301}", 0), ("943\u{00A0}476\u{00A0}5919", 0),
        ("\u{202E}943 476 5919\u{202C}", 1), ("\u{200D}9434765919", 1), ("٩٤٣٤٧٦٥٩١٩", 0),
        ("９４３４７６５９１９", 0), ("\u{FEFF}9434765919", 1), ("9434765919\u{20E3}", 0), ("", 0),
        ("B801200005001\u{FE0F}", 0), ("🇬🇧B801200005001🇬🇧", 1), ("א@example.org", 0), ("漢9434765919", 0),
        // A zero-width joiner after the last digit joins its character but is invisible: still found.
        ("9434765919\u{200D}", 1),
    ])
    func strangeUnicode(text: String, expected: Int) {
        #expect(scan(text).count == expected, "\(text)")
    }
}
