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
        options: [.value("format", "FORMAT", help: "text (default), mermaid or dot.", choices: DiagramFormat.shownSpellings),
                  .value("framework", "YEAR", help: "2016 (default) or 2023.", choices: Framework.shownSpellings)],
        // The table is the engine's own, the same for every plan: it reads none.
        globals: ["json"])

    static func run(_ context: Context) throws {
        let format = try context.optionalChoice("format", DiagramFormat.self) ?? .text
        let framework = try context.optionalChoice("framework", Framework.self) ?? .send2016
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
