import WSoAEngine
/// Renders help and usage text from `CommandSpec`s in swift-argument-parser's layout.
///
/// Output is a pure function of the specs (no terminal width, no dictionary order), so help can
/// be pinned exactly in tests and in documentation.
enum HelpFormatter {
    /// Help text is wrapped to this many columns.
    static let width = 80
    /// Where the help text of an argument, option or subcommand starts (as swift-argument-parser).
    static let labelColumn = 26

    /// The full help for `command`, reached from `root` by `path`, ending in one newline.
    ///
    /// Sections: OVERVIEW, the discussion, USAGE, ARGUMENTS, OPTIONS (the command's own, then
    /// those of the commands above it, then the `globalOptions` the command uses, then
    /// `--version` for the root only, then `-h, --help`) and SUBCOMMANDS; empty sections are
    /// left out.
    static func help(for command: CommandSpec, path: [String], root: CommandSpec, globalOptions: [OptionSpec]) -> String {
        let chain = chain(for: command, path: path, root: root)
        var sections: [String] = []

        sections.append(wrap("OVERVIEW: " + command.abstract, firstPrefix: "", restPrefix: ""))

        if let discussion = command.discussion.map(wrapDiscussion), !discussion.isEmpty {
            sections.append(discussion)
        }

        let usageLines = usageLines(for: command, chain: chain)
        let usagePrefix = "USAGE: " + root.name + " "
        let continuation = String(repeating: " ", count: usagePrefix.count)
        sections.append(usageLines.enumerated().map { index, line in
            let first = index == 0 ? usagePrefix : String(repeating: " ", count: 7) + root.name + " "
            return wrap(line, firstPrefix: first, restPrefix: continuation)
        }.joined(separator: "\n"))

        let arguments = CommandSpec.expectedArguments(along: chain)
        if !arguments.isEmpty {
            sections.append((["ARGUMENTS:"] + arguments.map { entry(label: "<\($0.name)>", text: $0.help) })
                .joined(separator: "\n"))
        }

        let options = listedOptions(along: chain, isRoot: path.isEmpty, globalOptions: globalOptions)
        sections.append((["OPTIONS:"] + options.map { entry(label: label(for: $0), text: text(for: $0)) })
            .joined(separator: "\n"))

        if !command.subcommands.isEmpty {
            let helpPath = ([root.name, "help"] + path + ["<subcommand>"]).joined(separator: " ")
            sections.append((["SUBCOMMANDS:"] + command.subcommands.map { entry(label: $0.name, text: $0.abstract) })
                .joined(separator: "\n")
                + "\n\n  See '\(helpPath)' for detailed help.")
        }

        return sections.joined(separator: "\n\n") + "\n"
    }

    /// The options help lists for the command at the end of `chain`, which shell completion
    /// offers too: its own, then those of the commands above it, then the `globalOptions` it
    /// uses, then `--version` for the root only, then `-h, --help`; each name once.
    static func listedOptions(along chain: [CommandSpec], isRoot: Bool, globalOptions: [OptionSpec]) -> [OptionSpec] {
        var options: [OptionSpec] = []
        var extras = [OptionSpec.builtInHelp]
        if isRoot { extras.insert(OptionSpec.builtInVersion, at: 0) }
        let globals = globalOptions.filter { chain[chain.count - 1].globals.contains($0.name) }
        for option in chain.reversed().flatMap(\.options) + globals + extras
        where !options.contains(where: { $0.name == option.name }) {
            options.append(option)
        }
        return options
    }

    /// `Usage: wsoa <first usage line>`, printed after a usage error in `command`.
    static func usageLine(for command: CommandSpec, path: [String], root: CommandSpec) -> String {
        let line = usageLines(for: command, chain: chain(for: command, path: path, root: root))[0]
        return "Usage: " + root.name + " " + line
    }

    /// `See 'wsoa <path> --help' for more information.`, printed after a usage error.
    static func helpHint(path: [String], root: CommandSpec) -> String {
        "See '" + ([root.name] + path + ["--help"]).joined(separator: " ") + "' for more information."
    }

    // MARK: Pieces

