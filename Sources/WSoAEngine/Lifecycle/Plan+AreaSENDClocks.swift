/// The 2023 framework's deadlines (DESIGN.md §2): the strategic plan and, under widespread or
/// systemic failings, the priority action plan and the monitoring inspection, all counted from
/// the day the partnership received the final report; and the next full inspection.
///
/// Each default is an estimate with its source, and gives way to the date the partnership was
/// actually given (`wsoa advance PLAN deadline`).
extension Plan {
    /// Working days from receiving the final report to publishing the updated strategic plan.
    public static let strategicPlanWorkingDays = 30
    /// Working days from receiving the final report to submitting the priority action plan.
    public static let priorityActionPlanWorkingDays = 30
    /// Calendar months from receiving the final report to the monitoring inspection.
    public static let monitoringInspectionMonths = 18

    /// Where each default comes from, for the clock to say.
    ///
    /// `from` says what the count starts at: "receipt of the final report", or its publication
    /// when the day it was received is not recorded.
    static func defaultBasis(_ clock: ClockName, outcome: InspectionOutcome, years: Int, from: String) -> String {
        switch clock {
        case .strategicPlan:
            return "default: \(strategicPlanWorkingDays) working days from \(from) (Ofsted's area SEND framework launch, November 2022, as summarised by nasen)"
        case .priorityActionPlan:
            return "default: \(priorityActionPlanWorkingDays) working days from \(from) (Oxfordshire was asked for its plan 30 working days after its 2023 report; the handbook's own figure was not found)"
        case .monitoringInspection:
            return "default: about \(monitoringInspectionMonths) months from \(from) (Ofsted area SEND handbook; the report says 'within approximately 18 months')"
        case .nextInspection:
            return "default: about \(years) years from \(from) (the report's stated horizon for \(outcome.displayName))"
        case .statement, .monitoringVisit, .revisit, .appSubmission, .appReview, .action, .followUp:
            return ""
        }
    }

    /// The 2023 clocks as they stand at `asOf`, once the report is recorded.
    func areaSENDClocks(asOf: Day, calendar: WorkingCalendar) -> [Clock] {
        guard let published = inspection.letter, let outcome = inspection.outcome else { return [] }
        let start = inspection.received ?? published
        let from = inspection.received == nil ? "the report's publication (the day it was received is not recorded)" : "receipt of the final report"
        let years = inspection.nextInspectionYears ?? outcome.nextInspectionYears
        func clock(_ name: ClockName, _ nominal: Day, met: Day?) -> Clock {
            if let given = givenDeadlines.last(where: { $0.clock == name }) {
                return Clock(name: name, due: given.due, basis: "as given on \(given.on.longDescription)" + (given.note.map { ": \($0)" } ?? ""),
                             met: met, asOf: asOf, calendar: calendar)
            }
            // A national pause of monitoring inspections (2024–25) stops that clock as the 2020 one stopped revisits.
            let paused = NationalPause.extend(name, from: start, to: nominal, by: calendar.nationalPauses)
            return Clock(name: name, due: paused.due, estimated: true, basis: Plan.defaultBasis(name, outcome: outcome, years: years, from: from),
                         pauses: paused.pauses, met: met, asOf: asOf, calendar: calendar)
        }
        var clocks = [clock(.strategicPlan, calendar.adding(workingDays: Plan.strategicPlanWorkingDays, to: start),
                            met: strategicPlanPublications.map(\.on).min())]
        if outcome.requiresPriorityActionPlan {
            clocks.append(clock(.priorityActionPlan, calendar.adding(workingDays: Plan.priorityActionPlanWorkingDays, to: start),
                                met: submissions.min()))
            clocks.append(clock(.monitoringInspection, start.adding(months: Plan.monitoringInspectionMonths),
                                met: revisits.first?.visited.start))
        }
        clocks.append(clock(.nextInspection, start.adding(months: 12 * years), met: ceased))
        return clocks
    }

    /// Why a deadline cannot be given (rule deadline-applies), or nil.
    func deadlineNotApplying(_ set: PlanEvent.DeadlineSet) -> String? {
        guard ClockName.settable.contains(set.clock) else {
            return "only the \(ClockName.settable.map(\.displayName).joined(separator: ", ")) deadlines of a 2023 plan can be given a date"
        }
        if set.due < set.on { return "the date given, \(set.due), is before the day it was given (\(set.on))" }
        let systemic = inspection.outcome?.requiresPriorityActionPlan ?? false
        if (set.clock == .priorityActionPlan || set.clock == .monitoringInspection) && !systemic {
            return "there is no \(set.clock.displayName) after a report whose outcome is \(inspection.outcome?.displayName ?? "not recorded")"
        }
        // A date for a step already taken would rewrite how early or late it was.
        let taken: Day?
        switch set.clock {
        case .strategicPlan: taken = strategicPlanPublications.map(\.on).min()
        case .priorityActionPlan: taken = submissions.min()
        case .monitoringInspection: taken = revisits.first?.visited.start
        case .nextInspection, .statement, .monitoringVisit, .revisit, .appSubmission, .appReview, .action, .followUp: taken = nil
        }
        return taken.map { "the step was already taken on \($0.longDescription), so its deadline can no longer be given" }
    }
}
