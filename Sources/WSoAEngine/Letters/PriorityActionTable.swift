/// The areas-for-priority-action table of a report, taken apart into the action text and the
/// "Responsible body" column beside it.
///
/// The table has two columns, the responsible body on the left and the action on the right,
/// and `pdftotext` prints them in one of three ways: each cell as its own block before its
/// action (the usual, alternating layout); every cell first, as one block, then every action;
/// or, when a row starts a page, the cell's lines interleaved with the action's, the first of
/// them glued to the front of the action's first line ("NHS Greater Manchester ICB Leaders at
/// Oldham …"). A cell line is told from an action line by its shape: short, no sentence
/// punctuation, nothing but capitalised words and the "and"/"of" between them, as an
/// organisation's name is. Lines of one cell are joined until a name is complete (it ends in
/// "Council", "ICB", "Trust" …) and the next line starts a new one, or a blank line or a
/// finished action sentence comes between them; a fragment starting with "and" always carries
/// on the cell before. The column's layout decides the pairing: cells printed as one block are
/// paired with the actions in order, cells printed among the actions go with the action they
/// stand beside or before.
struct PriorityActionTable {
    /// A responsible-body cell.
    struct Cell: Hashable, Sendable {
        /// The cell's lines joined.
        var text: String
        /// How many action lines were printed before the cell's first line.
        var position: Int
        /// Whether the last fragment completes a name, so the next fragment starts a new cell.
        fileprivate var complete: Bool
        /// Whether an action sentence ended after the cell's last fragment.
        fileprivate var closedByAction = false
    }

    /// The action lines, in order, with the layout clues the splitter needs.
    private(set) var actionLines: [AreaReportItemSplitter.Line] = []
    /// The responsible-body cells, in order.
    private(set) var cells: [Cell] = []
    /// Whether the table has a "Responsible body" column at all.
    let hasColumn: Bool

    /// Takes apart the lines between the "Areas for priority action" heading and the next section.
    init(_ lines: [AreaReportText.Line]) {
        hasColumn = lines.contains { Self.isColumnHeader($0.text) }
        var pendingGap = AreaReportText.Gap.none
        var newCellSinceAction = false
        var previousWasCell = false
        for line in lines {
            pendingGap = Self.wider(pendingGap, line.gap)
            if Self.isTableHeader(line.text) {
                continue
            }
            if hasColumn, Self.isCellLine(line.text) {
                newCellSinceAction = addFragment(line.text, gap: previousWasCell ? line.gap : .none) || newCellSinceAction
                previousWasCell = true
                continue
            }
            var text = line.text
            if hasColumn, let glued = Self.gluedCell(text) {
                newCellSinceAction = addFragment(glued.cell, gap: .none) || newCellSinceAction
                text = glued.action
            }
            actionLines.append(AreaReportItemSplitter.Line(text: text, gap: pendingGap,
                                                       afterCell: newCellSinceAction && !actionLines.isEmpty))
            if AreaReportItemSplitter.endsSentence(text), let last = cells.indices.last {
                cells[last].closedByAction = true
            }
            pendingGap = .none
            newCellSinceAction = false
            previousWasCell = false
        }
    }

    /// Adds a cell line, to the open cell or as a new one; returns whether it started a new one.
    private mutating func addFragment(_ text: String, gap: AreaReportText.Gap) -> Bool {
        let words = text.split(separator: " ")
        let startsWithLink = words.first.map { ["and", "&"].contains($0.lowercased()) } ?? false || text.hasPrefix(",")
        if let last = cells.indices.last {
            let open = cells[last]
            // Only the end of the open cell is looked at: it grows with every fragment.
            let lastWord = open.text.reversed().prefix { $0 != " " }.reversed()
            let endsWithLink = open.text.hasSuffix(",") || Self.links.contains(String(lastWord).lowercased())
            let continues = startsWithLink || endsWithLink || (!open.complete && gap == .none && !open.closedByAction)
            if continues {
                cells[last].text += " " + text
                cells[last].complete = Self.completesName(text)
                return false
            }
        }
        cells.append(Cell(text: text, position: actionLines.count, complete: Self.completesName(text)))
        return true
    }

    // MARK: Pairing

