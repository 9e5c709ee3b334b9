/// The plan in a snapshot: every stored property of `Plan` and its parts, in declaration order.
///
/// A test folds random plans, writes and reads each, and requires the plan read back to equal
/// the one written (`Plan` is `Hashable`, so every property counts): a property added to the
/// model but not here fails it. `Snapshot.version` changes with any change to this encoding.
extension Plan {
    func write(to out: inout SnapshotWriter) {
        out.write(id)
        out.write(area)
        out.write(framework)
        out.write(phase)
        out.write(inspection.visit)
        out.write(inspection.letter) { $0.write($1) }
        out.write(inspection.received) { $0.write($1) }
        out.write(inspection.statementRequired) { $0.write($1) }
        out.write(inspection.outcome) { $0.write($1) }
        out.write(inspection.previousInspection) { $0.write($1) }
        out.write(inspection.nextInspectionYears) { $0.write($1) }
        out.write(partners.la) { $0.write($1) }
        out.write(partners.health) { $0.write($1) }
        out.write(partners.renames) { out, rename in
            out.write(rename.role)
            out.write(rename.name)
            out.write(rename.on)
        }
        out.write(weaknesses) { out, weakness in
            out.write(weakness.id)
            out.write(weakness.statement)
            out.write(weakness.partner) { $0.write($1) }
            out.write(weakness.judged) { out, judged in
                out.write(judged.outcome)
                out.write(judged.on)
                out.write(judged.occasion)
                out.write(judged.line)
            }
            out.write(weakness.released) { out, released in
                out.write(released.on)
                out.write(released.line)
                out.write(released.note) { $0.write($1) }
                out.write(released.byCessation)
            }
        }
        out.write(submissions) { $0.write($1) }
        out.write(judgements) { out, judgement in
            out.write(judgement.on)
            out.write(judgement.fit)
            out.write(judgement.note) { $0.write($1) }
            out.write(judgement.line)
        }
        out.write(givenDeadlines) { out, deadline in
            out.write(deadline.clock)
            out.write(deadline.due)
            out.write(deadline.on)
            out.write(deadline.note) { $0.write($1) }
            out.write(deadline.line)
        }
        out.write(strategicPlanPublications) { out, publication in
            out.write(publication.on)
            out.write(publication.link) { $0.write($1) }
            out.write(publication.note) { $0.write($1) }
            out.write(publication.line)
        }
        out.write(visits) { out, visit in
            out.write(visit.number)
            out.write(visit.on)
            out.write(visit.advisers) { $0.write($1) }
            out.write(visit.attendees) { out, attendee in
                out.write(attendee.name)
                out.write(attendee.role) { $0.write($1) }
            }
            out.write(visit.ratings.sorted { $0.key < $1.key }) { out, rating in
                out.write(rating.key)
                out.write(rating.value)
            }
            out.write(visit.followUps) { $0.write($1) }
            out.write(visit.note) { $0.write($1) }
            out.write(visit.line)
            out.write(visit.withdrawn) { $0.write($1) }
        }
        out.write(workstreams) { out, workstream in
            out.write(workstream.id)
            out.write(workstream.title)
            out.write(workstream.lead) { $0.write($1) }
            out.write(workstream.accountable) { $0.write($1) }
            out.write(workstream.partners) { $0.write($1) }
            out.write(workstream.addresses) { $0.write($1) }
        }
        out.write(actions) { out, action in
            out.write(action.id)
            out.write(action.workstream)
            out.write(action.title)
            out.write(action.lead) { $0.write($1) }
            out.write(action.added)
            out.write(action.originalDue)
            out.write(action.due)
            out.write(action.status)
            out.write(action.completed) { $0.write($1) }
            out.write(action.lastReported) { $0.write($1) }
            out.write(action.retargets) { out, retarget in
                out.write(retarget.on)
                out.write(retarget.from)
                out.write(retarget.to)
                out.write(retarget.reason)
                out.write(retarget.agreedWith) { $0.write($1) }
                out.write(retarget.line)
            }
            out.write(action.withdrawn) { $0.write($1) }
        }
        out.write(measures) { out, measure in
            out.write(measure.id)
            out.write(measure.workstream)
            out.write(measure.title)
            out.write(measure.unit)
            out.write(measure.direction)
            out.write(measure.baseline)
            out.write(measure.national) { $0.write($1) }
            out.write(measure.target)
            out.write(measure.readings) { $0.write($1) }
        }
        out.write(evidence) { $0.write($1) }
        out.write(revisits) { out, revisit in
            out.write(revisit.visited)
            out.write(revisit.letter)
            out.write(revisit.outcomes)
            out.write(revisit.line)
        }
        out.write(reviews) { out, review in
            out.write(review.on)
            out.write(review.outcomes)
            out.write(review.note) { $0.write($1) }
            out.write(review.line)
        }
        out.write(acceleratedProgressPlan.steps) { out, step in
            switch step.kind {
            case let .requested(due):
                out.write("requested")
                out.write(due)
            case let .submitted(due):
                out.write("submitted")
                out.write(due) { $0.write($1) }
            case .accepted: out.write("accepted")
            case .returned: out.write("returned")
            case let .published(link):
                out.write("published")
                out.write(link)
            }
            out.write(step.on)
            out.write(step.note) { $0.write($1) }
            out.write(step.line)
        }
        out.write(escalations) { out, escalation in
            switch escalation.kind {
            case let .issued(kind): out.write(kind.rawValue)
            case .revisitDirected: out.write("revisitDirected")
            }
            out.write(escalation.on)
            out.write(escalation.issuer)
            out.write(escalation.link) { $0.write($1) }
            out.write(escalation.note) { $0.write($1) }
            out.write(escalation.line)
        }
        out.write(ceased) { $0.write($1) }
        out.write(lifecycleDays.main.day)
        out.write(lifecycleDays.main.event)
        for latest in [lifecycleDays.visit, lifecycleDays.decision, lifecycleDays.publication] {
            out.write(latest) { out, latest in
                out.write(latest.day)
                out.write(latest.event)
            }
        }
        out.write(lifecycle) { out, entry in
            out.write(entry.line)
            out.write(entry.type)
            out.write(entry.on)
            out.write(entry.phaseBefore)
            out.write(entry.withdrawn)
        }
        out.write(followUps) { out, followUp in
            out.write(followUp.id)
            out.write(followUp.visit)
            out.write(followUp.title)
            out.write(followUp.owner)
            out.write(followUp.due)
            out.write(followUp.agreed)
            out.write(followUp.line)
            out.write(followUp.closed) { $0.write($1) }
            out.write(followUp.closedBy) { $0.write($1) }
            out.write(followUp.closingNote) { $0.write($1) }
        }
        out.write(estimatedDates.sorted()) { $0.write($1) }
        out.write(corrections) { out, correction in
            out.write(correction.kind)
            out.write(correction.target)
            out.write(correction.on)
            out.write(correction.subject)
            out.write(correction.fields) { $0.write($1) }
            out.write(correction.changes) { $0.write($1) }
            out.write(correction.reason)
            out.write(correction.line)
        }
    }

