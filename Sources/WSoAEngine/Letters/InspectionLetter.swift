/// The facts of a joint local area SEND inspection outcome letter (2016 framework).
///
/// Everything `wsoa new --from-letter` needs to open a plan and record its letter: who was
/// inspected and when, who the letter went to, whether a written statement of action is
/// required, and each area of significant weakness exactly as the letter words it (the revisit
/// will quote that wording back). Fields are `var`s so a front end can fill or override them.
public struct InspectionLetter: Hashable, Sendable {
    /// The local area, e.g. "Redcar and Cleveland".
    public var area: String
    /// The date the letter is dated (its publication date).
    public var letterDate: Day
    /// The days inspectors were on site.
    public var visit: DayRange
    /// The local authority named among the addressees, e.g. "Redcar and Cleveland Borough Council".
    public var localAuthority: String?
    /// The CCG or ICB named among the addressees, e.g. "South Tees Clinical Commissioning Group".
    public var healthPartner: String?
    /// The local area nominated officer, where the letter names one.
    public var nominatedOfficer: String?
    /// Whether the letter requires a written statement of action.
    public var statementRequired: Bool
    /// Each area of significant weakness, verbatim, in the letter's order (empty when no
    /// statement is required).
    public var weaknesses: [String]

    /// Makes the facts of an inspection letter.
    public init(area: String, letterDate: Day, visit: DayRange, localAuthority: String? = nil,
                healthPartner: String? = nil, nominatedOfficer: String? = nil,
                statementRequired: Bool, weaknesses: [String]) {
        self.area = area
        self.letterDate = letterDate
        self.visit = visit
        self.localAuthority = localAuthority
        self.healthPartner = healthPartner
        self.nominatedOfficer = nominatedOfficer
        self.statementRequired = statementRequired
        self.weaknesses = weaknesses
    }

    /// The partners as a plan records them.
    public var partners: Partners { Partners(la: localAuthority, health: healthPartner) }

    /// The weaknesses numbered `W1…` in the letter's order, open and monitored, as a new plan holds them.
    public var numberedWeaknesses: [Weakness] {
        weaknesses.enumerated().map { Weakness(id: "W\($0.offset + 1)", statement: $0.element) }
    }

    /// Every fact as a labelled value, in reading order, for a dry run to print.
    ///
    /// Facts the letter does not give say so ("not named") rather than being left out, so an
    /// officer sees what will be recorded blank; there is one entry per weakness.
    public var summary: [(field: LetterField, value: String)] {
        var entries: [(field: LetterField, value: String)] = [
            (.area, area), (.letterDate, letterDate.longDescription), (.visit, visit.longDescription),
            (.localAuthority, localAuthority ?? "not named"), (.healthPartner, healthPartner ?? "not named"),
            (.nominatedOfficer, nominatedOfficer ?? "not named"),
            (.statementRequired, statementRequired ? "required" : "not required"),
        ]
        entries += numberedWeaknesses.map { (.weaknesses, "\($0.id): \($0.statement)") }
        return entries
    }
}
