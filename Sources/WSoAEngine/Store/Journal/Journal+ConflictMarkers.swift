extension Journal {
    /// Whether `line` (without its newline) is one git writes around the two sides of a text
    /// conflict: seven `<`, `=`, `>` or `|`, then a space (and a label) or nothing.
    ///
    /// A clone where `wsoa git setup` was never run has no wsoa merge driver, so git merges
    /// the journal as text and leaves these in it. No line wsoa writes starts so: each is a
    /// JSON object, starting `{`.
    static func isConflictMarker<Line: Collection>(_ line: Line) -> Bool where Line.Element == UInt8 {
        guard let first = line.first, [UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "|")].contains(first)
        else { return false }
        var index = line.startIndex
        for _ in 0..<7 {
            guard index != line.endIndex, line[index] == first else { return false }
            index = line.index(after: index)
        }
        return index == line.endIndex || line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\r")
    }

    /// The first complete line (by its number) that is a git conflict marker, if any.
    var conflictMarkerLine: Int? {
        lines.firstIndex { Journal.isConflictMarker(bytes[$0]) }.map { firstLine + $0 }
    }

    /// Why line `number`, a conflict marker, is not a journal line, and how to get the merge
    /// git should have made: once the clone has the driver, `git checkout -m` merges the
    /// journal again from the sides git keeps while it reports the file in conflict.
    func conflictMarkerReason(_ number: Int) -> String {
        let marker = String(decoding: line(number).prefix(7), as: UTF8.self)
        return "the line is a conflict marker (\(marker)) that git left because this clone has no wsoa merge driver; "
            + "to merge the journal again with wsoa's driver while git still reports it in conflict, run: wsoa git setup && git checkout -m \(path.shellQuoted)"
    }
}
