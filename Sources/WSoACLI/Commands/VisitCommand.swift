import WSoAEngine

/// `wsoa visit [add|amend|withdraw]`: DfE/NHS England monitoring visits.
enum VisitCommand: Command {
    static let spec = CommandSpec(
        "visit",
        abstract: "Record a DfE/NHS England monitoring (support-and-challenge) visit, or correct one.",
        discussion: """
            Accepted while the plan is monitored (monitoring or accelerated progress plan). Visits are numbered V1, V2, … in order. \
            'wsoa visit PLAN …' is short for 'wsoa visit add PLAN …'.
            """,
        usage: [
            "visit [add] PLAN --on DATE [--adviser NAME]… [--attendee \"NAME (ROLE)\"]… [--rate W1=green,…] [--follow-up TEXT]… [--note TEXT]",
            "visit amend PLAN V<n> [--on DATE] [--adviser NAME]… [--attendee \"NAME (ROLE)\"]… [--rate W1=green,…] --reason TEXT",
            "visit withdraw PLAN V<n> --reason TEXT",
        ],
        arguments: [.plan],
        options: addOptions,
        subcommands: [
            CommandSpec(
                "add", abstract: "Record a monitoring visit; prints its id (V1, V2, …).",
                usage: ["visit add PLAN --on DATE [--adviser NAME]… [--attendee \"NAME (ROLE)\"]… [--rate W1=green,…] [--follow-up TEXT]… [--note TEXT]"],
                arguments: [.plan],
                options: addOptions),
            CommandSpec(
                "amend", abstract: "Correct a visit's date, advisers, attendees or ratings.",
                discussion: "The original line stays in the history; each list given replaces the one recorded (all ratings together).",
                usage: ["visit amend PLAN V<n> [--on DATE] [--adviser NAME]… [--attendee \"NAME (ROLE)\"]… [--rate W1=green,…] --reason TEXT"],
                arguments: [.plan, ArgumentSpec("V<n>", help: "The visit, e.g. V2.")],
                options: [
                    .on("The right day of the visit."),
                    .repeated("adviser", "NAME", help: "An adviser present; repeat for each.", field: .adviser),
                    .attendee,
                    .repeated("rate", "ID=RAG,…", help: "A red, amber or green rating per weakness or workstream id."),
                    .correctionReason,
                ]),
            CommandSpec(
                "withdraw", abstract: "Withdraw a visit recorded in error (for example, recorded twice).",
                discussion: "It stays in the history, marked withdrawn; the next visit clock counts from the visits that stand.",
                usage: ["visit withdraw PLAN V<n> --reason TEXT"],
                arguments: [.plan, ArgumentSpec("V<n>", help: "The visit, e.g. V2.")],
                options: [.correctionReason]),
        ])

    /// The options of `visit add` (and its short form).
    private static let addOptions: [OptionSpec] = [
        .on("The day of the visit."),
        .repeated("adviser", "NAME", help: "An adviser present (DfE, NHS England); repeat for each.", field: .adviser),
        .attendee,
        .repeated("rate", "ID=RAG,…", help: "A red, amber or green rating per weakness or workstream id."),
        .repeated("follow-up", "TEXT", help: "An action agreed at the visit; repeat for each.", field: .followUp),
        .note,
        .estimated("on"),
    ]

    static func run(_ context: Context) throws {
        let arguments = context.arguments
        switch arguments.commandPath.dropFirst().first {
        case nil, "add":
            try context.record(.holdMonitoringVisit(on: context.day("on"), advisers: arguments.values("adviser"),
                                                    attendees: context.attendees() ?? [], ratings: context.ratings(),
                                                    followUps: arguments.values("follow-up"), note: arguments.value("note"),
                                                    estimated: context.estimated(["on": "on"])),
                               in: context.planID())
        case "amend":
            try context.refuseUnused(["follow-up", "note", "estimated"], reason: "a visit's follow-ups and note are not amended; record a new follow-up or a correction's --reason")
            var changes = Amendment()
            changes.on = try context.optionalDay("on")
            changes.advisers = arguments.has("adviser") ? arguments.values("adviser") : nil
            changes.attendees = context.attendees()
            changes.ratings = arguments.has("rate") ? try context.ratings() : nil
            try context.amend(.visit(context.itemID(1, name: "V<n>")), changes)
        case "withdraw":
            try context.refuseUnused(["on", "adviser", "attendee", "rate", "follow-up", "note", "estimated"], reason: "a withdrawal takes only --reason")
            try context.withdraw(.visit(context.itemID(1, name: "V<n>")))
        default:
            throw WSoAError.missingArgument(name: "a subcommand (add, amend or withdraw)", command: arguments.commandName)
        }
    }
}
