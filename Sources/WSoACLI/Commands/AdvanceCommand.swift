import WSoAEngine

/// `wsoa advance`: what can happen next, and the lifecycle events that move a plan on.
enum AdvanceCommand: Command {
    static let spec = CommandSpec(
        "advance",
        abstract: "Show what can happen next, or record a lifecycle event.",
        discussion: """
            With only PLAN, lists every lifecycle event with whether it can happen now and, if not, \
            what is missing. With a subcommand, records that event after checking the lifecycle's rules.
            """,
        usage: [
            "advance PLAN",
            "advance PLAN letter --on DATE [--received DATE] (--wsoa --weakness TEXT… | --no-wsoa)",
            "advance PLAN submit --on DATE",
            "advance PLAN judge --on DATE (--fit | --not-fit) [--note TEXT]",
            "advance PLAN revisit --on DATE --visited START..END --sufficient W1,… [--insufficient W3,…]",
            "advance PLAN revisit --from-letter FILE [--dry-run]",
            "advance PLAN release --on DATE --weakness W1,… [--note TEXT]",
            "advance PLAN app-request --on DATE --due DATE [--note TEXT]",
            "advance PLAN app-submit --on DATE [--due DATE] [--note TEXT]",
            "advance PLAN app-accept --on DATE [--note TEXT]",
            "advance PLAN app-return --on DATE --note TEXT",
            "advance PLAN app-publish --on DATE --link URL [--note TEXT]",
            "advance PLAN review --on DATE ([--sufficient W1,…] [--insufficient W3,…] | --outcome-unknown) [--note TEXT]",
            "advance PLAN escalate --on DATE --kind KIND [--issuer NAME] [--link URL] [--note TEXT]",
            "advance PLAN revisit-directed --on DATE [--issuer NAME] [--link URL] [--note TEXT]",
            "advance PLAN cease --on DATE [--note TEXT]",
            "advance PLAN report --on DATE [--received DATE] --outcome OUTCOME [--priority-action TEXT…] [--improvement TEXT…]",
            "advance PLAN strategic-plan --on DATE [--link URL] [--note TEXT]",
            "advance PLAN pap-submit --on DATE [--note TEXT]",
            "advance PLAN pap-accept --on DATE [--note TEXT]",
            "advance PLAN pap-return --on DATE --note TEXT",
            "advance PLAN monitoring-inspection --on DATE --visited START..END --effective P1,… [--not-effective P2,…]",
            "advance PLAN deadline --clock CLOCK --due DATE --on DATE [--note TEXT]",
            "advance PLAN correct SEQ --on DATE --reason TEXT",
            "advance PLAN withdraw SEQ --reason TEXT",
        ],
        arguments: [.plan],
        subcommands: [
            CommandSpec(
                "letter", abstract: "Record the inspection outcome letter.",
                discussion: """
                    --on is the letter's date. --received is the day the area received the report, which \
                    starts the 70-working-day statement clock; without it the clock counts from the letter \
                    date and is marked estimated. Give each area of significant weakness verbatim with \
                    --weakness (repeat it), in the letter's order: they become W1, W2, ….
                    """,
                usage: ["advance PLAN letter --on DATE [--received DATE] (--wsoa --weakness TEXT… | --no-wsoa) [--note TEXT]"],
                options: [
                    .on("The letter's date."),
                    .value("received", "DATE", help: "The day the area received the report."),
                    .flag("wsoa", help: "The letter requires a written statement of action."),
                    .flag("no-wsoa", help: "The letter requires no written statement of action."),
                    .repeated("weakness", "TEXT", help: "An area of significant weakness, verbatim; repeat for each.", field: .weakness),
                    .note,
                    .estimated("on, received"),
                ]),
            CommandSpec(
                "submit", abstract: "Record that the written statement was submitted to Ofsted.",
                usage: ["advance PLAN submit --on DATE [--note TEXT]"],
                options: [.on("The day it was submitted."), .note, .estimated("on")]),
            CommandSpec(
                "judge", abstract: "Record Ofsted/CQC's judgement of the submitted statement.",
                discussion: "Fit for purpose starts monitoring; not fit sends the plan back to 'statement due' for a revised statement.",
                usage: ["advance PLAN judge --on DATE (--fit | --not-fit) [--note TEXT]"],
                options: [
                    .on("The day of the judgement."),
                    .flag("fit", help: "Judged fit for purpose (with or without minor amendments)."),
                    .flag("not-fit", help: "Judged not fit for purpose: a revised statement is needed."),
                    .note,
                    .estimated("on"),
                ]),
            CommandSpec(
                "revisit", abstract: "Record the revisit letter and its judgement of each weakness.",
                discussion: """
                    Every open weakness must be judged exactly once (at a further revisit the Secretary of State \
                    directed: every weakness still in the accelerated progress plan). All sufficient: HMCI recommends \
                    monitoring ceases (the phase 'cessation recommended'). Any insufficient: an accelerated progress \
                    plan for those (the phase 'accelerated progress plan'). A weakness judged sufficient stays monitored \
                    until DfE and NHS England release it ('advance PLAN release').
                    """,
                usage: [
                    "advance PLAN revisit --on DATE --visited START..END --sufficient W1,… [--insufficient W3,…] [--note TEXT]",
                    "advance PLAN revisit --from-letter FILE [--dry-run] [--on DATE] [--visited START..END]",
                ],
                options: [
                    .value("from-letter", "FILE", help: "Read the revisit letter's text from FILE: dates and each weakness's judgement."),
                    .flag("dry-run", help: "With --from-letter: show what was read and how it matches the plan, and write nothing."),
                    .on("The revisit letter's date."),
                    .value("visited", "START..END", help: "The revisit's first and last days on site."),
                    .repeated("sufficient", "W1,…", help: "Weaknesses judged to have made sufficient progress."),
                    .repeated("insufficient", "W1,…", help: "Weaknesses judged not to have made sufficient progress."),
                    .note,
                    .estimated("on, visited"),
                ]),
            CommandSpec(
                "release", abstract: "Record that DfE/NHS England ended monitoring of some weaknesses (partial cessation).",
                discussion: """
                    Each weakness named must have been judged sufficient, at the revisit or at a formal review, and \
                    still be monitored. Releasing the last weakness still monitored ends monitoring: the plan is closed.
                    """,
                usage: ["advance PLAN release --on DATE --weakness W1,… [--note TEXT]"],
                options: [
                    .on("The day of DfE/NHS England's decision."),
                    .repeated("weakness", "W1,…", help: "A weakness released from monitoring; repeat or separate with commas."),
                    .value("note", "TEXT", help: "The decision as recorded, or where the facts came from.", field: .note),
                    .estimated("on"),
                ]),
            CommandSpec(
                "app-request", abstract: "Record that DfE/NHS England asked for the accelerated progress plan by a date.",
                discussion: """
                    The APP submission clock then counts to --due, so status, deadlines and the report warn \
                    before it is due; the next submission meets it.
                    """,
                usage: ["advance PLAN app-request --on DATE --due DATE [--note TEXT]"],
                options: [.on("The day they asked (e.g. their letter's date)."),
                          .value("due", "DATE", help: "The date they asked for it by."), .note, .estimated("on")]),
            CommandSpec(
                "app-submit", abstract: "Record that the accelerated progress plan was submitted to DfE/NHS England.",
                discussion: """
                    --due is the date DfE/NHS England asked for it by, when they gave one and it was not recorded \
                    with 'app-request': the report shows how early or late it went. A plan sent back is submitted \
                    again the same way.
                    """,
                usage: ["advance PLAN app-submit --on DATE [--due DATE] [--note TEXT]"],
                options: [.on("The day it was submitted."), .value("due", "DATE", help: "The date DfE/NHS England asked for it by."),
                          .note, .estimated("on")]),
            CommandSpec(
                "app-accept", abstract: "Record that DfE/NHS England accepted the accelerated progress plan.",
                usage: ["advance PLAN app-accept --on DATE [--note TEXT]"],
                options: [.on("The day of the decision (e.g. the letter deeming it fit for purpose)."), .note, .estimated("on")]),
            CommandSpec(
                "app-return", abstract: "Record that DfE/NHS England sent the accelerated progress plan back for changes.",
                usage: ["advance PLAN app-return --on DATE --note TEXT"],
                options: [.on("The day of the decision."),
                          .value("note", "TEXT", help: "Why it was sent back (required).", field: .note), .estimated("on")]),
            CommandSpec(
                "app-publish", abstract: "Record that the accelerated progress plan was published locally.",
                discussion: "DfE expects the plan published locally, so that children, young people and families can read it.",
                usage: ["advance PLAN app-publish --on DATE --link URL [--note TEXT]"],
                options: [.on("The day it was published."),
                          .value("link", "URL", help: "Where it is published.", field: .link), .note, .estimated("on")]),
            CommandSpec(
                "review", abstract: "Record a DfE/NHS England formal review of the accelerated progress plan.",
                discussion: """
                    Every weakness still in the accelerated progress plan must be judged exactly once. A weakness \
                    judged sufficient stays monitored until DfE and NHS England release it. The first formal review \
                    is due within 6 months of the revisit letter, and the next 6 months after that while weaknesses remain.
                    """,
                usage: ["advance PLAN review --on DATE ([--sufficient W1,…] [--insufficient W3,…] | --outcome-unknown) [--note TEXT]"],
                options: [
                    .on("The day of the review meeting."),
                    .repeated("sufficient", "W1,…", help: "Weaknesses judged to have made sufficient progress."),
                    .repeated("insufficient", "W1,…", help: "Weaknesses judged not to have made sufficient progress."),
                    .flag("outcome-unknown", help: "The review was held but its judgements are not known (not published): nothing is judged."),
                    .note,
                    .estimated("on"),
                ]),
            CommandSpec(
                "escalate", abstract: "Record an improvement notice or statutory direction.",
                discussion: """
                    Either can follow a monitoring visit or a formal review that finds too little progress, with or \
                    without a revisit. KIND is improvement-notice or statutory-direction.
                    """,
                usage: ["advance PLAN escalate --on DATE --kind KIND [--issuer NAME] [--link URL] [--note TEXT]"],
                options: [.on("The day it was issued."), .value("kind", "KIND", help: "improvement-notice or statutory-direction.",
                                                                   choices: EscalationKind.shownSpellings)]
                    + AdvanceCommand.issuedOptions("Who issued it")),
            CommandSpec(
                "revisit-directed", abstract: "Record that the Secretary of State directed a further revisit.",
                discussion: """
                    Ofsted and CQC revisit an area in an accelerated progress plan only when directed. Once directed, \
                    record the revisit letter with 'advance PLAN revisit' as usual.
                    """,
                usage: ["advance PLAN revisit-directed --on DATE [--issuer NAME] [--link URL] [--note TEXT]"],
                options: [.on("The day of the direction.")] + AdvanceCommand.issuedOptions("Who directed it")),
            CommandSpec(
                "cease", abstract: "Record DfE/NHS England's decision that monitoring ceases (2023: the next full inspection).",
                discussion: """
                    Under the 2023 framework a plan ends with the area's next full inspection (or DfE and NHS \
                    England's decision): give its first day, and open a new plan for it with 'wsoa new'.
                    """,
                usage: ["advance PLAN cease --on DATE [--note TEXT]"],
                options: [.on("The day monitoring ceased."), .note, .estimated("on")]),
            CommandSpec(
                "report", abstract: "Record a 2023 area SEND inspection report by hand.",
                discussion: """
                    For plans inspected from 1 January 2023. --outcome is positive, inconsistent or \
                    widespread-systemic. Give each area for priority action (widespread/systemic failings only) \
                    and each area for improvement verbatim, repeating the option, in the report's order: they \
                    become P1, P2, … and I1, I2, …. --responsible names the responsible body of each area for \
                    priority action in the same order (once per action, or not at all). --received is the day the \
                    partnership received the final report: the strategic plan, priority action plan and monitoring \
                    inspection clocks count from it (from --on, marked estimated, without it). 'wsoa new PLAN \
                    --from-letter REPORT.txt' reads all of this from the report's text instead.
                    """,
                usage: ["advance PLAN report --on DATE [--received DATE] --outcome OUTCOME [--priority-action TEXT… [--responsible NAME…]] [--improvement TEXT…] [--previous TEXT] [--next-inspection-years N] [--note TEXT]"],
                options: [
                    .on("The day the report was published."),
                    .value("received", "DATE", help: "The day the partnership received the final report."),
                    .value("outcome", "OUTCOME", help: "positive, inconsistent or widespread-systemic.", choices: InspectionOutcome.shownSpellings),
                    .repeated("priority-action", "TEXT", help: "An area for priority action, verbatim; repeat for each.", field: .priorityAction),
                    .repeated("responsible", "NAME", help: "The responsible body of each area for priority action, in order.", field: .partner),
                    .repeated("improvement", "TEXT", help: "An area for improvement, verbatim; repeat for each.", field: .improvement),
                    .value("previous", "TEXT", help: "The previous inspection, as the report states it.", field: .previousInspection),
                    .value("next-inspection-years", "N", help: "The next full inspection's horizon as stated (default: 5 for positive, else 3)."),
                    .note,
                    .estimated("on, received"),
                ]),
            CommandSpec(
                "strategic-plan", abstract: "Record that the partnership published its updated strategic plan (2023).",
                discussion: """
                    After every 2023 inspection the partnership updates its strategic plan on the report's \
                    recommendations and publishes it. The first publication meets the strategic plan clock; a later \
                    one is recorded as an update.
                    """,
                usage: ["advance PLAN strategic-plan --on DATE [--link URL] [--note TEXT]"],
                options: [.on("The day it was published."), .value("link", "URL", help: "Where it is published.", field: .link),
                          .note, .estimated("on")]),
            CommandSpec(
                "pap-submit", abstract: "Record that the priority action plan (area SEND) was submitted to Ofsted.",
                usage: ["advance PLAN pap-submit --on DATE [--note TEXT]"],
                options: [.on("The day it was submitted."), .note, .estimated("on")]),
            CommandSpec(
                "pap-accept", abstract: "Record that Ofsted accepted the priority action plan.",
                discussion: "The monitoring inspection is then awaited, within about 18 months of the final report.",
                usage: ["advance PLAN pap-accept --on DATE [--note TEXT]"],
                options: [.on("The day Ofsted accepted it."), .note, .estimated("on")]),
            CommandSpec(
                "pap-return", abstract: "Record Ofsted's feedback asking for a revised priority action plan.",
                usage: ["advance PLAN pap-return --on DATE --note TEXT"],
                options: [.on("The day of the feedback."),
                          .value("note", "TEXT", help: "What Ofsted asked to change (required).", field: .note), .estimated("on")]),
            CommandSpec(
                "monitoring-inspection", abstract: "Record the monitoring inspection letter and its judgement of each area for priority action.",
                discussion: """
                    Every area for priority action must be judged exactly once: --effective where the letter finds the \
                    partnership has taken effective action, --not-effective where it has not. The plan then awaits the \
                    next full inspection.
                    """,
                usage: ["advance PLAN monitoring-inspection --on DATE --visited START..END --effective P1,… [--not-effective P2,…] [--note TEXT]"],
                options: [
                    .on("The monitoring inspection letter's date."),
                    .value("visited", "START..END", help: "The monitoring inspection's first and last days."),
                    .repeated("effective", "P1,…", help: "Areas for priority action where effective action was taken."),
                    .repeated("not-effective", "P1,…", help: "Areas for priority action where effective action was not taken."),
                    .note,
                    .estimated("on, visited"),
                ]),
            CommandSpec(
                "deadline", abstract: "Record the date a 2023 plan was given for one of its deadlines.",
                discussion: """
                    The strategic plan, priority action plan, monitoring inspection and next inspection clocks count to \
                    documented defaults, marked estimated with where the figure comes from. When Ofsted, DfE or NHS \
                    England give the partnership a date, record it here: the clock then counts to that date. CLOCK is \
                    strategic-plan, priority-action-plan, monitoring-inspection or next-inspection.
                    """,
                usage: ["advance PLAN deadline --clock CLOCK --due DATE --on DATE [--note TEXT]"],
                options: [
                    .value("clock", "CLOCK", help: "strategic-plan, priority-action-plan, monitoring-inspection or next-inspection.",
                           choices: SettableClock.shownSpellings),
                    .value("due", "DATE", help: "The date given."),
                    .on("The day it was given (e.g. the covering letter's date)."),
                    .value("note", "TEXT", help: "Who gave it, or where it is written.", field: .note),
                    .estimated("on"),
                ]),
            CommandSpec(
                "correct", abstract: "Correct the date of a lifecycle event recorded wrongly.",
                discussion: """
                    SEQ is the journal line of any lifecycle event: the letter, a submission, a judgement, a visit, \
                    a revisit, a step of the accelerated progress plan, a formal review, a release, an escalation or \
                    the cessation; under the 2023 framework the report, a strategic plan's publication, a step of the \
                    priority action plan, a deadline given or the monitoring inspection ('wsoa history PLAN' shows \
                    each line's number). The original line stays; the plan's \
                    clocks count from the corrected date. A date that would put lifecycle events out of order is refused.
                    """,
                usage: ["advance PLAN correct SEQ --on DATE --reason TEXT"],
                arguments: [ArgumentSpec("SEQ", help: "The journal line of the event, e.g. 7.")],
                options: [.on("The right date."), .correctionReason]),
            CommandSpec(
                "withdraw", abstract: "Withdraw the latest lifecycle event, recorded in error.",
                discussion: """
                    The plan returns to the phase it was in before. Only the latest lifecycle event that still \
                    stands can be withdrawn; withdraw later ones first. The original line stays in the history.
                    """,
                usage: ["advance PLAN withdraw SEQ --reason TEXT"],
                arguments: [ArgumentSpec("SEQ", help: "The journal line of the event, e.g. 7.")],
                options: [.correctionReason]),
        ],
        subcommandAfterPositionals: 1,
        globals: .viewing)

