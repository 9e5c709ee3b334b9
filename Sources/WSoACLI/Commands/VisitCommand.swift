import WSoAEngine

/// `wsoa visit`: record a DfE/NHS England monitoring visit.
enum VisitCommand: Command {
    static let spec = CommandSpec(
        "visit",
        abstract: "Record a DfE/NHS England monitoring (support-and-challenge) visit.",
        discussion: "Accepted while the plan is monitored (monitoring or acceleratedProgress). Visits are numbered V1, V2, … in order.",
        usage: ["visit PLAN --on DATE [--adviser NAME]… [--rate W1=green,coproduction=amber,…] [--follow-up TEXT]… [--note TEXT]"],
        arguments: [.plan],
        options: [
            .on("The day of the visit."),
            .repeated("adviser", "NAME", help: "An adviser present (DfE, NHS England); repeat for each.", field: .adviser),
            .repeated("rate", "ID=RAG,…", help: "A red, amber or green rating per weakness or workstream id."),
            .repeated("follow-up", "TEXT", help: "An action agreed at the visit; repeat for each.", field: .followUp),
            .note,
        ])

    static func run(_ context: Context) throws {
        let id = try context.planID()
        var ratings: [String: Rating] = [:]
        for pair in context.arguments.list("rate") {
            let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw WSoAError.invalidValue(option: "--rate", value: pair, reason: "write each rating as ID=red, ID=amber or ID=green")
            }
            let key = parts[0].trimmingSpaces
            if ratings[key] != nil {
                throw WSoAError.invalidValue(option: "--rate", value: pair, reason: "\(key) is rated twice")
            }
            ratings[key] = try context.choice(parts[1].trimmingSpaces.lowercased(), option: "rate", Rating.self)
        }
        try context.record(.holdMonitoringVisit(on: context.day("on"), advisers: context.arguments.values("adviser"),
                                                ratings: ratings, followUps: context.arguments.values("follow-up"),
                                                note: context.arguments.value("note")), in: id)
    }
}