    init(from input: inout SnapshotReader) throws {
        id = try input.string()
        area = try input.string()
        framework = try input.value(Framework.self)
        phase = try input.value(Phase.self)
        inspection = Inspection(visit: try input.dayRange(), letter: try input.optional { try $0.day() },
                                received: try input.optional { try $0.day() }, statementRequired: try input.optional { try $0.bool() })
        inspection.outcome = try input.optional { try $0.value(InspectionOutcome.self) }
        inspection.previousInspection = try input.optional { try $0.string() }
        inspection.nextInspectionYears = try input.optional { try $0.int() }
        partners = Partners(la: try input.optional { try $0.string() }, health: try input.optional { try $0.string() })
        partners.renames = try input.list { input in
            PartnerRename(role: try input.value(PartnerRole.self), name: try input.string(), on: try input.day())
        }
        weaknesses = try input.list { input in
            var weakness = Weakness(id: try input.string(), statement: try input.string(), partner: try input.optional { try $0.string() })
            weakness.judged = try input.optional { input in
                WeaknessJudgement(outcome: try input.value(WeaknessOutcome.self), on: try input.day(),
                                  occasion: try input.value(WeaknessJudgement.Occasion.self), line: try input.int())
            }
            weakness.released = try input.optional { input in
                WeaknessRelease(on: try input.day(), line: try input.int(), note: try input.optional { try $0.string() },
                                byCessation: try input.bool())
            }
            return weakness
        }
        submissions = try input.list { try $0.day() }
        judgements = try input.list { input in
            Judgement(on: try input.day(), fit: try input.bool(), note: try input.optional { try $0.string() }, line: try input.int())
        }
        givenDeadlines = try input.list { input in
            GivenDeadline(clock: try input.value(ClockName.self), due: try input.day(), on: try input.day(),
                          note: try input.optional { try $0.string() }, line: try input.int())
        }
        strategicPlanPublications = try input.list { input in
            StrategicPlanPublication(on: try input.day(), link: try input.optional { try $0.string() },
                                     note: try input.optional { try $0.string() }, line: try input.int())
        }
        visits = try input.list { input in
            MonitoringVisit(number: try input.int(), on: try input.day(), advisers: try input.list { try $0.string() },
                            attendees: try input.list { Attendee(name: try $0.string(), role: try $0.optional { try $0.string() }) },
                            ratings: Dictionary(try input.list { (try $0.string(), try $0.value(Rating.self)) }, uniquingKeysWith: { $1 }),
                            followUps: try input.list { try $0.string() }, note: try input.optional { try $0.string() },
                            line: try input.int(), withdrawn: try input.optional { try $0.day() })
        }
        workstreams = try input.list { input in
            Workstream(id: try input.string(), title: try input.string(), lead: try input.optional { try $0.string() },
                       accountable: try input.optional { try $0.string() },
                       partners: try input.list { try $0.value(LeadPartner.self) }, addresses: try input.list { try $0.string() })
        }
        actions = try input.list { input in
            var action = ActionItem(id: try input.string(), workstream: try input.string(), title: try input.string(),
                                    lead: try input.optional { try $0.string() }, added: try input.day(), due: try input.day())
            action.due = try input.day()
            action.status = try input.value(ActionStatus.self)
            action.completed = try input.optional { try $0.day() }
            action.lastReported = try input.optional { try $0.day() }
            action.retargets = try input.list { input in
                ActionItem.Retarget(on: try input.day(), from: try input.day(), to: try input.day(), reason: try input.string(),
                                    agreedWith: try input.optional { try $0.string() }, line: try input.int())
            }
            action.withdrawn = try input.optional { try $0.day() }
            return action
        }
        measures = try input.list { input in
            var measure = Measure(id: try input.string(), workstream: try input.string(), title: try input.string(),
                                  unit: try input.string(), direction: try input.value(MeasureDirection.self),
                                  baseline: try input.reading(), national: try input.optional { try $0.double() },
                                  target: try input.reading())
            measure.readings = try input.list { try $0.reading() }
            return measure
        }
        let evidence = try input.list { try $0.evidence() }
        self.evidence = evidence
        evidenceOnDay = Dictionary(grouping: evidence.indices) { evidence[$0].on }
        revisits = try input.list { input in
            Revisit(visited: try input.dayRange(), letter: try input.day(), outcomes: try input.outcomes(), line: try input.int())
        }
        reviews = try input.list { input in
            ProgressReview(on: try input.day(), outcomes: try input.outcomes(), note: try input.optional { try $0.string() },
                           line: try input.int())
        }
        acceleratedProgressPlan.steps = try input.list { input in
            let kind: AcceleratedProgressPlan.Step.Kind
            switch try input.string() {
            case "requested": kind = .requested(due: try input.day())
            case "submitted": kind = .submitted(due: try input.optional { try $0.day() })
            case "accepted": kind = .accepted
            case "returned": kind = .returned
            case "published": kind = .published(link: try input.string())
            default: throw SnapshotReader.Damaged()
            }
            return AcceleratedProgressPlan.Step(kind: kind, on: try input.day(), note: try input.optional { try $0.string() },
                                                line: try input.int())
        }
        escalations = try input.list { input in
            let name = try input.string()
            let kind: Escalation.Kind
            if name == "revisitDirected" {
                kind = .revisitDirected
            } else if let issued = EscalationKind(rawValue: name) {
                kind = .issued(issued)
            } else {
                throw SnapshotReader.Damaged()
            }
            return Escalation(kind: kind, on: try input.day(), issuer: try input.string(), link: try input.optional { try $0.string() },
                              note: try input.optional { try $0.string() }, line: try input.int())
        }
        ceased = try input.optional { try $0.day() }
        lifecycleDays = LifecycleDays(visitEnd: inspection.visit.end)
        lifecycleDays.main = LifecycleDays.Latest(day: try input.day(), event: try input.value(EventType.self))
        lifecycleDays.visit = try input.optional { LifecycleDays.Latest(day: try $0.day(), event: try $0.value(EventType.self)) }
        lifecycleDays.decision = try input.optional { LifecycleDays.Latest(day: try $0.day(), event: try $0.value(EventType.self)) }
        lifecycleDays.publication = try input.optional { LifecycleDays.Latest(day: try $0.day(), event: try $0.value(EventType.self)) }
        lifecycle = try input.list { input in
            LifecycleEntry(line: try input.int(), type: try input.value(EventType.self), on: try input.day(),
                           phaseBefore: try input.value(Phase.self), withdrawn: try input.bool())
        }
        followUps = try input.list { input in
            var followUp = FollowUp(id: try input.string(), visit: try input.string(), title: try input.string(), owner: try input.string(),
                                    due: try input.day(), agreed: try input.day(), line: try input.int())
            followUp.closed = try input.optional { try $0.day() }
            followUp.closedBy = try input.optional { try $0.string() }
            followUp.closingNote = try input.optional { try $0.string() }
            return followUp
        }
        estimatedDates = Set(try input.list { try $0.string() })
        corrections = try input.list { input in
            Correction(kind: try input.value(Correction.Kind.self), target: try input.target(), on: try input.day(), subject: try input.string(),
                       fields: try input.list { try $0.string() }, changes: try input.list { try $0.string() }, reason: try input.string(), line: try input.int())
        }
    }
}