    static func run(_ context: Context) throws {
        let id = try context.planID()
        let arguments = context.arguments
        let note = arguments.value("note")
        switch arguments.commandPath.dropFirst().first {
        case nil:
            try showNextSteps(id, context)
        case "letter":
            let required = arguments.flag("wsoa"), notRequired = arguments.flag("no-wsoa")
            guard required != notRequired else {
                throw required
                    ? WSoAError.invalidValue(option: "--wsoa", value: "--no-wsoa", reason: "give only one of --wsoa and --no-wsoa")
                    : WSoAError.missingArgument(name: "--wsoa or --no-wsoa", command: arguments.commandName)
            }
            try context.record(.publishLetter(on: context.day("on"), received: context.optionalDay("received"),
                                              statementRequired: required, weaknesses: arguments.values("weakness"),
                                              note: note, estimated: context.estimated(["on": "on", "received": "received"])), in: id)
        case "submit":
            try context.record(.submit(on: context.day("on"), note: note, estimated: context.estimated(["on": "on"])), in: id)
        case "judge":
            let fit = arguments.flag("fit"), notFit = arguments.flag("not-fit")
            guard fit != notFit else {
                throw fit
                    ? WSoAError.invalidValue(option: "--fit", value: "--not-fit", reason: "give only one of --fit and --not-fit")
                    : WSoAError.missingArgument(name: "--fit or --not-fit", command: arguments.commandName)
            }
            try context.record(.judge(on: context.day("on"), fit: fit, note: note, estimated: context.estimated(["on": "on"])), in: id)
        case "revisit" where arguments.has("from-letter"):
            try revisitFromLetter(id, context)
        case "revisit":
            try context.refuseUnused(["dry-run"], reason: "it only applies with --from-letter")
            try context.record(.reportRevisit(on: context.day("on"),
                                              visited: DayRange(parsing: arguments.require("visited")),
                                              sufficient: try arguments.list("sufficient"),
                                              insufficient: try arguments.list("insufficient"), note: note,
                                              estimated: context.estimated(["on": "on", "visited": "visited"])), in: id)
        case "cease":
            try context.record(.cease(on: context.day("on"), note: note, estimated: context.estimated(["on": "on"])), in: id)
        case "release":
            try context.record(.release(on: context.day("on"), weaknesses: arguments.list("weakness"), note: note,
                                        estimated: context.estimated(["on": "on"])), in: id)
        case "app-request":
            try context.record(.requestAPP(on: context.day("on"), due: context.day("due"), note: note,
                                           estimated: context.estimated(["on": "on"])), in: id)
        case "app-submit":
            try context.record(.submitAPP(on: context.day("on"), due: context.optionalDay("due"), note: note,
                                          estimated: context.estimated(["on": "on"])), in: id)
        case "app-accept", "app-return":
            let accepted = arguments.commandPath.dropFirst().first == "app-accept"
            try context.record(.judgeAPP(on: context.day("on"), accepted: accepted, note: accepted ? note : arguments.require("note"),
                                         estimated: context.estimated(["on": "on"])), in: id)
        case "app-publish":
            try context.record(.publishAPP(on: context.day("on"), link: arguments.require("link"), note: note,
                                           estimated: context.estimated(["on": "on"])), in: id)
        case "review":
            let judged = arguments.has("sufficient") || arguments.has("insufficient")
            guard judged != arguments.flag("outcome-unknown") else {
                throw judged
                    ? WSoAError.invalidValue(option: "--outcome-unknown", value: "--sufficient/--insufficient",
                                             reason: "give the judgements or --outcome-unknown, not both")
                    : WSoAError.missingArgument(name: "--sufficient/--insufficient or --outcome-unknown", command: arguments.commandName)
            }
            try context.record(.holdReview(on: context.day("on"), sufficient: try arguments.list("sufficient"),
                                           insufficient: try arguments.list("insufficient"), note: note,
                                           estimated: context.estimated(["on": "on"])), in: id)
        case "escalate":
            try context.record(.escalate(on: context.day("on"), kind: context.choice("kind", EscalationKind.self),
                                         issuer: arguments.value("issuer") ?? secretaryOfState, link: arguments.value("link"),
                                         note: note, estimated: context.estimated(["on": "on"])), in: id)
        case "revisit-directed":
            try context.record(.directRevisit(on: context.day("on"), issuer: arguments.value("issuer") ?? secretaryOfState,
                                              link: arguments.value("link"), note: note,
                                              estimated: context.estimated(["on": "on"])), in: id)
        case "report":
            try recordReport(id, context)
        case "strategic-plan":
            try context.record(.publishStrategicPlan(on: context.day("on"), link: arguments.value("link"), note: note,
                                                     estimated: context.estimated(["on": "on"])), in: id)
        case "pap-submit":
            try context.record(.submitPriorityActionPlan(on: context.day("on"), note: note, estimated: context.estimated(["on": "on"])), in: id)
        case "pap-accept", "pap-return":
            let accepted = arguments.commandPath.dropFirst().first == "pap-accept"
            try context.record(.judgePriorityActionPlan(on: context.day("on"), accepted: accepted,
                                                        note: accepted ? note : arguments.require("note"),
                                                        estimated: context.estimated(["on": "on"])), in: id)
        case "monitoring-inspection":
            try context.record(.reportMonitoringInspection(on: context.day("on"), visited: DayRange(parsing: arguments.require("visited")),
                                                           sufficient: try arguments.list("effective"),
                                                           insufficient: try arguments.list("not-effective"), note: note,
                                                           estimated: context.estimated(["on": "on", "visited": "visited"])), in: id)
        case "deadline":
            try context.record(.setDeadline(on: context.day("on"), clock: context.choice("clock", SettableClock.self).clock,
                                            due: context.day("due"), note: note, estimated: context.estimated(["on": "on"])), in: id)
        case "correct":
            var changes = Amendment()
            changes.on = try context.day("on")
            try context.amend(.lifecycle(line: context.lineNumber(1, name: "SEQ")), changes)
        case "withdraw":
            try context.withdraw(.lifecycle(line: context.lineNumber(1, name: "SEQ")))
        case let other?:
            throw WSoAError.unknownCommand(name: other, suggestion: nil)
        }
    }