    /// The partner for each action, given where the splitter started each one, with a
    /// sentence for every pairing that is not certain.
    func partners(starts: [Int]) -> (partners: [String?], warnings: [String]) {
        guard hasColumn, !starts.isEmpty else { return (Array(repeating: nil, count: starts.count), []) }
        var partners = [String?](repeating: nil, count: starts.count)
        var warnings: [String] = []
        if cells.count != starts.count {
            warnings.append("the responsible-body column has \(cells.count) \(cells.count == 1 ? "cell" : "cells") but \(starts.count) \(starts.count == 1 ? "priority action was" : "priority actions were") found, so check which body is responsible for which action.")
        }
        let block = cells.count > 1 && cells.allSatisfy { $0.position == 0 }
        if block {
            for (index, cell) in cells.enumerated() where index < partners.count {
                partners[index] = cell.text
            }
        } else {
            for cell in cells {
                let item = starts.lastIndex { $0 <= cell.position } ?? 0
                if partners[item] == nil {
                    partners[item] = cell.text
                } else if cells.count == starts.count {
                    warnings.append("two responsible-body cells stand beside priority action \(item + 1), so the second, '\(LetterScan.quoted(cell.text, limit: 50))', is not used; check it.")
                }
            }
        }
        if cells.count == starts.count {
            for (index, partner) in partners.enumerated() where partner == nil {
                warnings.append("no responsible-body cell could be placed beside priority action \(index + 1), so it names no partner.")
            }
        }
        return (partners, warnings)
    }

    // MARK: Line shapes

    /// The larger of two gaps (a page break outranks a blank line).
    private static func wider(_ a: AreaReportText.Gap, _ b: AreaReportText.Gap) -> AreaReportText.Gap {
        switch (a, b) {
        case (.page, _), (_, .page): return .page
        case (.blank, _), (_, .blank): return .blank
        case (.none, .none): return .none
        }
    }

    /// Whether `text` is the table's header "Responsible body" (with or without the other
    /// column's header on the same line).
    static func isColumnHeader(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["responsible body", "responsible bodies", "responsible partner", "responsible partners"]
            .contains { lower == $0 || lower.hasPrefix($0 + " areas for priority action") || lower.hasSuffix("action " + $0) }
    }

    /// Whether `text` is one of the table's headers, repeated at the head of its columns.
    static func isTableHeader(_ text: String) -> Bool {
        isColumnHeader(text) || AreaReportHeading.priorityActions.matches(text)
    }

    /// Words that end an organisation's name.
    static let nameEnds: Set<String> = [
        "council", "board", "icb", "trust", "partnership", "authority", "ccg", "group", "first", "service",
        "services", "commission", "england", "forum", "college", "university", "foundation", "centre", "agency",
        "department", "team", "cic", "ltd", "limited", "hospital", "school", "schools", "leaders", "partners",
    ]

    /// Words a name fragment can end with when the name goes on.
    static let links: Set<String> = ["and", "&", "of", "the", "for", "upon", "on"]

    /// Whether a cell fragment ends with a complete name.
    static func completesName(_ text: String) -> Bool {
        guard let last = text.split(separator: " ").last else { return false }
        return !text.hasSuffix(",") && nameEnds.contains(last.trimmingPunctuation.lowercased())
    }

    /// Whether `text` is shaped like a line of an organisation's name rather than of an
    /// action: short, no sentence punctuation or bullet, and every word capitalised (or an
    /// acronym, or a linking word such as "and").
    static func isCellLine(_ text: String) -> Bool {
        guard text.count <= 40, !AreaReportItemSplitter.isBullet(text), !AreaReportItemSplitter.endsSentence(text),
              !text.hasSuffix(":"), !text.hasSuffix(";") else { return false }
        var capitals = 0
        for word in text.split(separator: " ") {
            let bare = word.trimmingPunctuation
            guard let first = bare.unicodeScalars.first else { continue }
            if first.properties.isUppercase {
                capitals += 1
            } else if !links.contains(bare) {
                return false
            }
        }
        return capitals > 0
    }

    /// The cell name glued to the front of an action's first line, and the action: the
    /// shortest capitalised run ending in a name's last word ("… ICB") after which an action
    /// opens with its subject ("Leaders at …").
    static func gluedCell(_ text: String) -> (cell: String, action: String)? {
        let words = text.split(separator: " ").map(String.init)
        guard words.count >= 3 else { return nil }
        for count in 1..<min(words.count - 1, 12) {
            let word = words[count - 1]
            let bare = word.trimmingPunctuation
            guard let first = bare.unicodeScalars.first,
                  first.properties.isUppercase || (links.contains(bare) && count > 1) else { return nil }
            guard nameEnds.contains(bare.lowercased()), !word.hasSuffix(",") else { continue }
            let action = words[count...].joined(separator: " ")
            if AreaReportItemOpening(action) == .subject {
                return (words[..<count].joined(separator: " "), action)
            }
        }
        return nil
    }
}
