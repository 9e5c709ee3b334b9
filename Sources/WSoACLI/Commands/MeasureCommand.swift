import WSoAEngine

/// `wsoa measure add|record|amend|correct`: the statement's key performance indicators.
enum MeasureCommand: Command {
    static let spec = CommandSpec(
        "measure",
        abstract: "Add measures (KPIs), record their values, and correct them.",
        usage: [
            "measure add PLAN --workstream ID --title TEXT --unit UNIT --baseline VALUE@DATE --target VALUE@DATE [--lower-is-better] [--national VALUE] [--on DATE]",
            "measure record PLAN M<n> --on DATE --value VALUE",
            "measure amend PLAN M<n> [--title TEXT] [--unit UNIT] [--baseline VALUE@DATE] [--target VALUE@DATE] --reason TEXT",
            "measure correct PLAN M<n> --on DATE --value VALUE --reason TEXT",
        ],
        subcommands: [
            CommandSpec(
                "add", abstract: "Add a measure to a workstream; prints its id (M1, M2, …).",
                discussion: "Higher values are better unless --lower-is-better is given. On track means the latest value is at least as good as a straight line from baseline to target expects on its date.",
                usage: ["measure add PLAN --workstream ID --title TEXT --unit UNIT --baseline VALUE@DATE --target VALUE@DATE [--lower-is-better] [--national VALUE] [--on DATE]"],
                arguments: [.plan],
                options: [
                    .value("workstream", "ID", help: "The workstream it belongs to."),
                    .value("title", "TEXT", help: "What is measured.", field: .title),
                    .value("unit", "UNIT", help: "The unit, e.g. % or days.", field: .unit),
                    .value("baseline", "VALUE@DATE", help: "The starting value and its date, e.g. 42@2019-04-01."),
                    .value("target", "VALUE@DATE", help: "The target value and the date to reach it by."),
                    .flag("lower-is-better", help: "Smaller values are better."),
                    .value("national", "VALUE", help: "The national figure to compare with."),
                    .on("The day it was added (default: today)."),
                ]),
            CommandSpec(
                "record", abstract: "Record a measure's value on a day.",
                usage: ["measure record PLAN M<n> --on DATE --value VALUE"],
                arguments: [.plan, ArgumentSpec("M<n>", help: "The measure, e.g. M2.")],
                options: [.on("The day the value describes."), .value("value", "VALUE", help: "The value.")]),
            CommandSpec(
                "amend", abstract: "Correct a measure's title, unit, baseline or target.",
                discussion: "The original line stays in the history; views show the corrected measure, flagged as amended.",
                usage: ["measure amend PLAN M<n> [--title TEXT] [--unit UNIT] [--baseline VALUE@DATE] [--target VALUE@DATE] --reason TEXT"],
                arguments: [.plan, ArgumentSpec("M<n>", help: "The measure, e.g. M2.")],
                options: [
                    .value("title", "TEXT", help: "The right title.", field: .title),
                    .value("unit", "UNIT", help: "The right unit.", field: .unit),
                    .value("baseline", "VALUE@DATE", help: "The right baseline."),
                    .value("target", "VALUE@DATE", help: "The right target."),
                    .correctionReason,
                ]),
            CommandSpec(
                "correct", abstract: "Correct a reading recorded wrongly.",
                discussion: "--on names the day of the reading to correct; a measure has one reading a day.",
                usage: ["measure correct PLAN M<n> --on DATE --value VALUE --reason TEXT"],
                arguments: [.plan, ArgumentSpec("M<n>", help: "The measure, e.g. M2.")],
                options: [.on("The day of the reading to correct."), .value("value", "VALUE", help: "The right value."), .correctionReason]),
        ])

    static func run(_ context: Context) throws {
        let arguments = context.arguments
        let id = try context.planID()
        switch arguments.commandPath.dropFirst().first {
        case "add":
            try context.record(.addMeasure(
                on: context.dayOrToday(), workstream: arguments.require("workstream"), title: arguments.require("title"),
                unit: arguments.require("unit"), direction: arguments.flag("lower-is-better") ? .lowerIsBetter : .higherIsBetter,
                baseline: context.reading("baseline"),
                national: try arguments.value("national").map { try context.number($0, option: "--national") },
                target: context.reading("target")), in: id)
        case "record":
            try context.record(.recordMeasure(on: context.day("on"), id: context.itemID(1, name: "M<n>"),
                                              value: context.number(arguments.require("value"), option: "--value")), in: id)
        case "amend":
            var changes = Amendment()
            changes.title = arguments.value("title")
            changes.unit = arguments.value("unit")
            changes.baseline = arguments.has("baseline") ? try context.reading("baseline") : nil
            changes.target = arguments.has("target") ? try context.reading("target") : nil
            try context.amend(.measure(context.itemID(1, name: "M<n>")), changes)
        case "correct":
            var changes = Amendment()
            changes.value = try context.number(arguments.require("value"), option: "--value")
            try context.amend(.reading(measure: context.itemID(1, name: "M<n>"), on: context.day("on")), changes)
        default:
            throw WSoAError.missingArgument(name: "a subcommand (add, record, amend or correct)", command: arguments.commandName)
        }
    }
}