extension SnapshotWriter {
    /// Judgements by weakness id, in id order so that the same plan writes the same bytes.
    mutating func write(_ outcomes: [String: WeaknessOutcome]) {
        write(outcomes.sorted { $0.key < $1.key }) { out, outcome in
            out.write(outcome.key)
            out.write(outcome.value)
        }
    }

    mutating func write(_ range: DayRange) {
        write(range.start)
        write(range.end)
    }

    mutating func write(_ reading: Reading) {
        write(reading.on)
        write(reading.value)
    }

    mutating func write(_ item: Evidence) {
        write(item.id)
        write(item.workstream)
        write(item.weaknesses) { $0.write($1) }
        write(item.kind)
        write(item.on)
        write(item.title)
        write(item.source) { $0.write($1) }
        write(item.file) { $0.write($1) }
        write(item.earlierFiles) { $0.write($1) }
        write(item.link) { $0.write($1) }
        write(item.line)
        write(item.withdrawn) { $0.write($1) }
    }

    mutating func write(_ file: FileReference) {
        write(file.path)
        write(Int(file.size))
        write(file.sha256)
        write(file.copied)
    }

    mutating func write(_ target: RecordTarget) {
        write(target.item)
        switch target {
        case let .workstream(id), let .action(id), let .measure(id), let .evidence(id), let .visit(id):
            write(id)
        case let .reading(measure, on):
            write(measure)
            write(on)
        case let .lifecycle(line):
            write(line)
        }
    }
}

