/// What kind of document a pasted text is: an inspection outcome letter, a revisit letter, or
/// something else.
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
    /// Not an Ofsted/CQC SEND letter this reader understands.
    case notALetter

    /// The kind in sentences, e.g. "a revisit letter".
    public var description: String {
        switch self {
        case .inspectionOutcome: return "an inspection outcome letter"
        case .revisit: return "a revisit letter"
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
    static func classification(of letter: LetterText) -> Classification {
        guard !letter.isEmpty else {
            return Classification(kind: .notALetter, reason: "the text is empty")
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
        let reportSigns: [(needle: String, label: String)] = [
            ("report to cabinet", "Report to Cabinet"), ("cabinet information item", "Cabinet information item"),
            ("agenda item", "Agenda item"), ("report to the", "Report to the …"),
            ("name of contact officer", "Name of Contact Officer"), ("report of ", "Report of …"),
            ("committee", "Committee"), ("executive summary", "Executive summary"),
        ]
        if let sign = reportSigns.first(where: { sign in lowered.prefix(40).contains { $0.contains(sign.needle) } }) {
            return Classification(kind: .notALetter, reason: "it looks like a council report, with '\(sign.label)' near the top and no 'Dear …' salutation or 'Yours sincerely'")
        }
        return Classification(kind: .notALetter, reason: "it has no 'Dear …' salutation and no 'Yours sincerely', so it is either not a letter or its opening and close are missing")
    }
}
