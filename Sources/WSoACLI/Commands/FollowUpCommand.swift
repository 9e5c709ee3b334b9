import WSoAEngine

/// `wsoa followup add|close`: what was agreed at a monitoring visit, tracked to its end.
enum FollowUpCommand: Command {
    static let spec = CommandSpec(
        "followup",
        abstract: "Track a follow-up agreed at a monitoring visit: its owner, due date and closure.",
        usage: [
            "followup add PLAN --visit V<n> --title TEXT --owner NAME --due DATE [--weakness W<n>,…] [--on DATE]",
            "followup close PLAN F<n> --on DATE [--evidence E<n>] [--note TEXT]",
        ],
        subcommands: [
            CommandSpec(
                "add", abstract: "Record a follow-up agreed at a visit; prints its id (F1, F2, …).",
                discussion: "--on is the day it was agreed; without it, the visit's day. --weakness names the weaknesses it concerns; without it, it concerns the plan as a whole and counts for every weakness in the report's verdicts. Open follow-ups show in status, deadlines and the report.",
                usage: ["followup add PLAN --visit V<n> --title TEXT --owner NAME --due DATE [--weakness W<n>,…] [--on DATE]"],
                arguments: [.plan],
                options: [
                    .value("visit", "V<n>", help: "The visit it was agreed at."),
                    .value("title", "TEXT", help: "What was agreed.", field: .title),
                    .value("owner", "NAME", help: "Who owns it.", field: .owner),
                    .value("due", "DATE", help: "When it is due."),
                    .weaknesses,
                    .on("The day it was agreed (default: the visit's day)."),
                ]),
            CommandSpec(
                "close", abstract: "Close a follow-up, naming the evidence that closed it if there is some.",
                usage: ["followup close PLAN F<n> --on DATE [--evidence E<n>] [--note TEXT]"],
                arguments: [.plan, ArgumentSpec("F<n>", help: "The follow-up, e.g. F2.")],
                options: [
                    .on("The day it was closed."),
                    .value("evidence", "E<n>", help: "The evidence that closed it."),
                    .note,
                ]),
        ])

    static func run(_ context: Context) throws {
        let arguments = context.arguments
        let id = try context.planID()
        switch arguments.commandPath.dropFirst().first {
        case "add":
            try context.record(.addFollowUp(on: context.optionalDay("on"), visit: arguments.require("visit"),
                                            title: arguments.require("title"), owner: arguments.require("owner"),
                                            due: context.day("due"), weaknesses: try arguments.list("weakness")), in: id)
        case "close":
            try context.record(.closeFollowUp(on: context.day("on"), id: context.itemID(1, name: "F<n>"),
                                              evidence: arguments.value("evidence"), note: arguments.value("note")), in: id)
        default:
            throw WSoAError.missingArgument(name: "a subcommand (add or close)", command: arguments.commandName)
        }
    }
}