    /// Who issues notices and directions and directs revisits, unless `--issuer` says otherwise.
    static let secretaryOfState = "the Secretary of State for Education"

    /// The options a notice, direction or directed revisit shares: who (`who` words the help),
    /// where it is published, a note, and whether its date is an estimate.
    static func issuedOptions(_ who: String) -> [OptionSpec] {
        [.value("issuer", "NAME", help: "\(who) (default: \(secretaryOfState)).", field: .issuer),
         .value("link", "URL", help: "Where it is published.", field: .link), .note, .estimated("on")]
    }

    /// `wsoa advance PLAN report`: a 2023 report typed in, each responsible body paired with its
    /// area for priority action by order.
    private static func recordReport(_ id: String, _ context: Context) throws {
        let arguments = context.arguments
        let actions = arguments.values("priority-action"), responsible = arguments.values("responsible")
        guard responsible.isEmpty || responsible.count == actions.count else {
            throw WSoAError.invalidValue(option: "--responsible", value: responsible.joined(separator: "; "),
                                         reason: "give one responsible body per --priority-action, in the same order (\(actions.count) given), or none")
        }
        let years = try arguments.value("next-inspection-years").map { text -> Int in
            guard let years = Int(text), (1...10).contains(years) else {
                throw WSoAError.invalidValue(option: "--next-inspection-years", value: text, reason: "give a whole number of years from 1 to 10")
            }
            return years
        }
        let priorityActions = actions.enumerated().map { index, text in
            AreaSENDReport.PriorityAction(statement: text, partner: responsible.isEmpty ? nil : responsible[index])
        }
        try context.record(.publishReport(on: context.day("on"), received: context.optionalDay("received"),
                                          outcome: context.choice("outcome", InspectionOutcome.self), priorityActions: priorityActions,
                                          improvements: arguments.values("improvement"), previousInspection: arguments.value("previous"),
                                          nextInspectionYears: years, note: arguments.value("note"),
                                          estimated: context.estimated(["on": "on", "received": "received"])), in: id)
    }

