import WSoAEngine

extension Context {
    /// The text of the letter file in option `name`, refused before reading when it is far too
    /// big to be a letter.
    func letterText(_ name: String = "from-letter") throws -> (text: String, file: String) {
        let path = try arguments.require(name)
        let bytes = try InputFile.read(path, limit: LetterReader.maximumBytes)
        // Lossy on purpose: PDF-to-text output is often slightly broken, and the reader
        // decides whether what is left is a letter.
        return (String(decoding: bytes, as: UTF8.self), String(path.split(separator: "/").last ?? Substring(path)))
    }

    /// What `--dry-run` prints: every fact read, each uncertain field's warning, and that
    /// nothing was written.
    func showReading(kind: LetterKind, file: String, summary: [(field: LetterField, value: String)],
                     warnings: [LetterWarning]) {
        if json {
            printJSON(.object([
                "kind": .string(kind.rawValue),
                "file": .string(file),
                "facts": .array(summary.map { .object(["field": .string($0.field.rawValue), "value": .string($0.value)]) }),
                "warnings": .array(warnings.map { .object(["field": .string($0.field.rawValue), "message": .string($0.message)]) }),
                "written": .bool(false),
            ]))
            return
        }
        output.line("Read \(file) as \(kind.description):")
        let width = summary.map { $0.field.description.count }.max() ?? 0
        for (field, value) in summary {
            output.line("  \(field.description.padding(toLength: width, withPad: " ", startingAt: 0))  \(value)")
        }
        if !warnings.isEmpty {
            output.line("")
            for warning in warnings { output.line("Warning: \(warning.description)") }
        }
        output.line("")
        output.line("Nothing was written (--dry-run).")
    }

    /// The note for facts read from a letter: the officer's own `note`, if any, then which file
    /// the facts came from and what the reader was unsure of.
    static func letterNote(_ file: String, kind: String, warnings: [LetterWarning], note: String?) -> String {
        var base = "Read from the \(kind) in \(file)."
        if !warnings.isEmpty { base += " Reader warnings: " + warnings.map(\.description).joined(separator: " ") }
        return [note, base].compactMap { $0 }.filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: " ")
    }
}
