/// What someone asks to record, before it has been checked.
///
/// `Plan.decide(_:on:)` turns a command into events or refuses it; nothing is written for a
/// refused command.
public enum PlanCommand: Hashable, Sendable {
    /// Open a plan for an inspection visit.
    case create(PlanEvent.PlanCreated)
    /// Record the outcome letter.
    case publishLetter(on: Day, received: Day?, statementRequired: Bool, weaknesses: [String], note: String?)
    /// Record that the statement went to Ofsted.
    case submit(on: Day, note: String?)
    /// Record Ofsted/CQC's judgement of the statement.
    case judge(on: Day, fit: Bool, note: String?)
    /// Record a DfE/NHS England monitoring visit.
    case holdMonitoringVisit(on: Day, advisers: [String], note: String?)
    /// Record the revisit letter: weakness ids judged sufficient and insufficient.
    case reportRevisit(on: Day, visited: DayRange, sufficient: [String], insufficient: [String], note: String?)
    /// Record that DfE/NHS England ended monitoring.
    case cease(on: Day, note: String?)
}
