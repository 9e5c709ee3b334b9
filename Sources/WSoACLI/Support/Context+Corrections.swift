import WSoAEngine

extension Context {
    /// Records an amendment of `target` with the `--reason` given, dated today: the day the
    /// correction is made, whatever the dates it corrects.
    /// `files` are evidence files to keep copies of (`evidence revise`).
    func amend(_ target: RecordTarget, _ changes: Amendment, keeping files: [EvidenceFile] = []) throws {
        let id = try planID()
        guard !changes.fieldNames.isEmpty else {
            // A file is revised with 'evidence revise', not amended.
            let options = Amendment.fields(for: target).filter { $0 != "file" }.map { "--" + Self.option(forField: $0) }
            throw WSoAError.missingArgument(name: "something to change (\(options.joined(separator: ", ")))", command: arguments.commandName)
        }
        try record(.amend(on: today, target: target, changes: changes, reason: arguments.require("reason")), in: id, keeping: files)
    }

    /// Records the withdrawal of `target` with the `--reason` given, dated today.
    func withdraw(_ target: RecordTarget) throws {
        try record(.withdraw(on: today, target: target, reason: arguments.require("reason")), in: planID())
    }

    /// The journal line number in positional `index`, e.g. `7`.
    func lineNumber(_ index: Int, name: String) throws -> Int {
        let text = try arguments.positional(index, name: name)
        guard let line = Int(text), line > 0, text.allSatisfy(\.isASCII) else {
            throw WSoAError.invalidValue(option: name, value: text, reason: "give the journal line's number, e.g. 7 ('wsoa history' shows them)")
        }
        return line
    }

    /// The option that sets an amendment's field.
    static func option(forField field: String) -> String {
        switch field {
        case "partners": return "partner"
        case "weaknesses": return "weakness"
        case "advisers": return "adviser"
        case "attendees": return "attendee"
        case "ratings": return "rate"
        default: return field
        }
    }

    /// `--rate ID=RAG,…` as ratings by weakness or workstream id, each id once.
    func ratings() throws -> [String: Rating] {
        var ratings: [String: Rating] = [:]
        for pair in try arguments.list("rate") {
            let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw WSoAError.invalidValue(option: "--rate", value: pair, reason: "write each rating as ID=red, ID=amber or ID=green")
            }
            let key = parts[0].trimmingSpaces
            if ratings[key] != nil {
                throw WSoAError.invalidValue(option: "--rate", value: pair, reason: "\(key) is rated twice")
            }
            ratings[key] = try choice(parts[1].trimmingSpaces.lowercased(), option: "rate", Rating.self)
        }
        return ratings
    }

    /// The values of a list option (repeats and commas alike) as cases of `E`, or nil when it
    /// was not given.
    func choices<E: ChoiceValue>(_ name: String, _ type: E.Type) throws -> [E]? {
        try requireDeclaredChoices(name, type)
        guard arguments.has(name) else { return nil }
        return try arguments.list(name).map { try choice($0, option: name, type) }
    }

    /// `--attendee "Name (Role)"`, repeated, or nil when none was given.
    func attendees() -> [Attendee]? {
        arguments.has("attendee") ? arguments.values("attendee").map(Attendee.init(parsing:)) : nil
    }
}

extension Context {
    /// `--estimated NAME,…`: which of the command's dates are estimates, as the journal names
    /// them; `names` maps each option the user may name (`received`, `inspected`) to the
    /// journal's field (`received`, `visit`).
    func estimated(_ names: KeyValuePairs<String, String>) throws -> [String] {
        try arguments.list("estimated").map { given in
            guard let field = names.first(where: { $0.key == given })?.value else {
                throw WSoAError.invalidValue(option: "--estimated", value: given,
                                             reason: "name one of this command's dates: \(names.map(\.key).joined(separator: ", "))")
            }
            return field
        }
    }
}

extension OptionSpec {
    /// `--estimated NAME,…` for a command whose dates named by `names` may be estimates.
    static func estimated(_ names: String) -> OptionSpec {
        .repeated("estimated", "NAME,…", help: "Which dates are estimates (\(names)): shown as estimated wherever they appear.")
    }

    /// `--reason TEXT` for a correction.
    static let correctionReason = OptionSpec.value("reason", "TEXT", help: "Why the record is corrected (kept with the correction).",
                                                   field: .reason)
    /// `--attendee "NAME (ROLE)"`.
    static let attendee = OptionSpec.repeated("attendee", "\"NAME (ROLE)\"", help: "Someone who attended for the area, with their role; repeat for each.",
                                              field: .attendee)
}
