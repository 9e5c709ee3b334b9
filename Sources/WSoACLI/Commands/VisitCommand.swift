import WSoAEngine

/// `wsoa visit`: record a DfE/NHS England monitoring visit.
enum VisitCommand: Command {
    static let spec = CommandSpec(
        "visit",
        abstract: "Record a DfE/NHS England monitoring (support-and-challenge) visit.",
        discussion: "Accepted while the plan is monitored (monitoring or acceleratedProgress). Visits are numbered V1, V2, … in order.",
        usage: ["visit PLAN --on DATE [--adviser NAME]… [--note TEXT]"],
        arguments: [.plan],
        options: [
            .on("The day of the visit."),
            .repeated("adviser", "NAME", help: "An adviser present (DfE, NHS England); repeat for each."),
            .note,
        ])

    static func run(_ context: Context) throws {
        let id = try context.planID()
        try context.record(.holdMonitoringVisit(on: context.day("on"), advisers: context.arguments.values("adviser"),
                                                note: context.arguments.value("note")), in: id)
    }
}