    /// `wsoa advance PLAN revisit --from-letter FILE`: the revisit letter's judgements, matched to
    /// the plan's weaknesses despite rewording; a quote that matches none is refused with the
    /// closest candidates.
    private static func revisitFromLetter(_ id: String, _ context: Context) throws {
        let arguments = context.arguments
        try context.refuseUnused(["sufficient", "insufficient"], reason: "with --from-letter each weakness's judgement is read from the letter")
        try context.refuseUnused(["estimated"], reason: "with --from-letter the dates are the letter's own")
        let (text, file) = try context.letterText()
        var overrides = LetterOverrides()
        overrides.letterDate = try context.optionalDay("on")
        overrides.visit = try arguments.value("visited").map { try DayRange(parsing: $0) }
        let reading = try LetterReader.readRevisit(text, overrides: overrides)
        let letter = reading.facts
        let plan = try context.store.view(id).plan
        // A 2023 plan has no revisit: say so rather than match the letter against its areas.
        guard plan.framework == .send2016 else {
            throw WSoAError.refused(Refusal(rule: .lifecycle, plan: id, event: .revisitReported, reason: plan.phaseMismatch(for: .revisitReported)))
        }
        let outcomes = try letter.outcomes(for: plan.weaknesses)
        let ids = { (outcome: WeaknessOutcome) in
            outcomes.filter { $0.value == outcome }.keys.sorted { $0.weaknessOrder < $1.weaknessOrder }
        }
        if arguments.flag("dry-run") {
            var summary = letter.summary
            summary += ids(.sufficient).map { (LetterField.judgements, "\($0): sufficient progress") }
            summary += ids(.insufficient).map { (LetterField.judgements, "\($0): not sufficient progress") }
            return context.showReading(kind: .revisit, file: file, summary: summary, warnings: reading.warnings)
        }
        var note = Context.letterNote(file, kind: "revisit letter", warnings: reading.warnings, note: arguments.value("note"))
        if let cessation = letter.cessation { note += " The letter says: \(cessation)" }
        try context.record(.reportRevisit(on: letter.letterDate, visited: letter.visit, sufficient: ids(.sufficient),
                                          insufficient: ids(.insufficient), note: note), in: id)
        if !context.json, let cessation = letter.cessation {
            context.output.line("The letter says: \(cessation)")
            context.output.line("When DfE and NHS England confirm, record it with 'wsoa advance \(id) cease --on DATE'.")
        }
    }

