import Testing
@testable import WSoAEngine

/// The scanner's quick check (text with no `@` and no ten digits within twelve bytes holds no
/// match) must never change a result, and must actually let ordinary text skip the full scan.
@Suite("PersonalDataScanner quick check")
struct PersonalDataScannerQuickCheckTests {
    /// Texts near the edge of the quick check: identifiers in every form, telephone numbers,
    /// dates, amounts, and digit runs one short of what the check looks for.
    static let corpus: [String] = [
        "", "Parent carer forum co-produces the new local offer web pages",
        "Reviewed at the SEND partnership board on 2024-03-12: timeliness of new EHC plans rose to 48.7% against a target of 60%.",
        "9434765919", "943 476 5919", "943-476-5919", "943.476.5919", "9434 765 919", "9434-765-919", "9434.765.919",
        "943 476 591", "943  476  5919", "94 34 76 59 19", "943 476 5919 123 456", "0161 496 0003", "+44 161 496 0003",
        "+44 (0)7700 900 019", "0044 1632.960.001", "01614960003", "(0161) 496 0003", "0800 000 005",
        "B801200005001", "b801200005001", "M80120000500A", "80120000500A", "x@y.io", "jo.parent@example.org", "@",
        "1 2 3 4 5 6 7 8 9 0 1 2", "123456789", "12345678 90", "1234567 89 0", "2024-03-12 10:30 48.7%",
        "£1,234,567,890", "12.04.2023 13.04.2023", "ISBN 978-0-306-40615-7", "EHC-2023-0042-01",
        "📞943 476 5919📞", "é9434765919", "٩٤٣٤٧٦٥٩١٩", "９４３４７６５９１９", "9434765919@nhs.net",
    ]

    @Test("the quick check and the full scan agree on a corpus", arguments: corpus)
    func agreesOnCorpus(text: String) {
        #expect(PersonalDataScanner.spans(in: text) == PersonalDataScanner.spans(in: text, screening: false))
        for wrapped in ["Note: \(text).", "\(text)\(text)", "a\(text)", "\(text) 12"] {
            #expect(PersonalDataScanner.spans(in: wrapped) == PersonalDataScanner.spans(in: wrapped, screening: false))
        }
    }

    @Test("the quick check and the full scan agree on random digit-heavy text")
    func agreesOnRandomText() {
        // Digits, groups of an NHS number, separators, telephone prefixes and the odd letter or
        // identifier, so that many texts sit just either side of ten digits in twelve bytes and
        // some hold identifiers.
        let pool = [
            "0", "1", "4", "9", "12", "943", "476", "5919", "9434", "765", "919", "9434765919", "B801200005001",
            "a@b.org", "@", " ", " ", "-", ".", "+44", "(0)", "0044", "é", "x",
        ]
        var generator = SeededGenerator(seed: 0x9A1C)
        var withMatches = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...16, using: &generator) { text += pool.randomElement(using: &generator)! }
            let full = PersonalDataScanner.spans(in: text, screening: false)
            #expect(PersonalDataScanner.spans(in: text) == full, "\(text)")
            if !full.isEmpty { withMatches += 1 }
        }
        // Enough of the texts hold a match for the comparison to mean something.
        #expect(withMatches > 100)
    }

    @Test("ordinary text takes the quick way", arguments: [
        "Parent carer forum co-produces the new local offer web pages",
        "Reviewed at the SEND partnership board on 2024-03-12: timeliness of new EHC plans rose to 48.7% against a target of 60%.",
        "Visit 2024-03-12 10:30-11:45, ref EHC-2023-0042", "£1,234,567.89", "123456789", "943 476 591", "",
    ])
    func ordinaryTextIsQuick(text: String) {
        #expect(!PersonalDataScanner.mightHoldMatch(text))
        #expect(PersonalDataScanner.spans(in: text).isEmpty)
    }

    @Test("text that could hold a match takes the full scan", arguments: [
        "9434765919", "943-476-5919", "9434 765 919", "@", "0161 496 0003", "12345678 90", "B801200005001",
    ])
    func possibleMatchIsScanned(text: String) {
        #expect(PersonalDataScanner.mightHoldMatch(text))
    }
}
