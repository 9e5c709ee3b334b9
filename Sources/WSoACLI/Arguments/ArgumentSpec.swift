/// One positional argument a command takes, e.g. `PLAN`.
///
/// Positionals are filled in the order declared. Optional ones should come last, because the
/// parser fills slots left to right and never skips one.
struct ArgumentSpec: Sendable, Equatable {
    /// The placeholder shown in usage, help and errors, e.g. `PLAN`.
    let name: String
    /// One sentence shown in help.
    let help: String
    /// Whether the command runs without it (e.g. `verify [PLAN]`).
    let isOptional: Bool
    /// The values it takes when they come from a fixed set (a `ChoiceValue`'s `shownSpellings`),
    /// for shell completion; empty otherwise.
    let choices: [String]

    /// Creates a positional argument; required unless `isOptional` is set.
    init(_ name: String, help: String, isOptional: Bool = false, choices: [String] = []) {
        self.name = name
        self.help = help
        self.isOptional = isOptional
        self.choices = choices
    }
}
