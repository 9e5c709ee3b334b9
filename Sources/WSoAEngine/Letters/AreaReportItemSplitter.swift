/// Splits the lines of a report's findings table into its findings (areas for priority action
/// or for improvement), verbatim.
///
/// The rows of these tables reach the text with nothing between them: no blank line, no
/// bullet, and a finding may itself run to several sentences, paragraphs and a sub-list. So
/// each line that could start a finding is given a strength from three independent clues, and
/// the strong ones are taken:
///
/// - **the opening words** (``AreaReportItemOpening``): a finding opens with who must act ("Area
///   leaders …", "The local area partnership should …"); "They …" carries on the one before,
///   and a bare "Leaders should …" may do either: at a paragraph start it is taken to make up
///   the row count, or, in a table with no responsible-body column, taken with a warning;
/// - **the layout**: a blank line before the line, a responsible-body cell printed just before
///   it, or a line before it that ends short of the column's width although the next word
///   would have fitted (so the line break was a paragraph's end, not a wrap);
/// - **the number of rows**, when the table has a responsible-body column: its cells say how
///   many findings there are, so the weakest candidates are dropped (or the best extra ones
///   taken) until the count agrees.
///
/// A line can only start a finding if the line before it ends a sentence (or a sub-list) and
/// it starts with a capital. Every decision a weak clue settled is reported back as a warning.
struct AreaReportItemSplitter {
    /// One line of a findings table, with the layout clues around it.
    struct Line: Hashable, Sendable {
        /// The text, spaces collapsed.
        var text: String
        /// What stood between it and the line before.
        var gap: AreaReportText.Gap
        /// Whether a responsible-body cell was printed between it and the line before (the
        /// start of a new row in a table whose cells and actions alternate).
        var afterCell: Bool
    }

    /// How strongly a line is marked as the start of a finding, weakest first.
    enum Strength: Int, Comparable, Sendable {
        /// A continuation ("Leaders should also …") at a paragraph start: taken only to make
        /// up the number of rows.
        case fallback
        /// A bare "Leaders should …" at a paragraph start: taken to make up the number of
        /// rows before any continuation is, and, when there is no row count, taken with a
        /// warning.
        case bareSubject
        /// A plain opening ("To ensure …") at a paragraph start.
        case weak
        /// A subject ("Health leaders must …") where the line before could have wrapped.
        case subject
        /// A subject at a paragraph start.
        case paragraphSubject
        /// Just after a responsible-body cell.
        case row

        static func < (lhs: Strength, rhs: Strength) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What the split found.
    struct Result: Hashable, Sendable {
        /// The index of each finding's first line, ascending, starting at 0.
        var starts: [Int]
        /// Each finding's text: its lines joined by single spaces.
        var items: [String]
        /// One sentence for each boundary a weak clue decided.
        var warnings: [String]
    }

    /// The lines to split.
    let lines: [Line]
    /// The characters in lines before each index (and in all of them, last), so the length
    /// of any run of lines is one subtraction.
    private let offsets: [Int]
    /// The most boundaries the row count may add or take away.
    static let largestDisagreement = 12

    /// A splitter for `lines`; `noun` is what a finding is called in warnings.
    init(lines: [Line], noun: String) {
        self.lines = lines
        self.noun = noun
        var offsets = [0]
        offsets.reserveCapacity(lines.count + 1)
        for line in lines { offsets.append(offsets[offsets.count - 1] + line.text.count + 1) }
        self.offsets = offsets
    }
    /// What a finding is called in warnings, e.g. "area for improvement".
    let noun: String

    /// Splits the lines; `rows` is the number of responsible-body cells, when the table has them.
    func split(rows: Int?) -> Result {
        guard !lines.isEmpty else { return Result(starts: [], items: [], warnings: []) }
        let width = (0..<lines.count).map { characters($0..<($0 + 1)) - 1 }.max() ?? 0
        var candidates: [(line: Int, strength: Strength)] = []
        for index in 1..<lines.count {
            if let strength = strength(at: index, width: width) { candidates.append((index, strength)) }
        }
        var chosen = Set(candidates.filter { $0.strength >= .weak || (rows == nil && $0.strength == .bareSubject) }.map(\.line))
        var settledByRows = Set<Int>()
        var warnings: [String] = []
        let strengthOf = Dictionary(candidates.map { ($0.line, $0.strength) }, uniquingKeysWith: { first, _ in first })
        // Agreeing with the rows moves a boundary at a time; a column many rows away from
        // what the words say is not worth trusting (and, on hostile text, not worth the time).
        if let rows, rows >= 1, abs(chosen.count - (rows - 1)) <= Self.largestDisagreement {
            while chosen.count > rows - 1, let drop = weakestBoundary(in: chosen, strengthOf: strengthOf) {
                chosen.remove(drop)
                warnings.append("'\(LetterScan.quoted(lines[drop].text, limit: 50))' could begin a new \(noun), but the responsible-body column has \(rows) \(rows == 1 ? "row" : "rows"), so it is read as part of the one before; check it.")
            }
            while chosen.count < rows - 1, let add = bestExtraBoundary(beyond: chosen, candidates: candidates) {
                chosen.insert(add)
                settledByRows.insert(add)
                warnings.append("the responsible-body column has \(rows) rows, so '\(LetterScan.quoted(lines[add].text, limit: 50))' is read as the start of a new \(noun) although little else marks it; check it.")
            }
        }
        if rows == nil {
            for line in chosen.sorted() where !settledByRows.contains(line) {
                let opening = LetterScan.quoted(lines[line].text, limit: 50)
                switch strengthOf[line] {
                case .weak?:
                    warnings.append("'\(opening)' is read as the start of a new \(noun) only because the line before it ends a sentence short of the margin; check it.")
                case .bareSubject?:
                    warnings.append("'\(opening)' is read as the start of a new \(noun) because the line before it ends a sentence short of the margin, though it could carry on the one before; check it.")
                default:
                    break
                }
            }
        }
        let starts = [0] + chosen.sorted()
        var items: [String] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : lines.count
            items.append(Self.joined(lines[start..<end].map(\.text)))
        }
        return Result(starts: starts, items: items, warnings: warnings)
    }

