/// Corrections in the open: what an amendment or a withdrawal does to the plan, and what makes
/// one acceptable. The line corrected stays in the journal; the plan shows the corrected state.
extension Plan {
    /// Folds an amendment recorded at `line`.
    mutating func apply(_ amended: PlanEvent.RecordAmended, line: Int) {
        let changes = amended.changes
        switch amended.target {
        case let .workstream(id):
            guard let index = workstreams.firstIndex(where: { $0.id == id }) else { return }
            if let title = changes.title { workstreams[index].title = title }
            if let lead = changes.lead { workstreams[index].lead = lead }
            if let accountable = changes.accountable { workstreams[index].accountable = accountable }
            if let partners = changes.partners { workstreams[index].partners = partners }
            if let addresses = changes.addresses { workstreams[index].addresses = addresses }
        case let .action(id):
            guard let index = actionIndex(id) else { return }
            if let title = changes.title { actions[index].title = title }
            if let lead = changes.lead { actions[index].lead = lead }
        case let .measure(id):
            guard let index = measureIndex(id) else { return }
            if let title = changes.title { measures[index].title = title }
            if let unit = changes.unit { measures[index].unit = unit }
            if let baseline = changes.baseline { measures[index].baseline = baseline }
            if let target = changes.target { measures[index].target = target }
        case let .reading(id, on):
            guard let index = measureIndex(id), let value = changes.value else { return }
            measures[index].record(Reading(on: on, value: value))
        case let .evidence(id):
            guard let index = evidenceIndex(id) else { return }
            if let title = changes.title { evidence[index].title = title }
            if let on = changes.on {
                // Kept exactly as a fold from the snapshot builds it, so both plans stay equal.
                let old = evidence[index].on
                evidenceOnDay[old]?.removeAll { $0 == index }
                if evidenceOnDay[old]?.isEmpty == true { evidenceOnDay[old] = nil }
                evidence[index].on = on
                var listed = evidenceOnDay[on] ?? []
                listed.insert(index, at: listed.firstIndex { $0 > index } ?? listed.count)
                evidenceOnDay[on] = listed
            }
            if let kind = changes.kind { evidence[index].kind = kind }
            if let weaknesses = changes.weaknesses { evidence[index].weaknesses = weaknesses }
            if let source = changes.source { evidence[index].source = source }
            if let link = changes.link { evidence[index].link = link }
            if let file = changes.file {
                // A new version: the one it replaces stays in the record as an earlier version.
                if let current = evidence[index].file { evidence[index].earlierFiles.append(current) }
                evidence[index].file = file
            }
        case let .visit(id):
            guard let index = visitIndex(id) else { return }
            if let on = changes.on { redate(line: visits[index].line, to: on) }
            if let advisers = changes.advisers { visits[index].advisers = advisers }
            if let attendees = changes.attendees { visits[index].attendees = attendees }
            if let ratings = changes.ratings { visits[index].ratings = ratings }
        case let .lifecycle(target):
            if let on = changes.on { redate(line: target, to: on) }
        }
        corrections.append(Correction(kind: .amended, target: amended.target, on: amended.on, subject: subject(amended.target),
                                      fields: changes.fieldNames, changes: changes.descriptions, reason: amended.reason, line: line))
    }

    /// Folds a withdrawal recorded at `line`.
    mutating func apply(_ withdrawal: PlanEvent.RecordWithdrawn, line: Int) {
        switch withdrawal.target {
        case let .action(id):
            if let index = actionIndex(id) { actions[index].withdrawn = withdrawal.on }
        case let .evidence(id):
            if let index = evidenceIndex(id) { evidence[index].withdrawn = withdrawal.on }
        case let .visit(id):
            if let index = visitIndex(id) { withdrawLifecycle(line: visits[index].line, on: withdrawal.on) }
        case let .lifecycle(target):
            withdrawLifecycle(line: target, on: withdrawal.on)
        case .workstream, .measure, .reading:
            // Refused by the rule correctable-record; nothing to fold.
            return
        }
        corrections.append(Correction(kind: .withdrawn, target: withdrawal.target, on: withdrawal.on, subject: subject(withdrawal.target),
                                      fields: [], changes: [], reason: withdrawal.reason, line: line))
    }

