import WSoAEngine

/// `wsoa action add|update|retarget|amend|withdraw`: the statement's actions.
enum ActionCommand: Command {
    static let spec = CommandSpec(
        "action",
        abstract: "Add actions, report their status, move their due dates, and correct them.",
        usage: [
            "action add PLAN --workstream ID --title TEXT --due DATE [--lead NAME] [--on DATE]",
            "action update PLAN A<n> --status STATUS [--on DATE] [--note TEXT]",
            "action retarget PLAN A<n> --due DATE --reason TEXT [--agreed-with NAME] [--on DATE]",
            "action amend PLAN A<n> [--title TEXT] [--lead NAME] --reason TEXT",
            "action withdraw PLAN A<n> --reason TEXT",
        ],
        subcommands: [
            CommandSpec(
                "add", abstract: "Add an action to a workstream; prints its id (A1, A2, …).",
                usage: ["action add PLAN --workstream ID --title TEXT --due DATE [--lead NAME] [--on DATE]"],
                arguments: [.plan],
                options: [
                    .value("workstream", "ID", help: "The workstream it belongs to."),
                    .value("title", "TEXT", help: "What will be done.", field: .title),
                    .value("due", "DATE", help: "When it is due."),
                    .value("lead", "NAME", help: "Who does it.", field: .lead),
                    .on("The day it was added (default: today)."),
                ]),
            CommandSpec(
                "update", abstract: "Report an action's status.",
                discussion: "STATUS is \(ActionStatus.spellingsInWords); complete records the completion date.",
                usage: ["action update PLAN A<n> --status STATUS [--on DATE] [--note TEXT]"],
                arguments: [.plan, ArgumentSpec("A<n>", help: "The action, e.g. A3.")],
                options: [
                    .value("status", "STATUS", help: "\(ActionStatus.spellingsInWords).", choices: ActionStatus.shownSpellings),
                    .on("The day of the report (default: today)."),
                    .note,
                ]),
            CommandSpec(
                "retarget", abstract: "Move an action's due date, keeping the original and the reason.",
                usage: ["action retarget PLAN A<n> --due DATE --reason TEXT [--agreed-with NAME] [--on DATE]"],
                arguments: [.plan, ArgumentSpec("A<n>", help: "The action, e.g. A3.")],
                options: [
                    .value("due", "DATE", help: "The new due date."),
                    .value("reason", "TEXT", help: "Why it moved.", field: .reason),
                    .value("agreed-with", "NAME", help: "Who agreed the change (e.g. the SEN strategic group).", field: .agreedWith),
                    .on("The day it was agreed (default: today)."),
                ]),
            CommandSpec(
                "amend", abstract: "Correct an action's title or lead (its due date moves with retarget).",
                discussion: "The original line stays in the history; views show the corrected action, flagged as amended.",
                usage: ["action amend PLAN A<n> [--title TEXT] [--lead NAME] --reason TEXT"],
                arguments: [.plan, ArgumentSpec("A<n>", help: "The action, e.g. A3.")],
                options: [
                    .value("title", "TEXT", help: "The right title.", field: .title),
                    .value("lead", "NAME", help: "The right lead.", field: .lead),
                    .correctionReason,
                ]),
            CommandSpec(
                "withdraw", abstract: "Withdraw an action recorded in error.",
                discussion: "The action stays in the history, marked withdrawn, and counts nowhere: not in tallies, deadlines or the report.",
                usage: ["action withdraw PLAN A<n> --reason TEXT"],
                arguments: [.plan, ArgumentSpec("A<n>", help: "The action, e.g. A3.")],
                options: [.correctionReason]),
        ])

    static func run(_ context: Context) throws {
        let arguments = context.arguments
        let id = try context.planID()
        switch arguments.commandPath.dropFirst().first {
        case "add":
            try context.record(.addAction(on: context.dayOrToday(), workstream: arguments.require("workstream"),
                                          title: arguments.require("title"), lead: arguments.value("lead"),
                                          due: context.day("due")), in: id)
        case "update":
            try context.record(.updateAction(on: context.dayOrToday(), id: context.itemID(1, name: "A<n>"),
                                             status: context.choice("status", ActionStatus.self),
                                             note: arguments.value("note")), in: id)
        case "retarget":
            try context.record(.retargetAction(on: context.dayOrToday(), id: context.itemID(1, name: "A<n>"),
                                               due: context.day("due"), reason: arguments.require("reason"),
                                               agreedWith: arguments.value("agreed-with")), in: id)
        case "amend":
            var changes = Amendment()
            changes.title = arguments.value("title")
            changes.lead = arguments.value("lead")
            try context.amend(.action(context.itemID(1, name: "A<n>")), changes)
        case "withdraw":
            try context.withdraw(.action(context.itemID(1, name: "A<n>")))
        default:
            throw WSoAError.missingArgument(name: "a subcommand (add, update, retarget, amend or withdraw)", command: arguments.commandName)
        }
    }
}
