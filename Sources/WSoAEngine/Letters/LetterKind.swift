/// What kind of document a pasted text is: an inspection outcome letter, a revisit letter, an
/// area SEND inspection report, or something else.
///
/// Officers keep letters, council reports and board papers side by side, and a Cabinet report
/// quotes the same weaknesses and dates as the letter it reports on. Reading such a report as a
/// letter would record its dates (report date, submission date) as the letter's, so anything
/// that is not shaped like an Ofsted/CQC letter is refused with the reason.
public enum LetterKind: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// A joint local area SEND inspection outcome letter (2016 framework).
    case inspectionOutcome
    /// A joint local area SEND revisit letter (2016 framework).
    case revisit
    /// An area SEND inspection report (the framework from 2023), "Area SEND inspection of …
    /// Local Area Partnership".
    case areaReport
    /// Not an Ofsted/CQC SEND letter this reader understands.
    case notALetter

    /// The kind in sentences, e.g. "a revisit letter".
    public var description: String {
        switch self {
        case .inspectionOutcome: return "an inspection outcome letter"
        case .revisit: return "a revisit letter"
        case .areaReport: return "an area SEND inspection report"
        case .notALetter: return "not an Ofsted/CQC letter"
        }
    }

    /// Classifies a text (the same cleaning the readers use is applied first).
    ///
    /// Text too large to be a letter is ``notALetter``.
    public static func classify(_ text: String) -> LetterKind {
        guard text.utf8.count <= LetterReader.maximumBytes else { return .notALetter }
        return classification(of: LetterText(text)).kind
    }

    /// A kind and, for ``notALetter``, why.
    struct Classification: Hashable, Sendable {
        /// The kind.
        var kind: LetterKind
        /// Why the text is not a letter: a clause with no full stop, for ``WSoAError/notALetter(reason:)``.
        var reason: String?
    }

    /// Classifies cleaned text, saying why when it is not a letter.
    ///
    /// A letter has the shape of one (a "Dear …" salutation or a "Yours sincerely"), mentions
    /// Ofsted or the CQC, and says what it is about: a "Joint local area SEND inspection/revisit
    /// in …" heading, or the opening sentence's "conducted a joint inspection" / "revisited".
    /// An area SEND report is told by its own opening instead (see ``isAreaReport(_:)``).
    static func classification(of letter: LetterText) -> Classification {
        guard !letter.isEmpty else {
            return Classification(kind: .notALetter, reason: "the text is empty")
        }
        if isAreaReport(letter) {
            return Classification(kind: .areaReport, reason: nil)
        }
        let lowered = letter.paragraphs.map { $0.text.lowercased() }
        func mentions(_ needles: [String]) -> Bool {
            lowered.contains { paragraph in needles.contains { paragraph.contains($0) } }
        }
        func heading(_ needles: [String]) -> Bool {
            lowered.contains { paragraph in paragraph.utf8.count <= 200 && needles.contains { paragraph.contains($0) } }
        }
        guard mentions(["ofsted", "care quality commission", "cqc"]) else {
            return Classification(kind: .notALetter,
                                  reason: "it never mentions Ofsted or the Care Quality Commission")
        }
        let shapedLikeLetter = letter.salutationIndex != nil || letter.signOffIndex != nil
        if shapedLikeLetter {
            if heading(["send revisit in", "send revisit of"]) || (mentions(["revisited"]) && mentions(["sufficient progress"])) {
                return Classification(kind: .revisit, reason: nil)
            }
            if heading(["send inspection in", "send inspection of the local area", "local area send inspection"])
                || mentions(["conducted a joint inspection", "carried out a joint inspection"]) {
                return Classification(kind: .inspectionOutcome, reason: nil)
            }
            if mentions(["local area partnership", "area send inspection of"]) {
                return Classification(kind: .notALetter, reason: "it looks like a letter under the area SEND framework that began in 2023, which this reader does not cover")
            }
            return Classification(kind: .notALetter, reason: "it is set out like a letter but has no 'Joint local area SEND inspection' or 'revisit' heading and does not say that a joint inspection was carried out")
        }
        if let sign = reportSigns.first(where: { sign in lowered.prefix(40).contains { $0.contains(sign.needle) } }) {
            return Classification(kind: .notALetter, reason: "it looks like a council report, with '\(sign.label)' near the top and no 'Dear …' salutation or 'Yours sincerely'")
        }
        return Classification(kind: .notALetter, reason: "it has no 'Dear …' salutation and no 'Yours sincerely', so it is either not a letter or its opening and close are missing")
    }

    /// What marks a council report near its top, and how a refusal names it.
    static let reportSigns: [(needle: String, label: String)] = [
        ("report to cabinet", "Report to Cabinet"), ("cabinet information item", "Cabinet information item"),
        ("agenda item", "Agenda item"), ("report to the", "Report to the …"),
        ("name of contact officer", "Name of Contact Officer"), ("report of ", "Report of …"),
        ("committee", "Committee"), ("executive summary", "Executive summary"),
    ]

    /// Whether the text opens as an area SEND inspection report does.
    ///
    /// The report has no salutation or sign-off; it opens with "Local area partnership
    /// report" and the title "Area SEND inspection of … Local Area Partnership" (perhaps
    /// wrapped), then the "Inspection dates:" field, and has an "Inspection outcome" section.
    /// A letter ("Dear …") is never a report, whatever it mentions, and neither is a council
    /// paper that quotes the title under its own heading ("Report to Cabinet", "Agenda item"):
    /// a paper that reports on an inspection quotes its dates and findings, which must not be
    /// recorded as the report's own.
    static func isAreaReport(_ letter: LetterText) -> Bool {
        guard letter.salutationIndex == nil, letter.signOffIndex == nil else { return false }
        var lines: [String] = []
        for paragraph in letter.paragraphs.prefix(40) {
            lines += paragraph.lines.map { $0.lowercased() }
            if lines.count >= 40 { break }
        }
        let top = Array(lines.prefix(40))
        let titleEnd = min(top.count, 15)
        guard let title = (0..<titleEnd).first(where: { index in
            let line = top[index]
            let joined = index + 1 < top.count ? line + " " + top[index + 1] : line
            return line == "local area partnership report" || line.hasPrefix("area send inspection of ")
                || joined.hasPrefix("area send inspection of ")
        }) else { return false }
        let datesLabel = top.firstIndex { $0.hasPrefix("inspection dates") || $0.hasPrefix("inspection date:") }
        let opening = top[..<(datesLabel ?? min(top.count, title + 4))]
        if opening.contains(where: { line in reportSigns.contains { line.contains($0.needle) } }) { return false }
        let outcomeHeading = letter.paragraphs.contains { paragraph in
            paragraph.lines.contains { AreaReportHeading.outcome.matches($0) }
        }
        return datesLabel != nil || outcomeHeading
    }
}