    /// What a correction names, for people: a lifecycle line says what event it holds.
    private func subject(_ target: RecordTarget) -> String {
        guard case let .lifecycle(line) = target, let entry = lifecycle.first(where: { $0.line == line }) else { return target.description }
        return "line \(line) (\(entry.type.words))"
    }

    /// Moves the lifecycle event at journal line `line` to `day`, in the log and in the fact it set.
    private mutating func redate(line: Int, to day: Day) {
        guard let entry = lifecycle.firstIndex(where: { $0.line == line }) else { return }
        lifecycle[entry].on = day
        // A corrected date is the date as now known, no longer an estimate.
        estimatedDates.remove("\(line):on")
        switch lifecycle[entry].type {
        case .letterPublished, .reportPublished:
            inspection.letter = day
        case .statementSubmitted, .priorityActionPlanSubmitted:
            // 2023's priority action plan keeps its submissions and Ofsted's responses where the statement's are kept.
            let type = lifecycle[entry].type
            let standing = lifecycle[..<entry].filter { $0.type == type && !$0.withdrawn }.count
            if submissions.indices.contains(standing) { submissions[standing] = day }
        case .statementJudged, .priorityActionPlanJudged:
            if let index = judgements.firstIndex(where: { $0.line == line }) { judgements[index].on = day }
        case .monitoringVisitHeld:
            if let index = visits.firstIndex(where: { $0.line == line }) { visits[index].on = day }
        case .revisitReported, .monitoringInspectionReported:
            if let index = revisits.firstIndex(where: { $0.line == line }) { revisits[index].letter = day }
            settleJudgements()
        case .progressReviewHeld:
            if let index = reviews.firstIndex(where: { $0.line == line }) { reviews[index].on = day }
            settleJudgements()
        case .monitoringCeased:
            ceased = day
            redateReleases(line: line, to: day)
        case .weaknessesReleased:
            redateReleases(line: line, to: day)
            if phase == .closed, lifecycle.last(where: { !$0.withdrawn })?.line == line { ceased = day }
        case .appRequested, .appSubmitted, .appJudged, .appPublished:
            if let index = acceleratedProgressPlan.steps.firstIndex(where: { $0.line == line }) { acceleratedProgressPlan.steps[index].on = day }
        case .escalationIssued, .revisitDirected:
            if let index = escalations.firstIndex(where: { $0.line == line }) { escalations[index].on = day }
        case .strategicPlanPublished:
            if let index = strategicPlanPublications.firstIndex(where: { $0.line == line }) { strategicPlanPublications[index].on = day }
        case .deadlineSet:
            if let index = givenDeadlines.firstIndex(where: { $0.line == line }) { givenDeadlines[index].on = day }
        case .planCreated, .partnerRenamed, .workstreamAdded, .actionAdded, .actionUpdated, .actionRetargeted, .measureAdded,
             .measureRecorded, .evidenceAdded, .followUpAdded, .followUpClosed, .recordAmended, .recordWithdrawn, .lineSetAside:
            return
        }
        recountLifecycleDays()
    }