    /// Root to `command` along `path`; just `[command]` if `path` does not lead to it.
    private static func chain(for command: CommandSpec, path: [String], root: CommandSpec) -> [CommandSpec] {
        let chain = root.chain(along: path)
        guard chain.count == path.count + 1, chain[chain.count - 1] == command else { return [command] }
        return chain
    }

    /// The hand-written usage lines, or one synthesised from the spec (never empty).
    private static func usageLines(for command: CommandSpec, chain: [CommandSpec]) -> [String] {
        if !command.usage.isEmpty { return command.usage }
        var words: [String] = []
        for (index, spec) in chain.enumerated() {
            let isLast = index == chain.count - 1
            if index > 0 { words.append(spec.name) }
            let leading = spec.arguments.prefix(spec.subcommandAfterPositionals)
            words += leading.map(placeholder)
            if isLast {
                if !spec.subcommands.isEmpty { words.append("<subcommand>") }
                words += spec.arguments.dropFirst(spec.subcommandAfterPositionals).map(placeholder)
                if !spec.options.isEmpty { words.append("[<options>]") }
            }
        }
        return [words.joined(separator: " ")]
    }

    private static func placeholder(_ argument: ArgumentSpec) -> String {
        argument.isOptional ? "[\(argument.name)]" : argument.name
    }

    private static func label(for option: OptionSpec) -> String {
        let short = option.short.map { "-\($0), " } ?? ""
        let value = option.valueName.map { " <\($0)>" } ?? ""
        return short + "--" + option.name + value
    }

    private static func text(for option: OptionSpec) -> String {
        var notes: [String] = []
        // Options that record text say how much each may hold (the engine's limits, TextField).
        if let field = option.field {
            notes.append("at most \(field.limit) characters" + (field.maximumCount > 1 ? ", up to \(field.maximumCount) times" : ""))
        } else if option.repeatable {
            notes.append("can be repeated")
        }
        guard !notes.isEmpty else { return option.help }
        let sentence = option.help.hasSuffix(".") ? String(option.help.dropLast()) : option.help
        // A help text that ends in its own parenthesis ("(default: …)") takes the notes inside it.
        if sentence.hasSuffix(")") { return "\(sentence.dropLast()); \(notes.joined(separator: "; ")))." }
        return "\(sentence) (\(notes.joined(separator: "; ")))."
    }

    /// One `  label   text` row: text starts at `labelColumn`, or on the next line when the label
    /// is too long, and wraps with a hanging indent to that column.
    private static func entry(label: String, text: String) -> String {
        let indented = "  " + label
        let hanging = String(repeating: " ", count: labelColumn)
        guard !text.isEmpty else { return indented }
        if indented.count < labelColumn {
            let padded = indented + String(repeating: " ", count: labelColumn - indented.count)
            return wrap(text, firstPrefix: padded, restPrefix: hanging)
        }
        return indented + "\n" + wrap(text, firstPrefix: hanging, restPrefix: hanging)
    }

    /// Wraps each paragraph of the discussion to `width`; lines starting with a space are kept
    /// as written, so examples can be laid out by hand. Trailing blank lines are dropped so the
    /// gap before USAGE is always one line.
    private static func wrapDiscussion(_ discussion: String) -> String {
        var lines = discussion.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(" ") ? String(line).trailingSpacesTrimmed : wrap(String(line), firstPrefix: "", restPrefix: "")
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Greedy word wrap of `text` to `width` columns. Each line of `text` starts a new line;
    /// the first line starts with `firstPrefix`, the rest with `restPrefix`. A word longer than
    /// the line is left whole rather than broken.
    static func wrap(_ text: String, firstPrefix: String, restPrefix: String) -> String {
        var lines: [String] = []
        var line = firstPrefix
        var lineHasWords = false
        for (paragraphIndex, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if paragraphIndex > 0 {
                lines.append(line)
                line = restPrefix
                lineHasWords = false
            }
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                if lineHasWords, line.count + 1 + word.count > width {
                    lines.append(line)
                    line = restPrefix
                    lineHasWords = false
                }
                line += (lineHasWords ? " " : "") + word
                lineHasWords = true
            }
        }
        lines.append(line)
        return lines.map { $0.trailingSpacesTrimmed }.joined(separator: "\n")
    }
}

private extension String {
    /// The string without trailing spaces, so wrapped help never ends lines in blanks.
    var trailingSpacesTrimmed: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
