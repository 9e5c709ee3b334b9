/// Facts the user gives alongside a letter, which the reader uses instead of reading them.
///
/// The CLI fills this from `--area`, `--on`, `--inspected`/`--visited`, `--la`, `--health`,
/// `--wsoa`/`--no-wsoa` and `--weakness`; an area SEND report reads only `area`, `visit` and
/// `outcome` from it. A field given here is never refused as missing, so an
/// officer can complete a letter the reader cannot fully read; where the letter says something
/// different, the reading carries a warning that names both values.
public struct LetterOverrides: Hashable, Sendable {
    /// The local area's name.
    public var area: String?
    /// The letter's date.
    public var letterDate: Day?
    /// The days inspectors were on site.
    public var visit: DayRange?
    /// The local authority.
    public var localAuthority: String?
    /// The CCG or ICB.
    public var healthPartner: String?
    /// The local area nominated officer.
    public var nominatedOfficer: String?
    /// Whether a written statement of action is required (inspection letters only).
    public var statementRequired: Bool?
    /// The areas of significant weakness, verbatim (inspection letters only).
    public var weaknesses: [String]?
    /// The inspection outcome (area SEND reports only).
    public var outcome: InspectionOutcome?

    /// Makes a set of overrides; every field defaults to "read it from the letter".
    public init(area: String? = nil, letterDate: Day? = nil, visit: DayRange? = nil,
                localAuthority: String? = nil, healthPartner: String? = nil, nominatedOfficer: String? = nil,
                statementRequired: Bool? = nil, weaknesses: [String]? = nil, outcome: InspectionOutcome? = nil) {
        self.area = area
        self.letterDate = letterDate
        self.visit = visit
        self.localAuthority = localAuthority
        self.healthPartner = healthPartner
        self.nominatedOfficer = nominatedOfficer
        self.statementRequired = statementRequired
        self.weaknesses = weaknesses
        self.outcome = outcome
    }
}
