import WSoAEngine

/// `wsoa workstream add`: a strand of the statement's work.
enum WorkstreamCommand: Command {
    static let spec = CommandSpec(
        "workstream",
        abstract: "Add a workstream: a strand of work addressing one or more weaknesses.",
        usage: ["workstream add PLAN ID --title TEXT --addresses W1,… [--lead NAME] [--accountable NAME] [--partner PARTNER] [--on DATE]"],
        subcommands: [
            CommandSpec(
                "add", abstract: "Add a workstream to a plan.",
                discussion: "ID is a short slug such as coproduction. PARTNER is la, health, social-care, education or parent-carer-forum.",
                usage: ["workstream add PLAN ID --title TEXT --addresses W1,… [--lead NAME] [--accountable NAME] [--partner PARTNER] [--on DATE]"],
                arguments: [.plan, ArgumentSpec("ID", help: "The workstream's id, e.g. coproduction.")],
                options: [
                    .value("title", "TEXT", help: "What the workstream is for.", field: .title),
                    .repeated("addresses", "W1,…", help: "The weaknesses it addresses."),
                    .value("lead", "NAME", help: "Who leads it day to day.", field: .lead),
                    .value("accountable", "NAME", help: "The accountable senior officer.", field: .accountable),
                    .value("partner", "PARTNER", help: "The lead partner: la, health, social-care, education or parent-carer-forum."),
                    .on("The day it was added (default: today)."),
                ]),
        ])

    static func run(_ context: Context) throws {
        let arguments = context.arguments
        let workstream = Workstream(
            id: try context.itemID(1, name: "ID"), title: try arguments.require("title"), lead: arguments.value("lead"),
            accountable: arguments.value("accountable"),
            partner: try arguments.value("partner").map { try context.choice($0, option: "partner", LeadPartner.self) },
            addresses: arguments.list("addresses"))
        try context.record(.addWorkstream(on: context.dayOrToday(), workstream: workstream), in: context.planID())
    }
}
