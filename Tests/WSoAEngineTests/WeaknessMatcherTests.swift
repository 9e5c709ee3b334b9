import Testing
@testable import WSoAEngine

/// A plan's weaknesses, numbered W1… in order.
private func plan(_ statements: [String]) -> [Weakness] {
    statements.enumerated().map { Weakness(id: "W\($0.offset + 1)", statement: $0.element) }
}

/// Four distinct made-up weaknesses of one area, sharing the words weaknesses usually share.
private let exampleshire = [
    "Co-production, engagement and communication with parents and carers are underdeveloped.",
    "The quality of EHC assessments and plans is too variable.",
    "Strategic joint commissioning of services for children and young people is not embedded.",
    "Leaders do not measure or evaluate the outcomes achieved by children and young people with SEND.",
]

/// `WeaknessMatcher`: a revisit letter's quoted weaknesses matched one-to-one to the plan's.
@Suite("Letters: weakness matcher")
struct LetterWeaknessMatcherTests {
    // MARK: Similarity

    @Test("identical statements are 1, and the score is symmetric and within 0…1")
    func similarityBasics() {
        for a in exampleshire {
            #expect(WeaknessMatcher.similarity(a, a) == 1)
            for b in exampleshire {
                let ab = WeaknessMatcher.similarity(a, b)
                #expect(ab >= 0 && ab <= 1)
                #expect(abs(ab - WeaknessMatcher.similarity(b, a)) < 1e-12)
            }
        }
        #expect(WeaknessMatcher.similarity("", "") == 1)
        #expect(WeaknessMatcher.similarity("", "Anything at all.") == 0)
    }

    @Test("case, punctuation, hyphens, quotes, dashes and list marks do not matter", arguments: [
        ("Co-production, engagement and communication with parents are underdeveloped.",
         "Coproduction, engagement and communication with parents are underdeveloped;"),
        ("The local area’s offer is poor.", "The local area's offer is poor"),
        ("Leaders’ plans – in education and health – lack precision.", "leaders' plans - in education and health - lack precision"),
        ("THE QUALITY OF EHC PLANS IS TOO VARIABLE.", "The quality of EHC plans is too variable."),
        ("Parents describe a “fight” for help.", "Parents describe a \"fight\" for help."),
        ("Joint commissioning & planning are weak.", "Joint commissioning and planning are weak."),
        ("Décision-making is slow.", "Decision-making is slow."),
    ])
    func cosmeticDifferences(a: String, b: String) {
        #expect(WeaknessMatcher.similarity(a, b) >= 0.95, "\(WeaknessMatcher.similarity(a, b))")
    }

    @Test("minor rewording stays above the threshold", arguments: [
        ("The quality of EHC assessments and plans is too variable.", "Quality of EHC plans and assessments too variable"),
        ("Local area leaders have not developed an effective approach to measuring and evaluating EHC outcomes for children and young people.",
         "Leaders have not developed an effective way of measuring and evaluating EHC outcomes for children and young people."),
        ("Children, young people and their families have too little involvement in decisions about the services they need. The local offer is poor.",
         "Children, young people and their families have too little involvement in decisions about the services they need."),
        ("Decision-making about services is slow.", "Decision making about services is slow."),
    ])
    func minorRewording(a: String, b: String) {
        #expect(WeaknessMatcher.similarity(a, b) >= WeaknessMatcher().threshold, "\(WeaknessMatcher.similarity(a, b))")
    }

    @Test("distinct weaknesses of the same area stay below the threshold")
    func distinctWeaknesses() {
        for (i, a) in exampleshire.enumerated() {
            for (j, b) in exampleshire.enumerated() where i != j {
                #expect(WeaknessMatcher.similarity(a, b) < WeaknessMatcher().threshold, "\(i) vs \(j)")
            }
        }
    }

    // MARK: Matching

    @Test("each quote gets its best weakness, in any order, one-to-one")
    func matchesOneToOne() {
        let quotes = [
            "Leaders do not measure or evaluate outcomes achieved by children and young people who have SEND.",
            "Coproduction, engagement and communication with parents and carers are under-developed",
            "The quality of EHC assessments and plans is too variable",
            "Strategic joint commissioning of services for children and young people is not embedded;",
        ]
        let result = WeaknessMatcher().match(quotes, to: plan(exampleshire))
        #expect(result.allMatched)
        #expect(result.matches.map { $0.weakness?.id } == ["W4", "W1", "W2", "W3"])
        #expect(result.unquoted.isEmpty)
        #expect(result.unmatched.isEmpty)
        for match in result.matches {
            #expect(match.candidates.first?.id == match.weakness?.id)
            #expect(match.candidates.count == 3)
            #expect(zip(match.candidates, match.candidates.dropFirst()).allSatisfy { $0.similarity >= $1.similarity })
        }
    }

