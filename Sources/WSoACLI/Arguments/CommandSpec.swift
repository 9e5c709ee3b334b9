/// A command (or the root tool) as the parser and help see it: its words, arguments and options.
///
/// The tree of `CommandSpec`s is the single description of the command line: the parser checks
/// input against it and `HelpFormatter` renders help from it, so the two cannot drift apart.
struct CommandSpec: Sendable, Equatable {
    /// The word that selects the command, e.g. `advance`; for the root, the tool name `wsoa`.
    let name: String
    /// One line shown after `OVERVIEW:` and in the parent's `SUBCOMMANDS:` list.
    let abstract: String
    /// Longer explanation shown in the command's own help, if any.
    let discussion: String?
    /// Usage lines without the leading `wsoa `, e.g. `advance PLAN submit --on DATE`.
    ///
    /// Written by hand because the real grammar (alternatives, either/or options) is richer than
    /// the spec; when empty, help synthesises one line from the spec.
    let usage: [String]
    /// Positional arguments, in order.
    let arguments: [ArgumentSpec]
    /// Options specific to this command (global options are passed to the parser separately).
    let options: [OptionSpec]
    /// Commands selected by a further word, e.g. `submit` under `advance`.
    let subcommands: [CommandSpec]
    /// How many of this command's own positionals come before its subcommand word.
    ///
    /// `advance` uses 1, so in `wsoa advance submit submit` the first `submit` is the PLAN and the
    /// second selects the subcommand. A word in that slot that names no subcommand becomes the
    /// next positional if the command takes one, else it is an unknown command.
    let subcommandAfterPositionals: Int
    /// The global options this command uses; help lists only these and the parser refuses the
    /// others once this command is selected.
    let globals: GlobalUse

    /// Creates a command spec; everything but the name and abstract is optional. Most commands
    /// record, so `globals` defaults to the global options of a command that records.
    init(
        _ name: String,
        abstract: String,
        discussion: String? = nil,
        usage: [String] = [],
        arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [],
        subcommands: [CommandSpec] = [],
        subcommandAfterPositionals: Int = 0,
        globals: GlobalUse = .recording
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.usage = usage
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
        self.subcommandAfterPositionals = max(0, subcommandAfterPositionals)
        self.globals = globals
    }

    /// The direct subcommand called `name`, if there is one (exact, case-sensitive match).
    func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }

    /// Why the global option `name`, which this command does not use, cannot be given with it;
    /// completes "The option '--name' of 'wsoa …' cannot be used here: …".
    func reasonUnused(global name: String) -> String {
        switch name {
        case "as-of":
            let views = "it only applies to views (list, status, history, deadlines, report and advance PLAN)"
            guard globals.contains("by") else { return views }
            // A record is made today; the date it is about goes in its own option.
            return options.contains { $0.name == "on" } ? views + "; record the event's own date with --on" : views
        case "by": return "it names who records, and this command records nothing"
        case "allow-personal-data": return "it lets a record keep text that looks like personal data, and this command records nothing"
        case "json": return "this command prints nothing as JSON"
        case "plans": return "this command reads no plans"
        default: return "this command does not use it"
        }
    }

    /// This command followed by the commands that `path` names below it, stopping at the first
    /// word that names none; so `chain(along: []).count == 1`.
    func chain(along path: [String]) -> [CommandSpec] {
        var chain = [self]
        for word in path {
            guard let next = chain[chain.count - 1].subcommand(named: word) else { break }
            chain.append(next)
        }
        return chain
    }

    /// The positionals a command at the end of `chain` expects, including those its ancestors
    /// take before their subcommand word (e.g. `PLAN` for `advance submit`).
    static func expectedArguments(along chain: [CommandSpec]) -> [ArgumentSpec] {
        var expected: [ArgumentSpec] = []
        for (index, command) in chain.enumerated() {
            if index == chain.count - 1 {
                expected += command.arguments
            } else {
                expected += command.arguments.prefix(command.subcommandAfterPositionals)
            }
        }
        return expected
    }
}
