/// What the bash and zsh scripts share, in the syntax common to the two: the command table as
/// lookup functions, and the walk of the words before the cursor that uses them.
enum PosixCompletion {
    /// `_wsoa_command`, `_wsoa_value` and `_wsoa_walk`, every word quoted.
    static func functions(_ model: CompletionModel) -> String {
        [commandFunction(model).posix, valueFunction(model).posix, walk(model)].joined(separator: "\n")
    }

    /// `_wsoa_command PATH`: sets `subs`, `slot`, `nargs`, `opts` and `valued` for the command
    /// the space-separated words of PATH name.
    static func commandFunction(_ model: CompletionModel) -> LookupFunction {
        LookupFunction(
            comment: ["Sets, for the command the words in $1 name: subs (its subcommand words), slot (how many of its",
                      "own positionals come before one), nargs (the positionals expected along the way), opts (the",
                      "options offered) and valued (every option read there that takes a value, space-separated)."],
            name: "_wsoa_command", subject: "$1",
            arms: model.nodes.map { node in
                // `valued` has spaces at both ends, so a lookup matches " --name " whole.
                let valued = " " + node.valued.flatMap(CompletionModel.spellings).joined(separator: " ") + " "
                return .init(keys: [ShellWord.posix(node.key)], body: [
                    "subs=(\(words(node.subcommands))); slot=\(node.subcommandSlot); nargs=\(node.arguments.count)",
                    "opts=(\(words(node.offered.flatMap(CompletionModel.spellings))))",
                    "valued=\(ShellWord.posix(valued))",
                ])
            })
    }

    /// `_wsoa_value PATH SLOT`: sets `kind` (words, files, directories, plans, or empty for free
    /// text), `choices` and `list` (set when the value is a comma-separated list) for an option
    /// (`--kind`) or positional (`#0`) of the command PATH names.
    static func valueFunction(_ model: CompletionModel) -> LookupFunction {
        LookupFunction(
            comment: ["Sets kind (words, files, directories or plans; empty for free text), choices and list (set for a",
                      "comma-separated list) for the value of $2, an option or #N for the Nth positional, of the command",
                      "the words in $1 name."],
            name: "_wsoa_value", subject: #""$1|$2""#,
            arms: model.valueGroups.map { group in
                let body: String
                switch group.value {
                case let .words(choices, list): body = "kind=words; choices=(\(words(choices)))" + (list ? "; list=1" : "")
                case .files: body = "kind=files"
                case .directories: body = "kind=directories"
                case .plans: body = "kind=plans"
                }
                return .init(keys: group.places.map { ShellWord.posix("\($0.node)|\($0.slot.key)") }, body: [body])
            },
            preamble: ["kind=; choices=(); list="])
    }

    /// `words` quoted and separated by spaces, for an array.
    static func words(_ words: [String]) -> String {
        words.map(ShellWord.posix).joined(separator: " ")
    }

    /// `_wsoa_walk WORD…`: reads the words before the cursor as the parser does, setting the
    /// caller's `cmd`, `plans`, `ended`, `own` and `npos` and, through `_wsoa_command`, the tables
    /// of the command they select.
    static func walk(_ model: CompletionModel) -> String {
        #"""
        # Walks the words before the cursor ($@, without the command's name) as the parser does: options
        # (and their values) are read anywhere until '--'; a word naming a subcommand in its slot selects it;
        # any other word is a positional. Sets the caller's cmd (the subcommand words), plans (the
        # \#(model.plansOption) value), ended, own (positionals since the last command word) and npos (all positionals).
        _wsoa_walk() {
            local word name value
            _wsoa_command ''
            while (($#)); do
                word=$1
                shift
                if [[ -z $ended && $word == -- ]]; then
                    ended=1
                elif [[ -z $ended && $word == -?* ]]; then
                    name=${word%%=*} value=
                    if [[ $word == *=* ]]; then
                        value=${word#*=}
                    elif [[ $valued == *" $name "* ]] && (($#)); then
                        value=$1
                        shift
                        # bash splits --name=value at the '=' (COMP_WORDBREAKS): skip the '=' too.
                        if [[ $value == = ]] && (($#)); then
                            value=$1
                            shift
                        fi
                    fi
                    [[ $name == \#(model.plansOption) ]] && plans=$value
                elif ((own == slot)) && [[ " ${subs[*]} " == *" $word "* ]]; then
                    cmd=${cmd:+$cmd }$word own=0
                    _wsoa_command "$cmd"
                else
                    ((own += 1, npos += 1))
                fi
            done
        }

        """#
    }
}
