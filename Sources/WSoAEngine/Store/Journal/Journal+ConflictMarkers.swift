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

    /// Why line `number`, a conflict marker, is not a journal line of plan `plan`, and how to
    /// get the merge git should have made: the markers hold both copies git could not merge,
    /// which `wsoa repair` merges as the driver would, whether git still reports the journal
    /// in conflict or the markers were committed (and pulled) since, when `git checkout -m`
    /// no longer can.
    func conflictMarkerReason(_ number: Int, plan: String) -> String {
        let marker = String(decoding: line(number).prefix(7), as: UTF8.self)
        return "the line is a conflict marker (\(marker)) that git left in a merge made without wsoa's merge driver (in a clone where 'wsoa git setup' was not run); "
            + "to merge the two copies between the markers as the driver would, whether or not they were committed since, run: wsoa git setup && wsoa repair \(plan)"
    }
}
