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
        if framework == .areaSEND2023 { return areaSENDClocks(asOf: asOf, calendar: calendar) }
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
        // National pauses of revisits (2020–21) stop this clock: it is extended by the days it overlapped.
        let revisitDue = NationalPause.extend(.revisit, from: fit, to: fit.adding(months: Plan.revisitMonths), by: calendar.nationalPauses)
        clocks.append(Clock(name: .revisit, due: revisitDue.due, estimated: fitEstimated, pauses: revisitDue.pauses,
                            met: revisit?.visited.start, asOf: asOf, calendar: calendar))
        if let deadline = acceleratedProgressPlan.deadline {
            clocks.append(Clock(name: .appSubmission, due: deadline.due, met: deadline.met, asOf: asOf, calendar: calendar))
        }
        clocks += appReviewClocks(asOf: asOf, calendar: calendar)
        return clocks
    }

    /// The formal reviews of an accelerated progress plan: after each revisit that found a
    /// weakness insufficient, the first within 6 months of its letter, then every 6 months from
    /// the letter while weaknesses remain — unless a review is held late, when the next is 6
    /// months after it. One clock per review held (met), and one more still to meet while the
    /// plan is in the APP with weaknesses left in it.
    private func appReviewClocks(asOf: Day, calendar: WorkingCalendar) -> [Clock] {
        var clocks: [Clock] = []
        for (index, revisit) in revisits.enumerated() where !revisit.allSufficient {
            let next = revisits.indices.contains(index + 1) ? revisits[index + 1].letter : nil
            var due = revisit.letter.adding(months: Plan.appReviewMonths)
            var cycle = 1
            for review in reviews where review.on >= revisit.letter && next.map({ review.on < $0 }) ?? true {
                clocks.append(Clock(name: .appReview, due: due, met: review.on, asOf: asOf, calendar: calendar))
                cycle += 1
                // Counted from the letter, so month ends do not drift; a late review moves the next on.
                due = max(revisit.letter.adding(months: Plan.appReviewMonths * cycle), review.on.adding(months: Plan.appReviewMonths))
            }
            if next == nil, phase == .acceleratedProgress, !weaknessesInAcceleratedProgressPlan.isEmpty {
                clocks.append(Clock(name: .appReview, due: due, met: nil, asOf: asOf, calendar: calendar))
            }
        }
        return clocks
    }

    /// The plan's soonest deadline not yet met at `asOf`, if any.
    public func nextDeadline(asOf: Day, calendar: WorkingCalendar) -> Clock? {
        clocks(asOf: asOf, calendar: calendar).filter { $0.state != .met }.min { $0.due < $1.due }
    }
}