    /// `wsoa advance PLAN`: every event, allowed or not, with what is missing.
    private static func showNextSteps(_ id: String, _ context: Context) throws {
        let plan = try context.store.view(id, asOf: context.viewDay).plan
        let steps = plan.nextSteps
        if context.json {
            context.printJSON(.array(steps.map { step in
                .object([
                    "event": .string(step.event.rawValue), "allowed": .bool(step.allowed),
                    "missing": .array(step.missing.map(JSONValue.string)),
                    "command": .string(commandWord(step.event)),
                ])
            }))
            return
        }
        context.output.line("\(plan.id) is in the phase '\(plan.phase.displayName)'.")
        let allowed = steps.filter(\.allowed), blocked = steps.filter { !$0.allowed }
        context.output.line("")
        context.output.line(allowed.isEmpty ? "Nothing can happen next: the plan is in a final phase." : "Can happen now:")
        for step in allowed {
            context.output.line("  \(usage(for: step.event, plan: id))")
            context.output.line("      \(step.event.words) → \(step.leadsTo.joined(separator: "; "))")
        }
        context.output.line("")
        context.output.line("Not now:")
        for step in blocked {
            context.output.line("  \(step.event.words): \(step.missing.joined(separator: "; "))")
        }
    }

    private static func usage(for event: EventType, plan: String) -> String {
        switch event {
        case .planCreated: return "wsoa new \(plan) …"
        case .letterPublished: return "wsoa advance \(plan) letter --on DATE (--wsoa --weakness TEXT… | --no-wsoa)"
        case .statementSubmitted: return "wsoa advance \(plan) submit --on DATE"
        case .statementJudged: return "wsoa advance \(plan) judge --on DATE (--fit | --not-fit)"
        case .monitoringVisitHeld: return "wsoa visit \(plan) --on DATE [--adviser NAME]…"
        case .revisitReported: return "wsoa advance \(plan) revisit --on DATE --visited START..END --sufficient W1,…"
        case .monitoringCeased: return "wsoa advance \(plan) cease --on DATE"
        case .weaknessesReleased: return "wsoa advance \(plan) release --on DATE --weakness W1,…"
        case .appRequested: return "wsoa advance \(plan) app-request --on DATE --due DATE"
        case .appSubmitted: return "wsoa advance \(plan) app-submit --on DATE [--due DATE]"
        case .appJudged: return "wsoa advance \(plan) (app-accept --on DATE | app-return --on DATE --note TEXT)"
        case .appPublished: return "wsoa advance \(plan) app-publish --on DATE --link URL"
        case .progressReviewHeld: return "wsoa advance \(plan) review --on DATE (--sufficient W1,… --insufficient W2,… | --outcome-unknown)"
        case .escalationIssued: return "wsoa advance \(plan) escalate --on DATE --kind improvement-notice|statutory-direction"
        case .revisitDirected: return "wsoa advance \(plan) revisit-directed --on DATE"
        case .reportPublished: return "wsoa advance \(plan) report --on DATE --outcome OUTCOME [--priority-action TEXT…] [--improvement TEXT…]"
        case .strategicPlanPublished: return "wsoa advance \(plan) strategic-plan --on DATE [--link URL]"
        case .priorityActionPlanSubmitted: return "wsoa advance \(plan) pap-submit --on DATE"
        case .priorityActionPlanJudged: return "wsoa advance \(plan) (pap-accept --on DATE | pap-return --on DATE --note TEXT)"
        case .monitoringInspectionReported:
            return "wsoa advance \(plan) monitoring-inspection --on DATE --visited START..END --effective P1,… [--not-effective P2,…]"
        case .deadlineSet: return "wsoa advance \(plan) deadline --clock CLOCK --due DATE --on DATE"
        case .recordAmended, .recordWithdrawn: return "wsoa \(commandWord(event)) …"
        case .lineSetAside: return "wsoa merge \(plan) OTHER-JOURNAL --set-aside this:N|other:N"
        case .followUpAdded, .followUpClosed: return "wsoa \(commandWord(event)) \(plan) …"
        case .partnerRenamed, .workstreamAdded, .actionAdded, .actionUpdated, .actionRetargeted, .measureAdded,
             .measureRecorded, .evidenceAdded:
            return "wsoa \(commandWord(event)) \(plan) …"
        }
    }