    @Test("two quotes resembling one weakness do not both take it")
    func contestedWeakness() {
        let weaknesses = plan(["The quality of EHC plans is too variable.", "The timeliness of EHC plans is poor."])
        let quotes = ["The timeliness of EHC plans is poor.", "The timeliness of EHC plans is too variable."]
        let result = WeaknessMatcher(threshold: 0.5).match(quotes, to: weaknesses)
        #expect(result.matches.map { $0.weakness?.id } == ["W2", "W1"])
    }

    @Test("a quote that matches nothing is unmatched, with the closest candidates and their similarity")
    func unmatchedQuote() {
        let quotes = ["The designated medical officer's role is not formally agreed.", "The quality of EHC assessments and plans is too variable."]
        let result = WeaknessMatcher().match(quotes, to: plan(exampleshire))
        #expect(!result.allMatched)
        #expect(result.unmatched.map(\.quote) == [quotes[0]])
        let closest = result.matches[0].candidates
        #expect(closest.count == 3)
        #expect(closest.allSatisfy { $0.similarity < WeaknessMatcher().threshold })
        #expect(result.matches[1].weakness?.id == "W2")
        #expect(result.unquoted == ["W1", "W3", "W4"])
    }

    @Test("the candidate limit and an empty plan are respected")
    func limits() {
        let result = WeaknessMatcher(candidateLimit: 1).match(["The quality of EHC plans is too variable."], to: plan(exampleshire))
        #expect(result.matches[0].candidates.map(\.id) == ["W2"])
        let empty = WeaknessMatcher().match(["Anything."], to: [])
        #expect(empty.matches[0].candidates.isEmpty)
        #expect(!empty.allMatched)
        #expect(WeaknessMatcher().match([], to: plan(exampleshire)).unquoted == ["W1", "W2", "W3", "W4"])
    }

    // MARK: Revisit letters

    @Test("a revisit letter's outcomes are keyed by the plan's weakness ids")
    func revisitOutcomes() throws {
        let visit = try DayRange(start: Day(parsing: "2022-07-11"), end: Day(parsing: "2022-07-13"))
        let letter = RevisitLetter(area: "Exampleshire", letterDate: try Day(parsing: "2022-09-26"), visit: visit, judgements: [
            QuotedJudgement(quote: "Coproduction, engagement and communication with parents and carers are underdeveloped.", outcome: .sufficient, verdict: "…"),
            QuotedJudgement(quote: "The quality of EHC assessments and plans is too variable.", outcome: .insufficient, verdict: "…"),
        ])
        #expect(try letter.outcomes(for: plan(exampleshire)) == ["W1": .sufficient, "W2": .insufficient])
    }

    @Test("a revisit quote matching none of the plan's weaknesses is refused, showing the closest in one sentence")
    func revisitUnmatchedRefused() throws {
        let visit = try DayRange(start: Day(parsing: "2022-07-11"), end: Day(parsing: "2022-07-13"))
        let letter = RevisitLetter(area: "Exampleshire", letterDate: try Day(parsing: "2022-09-26"), visit: visit, judgements: [
            QuotedJudgement(quote: "The designated medical officer's role is not formally agreed.", outcome: .sufficient, verdict: "…"),
        ])
        let error = try #require(throws: WSoAError.self) { try letter.outcomes(for: plan(exampleshire)) }
        guard case let .letterWeaknessUnmatched(quote, closest) = error else {
            Issue.record("expected letterWeaknessUnmatched, got \(error)")
            return
        }
        #expect(quote == letter.judgements[0].quote)
        #expect(closest.count == 3)
        #expect(error.description.contains("% similar"))
        #expect(error.description.contains(closest[0].id))
        #expect(isOneSentence(error.description), "\(error.description)")
        #expect(!error.isUsageError)
        let none = WSoAError.letterWeaknessUnmatched(quote: "x", closest: [])
        #expect(isOneSentence(none.description))
    }
}
