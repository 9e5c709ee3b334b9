/// The command tree as shell completion sees it: one `Node` per command, worked out once from the
/// `CommandSpec`s the parser and help use, so the bash, zsh and fish scripts say the same thing
/// and none of them is written by hand per command.
struct CompletionModel: Sendable {
    /// What completion needs to know about one command of the tree.
    struct Node: Sendable {
        /// The subcommand words from the root, e.g. `["advance", "submit"]`; empty for the root.
        let path: [String]
        /// The words that select its subcommands, in help order.
        let subcommands: [String]
        /// How many of its own positionals come before its subcommand word (`advance PLAN submit`).
        let subcommandSlot: Int
        /// The positionals expected along the path, the ancestors' first (`PLAN` of `advance`).
        let arguments: [ArgumentSpec]
        /// The options offered, as its help lists them.
        let offered: [OptionSpec]
        /// Every option the parser reads here that takes a value, even a global one the command
        /// does not use, so that walking the line never mistakes a value for a positional.
        let valued: [OptionSpec]

        /// The path as one key, words joined by spaces (the root's is empty).
        var key: String { path.joined(separator: " ") }
    }

    /// What to offer for an option's value or a positional.
    enum Value: Sendable, Equatable {
        /// One of a fixed set; `list` when the value is a comma-separated list of them.
        case words([String], list: Bool)
        /// A file name.
        case files
        /// A directory name.
        case directories
        /// A plan id: a folder of the plans directory that holds a journal.
        case plans

        /// What `option`'s value completes to, or nil for free text (names, dates, ids).
        static func of(_ option: OptionSpec) -> Value? {
            if !option.choices.isEmpty { return .words(option.choices, list: option.takesList) }
            return option.valueName.flatMap(named)
        }

        /// What `argument` completes to, or nil for free text.
        static func of(_ argument: ArgumentSpec) -> Value? {
            if argument.name == ArgumentSpec.plan.name { return .plans }
            return argument.choices.isEmpty ? named(argument.name) : .words(argument.choices, list: false)
        }

        /// A file or directory for a value named `FILE`, `PATH`, `…-JOURNAL` or `DIR`; nil for any other.
        private static func named(_ name: String) -> Value? {
            switch name {
            case "FILE", "PATH": return .files
            case "DIR": return .directories
            default: return name.hasSuffix("-JOURNAL") ? .files : nil
            }
        }
    }

    /// Where a value goes: an option (by any of its spellings) or the positional at an index.
    enum Slot: Sendable, Hashable {
        /// The option spelled so, e.g. `--kind` or `-h`.
        case option(String)
        /// The positional at this index along the path (0 is `PLAN` for `advance submit`).
        case positional(Int)

        /// The slot as the scripts spell it: the option itself, or `#` and the index.
        var key: String {
            switch self {
            case let .option(spelling): return spelling
            case let .positional(index): return "#\(index)"
            }
        }
    }

    /// Every command, the root first, each before its subcommands.
    let nodes: [Node]
    /// The option naming the plans directory, e.g. `--plans`, whose value typed on the line is
    /// where plan ids are listed from.
    let plansOption: String
    /// The long name of the global option naming the plans directory, as `Context` reads it.
    static let plansOptionName = "plans"
    /// The environment variable naming the plans directory when the option is not given.
    let plansVariable = "WSOA_PLANS"
    /// The plans directory when neither is given (as `Context` resolves it).
    let defaultPlans = "plans"
    /// The name of the file that makes a folder of the plans directory a plan.
    let journalName = "events.jsonl"

    /// The model of `root`'s tree, with the `globalOptions` the parser reads anywhere.
    init(root: CommandSpec, globalOptions: [OptionSpec]) {
        var nodes: [Node] = []
        func visit(_ chain: [CommandSpec]) {
            let command = chain[chain.count - 1]
            let inScope = chain.reversed().flatMap(\.options) + globalOptions
            nodes.append(Node(
                path: chain.dropFirst().map(\.name),
                subcommands: command.subcommands.map(\.name),
                subcommandSlot: command.subcommandAfterPositionals,
                arguments: CommandSpec.expectedArguments(along: chain),
                offered: HelpFormatter.listedOptions(along: chain, isRoot: chain.count == 1, globalOptions: globalOptions),
                valued: inScope.filter(\.takesValue)))
            for subcommand in command.subcommands { visit(chain + [subcommand]) }
        }
        visit([root])
        self.nodes = nodes
        plansOption = "--" + Self.plansOptionName
    }

    /// The model of `wsoa`'s own tree.
    static var wsoa: CompletionModel { CompletionModel(root: CommandTree.root, globalOptions: CommandTree.globalOptions) }

    /// Every spelling of `option`: `--name`, then `-x` if it has a short one.
    static func spellings(of option: OptionSpec) -> [String] {
        [option.displayName] + (option.short.map { ["-\($0)"] } ?? [])
    }

    /// The values to complete in each node, grouped by what they complete to (in the order first
    /// met), each with every `(node key, slot)` that takes it; so a script names each list once.
    var valueGroups: [(value: Value, places: [(node: String, slot: Slot)])] {
        var groups: [(value: Value, places: [(node: String, slot: Slot)])] = []
        func add(_ value: Value?, _ node: String, _ slot: Slot) {
            guard let value else { return }
            if let index = groups.firstIndex(where: { $0.value == value }) {
                groups[index].places.append((node, slot))
            } else {
                groups.append((value, [(node, slot)]))
            }
        }
        for node in nodes {
            // The option the parser reads first under a name wins, as `valued` keeps them.
            var seen: Set<String> = []
            for option in node.valued where seen.insert(option.name).inserted {
                for spelling in Self.spellings(of: option) { add(.of(option), node.key, .option(spelling)) }
            }
            for (index, argument) in node.arguments.enumerated() { add(.of(argument), node.key, .positional(index)) }
        }
        return groups
    }
}
