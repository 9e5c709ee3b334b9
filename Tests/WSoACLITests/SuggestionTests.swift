import Testing
@testable import WSoACLI

@Suite("Suggestion")
struct SuggestionTests {
    static let commands = ["init", "new", "advance", "status", "list", "verify", "lifecycle", "help"]
    static let options = ["help", "version", "plans", "as-of", "by", "json"]

    @Test(arguments: [
        ("stauts", "status"),
        ("STATUS", "status"),
        ("Statsu", "status"),
        ("lsit", "list"),
        ("verfy", "verify"),
        ("lifecyle", "lifecycle"),
        ("adv", "advance"),
        ("lifec", "lifecycle"),
        ("xyzzy", nil),
        ("", nil),
        ("l", nil),
        ("li", nil),
        ("q", nil),
    ] as [(String, String?)])
    func commandSuggestions(word: String, expected: String?) {
        #expect(Suggestion.closest(to: word, among: Self.commands) == expected)
    }

    @Test(arguments: [
        ("plan", "plans"),
        ("as-off", "as-of"),
        ("asof", "as-of"),
        ("jsno", "json"),
        ("verison", "version"),
        ("on", nil),
        ("weakness", nil),
    ] as [(String, String?)])
    func optionSuggestions(word: String, expected: String?) {
        #expect(Suggestion.closest(to: word, among: Self.options) == expected)
    }

    @Test func tiesGoToTheEarlierCandidate() {
        #expect(Suggestion.closest(to: "cat", among: ["bat", "hat"]) == "bat")
        #expect(Suggestion.closest(to: "cat", among: ["hat", "bat"]) == "hat")
    }

    @Test func anExactMatchIsItsOwnSuggestion() {
        #expect(Suggestion.closest(to: "list", among: ["lint", "list"]) == "list")
    }

    @Test func noCandidatesMeansNoSuggestion() {
        #expect(Suggestion.closest(to: "status", among: []) == nil)
        #expect(Suggestion.closest(to: "status", among: [""]) == nil)
    }

    @Test(arguments: [
        ("", "", 0),
        ("", "abc", 3),
        ("abc", "", 3),
        ("abc", "abc", 0),
        ("ab", "ba", 1),
        ("kitten", "sitting", 3),
        ("stauts", "status", 1),
        ("ca", "abc", 3),
        ("café", "cafe", 1),
        ("😀x", "x😀", 1),
    ])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(Suggestion.editDistance(Array(a), Array(b)) == distance)
    }

    @Test func editDistanceStopsEarlyPastTheLimit() {
        #expect(Suggestion.editDistance(Array("abcdef"), Array("uvwxyz"), limit: 2) == 3)
        #expect(Suggestion.editDistance(Array("a"), Array("abcdefgh"), limit: 2) == 3)
    }

    @Test func aHugeWordIsHandledQuickly() {
        let huge = String(repeating: "status", count: 50_000)
        #expect(Suggestion.closest(to: huge, among: Self.commands) == nil)
    }
}
