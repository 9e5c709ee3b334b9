import WSoAEngine

/// Every command and global option of `wsoa`, in the order help lists them.
enum CommandTree {
    /// The commands, in help order.
    static var commands: [any Command.Type] { [
        InitCommand.self, NewCommand.self, AdvanceCommand.self, WorkstreamCommand.self, ActionCommand.self,
        MeasureCommand.self, EvidenceCommand.self, VisitCommand.self, FollowUpCommand.self, PartnerCommand.self, ListCommand.self,
        StatusCommand.self, ReportCommand.self, ExportCommand.self, ImportCommand.self, HistoryCommand.self, DeadlinesCommand.self,
        VerifyCommand.self, RepairCommand.self, MergeCommand.self, GitCommand.self, LifecycleCommand.self, CompletionCommand.self,
    ] }

    /// Options typed before or after the command name (DESIGN.md §8); each command takes only
    /// those it uses (`CommandSpec.globals`).
    static let globalOptions: [OptionSpec] = [
        .value("plans", "DIR", help: "The plans directory (default: $WSOA_PLANS, else ./plans)."),
        .value("as-of", "DATE", help: "View the plan as it stood on DATE (default: today in Europe/London)."),
        .value("by", "NAME", help: "Who is recording (default: $WSOA_USER, else $USER; one is needed to record).", field: .recorder),
        .flag("json", help: "Print machine-readable JSON on stdout."),
        .flag("allow-personal-data", help: "Record text that looks like an NHS number, pupil number or email address (the record notes it)."),
    ]

    /// The root of the command tree.
    static let root = CommandSpec(
        "wsoa",
        abstract: "Keep a local area's written statement of action after an Ofsted/CQC SEND inspection.",
        discussion: """
            From the inspection, through the written statement of action, DfE/NHS England monitoring \
            and the revisit (2016 framework) or the strategic plan, the priority action plan and the \
            monitoring inspection (2023 framework), to the end of monitoring: an append-only, \
            hash-chained record per plan, with deadlines counted in England and Wales working days.
            """,
        usage: ["<command> [<options>]"],
        subcommands: commands.map { $0.spec },
        globals: [])

    /// The command called `name` (the parser has already checked it exists).
    static func command(for name: String) throws -> any Command.Type {
        guard let command = commands.first(where: { $0.spec.name == name }) else {
            throw WSoAError.unknownCommand(name: name, suggestion: Suggestion.closest(to: name, among: commands.map { $0.spec.name }))
        }
        return command
    }
}

/// Help text shared by the commands that take a plan.
extension ArgumentSpec {
    /// The `PLAN` argument.
    static let plan = ArgumentSpec("PLAN", help: "The plan's id, e.g. stockton-on-tees-2019.")
}

extension OptionSpec {
    /// `--note TEXT`.
    static let note = OptionSpec.value("note", "TEXT", help: "Where the facts came from, or anything the record should say.",
                                       field: .note)
    /// `--on DATE`.
    static func on(_ help: String) -> OptionSpec { .value("on", "DATE", help: help) }
}
