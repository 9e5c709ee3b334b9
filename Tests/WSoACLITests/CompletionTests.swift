import Foundation
import Testing
import WSoAEngine
@testable import WSoACLI

/// `wsoa completion bash|zsh|fish`: scripts generated from the command table, pinned with golden
/// files, checked against the tree, and run in the shells themselves.
@Suite struct CompletionTests {
    /// A folder to complete in: `plans` holds the plans `alpha` and `beta` and a folder `notes`
    /// with no journal; `other` holds `gamma`, `env-plans` holds `delta` and `my plans` holds
    /// `epsilon`.
    final class Workspace {
        let folder: URL

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-completion-\(UUID().uuidString)")
            for plan in ["plans/alpha", "plans/beta", "other/gamma", "env-plans/delta", "my plans/epsilon"] {
                let url = folder.appendingPathComponent(plan)
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                try Data().write(to: url.appendingPathComponent("events.jsonl"))
            }
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("plans/notes"), withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        /// Writes `script` into the folder and returns its path.
        func save(_ script: String, as name: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try script.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }

        /// What bash's `_wsoa` offers for `words` (the last is the word being completed), sorted.
        func bash(_ words: [String], script: String = CompletionShell.bash.script(.wsoa),
                  environment: [String: String] = [:]) throws -> [String] {
            let path = try save(script, as: "wsoa.bash")
            let line = words.joined(separator: " ")
            let program = """
                source \(Shells.quoted(path))
                COMP_WORDS=(\(words.map(Shells.quoted).joined(separator: " ")))
                COMP_CWORD=\(words.count - 1)
                COMP_LINE=\(Shells.quoted(line))
                COMP_POINT=\(line.utf8.count)
                _wsoa
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            let result = try Shells.run(Shells.bash, ["--norc", "--noprofile", "-c", program], in: folder, environment: environment)
            #expect(result.status == 0 && result.stderr.isEmpty, "bash: \(result.stderr)")
            return result.lines.sorted()
        }
    }

    /// Every command of the tree with its path from the root, the root first.
    static func commands(_ command: CommandSpec = CommandTree.root, path: [String] = []) -> [(path: [String], spec: CommandSpec)] {
        [(path, command)] + command.subcommands.flatMap { commands($0, path: path + [$0.name]) }
    }

    /// The spec of the command at `path`.
    static func spec(_ path: String...) throws -> CommandSpec {
        let chain = CommandTree.root.chain(along: path)
        try #require(chain.count == path.count + 1)
        return chain[chain.count - 1]
    }

    // MARK: The command

    @Test func bashOffersOnlyPlanIdsAndReadsAQuotedPlansFolderAsTheCommandWill() throws {
        let workspace = try Workspace()
        // A folder whose name no plan id can have is never offered: it would be put on the line
        // unquoted, where `$(…)` runs when the line is.
        for odd in ["has space", "$(touch pwned)", "semi;colon", "Capital"] {
            let url = workspace.folder.appendingPathComponent("plans/\(odd)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data().write(to: url.appendingPathComponent("events.jsonl"))
        }
        #expect(try workspace.bash(["wsoa", "verify", ""]) == ["alpha", "beta"])
        // --plans as typed, quoted or escaped, is the folder the command will be given.
        #expect(try workspace.bash(["wsoa", "--plans", "\"my plans\"", "verify", ""]) == ["epsilon"])
        #expect(try workspace.bash(["wsoa", "verify", "--plans", "'my plans'", ""]) == ["epsilon"])
        #expect(try workspace.bash(["wsoa", "verify", "--plans", "my\\ plans", ""]) == ["epsilon"])
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("pwned").path))
    }

    @Test(arguments: CompletionShell.allCases)
    func scriptMatchesGolden(_ shell: CompletionShell) throws {
        let result = try InProcess().run(["completion", shell.rawValue])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let url = HelpTests.goldenFolder.appendingPathComponent("completion-\(shell.rawValue).txt")
        if ProcessInfo.processInfo.environment["WSOA_RECORD_GOLDEN"] == "1" {
            try result.stdout.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(result.stdout == (try String(contentsOf: url, encoding: .utf8)))
    }

    @Test func theBinaryPrintsAScriptAndRefusesAnUnknownShell() throws {
        let wsoa = try WSoABinary()
        let bash = try wsoa.run(["completion", "bash"])
        #expect(bash.status == 0 && bash.stdout.contains("complete -F _wsoa wsoa"))
        let tcsh = try wsoa.run(["completion", "tcsh"])
        #expect(tcsh.status == 64 && tcsh.stdout.isEmpty)
        #expect(tcsh.stderr.hasPrefix("Error: The value 'tcsh' of 'SHELL' cannot be used: use one of bash, zsh, fish"))
        let none = try wsoa.run(["completion"])
        #expect(none.status == 64 && none.stderr.hasPrefix("Error: 'wsoa completion' needs SHELL."))
        #expect(try wsoa.run(["completion", "--help"]).stdout.hasPrefix("OVERVIEW: Print a shell completion script"))
        #expect(try wsoa.run(["completion", "bash", "--plans", "x"]).status == 64)
    }

    // MARK: The scripts hold the whole tree

    @Test(arguments: CompletionShell.allCases)
    func everyCommandOptionAndChoiceIsInTheScript(_ shell: CompletionShell) {
        let script = shell.script(.wsoa)
        let quote = shell == .fish ? ShellWord.fish : ShellWord.posix
        for (path, spec) in Self.commands() {
            #expect(script.contains(quote(path.joined(separator: " "))), "\(shell): the command '\(path)'")
            for option in spec.options + CommandTree.globalOptions {
                for spelling in CompletionModel.spellings(of: option) {
                    #expect(script.contains(quote(spelling)), "\(shell): \(spelling) of \(path)")
                }
                for choice in option.choices {
                    #expect(script.contains(quote(choice)), "\(shell): \(choice) for --\(option.name) of \(path)")
                }
            }
            for choice in spec.arguments.flatMap(\.choices) {
                #expect(script.contains(quote(choice)), "\(shell): \(choice) for an argument of \(path)")
            }
        }
    }

    @Test(arguments: CompletionShell.allCases)
    func theScriptIsValidSyntax(_ shell: CompletionShell) throws {
        let executable: String?
        switch shell {
        case .bash: executable = Shells.bash
        case .zsh: executable = Shells.zsh
        case .fish: executable = Shells.fish
        }
        // zsh and fish are not on every machine; bash is.
        guard let executable else { return }
        let workspace = try Workspace()
        let path = try workspace.save(shell.script(.wsoa), as: "wsoa.\(shell.rawValue)")
        let result = try Shells.run(executable, ["-n", path], in: workspace.folder)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(shell): \(result.stderr)")
    }

    // MARK: No choice drifts from completion

    /// Every option a command reads as a choice (`choice`, `optionalChoice`, `choices` with the
    /// option's name) is found in the sources, and each must list its values in the command's
    /// table; `Context` refuses at run time to read one whose list differs from the type's.
    @Test func everyOptionReadAsAChoiceDeclaresItsValues() throws {
        let folder = WSoABinary.packageRoot.appendingPathComponent("Sources/WSoACLI/Commands")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        var found = 0
        for file in files {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            // A whole option's value must go through the checked readers, never the text one.
            #expect(!source.contains(#/[^A-Za-z]choice\([^\n]*option: "/#), "\(file) reads an option's value as a choice unchecked")
            let typeName = String(file.dropLast(".swift".count).prefix { $0 != "+" })
            let names = source.matches(of: #/[^A-Za-z](?:choice|optionalChoice|choices)\("([a-z-]+)"/#).map { String($0.output.1) }
            guard !names.isEmpty else { continue }
            let command = try #require(CommandTree.commands.first { String(describing: $0) == typeName }, "\(file)")
            let options = Self.commands(command.spec).flatMap(\.spec.options)
            for name in names {
                found += 1
                let named = options.filter { $0.name == name }
                #expect(!named.isEmpty && named.allSatisfy { !$0.choices.isEmpty }, "--\(name) of \(typeName) lists no choices")
            }
        }
        #expect(found >= 14, "the sources' choices were not found: \(found)")
    }

    @Test func aChoiceTheTableDoesNotListIsRefusedAsABug() throws {
        let wsoa = try InProcess()
        let arguments = ParsedArguments(commandPath: ["action", "add"], positionals: ["p", "A1"], optionValues: ["title": ["voice"]])
        let context = try Context(arguments: arguments, environment: wsoa.environment, output: Output(out: { _ in }, err: { _ in }))
        let attempts: [() throws -> Void] = [
            { _ = try context.choice("title", EvidenceKind.self) },
            { _ = try context.optionalChoice("title", EvidenceKind.self) },
            { _ = try context.choices("title", EvidenceKind.self) },
            { _ = try context.positionalChoice(1, name: "ID", EvidenceKind.self) },
        ]
        for attempt in attempts {
            #expect { try attempt() } throws: { "\($0)".contains("a bug in wsoa") }
        }
    }

    // MARK: bash, run

    static let advanceSubcommands = (try? spec("advance").subcommands.map(\.name).sorted()) ?? []

    /// Lines for bash and what it should offer, sorted.
    static let bashCases: [([String], [String])] = [
        (["wsoa", "ev"], ["evidence"]),
        (["wsoa", "evidence", "add", "PLAN", "--kind", ""], EvidenceKind.shownSpellings.sorted()),
        (["wsoa", "evidence", "add", "PLAN", "--kind=v"], ["--kind=voice"]),
        (["wsoa", "action", "update", "p", "A1", "--status", "at"], ["at-risk"]),
        (["wsoa", "status", ""], ["alpha", "beta"]),
        (["wsoa", "--plans", "other", "status", ""], ["gamma"]),
        (["wsoa", "status", "--plans=other", ""], ["gamma"]),
        (["wsoa", "status", "--plans", "=", "other", ""], ["gamma"]),
        (["wsoa", "--as-of", "2020-01-01", "report", "b"], ["beta"]),
        (["wsoa", "advance", ""], ["alpha", "beta"]),
        (["wsoa", "advance", "PLAN", ""], advanceSubcommands),
        (["wsoa", "advance", "PLAN", "esc"], ["escalate"]),
        (["wsoa", "advance", "PLAN", "escalate", "--kind", "=", "s"], ["statutory-direction"]),
        (["wsoa", "advance", "PLAN", "escalate", "--kind=s"], ["--kind=statutory-direction"]),
        (["wsoa", "history", "p", "--kind", "letter,a"], ["letter,action"]),
        (["wsoa", "lifecycle", "--framework", ""], ["2016", "2023"]),
        (["wsoa", "deadlines", "--format", ""], ["ics", "text"]),
        (["wsoa", "completion", ""], ["bash", "fish", "zsh"]),
        (["wsoa", "export", "p", "--output", "oth"], ["other"]),
        (["wsoa", "--plans", "env"], ["env-plans"]),
        (["wsoa", "action", "add", "p", "--title", ""], []),
        (["wsoa", "--", "-"], []),
    ]

    @Test(arguments: bashCases)
    func bashCompletes(_ words: [String], _ expected: [String]) throws {
        #expect(try Workspace().bash(words) == expected)
    }

    @Test func bashOffersEachCommandsOptionsAndTheGlobalsItUses() throws {
        let workspace = try Workspace()
        let status = try Self.spec("status")
        let offered = HelpFormatter.listedOptions(along: CommandTree.root.chain(along: ["status"]), isRoot: false,
                                                  globalOptions: CommandTree.globalOptions)
        #expect(try workspace.bash(["wsoa", "status", "-"]) == offered.flatMap(CompletionModel.spellings).sorted())
        #expect(offered.contains { $0.name == "as-of" } && !offered.contains { $0.name == "by" } && status.globals == .viewing)
        #expect(try workspace.bash(["wsoa", "action", "add", "p", "--j"]) == ["--json"])
        #expect(try workspace.bash(["wsoa", "--v"]) == ["--version"])
    }

    @Test func bashListsThePlansOf_WSOA_PLANS() throws {
        let workspace = try Workspace()
        #expect(try workspace.bash(["wsoa", "verify", ""], environment: ["WSOA_PLANS": "env-plans"]) == ["delta"])
        #expect(try workspace.bash(["wsoa", "--plans", "other", "verify", ""], environment: ["WSOA_PLANS": "env-plans"]) == ["gamma"])
        let home = workspace.folder.path
        #expect(try workspace.bash(["wsoa", "verify", "--plans", "~/other", ""], environment: ["HOME": home]) == ["gamma"])
    }

    @Test func aCommandAddedToTheTreeIsCompletedAndItsValuesAreNeverRun() throws {
        let odd = ["it's blue", "$(touch ran)", "a b"]
        let root = CommandSpec("wsoa", abstract: "A.", subcommands: [
            CommandSpec("paint", abstract: "P.", arguments: [.plan],
                        options: [.value("colour", "COLOUR", short: "c", help: "C.", choices: ["red"] + odd)], globals: ["plans"]),
        ], globals: [])
        let script = BashCompletion.script(CompletionModel(root: root, globalOptions: CommandTree.globalOptions))
        let workspace = try Workspace()
        #expect(try workspace.bash(["wsoa", "pa"], script: script) == ["paint"])
        #expect(try workspace.bash(["wsoa", "paint", "p", "-"], script: script) == ["--colour", "--help", "--plans", "-c", "-h"])
        #expect(try workspace.bash(["wsoa", "paint", "p", "-c", ""], script: script) == (["red"] + odd).sorted())
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("ran").path))
    }

    // MARK: zsh and fish, run where installed

    /// zsh's `_wsoa` run outside a completion widget, with `compadd`, `compset` and `_files`
    /// standing in for the widget's, so it prints what it would offer (unfiltered: zsh itself
    /// matches the typed prefix).
    /// Lines for zsh and what it should offer, sorted.
    static let zshCases: [([String], [String])] = [
        (["wsoa", "evidence", "add", "p", "--kind", ""], EvidenceKind.shownSpellings.sorted()),
        (["wsoa", "--plans", "other", "status", ""], ["gamma"]),
        (["wsoa", "--plans", "\"my plans\"", "status", ""], ["epsilon"]),
        (["wsoa", "status", "--plans", "my\\ plans", ""], ["epsilon"]),
        (["wsoa", "status", ""], ["alpha", "beta"]),
        (["wsoa", "advance", "p", ""], advanceSubcommands),
        (["wsoa", "export", "p", "--output", ""], ["<files>"]),
        (["wsoa", "status", "-"], ["--as-of", "--help", "--json", "--plans", "-h"]),
    ]

    @Test(.enabled(if: Shells.zsh != nil), arguments: zshCases)
    func zshCompletes(_ words: [String], _ expected: [String]) throws {
        let workspace = try Workspace()
        let path = try workspace.save(CompletionShell.zsh.script(.wsoa), as: "wsoa.zsh")
        let program = """
            compadd() { while [[ $1 == -* && $1 != -- ]]; do shift; done; [[ $1 == -- ]] && shift; print -rl -- "$@"; }
            compset() { return 1; }
            _files() { print -r -- '<files>'; }
            source \(Shells.quoted(path))
            words=(\(words.map(Shells.quoted).joined(separator: " "))); CURRENT=\(words.count)
            _wsoa
            """
        let result = try Shells.run(try #require(Shells.zsh), ["-f", "-c", program], in: workspace.folder)
        #expect(result.status == 0 && result.stderr.isEmpty, "zsh: \(result.stderr)")
        #expect(result.lines.sorted() == expected)
    }

    @Test(.enabled(if: Shells.zsh != nil))
    func zshRegistersTheFunctionSourcedOrFromFpath() throws {
        let workspace = try Workspace()
        let script = CompletionShell.zsh.script(.wsoa)
        let sourced = try workspace.save(script, as: "wsoa.zsh")
        try FileManager.default.createDirectory(at: workspace.folder.appendingPathComponent("functions"), withIntermediateDirectories: true)
        _ = try workspace.save(script, as: "functions/_wsoa")
        let zsh = try #require(Shells.zsh)
        let viaSource = try Shells.run(zsh, ["-f", "-c", "autoload -U compinit; compinit -u -D; source \(Shells.quoted(sourced)); print -r -- $_comps[wsoa]"],
                                       in: workspace.folder)
        #expect(viaSource.stdout == "_wsoa\n" && viaSource.stderr.isEmpty)
        let viaFpath = try Shells.run(zsh, ["-f", "-c", "fpath=(\(Shells.quoted(workspace.folder.path + "/functions")) $fpath); autoload -U compinit; compinit -u -D; print -r -- $_comps[wsoa]"],
                                      in: workspace.folder)
        #expect(viaFpath.stdout == "_wsoa\n" && viaFpath.stderr.isEmpty)
    }

    /// Lines for fish and what it should offer, sorted.
    static let fishCases: [(String, [String])] = [
        ("wsoa ev", ["evidence"]),
        ("wsoa evidence add p --kind ", EvidenceKind.shownSpellings.sorted()),
        ("wsoa action update p A1 --status at", ["at-risk"]),
        ("wsoa status ", ["alpha", "beta"]),
        ("wsoa --plans other status ", ["gamma"]),
        ("wsoa advance p esc", ["escalate"]),
        ("wsoa history p --kind=letter,a", ["--kind=letter,action"]),
        ("wsoa status --j", ["--json"]),
    ]

    @Test(.enabled(if: Shells.fish != nil), arguments: fishCases)
    func fishCompletes(_ line: String, _ expected: [String]) throws {
        let workspace = try Workspace()
        let path = try workspace.save(CompletionShell.fish.script(.wsoa), as: "wsoa.fish")
        let result = try Shells.run(try #require(Shells.fish), ["--no-config", "-c", "source \(Shells.quoted(path)); complete -C \(Shells.quoted(line))"],
                                    in: workspace.folder)
        #expect(result.status == 0 && result.stderr.isEmpty, "fish: \(result.stderr)")
        #expect(result.lines.map { String($0.prefix { $0 != "\t" }) }.sorted() == expected)
    }
}
