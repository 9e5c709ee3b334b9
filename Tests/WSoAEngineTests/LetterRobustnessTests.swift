import Foundation
import Testing
import WSoAEngine

/// Runs every entry point on `text` and checks the contract: nothing but a `WSoAError` is
/// thrown, every refusal and warning is one sentence. Returns the refusals' descriptions.
@discardableResult
func exerciseLetterReaders(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    var refusals: [String] = []
    _ = LetterKind.classify(text)
    let readers: [(String) throws -> [LetterWarning]] = [
        { try LetterReader.readInspection($0).warnings },
        { try LetterReader.readRevisit($0).warnings },
        { try LetterReader.read($0).warnings },
    ]
    for read in readers {
        do {
            for warning in try read(text) {
                #expect(isOneSentence(warning.message), "warning is not one sentence: \(warning)", sourceLocation: sourceLocation)
            }
        } catch let error as WSoAError {
            #expect(isOneSentence(error.description), "refusal is not one sentence: \(error.description)", sourceLocation: sourceLocation)
            refusals.append(error.description)
        } catch {
            Issue.record("not a WSoAError: \(error)", sourceLocation: sourceLocation)
        }
    }
    return refusals
}

/// The letter readers on hostile and damaged input: they read or refuse in one sentence, never
/// crash, and stay fast on large input.
@Suite("Letters: robustness", .timeLimit(.minutes(5)))
struct LetterRobustnessTests {
    @Test("empty and blank inputs are refused as empty", arguments: ["", " ", "\n\n\n", "\u{FEFF}", "\r\n\r\n", "\u{000C}", "** ### <b></b>", "\t \u{00A0}"])
    func emptyInputs(text: String) throws {
        let refusals = exerciseLetterReaders(text)
        #expect(refusals.count == 3)
        #expect(refusals.allSatisfy { $0 == "This is not an Ofsted/CQC inspection letter, revisit letter or area SEND report: the text is empty." })
        #expect(LetterKind.classify(text) == .notALetter)
    }

    @Test("a synthetic letter truncated at every point reads or refuses cleanly")
    func truncatedSynthetic() {
        for letter in [SyntheticInspection().text, SyntheticRevisit().text] {
            let characters = Array(letter)
            for length in stride(from: 0, through: characters.count, by: 37) {
                exerciseLetterReaders(String(characters[..<length]))
                exerciseLetterReaders(String(characters[length...]))
            }
        }
    }

    @Test("a synthetic inspection letter cut before its list is refused, naming the weaknesses")
    func truncatedBeforeList() throws {
        let text = SyntheticInspection().text
        let cut = try #require(text.range(of: "The local area is required to produce"))
        let error = try #require(throws: WSoAError.self) { try LetterReader.readInspection(String(text[..<cut.lowerBound])) }
        #expect(error == .letterFieldMissing(field: "areas of significant weakness", hint: "the letter requires a written statement of action but the list after 'the following areas of significant weakness:' is missing"))
    }

    @Test("the seed letters truncated at many points read or refuse cleanly",
          arguments: LetterSeeds.numbers)
    func truncatedSeeds(number: String) throws {
        let characters = Array(try LetterSeeds.text(number))
        for step in 1..<25 {
            let length = characters.count * step / 25
            exerciseLetterReaders(String(characters[..<length]))
            exerciseLetterReaders(String(characters[length...]))
        }
    }

