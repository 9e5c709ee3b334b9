/// A section heading of an area SEND inspection report that the reader finds its way by.
///
/// A heading is a whole line (or two short lines, when the converter wrapped it) that reads
/// as the heading and nothing else, case aside, with any quotes around it or colon after it
/// ignored. The same words inside a sentence ("… to address the identified areas for
/// priority action.") are therefore never taken for the heading.
enum AreaReportHeading: Hashable, Sendable, CaseIterable {
    /// "Inspection outcome": the outcome sentence and the horizons of the next visits.
    case outcome
    /// "Areas for priority action" (only under widespread/systemic failings).
    case priorityActions
    /// "Areas for improvement".
    case improvements
    /// "Local area partnership details" and the other back-matter headings, where the
    /// findings end.
    case backMatter

    /// The heading's wordings, lower-cased.
    var wordings: [String] {
        switch self {
        case .outcome:
            return ["inspection outcome", "inspection outcomes", "the inspection outcome"]
        case .priorityActions:
            return ["areas for priority action", "area for priority action", "areas for priority actions"]
        case .improvements:
            return ["areas for improvement", "area for improvement", "areas for improvements"]
        case .backMatter:
            return ["local area partnership details", "information about this inspection", "inspection team",
                    "local area details"]
        }
    }

    /// Whether `text` is this heading on its own.
    func matches(_ text: String) -> Bool {
        guard text.utf8.count <= 80 else { return false }
        let bare = Self.bare(text)
        guard let first = bare.unicodeScalars.first, first.properties.isUppercase else { return false }
        return wordings.contains(bare.lowercased())
    }

    /// The number of lines (1 or 2) from `index` that make up this heading, or nil.
    ///
    /// A heading wrapped over two lines is two short lines with nothing between them.
    func lineCount(in lines: [AreaReportText.Line], at index: Int) -> Int? {
        guard lines.indices.contains(index) else { return nil }
        if matches(lines[index].text) { return 1 }
        let next = index + 1
        guard lines.indices.contains(next), lines[next].gap == .none,
              lines[index].text.utf8.count <= 40, lines[next].text.utf8.count <= 40 else { return nil }
        return matches(lines[index].text + " " + lines[next].text) ? 2 : nil
    }

    /// The first line at or after `start` where this heading stands, and its line count.
    func first(in lines: [AreaReportText.Line], from start: Int) -> (index: Int, lines: Int)? {
        var index = max(0, start)
        while index < lines.count {
            if let count = lineCount(in: lines, at: index) { return (index, count) }
            index += 1
        }
        return nil
    }

    /// `text` without quotes around it, a colon after it or surrounding spaces.
    static func bare(_ text: String) -> String {
        let strip: Set<Character> = ["\"", "'", "‘", "’", "“", "”", ":", " ", "*", "#"]
        var view = Substring(text)
        while let first = view.first, strip.contains(first) { view = view.dropFirst() }
        while let last = view.last, strip.contains(last) { view = view.dropLast() }
        return String(view)
    }
}
