extension Plan {
    /// Working days the area has to write its statement, from receiving the report.
    public static let statementWorkingDays = 70
    /// Calendar months between monitoring visits (quarterly).
    public static let monitoringIntervalMonths = 3
    /// Calendar months from fit for purpose to the expected revisit.
    public static let revisitMonths = 18
    /// Calendar months from the revisit letter to the APP's formal review.
    public static let appReviewMonths = 6

    /// The plan's deadlines as they stand at `asOf`, in the order they arise.
    ///
    /// A clock appears once the event that starts it is recorded, and stays (as met) once done,
    /// so the board sees how early or late each step was.
    public func clocks(asOf: Day, calendar: WorkingCalendar) -> [Clock] {
        var clocks: [Clock] = []
        if let letter = inspection.letter, inspection.statementRequired == true {
            let start = inspection.received ?? letter
            clocks.append(Clock(name: .statement, due: calendar.adding(workingDays: Plan.statementWorkingDays, to: start),
                                estimated: inspection.received == nil || isEstimated(line: lifecycleLine(of: .letterPublished) ?? 0, "received"),
                                met: submissions.first,
                                asOf: asOf, calendar: calendar))
        }
        guard let fit = fitForPurpose else { return clocks }
        if phase == .monitoring || phase == .acceleratedProgress {
            // Quarterly from fit for purpose, then from each visit; an accelerated progress plan
            // starts its own cycle at the revisit letter.
            let cycleStart = phase == .acceleratedProgress ? max(fit, revisit?.letter ?? fit) : fit
            let last = max(standingVisits.last?.on ?? cycleStart, cycleStart)
            clocks.append(Clock(name: .monitoringVisit, due: last.adding(months: Plan.monitoringIntervalMonths),
                                met: nil, asOf: asOf, calendar: calendar))
        }
        let fitEstimated = judgements.first(where: \.fit).map { isEstimated(line: $0.line, "on") } ?? false
        clocks.append(Clock(name: .revisit, due: fit.adding(months: Plan.revisitMonths), estimated: fitEstimated,
                            met: revisit?.visited.start, asOf: asOf, calendar: calendar))
        if let revisit, !revisit.allSufficient {
            let review = standingVisits.first { $0.on >= revisit.letter }?.on ?? ceased
            clocks.append(Clock(name: .appReview, due: revisit.letter.adding(months: Plan.appReviewMonths),
                                met: review, asOf: asOf, calendar: calendar))
        }
        return clocks
    }

    /// The plan's soonest deadline not yet met at `asOf`, if any.
    public func nextDeadline(asOf: Day, calendar: WorkingCalendar) -> Clock? {
        clocks(asOf: asOf, calendar: calendar).filter { $0.state != .met }.min { $0.due < $1.due }
    }
}
