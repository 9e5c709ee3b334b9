extension Lifecycle {
    /// `framework`'s transition table drawn in `format`; the same table the engine decides with.
    public static func diagram(_ format: DiagramFormat, framework: Framework = .send2016) -> String {
        let table = table(for: framework), finals = phases(in: framework).filter(\.isFinal)
        switch format {
        case .text: return textDiagram(table, framework: framework, finals: finals)
        case .mermaid: return mermaidDiagram(table, finals: finals)
        case .dot: return dotDiagram(table, finals: finals)
        }
    }

    private static func textDiagram(_ table: [Transition], framework: Framework, finals: [Phase]) -> String {
        let rows = [("from", "event", "to", "rules")] + table.map { row in
            (row.from.rawValue, row.label, row.to.rawValue, row.guards.map(\.rawValue).joined(separator: ", "))
        }
        let widths = (
            rows.map(\.0.count).max() ?? 0,
            rows.map(\.1.count).max() ?? 0,
            rows.map(\.2.count).max() ?? 0
        )
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: width - text.count) }
        var lines = ["Lifecycle (framework \(framework.rawValue)): start → \(initialPhase.rawValue) (planCreated)", ""]
        for (index, row) in rows.enumerated() {
            lines.append("\(pad(row.0, widths.0))  \(pad(row.1, widths.1))  \(pad(row.2, widths.2))  \(row.3)"
                .trimmingTrailingSpaces)
            if index == 0 {
                lines.append(String(repeating: "-", count: widths.0 + widths.1 + widths.2 + 6 + 5))
            }
        }
        lines.append("")
        lines.append("Final phases: \(finals.map(\.rawValue).joined(separator: ", ")).")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func mermaidDiagram(_ table: [Transition], finals: [Phase]) -> String {
        var lines = ["stateDiagram-v2", "    [*] --> \(initialPhase.rawValue): planCreated"]
        for row in table {
            lines.append("    \(row.from.rawValue) --> \(row.to.rawValue): \(row.label)")
        }
        for phase in finals {
            lines.append("    \(phase.rawValue) --> [*]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func dotDiagram(_ table: [Transition], finals: [Phase]) -> String {
        var lines = ["digraph lifecycle {", "    rankdir=LR;", "    node [shape=box, style=rounded];",
                     "    start [shape=point];"]
        for phase in finals {
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
