import WSoAEngine

/// One named option a command accepts: either a flag or an option that takes a value.
///
/// Options are spelled `--name` (and `-x` when `short` is set). A value is given as the next
/// argument or inline as `--name=value`. A non-repeatable option given more than once is a
/// usage error rather than the last value silently winning, so nothing typed is dropped.
struct OptionSpec: Sendable, Equatable {
    /// The long name without the leading `--`, e.g. `plans`.
    let name: String
    /// The single-letter spelling without the leading `-`, e.g. `h`, if there is one.
    let short: Character?
    /// The placeholder shown in help for the value, e.g. `DIR`; `nil` makes this a flag.
    let valueName: String?
    /// One sentence shown in help.
    let help: String
    /// Whether giving the option several times is meant to collect several values.
    ///
    /// Help says "can be repeated" for these; any other option given twice is a usage error.
    let repeatable: Bool
    /// The recorded text field the value goes into, whose limit help shows.
    let field: TextField?
    /// The values the option takes when they come from a fixed set (a `ChoiceValue`'s
    /// `shownSpellings`), for shell completion; empty for free text, dates, ids and files.
    ///
    /// `Context.choice` refuses to read an option as a choice unless it lists exactly these, so
    /// a new choice option cannot be left out of completion.
    let choices: [String]

    /// Creates an option from all of its parts; prefer `.flag`, `.value` and `.repeated`.
    init(name: String, short: Character? = nil, valueName: String?, help: String, repeatable: Bool = false,
         field: TextField? = nil, choices: [String] = []) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.help = help
        self.repeatable = repeatable
        self.field = field
        self.choices = choices
    }

    /// Whether the option needs a value (rather than being a flag).
    var takesValue: Bool { valueName != nil }

    /// The option as typed on the command line, e.g. `--plans`; used in error messages.
    var displayName: String { "--" + name }

    /// A flag: present or absent, never given a value.
    static func flag(_ name: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: nil, help: help)
    }

    /// An option that takes one value, e.g. `.value("plans", "DIR", help: …)` for `--plans DIR`;
    /// `choices` lists the values of a fixed set (`EvidenceKind.shownSpellings`).
    static func value(_ name: String, _ valueName: String, short: Character? = nil, help: String,
                      field: TextField? = nil, choices: [String] = []) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: valueName, help: help, field: field, choices: choices)
    }

    /// An option that takes a value and may be given several times to collect several values.
    static func repeated(_ name: String, _ valueName: String, short: Character? = nil, help: String,
                         field: TextField? = nil, choices: [String] = []) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: valueName, help: help, repeatable: true, field: field,
                   choices: choices)
    }

    /// Whether the value is a list whose items are separated by commas (`KIND,…`), so completion
    /// offers a choice after each comma.
    var takesList: Bool { valueName?.hasSuffix(",…") ?? false }

    /// `-h`/`--help`: accepted by every command, anywhere on the command line.
    static let builtInHelp = OptionSpec.flag("help", short: "h", help: "Show help information.")

    /// `--version`: accepted anywhere, but listed only in the root command's help.
    static let builtInVersion = OptionSpec.flag("version", help: "Show the version.")
}