    /// Withdraws the lifecycle event at journal line `line`: a visit simply stops counting; any
    /// other (always the latest standing one) is undone and the plan returns to its phase before.
    private mutating func withdrawLifecycle(line: Int, on day: Day) {
        guard let entry = lifecycle.firstIndex(where: { $0.line == line }) else { return }
        lifecycle[entry].withdrawn = true
        switch lifecycle[entry].type {
        case .letterPublished, .reportPublished:
            inspection = Inspection(visit: inspection.visit)
            weaknesses = []
        case .statementSubmitted, .priorityActionPlanSubmitted:
            if !submissions.isEmpty { submissions.removeLast() }
        case .statementJudged, .priorityActionPlanJudged:
            judgements.removeAll { $0.line == line }
        case .monitoringVisitHeld:
            // A visit leaves the phase as it was, and one withdrawn need not be the latest.
            if let index = visits.firstIndex(where: { $0.line == line }) { visits[index].withdrawn = day }
            recountLifecycleDays()
            return
        case .revisitReported, .monitoringInspectionReported:
            revisits.removeAll { $0.line == line }
            settleJudgements()
        case .progressReviewHeld:
            reviews.removeAll { $0.line == line }
            settleJudgements()
        case .monitoringCeased:
            ceased = nil
            unrelease(line: line)
        case .weaknessesReleased:
            unrelease(line: line)
            // Only the latest lifecycle event is withdrawn, so a release that closed the plan was its end.
            if lifecycle[entry].phaseBefore != .closed, phase == .closed { ceased = nil }
        case .appRequested, .appSubmitted, .appJudged, .appPublished:
            acceleratedProgressPlan.steps.removeAll { $0.line == line }
        case .escalationIssued, .revisitDirected:
            escalations.removeAll { $0.line == line }
        case .strategicPlanPublished:
            strategicPlanPublications.removeAll { $0.line == line }
        case .deadlineSet:
            givenDeadlines.removeAll { $0.line == line }
        case .planCreated, .partnerRenamed, .workstreamAdded, .actionAdded, .actionUpdated, .actionRetargeted, .measureAdded,
             .measureRecorded, .evidenceAdded, .followUpAdded, .followUpClosed, .recordAmended, .recordWithdrawn, .lineSetAside:
            return
        }
        phase = lifecycle[entry].phaseBefore
        recountLifecycleDays()
    }

    /// Moves the releases recorded at journal line `line` to `day`.
    private mutating func redateReleases(line: Int, to day: Day) {
        for index in weaknesses.indices where weaknesses[index].released?.line == line { weaknesses[index].released?.on = day }
    }

    /// Undoes the releases recorded at journal line `line`: those weaknesses are monitored again.
    private mutating func unrelease(line: Int) {
        for index in weaknesses.indices where weaknesses[index].released?.line == line { weaknesses[index].released = nil }
    }

    /// The last lifecycle day and event, worked out again from the standing entries.
    private mutating func recountLifecycleDays() {
        lifecycleDays = LifecycleDays(visitEnd: inspection.visit.end)
        for entry in lifecycle where !entry.withdrawn { lifecycleDays.record(entry.type, on: entry.on) }
    }
}

extension Plan {
    /// Why a correction cannot be made as asked (rule correctable-record), or nil: what it
    /// names exists and still stands, an amendment changes something and only what that kind
    /// of record has, and only the latest lifecycle event can be withdrawn.
    func uncorrectable(_ event: PlanEvent) -> String? {
        switch event {
        case let .recordAmended(amended):
            let given = amended.changes.fieldNames
            if given.isEmpty { return "an amendment of \(amended.target.description) must change at least one thing" }
            let allowed = Amendment.fields(for: amended.target)
            if let foreign = given.first(where: { !allowed.contains($0) }) {
                return "\(amended.target.description) has no \(foreign) to amend (it has \(allowed.joined(separator: ", ")))"
            }
            return withdrawnOrMissing(amended.target) ?? unrevisable(amended)
        case let .recordWithdrawn(withdrawal):
            switch withdrawal.target {
            case .workstream, .measure, .reading:
                return "a \(withdrawal.target.item) cannot be withdrawn; amend it instead"
            case .action, .evidence, .visit:
                return withdrawnOrMissing(withdrawal.target)
            case let .lifecycle(line):
                if let problem = withdrawnOrMissing(withdrawal.target) { return problem }
                guard let latest = lifecycle.last(where: { !$0.withdrawn }), latest.line != line else { return nil }
                return "only the latest lifecycle event can be withdrawn, and that is line \(latest.line) (\(latest.type.words) on \(latest.on))"
            }
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld, .revisitReported,
             .monitoringCeased, .partnerRenamed, .workstreamAdded, .actionAdded, .actionUpdated, .actionRetargeted, .measureAdded,
             .measureRecorded, .evidenceAdded, .followUpAdded, .followUpClosed, .weaknessesReleased, .appRequested, .appSubmitted, .appJudged, .appPublished, .progressReviewHeld, .escalationIssued, .revisitDirected, .reportPublished, .strategicPlanPublished, .priorityActionPlanSubmitted, .priorityActionPlanJudged, .monitoringInspectionReported, .deadlineSet, .lineSetAside:
            return nil
        }
    }

