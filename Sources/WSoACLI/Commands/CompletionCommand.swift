import WSoAEngine

/// `wsoa completion`: print a shell completion script generated from the command table.
enum CompletionCommand: Command {
    static let spec = CommandSpec(
        "completion",
        abstract: "Print a shell completion script for bash, zsh or fish.",
        discussion: """
            The script is generated from the same command table as this help, so it completes every command, \
            subcommand and option, the values of options that take one of a fixed set, file names, and plan ids: \
            the folders of the plans directory (--plans typed on the line, else $WSOA_PLANS, else ./plans) that \
            hold a journal, listed by the shell itself. Enable it with 'source <(wsoa completion bash)' in \
            ~/.bashrc, 'source <(wsoa completion zsh)' in ~/.zshrc after compinit, or \
            'wsoa completion fish > ~/.config/fish/completions/wsoa.fish'.
            """,
        usage: ["completion bash|zsh|fish"],
        arguments: [ArgumentSpec("SHELL", help: "bash, zsh or fish.", choices: CompletionShell.shownSpellings)],
        // It prints the same text whatever the plans hold: it reads none, records nothing and has no JSON.
        globals: [])

    static func run(_ context: Context) throws {
        let shell = try context.positionalChoice(0, name: "SHELL", CompletionShell.self)
        context.output.write(shell.script(.wsoa))
    }
}
