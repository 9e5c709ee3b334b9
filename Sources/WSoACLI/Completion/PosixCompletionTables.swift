/// The command table as two shell functions that bash and zsh both read (the syntax used is
/// common to the two), so the walk of the line in each script looks everything up in the same
/// generated data.
enum PosixCompletionTables {
    /// `_wsoa_command`, which sets what a command offers, and `_wsoa_value`, which says what a
    /// value completes to; every word quoted.
    static func functions(_ model: CompletionModel) -> String {
        commandFunction(model) + "\n" + valueFunction(model)
    }

    /// `_wsoa_command PATH`: sets `subs`, `slot`, `nargs`, `opts` and `valued` for the command
    /// the space-separated words of PATH name.
    static func commandFunction(_ model: CompletionModel) -> String {
        var lines = [
            "# Sets, for the command the words in $1 name: subs (its subcommand words), slot (how many of its",
            "# own positionals come before one), nargs (the positionals expected along the way), opts (the",
            "# options offered) and valued (every option read there that takes a value, space-separated).",
            "_wsoa_command() {",
            "    case $1 in",
        ]
        for node in model.nodes {
            lines.append("    \(ShellWord.posix(node.key)))")
            lines.append("        subs=(\(node.subcommands.map(ShellWord.posix).joined(separator: " "))); slot=\(node.subcommandSlot); nargs=\(node.arguments.count)")
            lines.append("        opts=(\(node.offered.flatMap(CompletionModel.spellings).map(ShellWord.posix).joined(separator: " ")))")
            // Spaces at both ends, so a lookup matches " --name " whole.
            let valued = node.valued.flatMap(CompletionModel.spellings).joined(separator: " ")
            lines.append("        valued=\(ShellWord.posix(" \(valued) "))")
            lines.append("        ;;")
        }
        lines += ["    esac", "}"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `_wsoa_value PATH SLOT`: sets `kind` (words, files, directories, plans, or empty for free
    /// text), `choices` and `list` (set when the value is a comma-separated list) for an option
    /// (`--kind`) or positional (`#0`) of the command PATH names.
    static func valueFunction(_ model: CompletionModel) -> String {
        var lines = [
            "# Sets kind (words, files, directories or plans; empty for free text), choices and list (set for a",
            "# comma-separated list) for the value of $2, an option or #N for the Nth positional, of the command",
            "# the words in $1 name.",
            "_wsoa_value() {",
            "    kind=; choices=(); list=",
            "    case \"$1|$2\" in",
        ]
        for group in model.valueGroups {
            let patterns = group.places.map { ShellWord.posix("\($0.node)|\($0.slot.key)") }
            lines.append("    " + patterns.joined(separator: "|\\\n    ") + ")")
            switch group.value {
            case let .words(words, list):
                lines.append("        kind=words; choices=(\(words.map(ShellWord.posix).joined(separator: " ")))\(list ? "; list=1" : "") ;;")
            case .files: lines.append("        kind=files ;;")
            case .directories: lines.append("        kind=directories ;;")
            case .plans: lines.append("        kind=plans ;;")
            }
        }
        lines += ["    esac", "}"]
        return lines.joined(separator: "\n") + "\n"
    }
}