    @Test("shuffled paragraphs never crash and refuse in sentences", arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func shuffledParagraphs(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let letters = [SyntheticInspection().text, SyntheticRevisit().text] + (try LetterSeeds.numbers.map(LetterSeeds.text))
        for letter in letters {
            let shuffled = letter.components(separatedBy: "\n\n").shuffled(using: &generator).joined(separator: "\n\n")
            exerciseLetterReaders(shuffled)
            let lines = letter.components(separatedBy: "\n").shuffled(using: &generator).joined(separator: "\n")
            exerciseLetterReaders(lines)
        }
    }

    @Test("10 MB of text is refused as too large before it is read")
    func tenMegabytes() throws {
        let letter = SyntheticInspection().text
        let huge = String(repeating: letter, count: 10_000_000 / letter.utf8.count + 1)
        let refusals = exerciseLetterReaders(huge)
        #expect(refusals.count == 3)
        #expect(refusals.allSatisfy { $0.contains("too large") })
        #expect(LetterKind.classify(huge) == .notALetter)
        let error = try #require(throws: WSoAError.self) { try LetterReader.readInspection(huge) }
        #expect(error == .letterTooLarge(bytes: huge.utf8.count, limit: LetterReader.maximumBytes))
    }

    @Test("text just under the size limit is read in reasonable time")
    func justUnderTheLimit() throws {
        let letter = SyntheticInspection().text
        let big = String(repeating: letter, count: (LetterReader.maximumBytes - 1) / letter.utf8.count)
        #expect(big.utf8.count <= LetterReader.maximumBytes)
        exerciseLetterReaders(big)
        // One letter followed by a long appendix still reads as that letter.
        let appendix = String(repeating: "Appendix paragraph about local services and their impact.\n\n", count: 20_000)
        let reading = try LetterReader.readInspection(letter + appendix)
        #expect(reading.facts.weaknesses == SyntheticInspection().weaknesses)
    }

    @Test("random bytes, decoded lossily, never crash", arguments: [UInt64(11), 12, 13, 14])
    func randomBytes(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for size in [1, 2, 7, 64, 1_000, 20_000, 300_000] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            exerciseLetterReaders(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test("random letter-like words (dates, bullets, markup, line breaks) never crash", arguments: [UInt64(21), 22, 23])
    func randomLetterLikeText(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let vocabulary = ["Between", "and", "to", "from", "11", "13", "July", "2022", "–", "-", "•", "■", "**", "###",
                          "<b>", "</b>", "[x](mailto:y)", "\n", "\n\n", "\n\n\n\n", "\r\n", "\u{00A0}", "\u{FEFF}",
                          "Dear", "Ms", "Yours sincerely", "Ofsted", "revisited", "sufficient progress", "this area",
                          "Joint local area SEND inspection in", "Stoke", "Stoke-on-Trent", "Council", "Clinical Commissioning",
                          "Nominated Officer", "found the following:", "weakness:", "cease", ".", ",", "(", ")", "&amp;", "&#",
                          "31", "February", "2100", "1989", "30/02/2019", "2019-02-30", "Page 2 of 9", "has not made", "the"]
        for _ in 0..<30 {
            let count = Int.random(in: 0...600, using: &generator)
            let text = (0..<count).map { _ in vocabulary.randomElement(using: &generator)! }.joined(separator: " ")
            exerciseLetterReaders(text)
        }
    }

    @Test("pathological markup and repetition stay quick", arguments: [
        "[", "<", "&", "*", "-\n", "Between 1 and ", "Stoke-", "a\n\n", "#", "\\", "[a](", "<b", "1. ", "•", "Dear x\n",
    ])
    func pathologicalRepetition(unit: String) {
        let text = String(repeating: unit, count: 200_000 / unit.utf8.count)
        exerciseLetterReaders(text)
        exerciseLetterReaders("Dear Ms Example\n\nJoint local area SEND inspection in Stoke\n\nOfsted\n\n" + text + "\n\nYours sincerely\n")
    }

    @Test("dates outside the supported years or impossible dates are never read")
    func impossibleDates() throws {
        var letter = SyntheticInspection()
        letter.date = "30 February 2019"
        #expect(throws: WSoAError.letterFieldMissing(field: "letter date", hint: "no line above 'Dear …' is a date such as '23 April 2018'")) {
            try LetterReader.readInspection(letter.text)
        }
        letter.date = "14 March 2019"
        letter.visit = "Between 4 February 1989 and 8 February 1989"
        #expect(throws: WSoAError.letterFieldMissing(field: "visit dates", hint: "no date range such as 'Between 26 February 2018 and 8 March 2018' or 'From 11 to 15 July 2016' was found")) {
            try LetterReader.readInspection(letter.text)
        }
    }
}
