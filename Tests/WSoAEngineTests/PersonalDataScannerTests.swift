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

/// The three ways an NHS number is written: contiguous, spaced and hyphenated 3-3-4.
private func nhsForms(_ digits: String) -> [String] {
    let characters = Array(digits)
    let groups = [String(characters[0..<3]), String(characters[3..<6]), String(characters[6..<10])]
    return [digits, groups.joined(separator: " "), groups.joined(separator: "-")]
}

@Suite("PersonalDataScanner")
struct PersonalDataScannerTests {
    // MARK: NHS numbers

    @Test("a valid NHS number is found in every separator form", arguments: [
        "9434765919", "943 476 5919", "943-476-5919",
        "4010232137", "401 023 2137", "401-023-2137",
    ])
    func nhsNumberForms(number: String) {
        #expect(scan("NHS no. \(number).") == [PersonalDataFinding(kind: .nhsNumber, match: number, field: "--note")])
    }

    @Test("an NHS number is found wherever it stands alone", arguments: [
        ("", ""), ("(", ")"), ("NHS:", ";"), ("\t", "\n"), ("📞", "📞"), ("\u{200F}", "\u{200F}"),
        ("\u{202E}", "\u{202C}"), ("\u{200D}", "\u{200D}"), ("\u{FEFF}", ""), ("«", "»"),
        ("ref-", "-x"), ("👨‍👩‍👧 ", " 👍🏽"), ("\u{00A0}", "\u{00A0}"), ("\u{0}", "\u{0}"), ("_", "_"),
        ("9434765919 ", ""), ("12 ", " 34"),
    ])
    func nhsNumberContexts(prefix: String, suffix: String) {
        for number in nhsForms("9434765919") {
            #expect(matches(prefix + number + suffix).last == number, "\(prefix)\(number)\(suffix)")
        }
    }

    @Test("generated numbers: the right check digit is found and the nine wrong ones are not", arguments: [
        "943476591", "401023213", "400000000", "600000001", "700000000", "450000000",
        "320000001", "010190123", "485777345", "999000001",
    ])
    func nhsCheckDigits(firstNine: String) throws {
        let check = try #require(nhsCheckDigit(firstNine))
        for digit in 0...9 {
            for form in nhsForms(firstNine + String(digit)) {
                #expect(kinds("NHS \(form)") == (digit == check ? [.nhsNumber] : []), "\(form)")
            }
        }
    }

    @Test("nine digits whose check would be 10 begin no NHS number")
    func nhsCheckTen() {
        #expect(nhsCheckDigit("123456789") == nil)
        for digit in 0...9 {
            for form in nhsForms("123456789\(digit)") {
                #expect(scan(form).isEmpty, "\(form)")
            }
        }
    }

    @Test("every single-digit change to a valid NHS number is rejected")
    func nhsSingleChanges() {
        let valid = Array("9434765919")
        for position in valid.indices {
            for digit in "0123456789" where digit != valid[position] {
                var changed = valid
                changed[position] = digit
                #expect(scan(String(changed)).isEmpty, "\(String(changed))")
            }
        }
    }

    @Test("0123456789 happens to pass modulus 11, so it is found")
    func nhsSequentialDigits() {
        #expect(nhsCheckDigit("012345678") == 9)
        #expect(kinds("0123456789") == [.nhsNumber])
    }

    @Test("ten identical digits are placeholders, not NHS numbers", arguments: ["0000000000", "1111111111", "999 999 9999", "555-555-5555"])
    func nhsPlaceholders(text: String) {
        #expect(scan(text).isEmpty)
    }

    @Test("only a single space or hyphen, the same twice, separates the 3-3-4 groups", arguments: [
        "943 476-5919", "943-476 5919", "943  476 5919", "943 476  5919", "943\u{00A0}476\u{00A0}5919",
        "943\t476\t5919", "943–476–5919", "943.476.5919", "943/476/5919", "943_476_5919",
        "9434 765 919", "94 34 76 59 19", "943 4765919", "943476 5919", "943 - 476 - 5919",
        "943\u{200B}476\u{200B}5919",
    ])
    func nhsSeparators(text: String) {
        #expect(scan(text).isEmpty)
    }

    @Test("an NHS number inside a longer run of letters or digits is not found", arguments: [
        "ABC9434765919", "9434765919ABC", "19434765919", "94347659191", "x943 476 5919", "943 476 5919x",
        "1943 476 5919", "943 476 59191", "é9434765919", "9434765919é", "9434765919\u{0301}",
        "٣9434765919", "9434765919２", "Ⅻ9434765919", "943-476-5919ß", "ИВ943 476 5919",
    ])
    func nhsBoundaries(text: String) {
        #expect(scan(text).isEmpty)
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
        ("943-", 500_000, 0), ("a.", 500_000, 0),
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
