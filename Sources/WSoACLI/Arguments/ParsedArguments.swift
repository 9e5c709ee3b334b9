import WSoAEngine

/// What the parser understood from a command line: which command, its positionals and options.
///
/// Option values are kept per option name in the order given, so repeatable options keep every
/// value and non-repeatable ones can take the last (swift-argument-parser's "last wins").
struct ParsedArguments: Sendable, Equatable {
    /// The root command's name, e.g. `wsoa`; used to name the command in errors.
    var rootName: String
    /// The subcommand words selected, e.g. `["advance", "submit"]`; empty for the root.
    var commandPath: [String]
    /// Positional arguments in order, across the whole path (`PLAN` of `advance` comes first).
    var positionals: [String]
    /// Values of options that take one, by long name, in the order given.
    var optionValues: [String: [String]]
    /// Long names of the flags that were given.
    var flagsGiven: Set<String>
    /// Whether `-h`, `--help` or `wsoa help …` asked for help; the command path says on what.
    var helpRequested: Bool
    /// Whether `--version` was given.
    var versionRequested: Bool

    /// Creates parsed arguments; the parser builds these, tests may too.
    init(
        rootName: String = "wsoa",
        commandPath: [String] = [],
        positionals: [String] = [],
        optionValues: [String: [String]] = [:],
        flagsGiven: Set<String> = [],
        helpRequested: Bool = false,
        versionRequested: Bool = false
    ) {
        self.rootName = rootName
        self.commandPath = commandPath
        self.positionals = positionals
        self.optionValues = optionValues
        self.flagsGiven = flagsGiven
        self.helpRequested = helpRequested
        self.versionRequested = versionRequested
    }

    /// The command as people type it, e.g. `wsoa advance submit`; used in error messages.
    var commandName: String {
        ([rootName] + commandPath).joined(separator: " ")
    }

    /// Every value given for the option `name` (long name, no dashes), in order.
    func values(_ name: String) -> [String] {
        optionValues[name] ?? []
    }

    /// The value given for the option `name`, if any (the last, for a repeatable option; the
    /// parser refuses any other given twice).
    func value(_ name: String) -> String? {
        optionValues[name]?.last
    }

    /// Whether the flag `name` was given.
    func flag(_ name: String) -> Bool {
        flagsGiven.contains(name)
    }

    /// Whether the option `name` (flag or valued) was given at all.
    func has(_ name: String) -> Bool {
        flag(name) || !values(name).isEmpty
    }

    /// The values of `name` split on commas, trimmed of spaces, empty items dropped, in the
    /// order given; a repeated option contributes all its values, e.g. `--sufficient W1,W2
    /// --sufficient W3`. An item given twice is kept twice, for the rules to refuse by name. A
    /// value that names nothing (`--weakness ""`) is an error rather than an empty list, which
    /// would mean something else.
    func list(_ name: String) throws -> [String] {
        var items: [String] = []
        for value in values(name) {
            let named = value.split(separator: ",", omittingEmptySubsequences: true).map(\.trimmingSpaces).filter { !$0.isEmpty }
            guard !named.isEmpty else {
                throw WSoAError.invalidValue(option: "--" + name, value: value, reason: "it names nothing; leave the option out instead")
            }
            items += named
        }
        return items
    }

    /// The last value of the option `name`, or `WSoAError.missingArgument` naming `--name`.
    func require(_ name: String) throws -> String {
        guard let value = value(name) else {
            throw WSoAError.missingArgument(name: "--" + name, command: commandName)
        }
        return value
    }

    /// The positional at `index`, or `nil` if fewer were given (for optional positionals).
    func positional(_ index: Int) -> String? {
        positionals.indices.contains(index) ? positionals[index] : nil
    }

    /// The positional at `index`, or `WSoAError.missingArgument` naming it as `name`.
    func positional(_ index: Int, name: String) throws -> String {
        guard let value = positional(index) else {
            throw WSoAError.missingArgument(name: name, command: commandName)
        }
        return value
    }
}
