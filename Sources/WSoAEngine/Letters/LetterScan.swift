import Foundation

/// One pass of reading over a cleaned letter: the fields both kinds of letter share, the
/// warnings gathered so far, and how a user's override meets what the letter says.
///
/// The kind-specific fields are read in `LetterScan+Inspection.swift` and
/// `LetterScan+Revisit.swift`.
struct LetterScan {
    /// The cleaned letter.
    let letter: LetterText
    /// Which kind it was classified as.
    let kind: LetterKind
    /// Each paragraph lower-cased, for case-blind phrase tests.
    let lowered: [String]
    /// The warnings gathered so far.
    var warnings: [LetterWarning] = []

    /// Starts reading `letter`.
    init(_ letter: LetterText, kind: LetterKind) {
        self.letter = letter
        self.kind = kind
        lowered = letter.paragraphs.map { $0.text.lowercased() }
    }

    /// The paragraphs.
    var paragraphs: [LetterText.Paragraph] { letter.paragraphs }

    /// The first paragraph after "Dear …" (the start when there is no salutation).
    var bodyStart: Int { letter.salutationIndex.map { $0 + 1 } ?? 0 }

    /// Records a warning.
    mutating func warn(_ field: LetterField, _ message: String) {
        warnings.append(LetterWarning(field: field, message: message))
    }

