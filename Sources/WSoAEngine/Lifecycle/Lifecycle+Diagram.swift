extension Lifecycle {
    /// The transition table drawn in `format`; the same table the engine decides with.
    public static func diagram(_ format: DiagramFormat) -> String {
        switch format {
        case .text: return textDiagram
        case .mermaid: return mermaidDiagram
        case .dot: return dotDiagram
        }
    }

    private static var textDiagram: String {
        let rows = [("from", "event", "to", "rules")] + table.map { row in
            (row.from.rawValue, row.label, row.to.rawValue, row.guards.map(\.rawValue).joined(separator: ", "))
        }
        let widths = (
            rows.map(\.0.count).max() ?? 0,
            rows.map(\.1.count).max() ?? 0,
            rows.map(\.2.count).max() ?? 0
        )
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: width - text.count) }
        var lines = ["Lifecycle (framework 2016): start → \(initialPhase.rawValue) (planCreated)", ""]
        for (index, row) in rows.enumerated() {
            lines.append("\(pad(row.0, widths.0))  \(pad(row.1, widths.1))  \(pad(row.2, widths.2))  \(row.3)"
                .trimmingTrailingSpaces)
            if index == 0 {
                lines.append(String(repeating: "-", count: widths.0 + widths.1 + widths.2 + 6 + 5))
            }
        }
        let finals = Phase.allCases.filter(\.isFinal).map(\.rawValue).joined(separator: ", ")
        lines.append("")
        lines.append("Final phases: \(finals).")
        return lines.joined(separator: "\n") + "\n"
    }

    private static var mermaidDiagram: String {
        var lines = ["stateDiagram-v2", "    [*] --> \(initialPhase.rawValue): planCreated"]
        for row in table {
            lines.append("    \(row.from.rawValue) --> \(row.to.rawValue): \(row.label)")
        }
        for phase in Phase.allCases where phase.isFinal {
            lines.append("    \(phase.rawValue) --> [*]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static var dotDiagram: String {
        var lines = ["digraph lifecycle {", "    rankdir=LR;", "    node [shape=box, style=rounded];",
                     "    start [shape=point];"]
        for phase in Phase.allCases where phase.isFinal {
            lines.append("    \(phase.rawValue) [peripheries=2];")
        }
        lines.append("    start -> \(initialPhase.rawValue) [label=\"planCreated\"];")
        for row in table {
            lines.append("    \(row.from.rawValue) -> \(row.to.rawValue) [label=\"\(row.label)\"];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// The text without trailing spaces, so padded tables leave no invisible ends.
    var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
