import WSoAEngine

/// `wsoa workstream add|amend`: the strands of the statement's work.
enum WorkstreamCommand: Command {
    static let spec = CommandSpec(
        "workstream",
        abstract: "Add a workstream (a strand of work addressing one or more weaknesses), or correct one.",
        usage: [
            "workstream add PLAN ID --title TEXT --addresses W1,… [--lead NAME] [--accountable NAME] [--partner PARTNER,…] [--on DATE]",
            "workstream amend PLAN ID [--title TEXT] [--lead NAME] [--accountable NAME] [--partner PARTNER,…] [--addresses W1,…] --reason TEXT",
        ],
        subcommands: [
            CommandSpec(
                "add", abstract: "Add a workstream to a plan.",
                discussion: "ID is a short slug such as coproduction. PARTNER is la, health, social-care, education or parent-carer-forum.",
                usage: ["workstream add PLAN ID --title TEXT --addresses W1,… [--lead NAME] [--accountable NAME] [--partner PARTNER,…] [--on DATE]"],
                arguments: [.plan, ArgumentSpec("ID", help: "The workstream's id, e.g. coproduction.")],
                options: [
                    .value("title", "TEXT", help: "What the workstream is for.", field: .title),
                    .repeated("addresses", "W1,…", help: "The weaknesses it addresses."),
                    .value("lead", "NAME", help: "Who leads it day to day.", field: .lead),
                    .value("accountable", "NAME", help: "The accountable senior officer.", field: .accountable),
                    .partners,
                    .on("The day it was added (default: today)."),
                ]),
            CommandSpec(
                "amend", abstract: "Correct a workstream's title, lead, accountable officer, partners or weaknesses.",
                discussion: "The original line stays in the history; each list given (--partner, --addresses) replaces the recorded one.",
                usage: ["workstream amend PLAN ID [--title TEXT] [--lead NAME] [--accountable NAME] [--partner PARTNER,…] [--addresses W1,…] --reason TEXT"],
                arguments: [.plan, ArgumentSpec("ID", help: "The workstream's id, e.g. coproduction.")],
                options: [
                    .value("title", "TEXT", help: "The right title.", field: .title),
                    .value("lead", "NAME", help: "The right lead.", field: .lead),
                    .value("accountable", "NAME", help: "The right accountable officer.", field: .accountable),
                    .partners,
                    .repeated("addresses", "W1,…", help: "The weaknesses it addresses."),
                    .correctionReason,
                ]),
        ])

    static func run(_ context: Context) throws {
        let arguments = context.arguments
        let partners = try context.choices("partner", LeadPartner.self)
        switch arguments.commandPath.dropFirst().first {
        case "add":
            let workstream = Workstream(
                id: try context.itemID(1, name: "ID"), title: try arguments.require("title"), lead: arguments.value("lead"),
                accountable: arguments.value("accountable"), partners: partners ?? [], addresses: try arguments.list("addresses"))
            try context.record(.addWorkstream(on: context.dayOrToday(), workstream: workstream), in: context.planID())
        case "amend":
            var changes = Amendment()
            changes.title = arguments.value("title")
            changes.lead = arguments.value("lead")
            changes.accountable = arguments.value("accountable")
            changes.partners = partners
            changes.addresses = arguments.has("addresses") ? try arguments.list("addresses") : nil
            try context.amend(.workstream(try context.itemID(1, name: "ID")), changes)
        default:
            throw WSoAError.missingArgument(name: "a subcommand (add or amend)", command: arguments.commandName)
        }
    }
}

extension OptionSpec {
    /// `--partner PARTNER,…`: the partners that lead a workstream.
    static let partners = OptionSpec.repeated("partner", "PARTNER,…",
                                              help: "The lead partners: la, health, social-care, education or parent-carer-forum (repeat or use commas).",
                                              choices: LeadPartner.shownSpellings)
}
