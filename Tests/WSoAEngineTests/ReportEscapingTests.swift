import Testing
@testable import WSoAEngine

/// The byte-level escaping and collapsing the reports use must give exactly what the
/// scalar-by-scalar and `Character` definitions give, on any text.
@Suite("Report escaping fast paths")
struct ReportEscapingTests {
    /// Pieces that exercise every branch: each escaped character, `&` before letters, digits,
    /// `#`, non-ASCII letters and the end, controls, CR LF, bidi controls and their
    /// neighbours (U+2029, U+202F, U+2065, U+206A), non-ASCII whitespace, combining marks, emoji.
    static let pieces = [
        "plain", "A & B", "&amp;", "&#60;", "&", "&é", "&日", "&1", "&&", "&Z", "<script>", "\"", "'", "\\", "`", "*", "_",
        "[", "]", "(", ")", "|", "#", "~", "\u{0}", "\u{1B}", "\u{7F}", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", " ", "  ",
        "\u{1C}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}",
        "\u{2069}", "\u{206A}", "\u{3000}", "e\u{301}", " \u{301}", "😀👨‍👩‍👧", "日本語", "العربية", "–", "“quoted”",
        "1. ", "12) ", "3.5", "- ", "+", "> ", "=", "a_b", "_a", "9", ".",
    ]

    @Test func theByteLevelEscapesMatchTheDefinitions() {
        var random = SeededGenerator(seed: 4_242)
        var texts = Self.pieces + [""]
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...6, using: &random)
            texts.append((0..<count).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &random)] }.joined())
        }
        for text in texts {
            #expect(text.htmlEscaped == text.htmlEscapedByScalar, "html: \(text.debugDescription)")
            #expect(text.markdownEscaped == text.markdownEscapedByScalar, "markdown: \(text.debugDescription)")
            #expect(ReportText.oneLine(text) == text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "),
                    "one line: \(text.debugDescription)")
        }
    }

    /// Text with nothing to change comes back as it is.
    @Test func cleanTextIsReturnedUnchanged() {
        let text = "Parent carer forum survey, spring term 2024 – 83 responses"
        #expect(text.htmlEscaped == text)
        #expect(ReportText.oneLine(text) == text)
        #expect("Plain words only".markdownEscaped == "Plain words only")
    }

    /// Markdown escapes only what it could read as syntax: ordinary punctuation stays as typed.
    @Test("Markdown leaves ordinary punctuation alone", arguments: [
        ("A (B) & C #2 > D: 56.4% – “quoted”!", "A (B) & C #2 > D: 56.4% – “quoted”!"),
        ("ehc_quality, 3.5 weeks, 1 of 2", "ehc_quality, 3.5 weeks, 1 of 2"),
        ("[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"),
        ("<script>x</script>", "\\<script>x\\</script>"),
        ("# not a heading", "\\# not a heading"),
        ("> not a quote", "\\> not a quote"),
        ("- not a list", "\\- not a list"),
        ("1. not a list", "1\\. not a list"),
        ("12) not a list", "12\\) not a list"),
        ("*bold* _em_ `code` ~strike~ a|b", "\\*bold\\* \\_em\\_ \\`code\\` \\~strike\\~ a\\|b"),
        ("&amp; & A&B, A&E, R&D. &E;", "\\&amp; & A&B, A&E, R&D. \\&E;"),
        ("&#60; &#x3C; &lt;", "\\&#60; \\&#x3C; \\&lt;"),
        ("\u{1}# hidden heading", "\\# hidden heading"),
        ("\u{1}\u{1}\u{1}\u{1}code", "code"),
        ("\u{1}1. hidden list", "1\\. hidden list"),
        ("Workstream title ##", "Workstream title \\##"),
        ("#SENDReform 2025.", "\\#SENDReform 2025."),
    ])
    func markdownEscapesOnlySyntax(_ text: String, _ expected: String) {
        #expect(text.markdownEscaped == expected)
    }

    /// In a table cell no block can start, so a leading sign, hash or number stays as typed.
    @Test(arguments: ["-5%", "+12", "#SENDReform", "2025.", "1. first"])
    func aTableCellKeepsItsStart(_ text: String) {
        #expect(text.markdownEscapedInCell == text)
    }

    /// Only an http(s) address with nothing that could end it early is linked.
    @Test(arguments: [
        ("https://x.example/report?a=1&b=2", true), ("http://x.example/~team/plan_(v2)", true),
        ("javascript:alert(1)", false), ("https://x.example/a b", false), ("https://x.example/a|b", false),
        ("https://x.example/<script>", false), ("ftp://x.example", false), ("https://", false),
    ])
    func onlySafeWebAddressesAreLinked(_ text: String, _ linked: Bool) {
        #expect((text.safeWebAddress != nil) == linked)
    }

    /// C0 controls, DEL and C1 controls become spaces in either format (tab and newline are
    /// kept in HTML), so a recorded ESC sequence cannot recolour a terminal showing a report.
    @Test(arguments: ["a\u{1B}[2Jb", "a\u{7F}b", "a\u{85}b", "a\u{9F}b", "a\u{07}b"])
    func controlsBecomeSpaces(text: String) {
        let expected = String(text.unicodeScalars.map { $0.isControl ? " " : Character($0) })
        #expect(text.htmlEscaped == expected)
        let markdown = text.markdownEscaped
        #expect(markdown.unicodeScalars.allSatisfy { !$0.isControl } && markdown.unicodeScalars.count >= text.unicodeScalars.count)
    }
}
