import WSoAEngine

/// `wsoa lifecycle`: draw the transition table.
enum LifecycleCommand: Command {
    static let spec = CommandSpec(
        "lifecycle",
        abstract: "Show the lifecycle's transition table as text, Mermaid or Graphviz DOT.",
        discussion: """
            The same table the engine checks every event against. --framework 2023 draws the area SEND \
            framework's lifecycle (inspections from 1 January 2023) instead of the 2016 framework's.
            """,
        usage: ["lifecycle [--format text|mermaid|dot] [--framework 2016|2023]"],
        options: [.value("format", "FORMAT", help: "text (default), mermaid or dot."),
                  .value("framework", "YEAR", help: "2016 (default) or 2023.")],
        // The table is the engine's own, the same for every plan: it reads none.
        globals: ["json"])

    static func run(_ context: Context) throws {
        let name = context.arguments.value("format") ?? "text"
        guard let format = DiagramFormat(rawValue: name) else {
            throw WSoAError.invalidValue(option: "--format", value: name, reason: "use text, mermaid or dot")
        }
        let year = context.arguments.value("framework") ?? Framework.send2016.rawValue
        guard let framework = Framework(rawValue: year) else {
            throw WSoAError.invalidValue(option: "--framework", value: year, reason: "use 2016 or 2023")
        }
        if context.json {
            context.printJSON(.array(Lifecycle.table(for: framework).map { row in
                .object([
                    "from": .string(row.from.rawValue), "event": .string(row.event.rawValue),
                    "condition": row.condition.map { .string($0.rawValue) } ?? .null,
                    "to": .string(row.to.rawValue), "guards": .array(row.guards.map { .string($0.rawValue) }),
                ])
            }))
        } else {
            context.output.write(Lifecycle.diagram(format, framework: framework))
        }
    }
}