extension SnapshotReader {
    /// Judgements by weakness id, as `SnapshotWriter.write(_:)` wrote them.
    mutating func outcomes() throws -> [String: WeaknessOutcome] {
        Dictionary(try list { (try $0.string(), try $0.value(WeaknessOutcome.self)) }, uniquingKeysWith: { $1 })
    }

    mutating func dayRange() throws -> DayRange {
        let start = try day(), end = try day()
        guard start <= end else { throw Damaged() }
        return try DayRange(start: start, end: end)
    }

    mutating func reading() throws -> Reading { Reading(on: try day(), value: try double()) }

    mutating func evidence() throws -> Evidence {
        Evidence(id: try string(), workstream: try string(), weaknesses: try list { try $0.string() },
                 kind: try value(EvidenceKind.self), on: try day(), title: try string(), source: try optional { try $0.string() },
                 file: try optional { try $0.fileReference() }, earlierFiles: try list { try $0.fileReference() },
                 link: try optional { try $0.string() }, line: try int(), withdrawn: try optional { try $0.day() })
    }

    mutating func fileReference() throws -> FileReference {
        FileReference(path: try string(), size: Int64(try int()), sha256: try string(), copied: try bool())
    }

    mutating func target() throws -> RecordTarget {
        switch try string() {
        case "workstream": return .workstream(try string())
        case "action": return .action(try string())
        case "measure": return .measure(try string())
        case "reading": return .reading(measure: try string(), on: try day())
        case "evidence": return .evidence(try string())
        case "visit": return .visit(try string())
        case "lifecycle": return .lifecycle(line: try int())
        default: throw Damaged()
        }
    }
}
