/// One judgement of a weakness: sufficient or not, on a day, at a revisit or a formal review.
public struct WeaknessJudgement: Hashable, Sendable {
    /// Where a weakness is judged.
    public enum Occasion: String, Hashable, Sendable {
        /// Ofsted/CQC's revisit (the day is the letter's).
        case revisit
        /// A further revisit the Secretary of State directed (the day is the letter's).
        case furtherRevisit
        /// DfE/NHS England's formal review of the accelerated progress plan.
        case review
        /// Ofsted/CQC's monitoring inspection under the 2023 framework (the day is the letter's).
        case monitoringInspection

        /// "the revisit", "the formal review": words for people.
        public var words: String {
            switch self {
            case .revisit: return "the revisit"
            case .furtherRevisit: return "the further revisit"
            case .review: return "the formal review"
            case .monitoringInspection: return "the monitoring inspection"
            }
        }
    }

    /// Sufficient or insufficient progress.
    public let outcome: WeaknessOutcome
    /// The revisit letter's date, or the review's.
    public internal(set) var on: Day
    /// A revisit or a formal review.
    public let occasion: Occasion
    /// The journal line that recorded it.
    public let line: Int

    /// "sufficient at the revisit (letter of 25 February 2022)": the judgement in words.
    public var description: String {
        let what = outcome == .sufficient ? "sufficient progress" : "not sufficient progress"
        switch occasion {
        case .monitoringInspection:
            return "\(outcome == .sufficient ? "effective action" : "effective action not taken") at the monitoring inspection (letter of \(on.longDescription))"
        case .revisit, .furtherRevisit: return "\(what) at \(occasion.words) (letter of \(on.longDescription))"
        case .review: return "\(what) at the formal review on \(on.longDescription)"
        }
    }
}
