import WSoAEngine

/// `wsoa partner`: a partner's change of name.
enum PartnerCommand: Command {
    static let spec = CommandSpec(
        "partner",
        abstract: "Record a partner's new name from a date (e.g. a CCG becoming an ICB).",
        discussion: "Views show the name in force at their as-of day.",
        usage: ["partner PLAN (--la NAME | --health NAME) --on DATE [--note TEXT]"],
        arguments: [.plan],
        options: [
            .value("la", "NAME", help: "The local authority's new name.", field: .localAuthority),
            .value("health", "NAME", help: "The NHS partner's new name.", field: .healthPartner),
            .on("The day the new name took effect."),
            .note,
        ])

    static func run(_ context: Context) throws {
        let arguments = context.arguments
        let id = try context.planID()
        let la = arguments.value("la"), health = arguments.value("health")
        if la != nil && health != nil {
            throw WSoAError.invalidValue(option: "--health", value: health ?? "", reason: "rename one partner at a time")
        }
        guard let name = la ?? health else {
            throw WSoAError.missingArgument(name: "--la or --health", command: arguments.commandName)
        }
        try context.record(.renamePartner(on: context.day("on"), role: la != nil ? .la : .health, name: name,
                                          note: arguments.value("note")), in: id)
    }
}
