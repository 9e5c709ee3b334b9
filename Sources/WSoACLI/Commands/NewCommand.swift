import WSoAEngine

/// `wsoa new`: open a plan for an inspection visit.
enum NewCommand: Command {
    static let spec = CommandSpec(
        "new",
        abstract: "Open a plan for a local area's SEND inspection.",
        discussion: """
            Records the inspection visit (planCreated); the plan starts in the phase 'inspected'. \
            Then record the outcome letter with 'wsoa advance PLAN letter'.
            """,
        usage: ["new PLAN --area NAME --inspected START..END [--la NAME] [--health NAME] [--note TEXT]"],
        arguments: [.plan],
        options: [
            .value("area", "NAME", help: "The local area's name, e.g. Stockton-on-Tees."),
            .value("inspected", "START..END", help: "The inspection visit's first and last days, e.g. 2019-02-04..2019-02-08."),
            .value("la", "NAME", help: "The local authority, e.g. Stockton-on-Tees Borough Council."),
            .value("health", "NAME", help: "The NHS partner (CCG, or ICB from July 2022)."),
            .note,
        ])

    static func run(_ context: Context) throws {
        try context.refuseAsOf()
        let id = try context.planID()
        let area = try context.arguments.require("area")
        let visit = try DayRange(parsing: context.arguments.require("inspected"))
        let created = PlanEvent.PlanCreated(
            id: id, area: area, visit: visit,
            partners: Partners(la: context.arguments.value("la"), health: context.arguments.value("health")),
            note: context.arguments.value("note"))
        let entries = try context.store.create(created, by: context.by, recorded: context.recorded,
                                               personalDataAllowed: context.arguments.flag("allow-personal-data"))
        guard let plan = Plan.replay(entries.map(\.event)) else { return }
        context.report(entries, plan: plan)
        if !context.json {
            context.output.line("Next: record the outcome letter with 'wsoa advance \(id) letter --on DATE …'.")
        }
    }
}
