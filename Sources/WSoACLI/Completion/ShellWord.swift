/// Quoting of the words a completion script holds (command words, option names, choice values),
/// so a value with a space, quote or `$` is offered as written and never run.
enum ShellWord {
    /// `text` in single quotes for bash and zsh, each `'` written as `'\''`.
    static func posix(_ text: String) -> String {
        "'" + text.map { $0 == "'" ? #"'\''"# : String($0) }.joined() + "'"
    }

    /// `text` in single quotes for fish, where only `\` and `'` are escaped inside them.
    static func fish(_ text: String) -> String {
        "'" + text.map { $0 == "'" || $0 == "\\" ? "\\" + String($0) : String($0) }.joined() + "'"
    }
}
