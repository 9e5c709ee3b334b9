/// The facts of a joint local area SEND revisit letter (2016 framework).
///
/// Everything `wsoa advance PLAN revisit --from-letter` needs: when inspectors revisited, the
/// letter's date, the dates it cites from earlier in the plan's life, each weakness as quoted
/// with its judgement, and what it says about monitoring ending. Fields are `var`s so a front
/// end can fill or override them.
public struct RevisitLetter: Hashable, Sendable {
    /// The local area, e.g. "Stockton-on-Tees".
    public var area: String
    /// The date the letter is dated.
    public var letterDate: Day
    /// The days inspectors were on site for the revisit.
    public var visit: DayRange
    /// The original inspection letter's date ("inspection report letter published on …").
    public var originalLetterDate: Day?
    /// The date the letter says the written statement of action was issued ("WSoA issued on …").
    public var statementIssued: Day?
    /// The date the statement was declared fit for purpose, where stated.
    public var fitForPurpose: Day?
    /// Each weakness as quoted, with its judgement, in the letter's order.
    public var judgements: [QuotedJudgement]
    /// The sentence about monitoring visits ceasing, verbatim, if there is one.
    public var cessation: String?
    /// Whether the letter says formal monitoring should cease (or will cease) for every weakness.
    public var monitoringCeaseRecommended: Bool
    /// Whether the letter mentions an accelerated progress plan.
    public var acceleratedProgressPlan: Bool
    /// The local authority named among the addressees.
    public var localAuthority: String?
    /// The CCG or ICB named among the addressees (an ICB from July 2022).
    public var healthPartner: String?
    /// The local area nominated officer, where the letter names one.
    public var nominatedOfficer: String?

    /// Makes the facts of a revisit letter.
    public init(area: String, letterDate: Day, visit: DayRange, originalLetterDate: Day? = nil,
                statementIssued: Day? = nil, fitForPurpose: Day? = nil, judgements: [QuotedJudgement],
                cessation: String? = nil, monitoringCeaseRecommended: Bool = false,
                acceleratedProgressPlan: Bool = false, localAuthority: String? = nil,
                healthPartner: String? = nil, nominatedOfficer: String? = nil) {
        self.area = area
        self.letterDate = letterDate
        self.visit = visit
        self.originalLetterDate = originalLetterDate
        self.statementIssued = statementIssued
        self.fitForPurpose = fitForPurpose
        self.judgements = judgements
        self.cessation = cessation
        self.monitoringCeaseRecommended = monitoringCeaseRecommended
        self.acceleratedProgressPlan = acceleratedProgressPlan
        self.localAuthority = localAuthority
        self.healthPartner = healthPartner
        self.nominatedOfficer = nominatedOfficer
    }

    /// Whether every quoted weakness was judged sufficient.
    public var allSufficient: Bool { !judgements.isEmpty && judgements.allSatisfy { $0.outcome == .sufficient } }

    /// Every fact as a labelled value, in reading order, for a dry run to print.
    ///
    /// Dates the letter does not give say "not stated"; there is one entry per judgement.
    public var summary: [(field: LetterField, value: String)] {
        func stated(_ day: Day?) -> String { day?.longDescription ?? "not stated" }
        var entries: [(field: LetterField, value: String)] = [
            (.area, area), (.letterDate, letterDate.longDescription), (.visit, visit.longDescription),
            (.originalLetterDate, stated(originalLetterDate)), (.statementIssued, stated(statementIssued)),
            (.fitForPurpose, stated(fitForPurpose)),
        ]
        entries += judgements.enumerated().map { (.judgements, "\($0.offset + 1). \($0.element.outcome.rawValue): \($0.element.quote)") }
        entries.append((.cessation, cessation.map { "\($0) (\(monitoringCeaseRecommended ? "monitoring to cease" : "monitoring continues"))" } ?? "not stated"))
        entries += [(.localAuthority, localAuthority ?? "not named"), (.healthPartner, healthPartner ?? "not named"),
                    (.nominatedOfficer, nominatedOfficer ?? "not named")]
        return entries
    }
}
