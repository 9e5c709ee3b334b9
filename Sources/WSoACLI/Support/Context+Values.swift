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
        let text = try arguments.require(name)
        return try choice(text, option: name, type)
    }

    /// `text` as a case of `E` in any of its spellings, or a usage error listing the valid
    /// values as help shows them.
    func choice<E: ChoiceValue>(_ text: String, option: String, _ type: E.Type) throws -> E {
        guard let value = E(spelling: text) else {
            let valid = E.shownSpellings
            let hint = Suggestion.closest(to: text, among: valid).map { " (did you mean '\($0)'?)" } ?? ""
            throw WSoAError.invalidValue(option: "--\(option)", value: text,
                                         reason: "use one of \(valid.joined(separator: ", "))\(hint)")
        }
        return value
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