    /// The words that record `event` (after `wsoa`, or after `wsoa advance PLAN` for the lifecycle).
    static func commandWord(_ event: EventType) -> String {
        switch event {
        case .planCreated: return "new"
        case .letterPublished: return "letter"
        case .statementSubmitted: return "submit"
        case .statementJudged: return "judge"
        case .monitoringVisitHeld: return "visit"
        case .revisitReported: return "revisit"
        case .monitoringCeased: return "cease"
        case .weaknessesReleased: return "release"
        case .appRequested: return "app-request"
        case .appSubmitted: return "app-submit"
        case .appJudged: return "app-accept"
        case .appPublished: return "app-publish"
        case .progressReviewHeld: return "review"
        case .escalationIssued: return "escalate"
        case .revisitDirected: return "revisit-directed"
        case .reportPublished: return "report"
        case .strategicPlanPublished: return "strategic-plan"
        case .priorityActionPlanSubmitted: return "pap-submit"
        case .priorityActionPlanJudged: return "pap-accept"
        case .monitoringInspectionReported: return "monitoring-inspection"
        case .deadlineSet: return "deadline"
        case .partnerRenamed: return "partner"
        case .workstreamAdded: return "workstream add"
        case .actionAdded: return "action add"
        case .actionUpdated: return "action update"
        case .actionRetargeted: return "action retarget"
        case .measureAdded: return "measure add"
        case .measureRecorded: return "measure record"
        case .evidenceAdded: return "evidence add"
        case .followUpAdded: return "followup add"
        case .followUpClosed: return "followup close"
        case .recordAmended: return "… amend"
        case .recordWithdrawn: return "… withdraw"
        case .lineSetAside: return "merge"
        }
    }
}
