/// A generated shell function that looks a key up in a table: a comment saying what it sets,
/// then one arm per command or value group. The scripts keep their data in these, so the code
/// that walks the line is the same whatever the tree holds.
struct LookupFunction {
    /// One arm: the keys it matches (already quoted for the shell) and what it runs.
    struct Arm {
        /// The keys, each quoted for the shell the function is written in.
        let keys: [String]
        /// The lines it runs, without indentation.
        let body: [String]
    }

    /// The comment above the function, one line each, without `# `.
    let comment: [String]
    /// The function's name, e.g. `_wsoa_command`.
    let name: String
    /// What it switches on, e.g. `$1` or `"$1|$2"`.
    let subject: String
    /// The arms, in order.
    let arms: [Arm]
    /// Lines run before the switch, e.g. resetting what it sets.
    var preamble: [String] = []

    /// The function in the syntax bash and zsh share: `case … in … esac`.
    var posix: String {
        var lines = comment.map { "# " + $0 } + ["\(name)() {"] + preamble.map { "    " + $0 } + ["    case \(subject) in"]
        for arm in arms {
            lines.append("    " + arm.keys.joined(separator: "|\\\n    ") + ")")
            lines += arm.body.map { "        " + $0 } + ["        ;;"]
        }
        return (lines + ["    esac", "}"]).joined(separator: "\n") + "\n"
    }

    /// The function in fish's syntax: `switch … case … end`.
    var fish: String {
        var lines = comment.map { "# " + $0 } + ["function \(name)"] + preamble.map { "    " + $0 } + ["    switch \(subject)"]
        for arm in arms {
            lines.append("        case " + arm.keys.joined(separator: " \\\n            "))
            lines += arm.body.map { "            " + $0 }
        }
        return (lines + ["    end", "end"]).joined(separator: "\n") + "\n"
    }
}