    /// Why an amendment cannot give evidence a new version of its file, or nil: the evidence
    /// must have a file to revise (evidence recorded with a link gets its file as new
    /// evidence), and the new version must differ from the current one.
    private func unrevisable(_ amended: PlanEvent.RecordAmended) -> String? {
        guard let revised = amended.changes.file, case let .evidence(id) = amended.target, let index = evidenceIndex(id) else { return nil }
        guard let current = evidence[index].file else {
            return "\(id) has no file to revise (it was recorded without one); record the file as new evidence"
        }
        if revised.sha256 == current.sha256 && revised.copied == current.copied {
            return "the file is the same as \(id)'s current version (version \(evidence[index].fileVersion ?? 1), SHA-256 \(current.shortHash)…), so there is nothing to revise"
        }
        return nil
    }

    /// Why `target` cannot be corrected because it is not there to correct, or nil.
    private func withdrawnOrMissing(_ target: RecordTarget) -> String? {
        switch target {
        case .action, .evidence, .visit:
            // What a reference to it says: missing, or withdrawn on a day (rule known-reference's words).
            for reference in target.references {
                if let problem = missing(reference) { return problem }
            }
        case let .reading(id, on):
            if let index = measureIndex(id), !measures[index].readings.contains(where: { $0.on == on }) {
                return "\(id) has no reading on \(on) to correct (record one with 'wsoa measure record')"
            }
        case let .lifecycle(line):
            guard let entry = lifecycle.first(where: { $0.line == line }) else {
                return "line \(line) is not a lifecycle event that can be corrected (the letter, a submission, a judgement, a visit, the revisit, a step of the accelerated progress plan, a release, an escalation or the cessation)"
            }
            if entry.withdrawn { return "line \(line) (\(entry.type.words)) was withdrawn" }
        case .workstream, .measure:
            break
        }
        return nil
    }

    /// Why the plan, once `event` (a correction) is folded in, would no longer hold together
    /// (rule correction-keeps-record), naming the lines it would contradict; or nil. (A
    /// corrected date in the future is the rule not-in-future's.)
    func correctionBreaksRecord(_ event: PlanEvent) -> String? {
        let target: RecordTarget
        switch event {
        case let .recordAmended(amended): target = amended.target
        case let .recordWithdrawn(withdrawal): target = withdrawal.target
        case .planCreated, .letterPublished, .statementSubmitted, .statementJudged, .monitoringVisitHeld, .revisitReported,
             .monitoringCeased, .partnerRenamed, .workstreamAdded, .actionAdded, .actionUpdated, .actionRetargeted, .measureAdded,
             .measureRecorded, .evidenceAdded, .followUpAdded, .followUpClosed, .weaknessesReleased, .appRequested, .appSubmitted, .appJudged, .appPublished, .progressReviewHeld, .escalationIssued, .revisitDirected, .reportPublished, .strategicPlanPublished, .priorityActionPlanSubmitted, .priorityActionPlanJudged, .monitoringInspectionReported, .deadlineSet, .lineSetAside:
            return nil
        }
        if case .recordWithdrawn = event, let dependants = followUpsDepending(on: target) {
            return dependants
        }
        if case .recordWithdrawn = event, case let .lifecycle(line) = target,
           let type = lifecycle.first(where: { $0.line == line })?.type, type == .letterPublished || type == .reportPublished,
           !workstreams.isEmpty {
            return "the workstreams \(workstreams.map(\.id).joined(separator: ", ")) were added under the \(type == .letterPublished ? "letter's weaknesses" : "report's areas")"
        }
        var corrected = self
        corrected.apply(event, line: Int.max)
        return corrected.inconsistency
    }

