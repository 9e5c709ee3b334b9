/// A journal git merged as text, in a clone without wsoa's merge driver: the two copies it
/// could not merge, taken back out from between its conflict markers.
///
/// A journal is only ever added to, so git's text merge of two copies leaves the lines both
/// hold as they are and the lines each added after them between markers: `<<<<<<< label`,
/// this side's lines, `=======`, the other side's, `>>>>>>> label` (with `merge.conflictStyle
/// diff3`, the lines both last shared between `||||||| label` and `=======`). Each copy is the
/// lines outside the markers with its own part of every conflict, byte for byte. Nothing here
/// trusts that: a copy is only ever used as a journal once its every line has been read and
/// chain-checked, as merging it does, so a file edited by hand between the markers is refused
/// there, not merged.
struct ConflictedJournal {
    /// The number of the first line that is a conflict marker.
    let firstMarker: Int
    /// The copy before each `=======` (git's current side: `HEAD` in a merge, the upstream in a rebase).
    let current: [UInt8]
    /// The copy after each `=======` (the side git merged in).
    let other: [UInt8]
    /// The labels git wrote after `<<<<<<<` and `>>>>>>>` in the first conflict (often `HEAD`
    /// and a commit), empty when it wrote none.
    let currentLabel: String
    let otherLabel: String

    /// Which part of a conflict a line is in, as the lines are read in order.
    private enum Part {
        /// Outside any conflict: a line of both copies.
        case both
        /// After `<<<<<<<`: the current side's.
        case current
        /// After `|||||||`: the version both last shared, which each copy holds already.
        case base
        /// After `=======`: the other side's.
        case other
    }

    /// The two copies in `bytes`; nil when no line is a conflict marker, or when the markers do
    /// not pair up as git writes them (one out of place, or a conflict left open), which is
    /// not git's merge but a hand edit.
    init?(_ bytes: [UInt8]) {
        var current: [UInt8] = [], other: [UInt8] = []
        var labels: (current: String?, other: String?) = (nil, nil)
        var firstMarker: Int?
        var part = Part.both
        var start = 0, number = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            let line = bytes[start..<end]
            number += 1
            start = end
            let text = line.last == 0x0A ? line.dropLast() : line
            guard Journal.isConflictMarker(text), let kind = text.first else {
                switch part {
                case .both:
                    current += line
                    other += line
                case .current: current += line
                case .base: break
                case .other: other += line
                }
                continue
            }
            if firstMarker == nil { firstMarker = number }
            var label = String(decoding: text.dropFirst(8), as: UTF8.self)
            while label.last == "\r" { label.removeLast() }
            switch (part, kind) {
            case (.both, UInt8(ascii: "<")):
                part = .current
                if labels.current == nil { labels.current = label }
            case (.current, UInt8(ascii: "|")):
                part = .base
            case (.current, UInt8(ascii: "=")), (.base, UInt8(ascii: "=")):
                part = .other
            case (.other, UInt8(ascii: ">")):
                part = .both
                if labels.other == nil { labels.other = label }
            case (.both, _), (.current, _), (.base, _), (.other, _):
                return nil
            }
        }
        guard let firstMarker, part == .both else { return nil }
        self.firstMarker = firstMarker
        self.current = current
        self.other = other
        currentLabel = labels.current ?? ""
        otherLabel = labels.other ?? ""
    }

    /// What messages call the copy before the markers' `=======` in the file named `path`:
    /// `plans/x/events.jsonl as HEAD had it`.
    static func currentName(_ path: String, label: String) -> String {
        label.isEmpty ? "the first copy between the conflict markers of \(path)" : "\(path) as \(label) had it"
    }

    /// What messages call the copy after the markers' `=======`.
    static func otherName(_ path: String, label: String) -> String {
        label.isEmpty ? "the second copy between the conflict markers of \(path)" : "\(path) as \(label) had it"
    }

    /// Both copies merged into one journal of plan `planID`, as wsoa's merge driver would
    /// have merged them (`JournalMerge`), the current side's being "this" copy; `path` is what
    /// messages call the file. A copy that is not a whole journal of the plan is refused as
    /// the merge refuses any, as is a line the rules refuse once the other copy's lines are in.
    func merged(path: String, planID: String) throws -> JournalMerge.Outcome {
        try JournalMerge.merge(this: Self.currentName(path, label: currentLabel), current,
                               other: Self.otherName(path, label: otherLabel), other, planID: planID)
    }
}
