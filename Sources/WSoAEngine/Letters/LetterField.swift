/// A fact a letter reader looks for, named so warnings and refusals can say which one.
///
/// The CLI maps each field to the option that fills or overrides it (`area` → `--area`,
/// `letterDate` → `--on`, `visit` → `--inspected` or `--visited`), so a refusal that names the
/// field tells the officer what to type.
public enum LetterField: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The local area inspected.
    case area
    /// The date the letter is dated.
    case letterDate
    /// The days inspectors were on site.
    case visit
    /// The local authority among the addressees.
    case localAuthority
    /// The CCG or ICB among the addressees.
    case healthPartner
    /// The local area nominated officer among the addressees.
    case nominatedOfficer
    /// Whether a written statement of action is required.
    case statementRequired
    /// The areas of significant weakness an inspection letter lists.
    case weaknesses
    /// The date of the original inspection outcome letter a revisit letter refers to.
    case originalLetterDate
    /// The date a revisit letter says the written statement of action was issued.
    case statementIssued
    /// The date a revisit letter says the statement was declared fit for purpose.
    case fitForPurpose
    /// A revisit letter's per-weakness judgements.
    case judgements
    /// A revisit letter's sentence about monitoring ending.
    case cessation
    /// An area SEND report's inspection outcome (2023 framework).
    case outcome
    /// An area SEND report's "Dates of previous inspection" as stated.
    case previousInspection
    /// An area SEND report's areas for priority action.
    case areasForPriorityAction
    /// An area SEND report's areas for improvement.
    case areasForImprovement
    /// An area SEND report's horizon for the next full inspection.
    case nextInspection
    /// An area SEND report's horizon for the monitoring inspection.
    case monitoringInspection

    /// The field's name in sentences, e.g. "letter date".
    public var description: String {
        switch self {
        case .area: return "area"
        case .letterDate: return "letter date"
        case .visit: return "visit dates"
        case .localAuthority: return "local authority"
        case .healthPartner: return "health partner"
        case .nominatedOfficer: return "nominated officer"
        case .statementRequired: return "written statement of action requirement"
        case .weaknesses: return "areas of significant weakness"
        case .originalLetterDate: return "original letter date"
        case .statementIssued: return "statement issued date"
        case .fitForPurpose: return "fit-for-purpose date"
        case .judgements: return "judgements"
        case .cessation: return "cessation sentence"
        case .outcome: return "inspection outcome"
        case .previousInspection: return "previous inspection"
        case .areasForPriorityAction: return "areas for priority action"
        case .areasForImprovement: return "areas for improvement"
        case .nextInspection: return "next full inspection"
        case .monitoringInspection: return "monitoring inspection"
        }
    }
}