    // MARK: Clues

    /// How strongly line `index` is marked as a finding's start, or nil when it cannot be one.
    func strength(at index: Int, width: Int) -> Strength? {
        let line = lines[index]
        let opening = AreaReportItemOpening(line.text)
        let previous = lines[index - 1].text
        let closesSubList = opening == .subject && inSubList(before: index)
        guard opening != .none, Self.endsSentence(previous) || closesSubList else { return nil }
        if line.afterCell { return .row }
        let paragraph = line.gap == .blank || Self.wouldHaveFitted(line.text, after: previous, width: width)
        switch opening {
        case .subject: return paragraph ? .paragraphSubject : .subject
        case .plain: return paragraph ? .weak : nil
        case .bareSubject: return paragraph ? .bareSubject : nil
        case .continuation: return paragraph ? .fallback : nil
        case .none: return nil
        }
    }

    /// Whether the line before `index` belongs to a sub-list item (a bullet line, or the
    /// lower-case wrap of one), which may end without a full stop.
    func inSubList(before index: Int) -> Bool {
        var look = index - 1
        while look >= 0, index - look <= 4 {
            let text = lines[look].text
            if Self.isBullet(text) { return true }
            guard let first = text.unicodeScalars.first, first.properties.isLowercase else { return false }
            look -= 1
        }
        return false
    }

    /// Whether `line`'s first word would have fitted at the end of `previous`, so that the
    /// break before it was a paragraph's end and not a wrap.
    ///
    /// Widths are counted in characters, which a proportional font only approximates, so a
    /// tenth of the column is kept in hand.
    static func wouldHaveFitted(_ line: String, after previous: String, width: Int) -> Bool {
        let word = line.prefix { $0 != " " }.count
        let slack = max(2, width / 10)
        return previous.count + 1 + word <= width - slack
    }

    /// Whether `text` ends a sentence (a full stop, question or exclamation mark, perhaps
    /// inside a closing quote or bracket).
    static func endsSentence(_ text: String) -> Bool {
        let closers = "’”'\")]".unicodeScalars
        guard let last = text.unicodeScalars.reversed().first(where: { !closers.contains($0) }) else { return false }
        return ".!?".unicodeScalars.contains(last)
    }

    /// Whether `text` starts with a bullet mark.
    static func isBullet(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if LetterLine.symbolBullets.contains(first) { return true }
        let scalars = Array(text.unicodeScalars.prefix(2))
        return LetterLine.spacedBullets.contains(first) && scalars.count == 2 && scalars[1] == " "
    }

    // MARK: Agreeing with the rows

    /// The chosen boundary to give up first: the weakest, and among equals the one whose
    /// finding would be shortest once merged with the one before, since a short run of a
    /// sentence or two under the same subject is most likely the same finding going on.
    ///
    /// A boundary the layout marks as well as the words (a subject after a blank line or a
    /// short line, or a line after a cell) is never given up: a cell left empty in the PDF
    /// prints nothing, so the column can undercount, and merging two findings on that
    /// evidence would lose one.
    func weakestBoundary(in chosen: Set<Int>, strengthOf: [Int: Strength]) -> Int? {
        let sorted = chosen.sorted()
        var best: (line: Int, strength: Strength, merged: Int)?
        for (position, line) in sorted.enumerated() {
            let strength = strengthOf[line] ?? .row
            guard strength < .paragraphSubject else { continue }
            let start = position == 0 ? 0 : sorted[position - 1]
            let end = position + 1 < sorted.count ? sorted[position + 1] : lines.count
            let merged = characters(start..<end)
            if let current = best, (current.strength, current.merged) <= (strength, merged) { continue }
            best = (line, strength, merged)
        }
        return best?.line
    }

    /// The unchosen candidate to take next: the strongest, and among equals the one that
    /// splits the longest finding most evenly.
    func bestExtraBoundary(beyond chosen: Set<Int>, candidates: [(line: Int, strength: Strength)]) -> Int? {
        let starts = [0] + chosen.sorted()
        var best: (line: Int, strength: Strength, shorterPart: Int)?
        for candidate in candidates where !chosen.contains(candidate.line) {
            let start = starts.last { $0 < candidate.line } ?? 0
            let end = starts.first { $0 > candidate.line } ?? lines.count
            let shorterPart = min(characters(start..<candidate.line), characters(candidate.line..<end))
            if let current = best, (current.strength, current.shorterPart) >= (candidate.strength, shorterPart) { continue }
            best = (candidate.line, candidate.strength, shorterPart)
        }
        return best?.line
    }

    /// The number of characters in lines `range`.
    func characters(_ range: Range<Int>) -> Int {
        offsets[range.upperBound] - offsets[range.lowerBound]
    }

    /// Lines joined by single spaces, with any run of whitespace collapsed: the reports'
    /// item text convention (a word broken at a line-end hyphen keeps the space, as
    /// `pdftotext` printed it on two lines).
    static func joined(_ lines: [String]) -> String {
        lines.joined(separator: " ").split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
