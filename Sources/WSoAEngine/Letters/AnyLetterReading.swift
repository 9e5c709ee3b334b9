/// A reading of a letter whose kind was decided by the reader.
///
/// For front ends that take "a letter" without asking which kind it is (`LetterReader.read`).
public enum AnyLetterReading: Hashable, Sendable {
    /// An inspection outcome letter.
    case inspection(LetterReading<InspectionLetter>)
    /// A revisit letter.
    case revisit(LetterReading<RevisitLetter>)
    /// An area SEND inspection report (2023 framework).
    case areaReport(LetterReading<AreaSENDReport>)

    /// Which kind of letter was read.
    public var kind: LetterKind {
        switch self {
        case .inspection: return .inspectionOutcome
        case .revisit: return .revisit
        case .areaReport: return .areaReport
        }
    }

    /// The warnings of whichever reading it is.
    public var warnings: [LetterWarning] {
        switch self {
        case let .inspection(reading): return reading.warnings
        case let .revisit(reading): return reading.warnings
        case let .areaReport(reading): return reading.warnings
        }
    }
}
