import WSoAEngine

/// Turns `wsoa`'s command-line words into `ParsedArguments`, following swift-argument-parser's
/// conventions without depending on it.
///
/// Rules, in the order they matter:
/// - Words are read left to right. Global options (and `-h`/`--help`, `--version`) are read
///   anywhere; a command's own options once that command has been selected (options of the
///   commands above it on the path stay accepted too).
/// - A global option the selected command does not use (`CommandSpec.globals`) is a usage error
///   (`optionUnused`). It is judged once the whole line is read, because the command is known
///   only then (`wsoa --as-of D advance PLAN` is a view; `… advance PLAN submit` records), so
///   it comes after every other mistake but a missing positional. With no command selected
///   the root's help is shown, so none is judged.
/// - The first word that is not an option selects a subcommand of the root; a command with
///   subcommands selects the next one after its first `subcommandAfterPositionals` positionals
///   (`wsoa advance PLAN submit`). Other words fill the command's positionals.
/// - `wsoa help [COMMAND…]` is help for that command, as in swift-argument-parser.
/// - `--name value` and `--name=value`; `-x value` and `-x=value` for short names. A value may
///   start with `-` (`--value -3`) unless it is itself an option the command accepts, in which
///   case the first option is missing its value. A flag given `=value` is an error.
/// - A non-repeatable option given twice is a usage error (`optionRepeated`): a second value
///   would otherwise replace the first without a word. A repeatable one keeps every value.
/// - `--` ends option parsing: every later word is a positional or subcommand word, never an
///   option.
/// - Help and version never fail: when either is requested, mistakes elsewhere on the line are
///   ignored and the command path is resolved as far as it goes, so `wsoa advance --help` is
///   help for `advance` even without its PLAN. The one exception is `wsoa help NAME` naming a
///   command that does not exist, which is an unknown command.
/// - Otherwise the first mistake, in reading order, is thrown; missing required positionals are
///   checked last.
enum ArgumentParser {
    /// The outcome of reading a command line even when it has a mistake.
    ///
    /// The CLI uses this to print `Usage:` for the command the mistake was made in.
    struct Attempt: Sendable, Equatable {
        /// Everything understood, with the command path resolved as far as it goes.
        let arguments: ParsedArguments
        /// The first mistake, or `nil` if the command line is usable as it is.
        let error: WSoAError?
    }

    /// Parses `arguments` (without the program name) against `root` and `globalOptions`.
    ///
    /// Throws the first usage mistake as a `WSoAError` (`unknownCommand`, `unknownOption`,
    /// `missingValue`, `optionUnused`, `missingArgument`, `unexpectedArgument` or
    /// `invalidValue`), unless help or version was requested.
    static func parse(_ arguments: [String], root: CommandSpec, globalOptions: [OptionSpec]) throws -> ParsedArguments {
        let attempt = attempt(arguments, root: root, globalOptions: globalOptions)
        if let error = attempt.error { throw error }
        return attempt.arguments
    }

    /// Parses like `parse` but returns what was understood alongside the first mistake, so the
    /// caller knows which command's usage to show. Never traps, whatever the input.
    static func attempt(_ arguments: [String], root: CommandSpec, globalOptions: [OptionSpec]) -> Attempt {
        var reader = Reader(root: root, globalOptions: globalOptions)
        reader.read(arguments)
        return reader.finish()
    }
}

/// The parser's state while reading one command line.
private struct Reader {
    let globalOptions: [OptionSpec]
    /// Root first, then each selected subcommand.
    var chain: [CommandSpec]
    var result: ParsedArguments
    /// How many positionals belong to the commands above the current one.
    var positionalsBeforeCommand = 0
    var optionsEnded = false
    /// Set after an unknown command word: later words cannot be placed, so are not judged.
    var resolutionStopped = false
    /// Inside `wsoa help …`: later words name commands, not positionals.
    var readingHelpTopic = false
    var firstError: WSoAError?
    /// An unknown command named after `wsoa help`, which help itself cannot excuse.
    var helpTopicError: WSoAError?
    /// The global options given, in the order first given, judged against the command at the end.
    var globalsGiven: [OptionSpec] = []

    init(root: CommandSpec, globalOptions: [OptionSpec]) {
        self.globalOptions = globalOptions
        self.chain = [root]
        self.result = ParsedArguments(rootName: root.name)
    }

    var current: CommandSpec { chain[chain.count - 1] }

    /// Options read at this point: built-ins (reserved), then the current command's, then
    /// its ancestors', then the global ones; the first with a given name wins.
    ///
    /// Every global option is read, even one the current command does not use: a subcommand
    /// later on the line may use it, and its value must not be mistaken for a positional.
    var optionsInScope: [OptionSpec] {
        [OptionSpec.builtInHelp, OptionSpec.builtInVersion] + chain.reversed().flatMap(\.options) + globalOptions
    }

    /// The options worth suggesting for a mistyped one: those in scope, less the global options
    /// the command selected so far does not use (before any command, all of them).
    var optionsToSuggest: [OptionSpec] {
        guard chain.count > 1 else { return optionsInScope }
        return optionsInScope.filter { !isGlobal($0) || current.globals.contains($0.name) }
    }

    /// Whether `spec` was read as a global option rather than as an option of a command on the path.
    func isGlobal(_ spec: OptionSpec) -> Bool {
        globalOptions.contains(spec) && !chain.contains { $0.options.contains { $0.name == spec.name } }
    }

