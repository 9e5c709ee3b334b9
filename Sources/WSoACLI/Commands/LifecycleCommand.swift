import WSoAEngine

/// `wsoa lifecycle`: draw the transition table.
enum LifecycleCommand: Command {
    static let spec = CommandSpec(
        "lifecycle",
        abstract: "Show the lifecycle's transition table as text, Mermaid or Graphviz DOT.",
        discussion: "The same table the engine checks every event against.",
        usage: ["lifecycle [--format text|mermaid|dot]"],
        options: [.value("format", "FORMAT", help: "text (default), mermaid or dot.")],
        // The table is the engine's own, the same for every plan: it reads none.
        globals: ["json"])

    static func run(_ context: Context) throws {
        let name = context.arguments.value("format") ?? "text"
        guard let format = DiagramFormat(rawValue: name) else {
            throw WSoAError.invalidValue(option: "--format", value: name, reason: "use text, mermaid or dot")
        }
        if context.json {
            context.printJSON(.array(Lifecycle.table.map { row in
                .object([
                    "from": .string(row.from.rawValue), "event": .string(row.event.rawValue),
                    "condition": row.condition.map { .string($0.rawValue) } ?? .null,
                    "to": .string(row.to.rawValue), "guards": .array(row.guards.map { .string($0.rawValue) }),
                ])
            }))
        } else {
            context.output.write(Lifecycle.diagram(format))
        }
    }
}