    /// Letter text as it goes into a warning or refusal: on one line and cut short.
    static func quoted(_ text: String, limit: Int = 60) -> String {
        let flat = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    // MARK: Overrides

    /// The value the user gave, else the value read, else a refusal naming the field.
    mutating func resolve<Value: Equatable>(_ field: LetterField, read: Value?, given: Value?,
                                            show: (Value) -> String, hint: String) throws -> Value {
        if let given {
            warnings.removeAll { $0.field == field }
            if let read, read != given {
                warn(field, "the letter says '\(Self.quoted(show(read)))' but '\(Self.quoted(show(given)))' was given, so the given value is used.")
            }
            return given
        }
        guard let read else {
            throw WSoAError.letterFieldMissing(field: field.description, hint: hint)
        }
        return read
    }

    /// The value the user gave, else the value read (either may be missing).
    mutating func resolveOptional<Value: Equatable>(_ field: LetterField, read: Value?, given: Value?,
                                                    show: (Value) -> String) -> Value? {
        guard given != nil else { return read }
        return try? resolve(field, read: read, given: given, show: show, hint: "")
    }

    // MARK: Letter date

    /// The letter's date: the first line above "Dear …" that is nothing but a date.
    ///
    /// Only a line that is wholly a date counts, so a date in the letterhead's small print or
    /// in the body is never taken for the letter's own.
    func letterDateLine() -> (day: Day, paragraph: Int, line: Int)? {
        let end = letter.salutationIndex ?? min(paragraphs.count, 40)
        for index in 0..<end {
            for (lineIndex, line) in paragraphs[index].lines.enumerated() {
                if let day = LetterDates.standaloneDate(line) { return (day, index, lineIndex) }
            }
        }
        return nil
    }

    /// The addressee lines: after the date line (or from the top) up to "Dear …".
    func addresseeLines(after dateLine: (paragraph: Int, line: Int)?) -> [String] {
        guard let salutation = letter.salutationIndex else { return [] }
        var lines: [String] = []
        let start = dateLine?.paragraph ?? 0
        for index in start..<salutation {
            let paragraphLines = paragraphs[index].lines
            let from = index == dateLine?.paragraph ? (dateLine?.line ?? -1) + 1 : 0
            if from < paragraphLines.count { lines += paragraphLines[from...] }
        }
        // Address lines are short; cutting long ones keeps the name searches cheap on any input.
        return lines.suffix(40).map { String($0.prefix(1000)) }
    }

    // MARK: Area

    /// The local area: from the "Joint local area SEND inspection in …" heading, else from the
    /// opening sentence ("the local area of …", "revisited … to decide").
    mutating func area() -> String? {
        let headingMarkers = kind == .revisit
            ? ["send revisit in ", "send revisit of ", "revisit in "]
            : ["send inspection in ", "send inspection of the local area of ", "send inspection of ", "inspection in "]
        var fromHeading: String?
        let headingEnd = min(paragraphs.count, bodyStart + 8)
        search: for marker in headingMarkers {
            for index in 0..<headingEnd where lowered[index].utf8.count <= 200 && lowered[index].contains(marker) {
                if let name = Self.name(after: marker, in: paragraphs[index].text) {
                    fromHeading = name
                    break search
                }
            }
        }
        let bodyMarkers = kind == .revisit
            ? ["revisited the local area of ", "revisited the area of ", "revisited "]
            : ["inspection of the local area of ", "the local area of ", "inspection of the area of "]
        var fromBody: String?
        bodySearch: for index in bodyStart..<min(paragraphs.count, bodyStart + 12) {
            for marker in bodyMarkers where lowered[index].contains(marker) {
                if let name = Self.name(after: marker, in: paragraphs[index].text) {
                    fromBody = name
                    break bodySearch
                }
            }
        }
        var area: String
        switch (fromHeading, fromBody) {
        case let (heading?, body?):
            area = heading
            if heading != body, !body.hasPrefix(heading), !heading.hasPrefix(body) {
                warn(.area, "the heading names '\(Self.quoted(heading))' but the opening sentence names '\(Self.quoted(body))', so the heading's name is used.")
            }
        case let (heading?, nil):
            area = heading
        case let (nil, body?):
            area = body
            warn(.area, "there is no 'Joint local area SEND \(kind == .revisit ? "revisit" : "inspection") in …' heading, so the area was read from the opening sentence.")
        case (nil, nil):
            return nil
        }
        if let longer = longerName(for: area) {
            warn(.area, "the heading names '\(Self.quoted(area))' but the letter calls the area '\(longer.name)' \(longer.count) times, so '\(longer.name)' is used.")
            area = longer.name
        }
        return area
    }

    /// The name that follows `marker` in `text`, cut at the end of the name.
    static func name(after marker: String, in text: String) -> String? {
        guard let found = text.range(of: marker, options: [.caseInsensitive]) else { return nil }
        var rest = String(text[found.upperBound...].prefix(120))
        for stop in [" to ", ",", ". ", ";", ":", " (", " in order", " on ", " between ", " from "] {
            if let cut = rest.range(of: stop) { rest = String(rest[..<cut.lowerBound]) }
        }
        rest = rest.trimmingCharacters(in: CharacterSet(charactersIn: " .:;,'\"‘’“”"))
        if rest.lowercased().hasPrefix("the ") { rest = String(rest.dropFirst(4)) }
        if rest.lowercased().hasSuffix(" local area") { rest = String(rest.dropLast(11)) }
        guard let first = rest.first, first.isUppercase, rest.count <= 80,
              rest.split(separator: " ").count <= 8 else { return nil }
        return rest
    }

    /// A hyphenated name the letter mostly uses that begins with `area`: a heading that says
    /// "Stoke" for a letter that says "Stoke-on-Trent" throughout.
    func longerName(for area: String) -> (name: String, count: Int)? {
        let prefix = Array((area + "-").unicodeScalars)
        guard let head = prefix.first else { return nil }
        var counts: [String: Int] = [:]
        for paragraph in paragraphs {
            // A hand-written scan: each position is looked at a bounded number of times.
            let s = Array(paragraph.text.unicodeScalars)
            var i = 0
            while i + prefix.count <= s.count {
                guard s[i] == head, i == 0 || !s[i - 1].properties.isAlphabetic,
                      s[i..<(i + prefix.count)].elementsEqual(prefix) else {
                    i += 1
                    continue
                }
                var end = i + prefix.count
                while end < s.count, end - i < 80, s[end].properties.isAlphabetic || s[end] == "-" { end += 1 }
                var name = String(String.UnicodeScalarView(s[i..<end]))
                while name.hasSuffix("-") { name.removeLast() }
                if name.count > area.count + 1 { counts[name, default: 0] += 1 }
                i = end
            }
        }
        guard let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value >= 2 else { return nil }
        return (best.key, best.value)
    }

    // MARK: Visit

    /// The visit dates: the first date range in the opening paragraphs that talk about the
    /// inspection or revisit, else the first range anywhere in the body (with a warning).
    mutating func visit() -> DayRange? {
        let keyword = kind == .revisit ? "revisit" : "inspect"
        var found: LetterDates.RangeMatch?
        for index in bodyStart..<min(paragraphs.count, bodyStart + 12)
        where lowered[index].contains(keyword) || lowered[index].contains("visit") {
            if let match = LetterDates.firstRange(in: paragraphs[index].text) {
                found = match
                break
            }
        }
        if found == nil {
            for index in bodyStart..<paragraphs.count {
                if let match = LetterDates.firstRange(in: paragraphs[index].text) {
                    found = match
                    warn(.visit, "the visit dates were taken from a paragraph that does not describe the \(kind == .revisit ? "revisit" : "inspection") ('\(Self.quoted(paragraphs[index].text))'), so check them.")
                    break
                }
            }
        }
        guard let range = found?.range else { return nil }
        if range.dayCount > 31 {
            warn(.visit, "the visit runs for \(range.dayCount) days, longer than any inspection visit, so check the dates.")
        }
        return range
    }

    /// Warns when the letter is dated before the visit ended, which means a date was misread.
    mutating func checkOrder(letterDate: Day, visit: DayRange) {
        if letterDate < visit.end {
            warn(.letterDate, "the letter is dated \(letterDate.longDescription), before the visit ended on \(visit.end.longDescription), so one of the dates is probably wrong.")
        }
    }

    // MARK: Sentences

    /// Every sentence of paragraphs `range` whose lower-cased text satisfies `test`, with the
    /// paragraph index.
    func sentences(in range: Range<Int>, where test: (String) -> Bool) -> [(paragraph: Int, sentence: String)] {
        var found: [(Int, String)] = []
        for index in range where index < paragraphs.count {
            for sentence in LetterSentences.split(paragraphs[index].text) where test(sentence.lowercased()) {
                found.append((index, sentence))
            }
        }
        return found
    }

    /// The first complete date after `phrase` in `text` (case-blind), within a few words.
    static func date(after phrase: String, in text: String, window: Int = 8) -> Day? {
        guard let found = text.range(of: phrase, options: [.caseInsensitive]) else { return nil }
        return LetterDates.firstDate(in: text[found.upperBound...].prefix(200), window: window)
    }
}