    mutating func read(_ arguments: [String]) {
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            index += 1
            if optionsEnded {
                place(word)
            } else if word == "--" {
                optionsEnded = true
            } else if word.hasPrefix("-"), word.count > 1 {
                readOption(word, arguments: arguments, index: &index)
            } else {
                place(word)
            }
        }
    }

    func finish() -> ArgumentParser.Attempt {
        if result.helpRequested {
            return .init(arguments: result, error: helpTopicError)
        }
        if result.versionRequested {
            return .init(arguments: result, error: nil)
        }
        return .init(arguments: result, error: firstError ?? unusedGlobal() ?? missingPositional())
    }

    // MARK: Options

    /// Splits `--name=value` / `-x=value` into the option as typed and its inline value.
    static func split(_ word: String) -> (option: Substring, inlineValue: Substring?) {
        guard let equals = word.firstIndex(of: "=") else { return (word[...], nil) }
        return (word[..<equals], word[word.index(after: equals)...])
    }

    /// The spec `option` (as typed, with dashes, without `=value`) names, if it is in scope.
    func lookup(_ option: Substring) -> OptionSpec? {
        if option.hasPrefix("--") {
            let name = option.dropFirst(2)
            guard !name.isEmpty else { return nil }
            return optionsInScope.first { $0.name == name }
        }
        let letters = option.dropFirst()
        guard option.hasPrefix("-"), letters.count == 1, let letter = letters.first else { return nil }
        return optionsInScope.first { $0.short == letter }
    }

    /// Whether `word` would be read as an option (or `--`) here, so cannot be a value.
    func isOptionHere(_ word: String) -> Bool {
        if word == "--" { return true }
        guard word.hasPrefix("-"), word.count > 1 else { return false }
        return lookup(Self.split(word).option) != nil
    }

    mutating func readOption(_ word: String, arguments: [String], index: inout Int) {
        let (typed, inlineValue) = Self.split(word)
        let found = lookup(typed)
        if let found, isGlobal(found), !globalsGiven.contains(found) { globalsGiven.append(found) }
        guard let spec = found else {
            // Only the first mistake is reported, so only it pays for a suggestion.
            guard firstError == nil else { return }
            let bare = typed.drop { $0 == "-" }
            let suggestion = Suggestion.closest(to: String(bare), among: optionsToSuggest.map(\.name))
            record(.unknownOption(
                option: bare.isEmpty ? word : String(typed),
                command: result.commandName,
                suggestion: suggestion.map { "--" + $0 }
            ))
            return
        }

        guard spec.takesValue else {
            if let inlineValue {
                record(.invalidValue(
                    option: spec.displayName,
                    value: String(inlineValue),
                    reason: "it is a flag and takes no value"
                ))
            } else if spec == OptionSpec.builtInHelp {
                result.helpRequested = true
            } else if spec == OptionSpec.builtInVersion {
                result.versionRequested = true
            } else {
                result.flagsGiven.insert(spec.name)
            }
            return
        }

        let value: String
        if let inlineValue {
            value = String(inlineValue)
        } else if index < arguments.endIndex, !isOptionHere(arguments[index]) {
            value = arguments[index]
            index += 1
        } else {
            record(.missingValue(option: spec.displayName, command: result.commandName))
            return
        }
        if !spec.repeatable, let first = result.optionValues[spec.name]?.first {
            record(.optionRepeated(option: spec.displayName, command: result.commandName, first: first, second: value))
            return
        }
        result.optionValues[spec.name, default: []].append(value)
    }

    // MARK: Words

    /// Places a non-option word: a subcommand, a help topic or a positional.
    mutating func place(_ word: String) {
        if readingHelpTopic {
            guard !resolutionStopped else { return }
            if let next = current.subcommand(named: word) {
                select(next)
            } else {
                resolutionStopped = true
                if helpTopicError == nil {
                    helpTopicError = .unknownCommand(name: word, suggestion: suggestCommand(for: word))
                }
            }
            return
        }
        guard !resolutionStopped else { return }

        let ownCount = result.positionals.count - positionalsBeforeCommand
        let atSubcommandSlot = !current.subcommands.isEmpty && ownCount == current.subcommandAfterPositionals
        if atSubcommandSlot, let next = current.subcommand(named: word) {
            select(next)
        } else if atSubcommandSlot, chain.count == 1, word == "help" {
            readingHelpTopic = true
            result.helpRequested = true
        } else if ownCount < current.arguments.count {
            result.positionals.append(word)
        } else if atSubcommandSlot {
            resolutionStopped = true
            if firstError == nil {
                record(.unknownCommand(name: word, suggestion: suggestCommand(for: word)))
            }
        } else {
            record(.unexpectedArgument(argument: word, command: result.commandName))
        }
    }

    mutating func select(_ command: CommandSpec) {
        chain.append(command)
        result.commandPath.append(command.name)
        positionalsBeforeCommand = result.positionals.count
    }

    func suggestCommand(for word: String) -> String? {
        var names = current.subcommands.map(\.name)
        if chain.count == 1, !readingHelpTopic, current.subcommand(named: "help") == nil {
            names.append("help")
        }
        return Suggestion.closest(to: word, among: names)
    }

    // MARK: Errors

    /// Keeps the first mistake only; later ones are usually consequences of it.
    mutating func record(_ error: WSoAError) {
        if firstError == nil { firstError = error }
    }

    /// The first global option given that the selected command does not use, as a usage error.
    func unusedGlobal() -> WSoAError? {
        guard chain.count > 1, let unused = globalsGiven.first(where: { !current.globals.contains($0.name) }) else { return nil }
        return .optionUnused(option: unused.displayName, command: result.commandName,
                             reason: current.reasonUnused(global: unused.name))
    }

    func missingPositional() -> WSoAError? {
        let own = current.arguments
        let given = result.positionals.count - positionalsBeforeCommand
        for (offset, argument) in own.enumerated() where offset >= given && !argument.isOptional {
            return .missingArgument(name: argument.name, command: result.commandName)
        }
        return nil
    }
}