    /// The follow-ups agreed at a visit, or closed by evidence, that `target` names, said as a
    /// refusal; nil when none depend on it.
    private func followUpsDepending(on target: RecordTarget) -> String? {
        switch target {
        case let .visit(id):
            let agreed = followUps.filter { $0.visit == id }.map(\.id)
            return agreed.isEmpty ? nil : "the follow-ups \(agreed.joined(separator: ", ")) were agreed at \(id)"
        case let .lifecycle(line):
            guard let visit = visits.first(where: { $0.line == line }) else { return nil }
            return followUpsDepending(on: .visit(visit.id))
        case let .evidence(id):
            let closed = followUps.filter { $0.closedBy == id }.map(\.id)
            return closed.isEmpty ? nil : "the follow-ups \(closed.joined(separator: ", ")) were closed by \(id)"
        case .workstream, .action, .measure, .reading:
            return nil
        }
    }

    /// What no longer holds together in this plan, or nil: lifecycle dates out of order, a
    /// letter before the visit, a revisit before fit for purpose, a target before its baseline,
    /// a workstream addressing nothing or a weakness twice.
    private var inconsistency: String? {
        let standing = lifecycle.filter { !$0.withdrawn }
        if let first = standing.first, first.type == .letterPublished || first.type == .reportPublished, first.on < inspection.visit.end {
            return "the \(first.type == .letterPublished ? "letter" : "report") would be dated \(first.on), before the inspection visit ended on \(inspection.visit.end)"
        }
        if let report = standing.first(where: { $0.type == .reportPublished }),
           let early = standing.first(where: { $0.type == .strategicPlanPublished && $0.on < report.on }) {
            return "line \(early.line) (\(early.type.words) on \(early.on)) would come before the report (line \(report.line), \(report.on))"
        }
        // Each entry against the latest earlier one its track follows (a visit and a decision need not be in order).
        var latest: [LifecycleTrack: LifecycleEntry] = [:]
        for later in standing {
            let track = later.type.lifecycleTrack
            if let earlier = latest.values.filter({ track.follows($0.type.lifecycleTrack) }).max(by: { $0.on < $1.on }), later.on < earlier.on {
                return "line \(later.line) (\(later.type.words) on \(later.on)) would come before line \(earlier.line) (\(earlier.type.words) on \(earlier.on))"
            }
            if latest[track].map({ later.on >= $0.on }) ?? true { latest[track] = later }
        }
        // A further revisit comes after the Secretary of State directed it.
        for (index, revisit) in revisits.enumerated().dropFirst() {
            guard let direction = escalations.last(where: { $0.kind == .revisitDirected && $0.line < revisit.line && $0.line > revisits[index - 1].line }),
                  revisit.visited.start < direction.on else { continue }
            return "the further revisit would start on \(revisit.visited.start), before the Secretary of State directed it on \(direction.on)"
        }
        let visitDays = standingVisits.map(\.on)
        if let twice = visitDays.enumerated().first(where: { visitDays[..<$0.offset].contains($0.element) }) {
            let both = standingVisits.filter { $0.on == twice.element }.map(\.id)
            return "\(both.joined(separator: " and ")) would both be on \(twice.element); a plan has one monitoring visit a day"
        }
        if let revisit, let fit = fitForPurpose, revisit.visited.start < fit {
            return "the revisit started on \(revisit.visited.start), before the statement would be judged fit for purpose on \(fit)"
        }
        for measure in measures {
            let kind = MeasureUnit(measure.unit)
            let values = [("baseline", measure.baseline.value), ("target", measure.target.value)] + measure.readings.map { ("reading of \($0.on)", $0.value) }
            for (name, value) in values {
                if let problem = kind.problem(with: value, unit: measure.unit) { return "\(measure.id)'s \(name): \(problem)" }
            }
        }
        if let measure = measures.first(where: { $0.target.on <= $0.baseline.on }) {
            return "\(measure.id)'s target date \(measure.target.on) would not be after its baseline date \(measure.baseline.on)"
        }
        for workstream in workstreams {
            if workstream.addresses.isEmpty { return "the workstream '\(workstream.id)' would address no weakness" }
            if Set(workstream.addresses).count < workstream.addresses.count {
                return "the workstream '\(workstream.id)' would address a weakness more than once"
            }
        }
        return nil
    }
}
