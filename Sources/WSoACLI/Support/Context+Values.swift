import WSoAEngine

extension Context {
    /// A finite number given as text, or a usage error naming the option.
    func number(_ text: String, option: String) throws -> Double {
        let trimmed = text.trimmingSpaces
        guard let value = Double(trimmed), value.isFinite, trimmed.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }) else {
            throw WSoAError.invalidValue(option: option, value: text, reason: "it is not a number")
        }
        return value
    }

    /// A `VALUE@DATE` pair such as `--baseline 42.5@2019-04-01`.
    func reading(_ option: String) throws -> Reading {
        let text = try arguments.require(option)
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw WSoAError.invalidValue(option: "--\(option)", value: text, reason: "write it as VALUE@YYYY-MM-DD, e.g. 42.5@2019-04-01")
        }
        return Reading(on: try Day(parsing: String(parts[1])), value: try number(String(parts[0]), option: "--\(option)"))
    }

    /// The value of option `name` as a case of `E`, or a usage error listing the valid values.
    func choice<E: ChoiceValue>(_ name: String, _ type: E.Type) throws -> E {
        try requireDeclaredChoices(name, type)
        return try choice(arguments.require(name), option: name, type)
    }

    /// The value of option `name` as a case of `E`, or nil when it was not given.
    func optionalChoice<E: ChoiceValue>(_ name: String, _ type: E.Type) throws -> E? {
        try requireDeclaredChoices(name, type)
        return try arguments.value(name).map { try choice($0, option: name, type) }
    }

    /// The positional at `index`, called `name` in errors, as a case of `E`, e.g. `SHELL`.
    func positionalChoice<E: ChoiceValue>(_ index: Int, name: String, _ type: E.Type) throws -> E {
        let expected = CommandSpec.expectedArguments(along: CommandTree.root.chain(along: arguments.commandPath))
        let text = try arguments.positional(index, name: name)
        guard expected.indices.contains(index), expected[index].choices == E.shownSpellings else {
            throw Self.undeclaredChoices(name, value: text)
        }
        return try Self.spelled(text, as: name, type)
    }

    /// `text` as a case of `E` in any of its spellings, or a usage error listing the valid
    /// values as help shows them. For part of an option's value (the `RAG` of `--rate ID=RAG`),
    /// which completion cannot offer; a whole value goes through `choice(_:_:)`.
    func choice<E: ChoiceValue>(_ text: String, option: String, _ type: E.Type) throws -> E {
        try Self.spelled(text, as: "--\(option)", type)
    }

    /// `text` as a case of `E`, or a usage error naming `label` (`--kind`, `SHELL`) and listing
    /// the valid values.
    private static func spelled<E: ChoiceValue>(_ text: String, as label: String, _ type: E.Type) throws -> E {
        guard let value = E(spelling: text) else {
            let valid = E.shownSpellings
            let hint = Suggestion.closest(to: text, among: valid).map { " (did you mean '\($0)'?)" } ?? ""
            throw WSoAError.invalidValue(option: label, value: text, reason: "use one of \(valid.joined(separator: ", "))\(hint)")
        }
        return value
    }

    /// Refuses to read option `name` as a choice of `E` unless the command table lists `E`'s
    /// values as its `choices`, which shell completion offers. Reading it anyway would let the
    /// table and completion drift from what is accepted, so this is a bug in wsoa, and any test
    /// that reaches the option fails on it (`CompletionTests` checks the sources for the rest).
    func requireDeclaredChoices<E: ChoiceValue>(_ name: String, _ type: E.Type) throws {
        let chain = CommandTree.root.chain(along: arguments.commandPath)
        let spec = chain.reversed().lazy.flatMap(\.options).first { $0.name == name }
        guard let spec, spec.choices == E.shownSpellings else {
            throw Self.undeclaredChoices("--" + name, value: arguments.value(name) ?? "")
        }
    }

    /// The error for a choice the command table does not list: wsoa's mistake, not the user's.
    private static func undeclaredChoices(_ label: String, value: String) -> WSoAError {
        .invalidValue(option: label, value: value,
                      reason: "wsoa's command table does not list the values it takes, which is a bug in wsoa; please report it")
    }

    /// `--on DATE`, or today when it is not given (for records made on the day).
    func dayOrToday(_ name: String = "on") throws -> Day {
        try optionalDay(name) ?? today
    }

    /// The id in positional `index` (e.g. `A3`), required.
    func itemID(_ index: Int, name: String) throws -> String {
        try arguments.positional(index, name: name)
    }
}
