/// Reads Ofsted/CQC inspection outcome and revisit letters (2016 framework), and area SEND
/// inspection reports (2023 framework), into facts.
///
/// Officers receive the letters as PDFs and paste their text, or run `pdftotext`; they should
/// never retype a weakness. The reader cleans the debris away (see ``LetterKind`` for what
/// counts as a letter), reads each field from the phrasing Ofsted/CQC letters use, and returns
/// the facts with a warning for every field it is unsure of. A required field it cannot find
/// is refused with ``WSoAError/letterFieldMissing(field:hint:)`` rather than guessed, unless
/// the caller supplies it in ``LetterOverrides``. Reading is pure: no I/O, no clock.
public enum LetterReader {
    /// The largest text read, in UTF-8 bytes.
    ///
    /// The longest letters are about 25 kB; two megabytes leaves room for pasted appendices
    /// while keeping every scan quick. Anything bigger is refused as not a letter.
    public static let maximumBytes = 2_000_000

    /// Reads an inspection outcome letter.
    ///
    /// Throws ``WSoAError/letterTooLarge(bytes:limit:)``, ``WSoAError/notALetter(reason:)``,
    /// ``WSoAError/letterKindMismatch(expected:found:)`` for a revisit letter, and
    /// ``WSoAError/letterFieldMissing(field:hint:)`` when the area, letter date, visit dates or
    /// (for a letter requiring a statement) the weaknesses cannot be found and are not given
    /// in `overrides`.
    public static func readInspection(_ text: String, overrides: LetterOverrides = LetterOverrides()) throws
        -> LetterReading<InspectionLetter> {
        let letter = try prepare(text, expecting: .inspectionOutcome)
        var scan = LetterScan(letter, kind: .inspectionOutcome)
        return try scan.inspection(overrides)
    }

    /// Reads a revisit letter.
    ///
    /// Throws as ``readInspection(_:overrides:)`` does, with ``WSoAError/letterKindMismatch(expected:found:)``
    /// for an inspection outcome letter, and ``WSoAError/letterFieldMissing(field:hint:)`` also
    /// when no judgement ("has made sufficient progress in addressing this area of significant
    /// weakness") can be found.
    public static func readRevisit(_ text: String, overrides: LetterOverrides = LetterOverrides()) throws
        -> LetterReading<RevisitLetter> {
        let letter = try prepare(text, expecting: .revisit)
        var scan = LetterScan(letter, kind: .revisit)
        return try scan.revisit(overrides)
    }

    /// Reads an area SEND inspection report (the framework from 2023).
    ///
    /// The report's `pdftotext` output is read as it comes, page footers, page numbers and
    /// form feeds included: the area from the title, the inspection dates and previous
    /// inspection from the labelled fields, the outcome from its fixed sentence, the next
    /// visits' horizons, and each area for priority action (with its responsible body) and
    /// each area for improvement verbatim, whitespace collapsed. `overrides.area`,
    /// `overrides.visit` and `overrides.outcome` replace what is read; the other overrides
    /// are for letters and are ignored.
    ///
    /// Throws ``WSoAError/letterTooLarge(bytes:limit:)``, ``WSoAError/notALetter(reason:)``,
    /// ``WSoAError/letterKindMismatch(expected:found:)`` for a 2016 letter, and
    /// ``WSoAError/letterFieldMissing(field:hint:)`` when the area, the inspection dates or
    /// the outcome cannot be found and are not given in `overrides`.
    ///
    /// ```swift
    /// let reading = try LetterReader.readAreaReport(pdfText)
    /// print(reading.facts.outcome, reading.facts.areasForImprovement.count)
    /// for warning in reading.warnings { print(warning) }
    /// ```
    public static func readAreaReport(_ text: String, overrides: LetterOverrides = LetterOverrides()) throws
        -> LetterReading<AreaSENDReport> {
        let letter = try prepare(text, expecting: .areaReport)
        var scan = LetterScan(letter, kind: .areaReport)
        return try scan.areaReport(AreaReportText(text), overrides)
    }

    /// Reads a letter or report of any kind, deciding which it is first.
    public static func read(_ text: String, overrides: LetterOverrides = LetterOverrides()) throws -> AnyLetterReading {
        let letter = try prepare(text, expecting: nil)
        let kind = LetterKind.classification(of: letter).kind
        switch kind {
        case .inspectionOutcome:
            var scan = LetterScan(letter, kind: .inspectionOutcome)
            return .inspection(try scan.inspection(overrides))
        case .revisit:
            var scan = LetterScan(letter, kind: .revisit)
            return .revisit(try scan.revisit(overrides))
        case .areaReport:
            var scan = LetterScan(letter, kind: .areaReport)
            return .areaReport(try scan.areaReport(AreaReportText(text), overrides))
        case .notALetter:
            // prepare(_:expecting:) has already refused it; kept for an exhaustive switch.
            throw WSoAError.notALetter(reason: "it is not an inspection outcome or revisit letter")
        }
    }

    /// Checks size and kind, and returns the cleaned text.
    static func prepare(_ text: String, expecting expected: LetterKind?) throws -> LetterText {
        let bytes = text.utf8.count
        guard bytes <= maximumBytes else {
            throw WSoAError.letterTooLarge(bytes: bytes, limit: maximumBytes)
        }
        let letter = LetterText(text)
        let classification = LetterKind.classification(of: letter)
        switch classification.kind {
        case .notALetter:
            throw WSoAError.notALetter(reason: classification.reason ?? "it is not an inspection outcome or revisit letter")
        case .inspectionOutcome, .revisit, .areaReport:
            if let expected, expected != classification.kind {
                throw WSoAError.letterKindMismatch(expected: expected, found: classification.kind)
            }
        }
        return letter
    }
}
