import Testing
import WSoAEngine
@testable import WSoACLI

@Suite("HelpFormatter")
struct HelpFormatterTests {
    typealias Sample = ArgumentsSample

    static func help(_ path: [String]) -> String {
        let command = Sample.root.chain(along: path).last ?? Sample.root
        return HelpFormatter.help(for: command, path: path, root: Sample.root, globalOptions: Sample.globals)
    }

    /// Every command in the sample tree, by path.
    static let allPaths: [[String]] = {
        var paths: [[String]] = []
        func walk(_ command: CommandSpec, _ path: [String]) {
            paths.append(path)
            for sub in command.subcommands { walk(sub, path + [sub.name]) }
        }
        walk(Sample.root, [])
        return paths
    }()

    @Test func advanceHelpIsPinned() {
        #expect(Self.help(["advance"]) == """
            OVERVIEW: Show or make the next lifecycle transition of a plan.

            Without a subcommand, lists the transitions possible now and what each still
            needs.

            USAGE: wsoa advance PLAN
                   wsoa advance PLAN submit --on DATE

            ARGUMENTS:
              <PLAN>                  The plan's id, e.g. stockton-on-tees-2019.

            OPTIONS:
              --plans <DIR>           The plans directory (default: $WSOA_PLANS, else
                                      ./plans).
              --as-of <DATE>          View the plan as it stood on this day.
              --json                  Print machine-readable JSON.
              -h, --help              Show help information.

            SUBCOMMANDS:
              letter                  Record the inspection outcome letter.
              submit                  Record that the written statement of action was
                                      submitted.
              judge                   Record Ofsted and CQC's judgement of the statement.
              revisit                 Record the revisit and its findings.
              cease                   Close the plan.

              See 'wsoa help advance <subcommand>' for detailed help.

            """)
    }

    @Test func subcommandHelpListsItsOwnOptionsFirstAndInheritedArguments() {
        #expect(Self.help(["advance", "submit"]) == """
            OVERVIEW: Record that the written statement of action was submitted.

            USAGE: wsoa advance PLAN submit --on DATE

            ARGUMENTS:
              <PLAN>                  The plan's id, e.g. stockton-on-tees-2019.

            OPTIONS:
              --on <DATE>             The day it happened (YYYY-MM-DD).
              --plans <DIR>           The plans directory (default: $WSOA_PLANS, else
                                      ./plans).
              --by <NAME>             Who is making the change.
              --json                  Print machine-readable JSON.
              -h, --help              Show help information.

            """)
    }

    /// A command's help lists only the global options it uses; the root, which uses none,
    /// lists only `--version` and `--help`.
    @Test func helpListsOnlyTheGlobalOptionsTheCommandUses() {
        #expect(Self.help([]).contains("OPTIONS:\n  --version               Show the version.\n  -h, --help              Show help information.\n\n"))
        for path in Self.allPaths {
            let command = Sample.root.chain(along: path).last ?? Sample.root
            let help = Self.help(path)
            for global in Sample.globals {
                let listed = help.contains("\n  --\(global.name) ")
                #expect(listed == command.globals.contains(global.name), "\(path) --\(global.name)")
            }
        }
    }

    @Test func versionAppearsOnlyInTheRootsHelp() {
        let root = Self.help([])
        #expect(root.contains("  --version               Show the version.\n  -h, --help"))
        #expect(root.contains("  See 'wsoa help <subcommand>' for detailed help.\n"))
        #expect(root.hasPrefix("OVERVIEW: Keep a local area's written statement of action after a SEND\ninspection.\n\nUSAGE: wsoa <subcommand>\n"))
        for path in Self.allPaths where !path.isEmpty {
            #expect(!Self.help(path).contains("--version"), "\(path)")
        }
    }

    @Test func emptySectionsAreLeftOut() {
        let help = Self.help(["init"])
        #expect(help == """
            OVERVIEW: Create the plans directory.

            USAGE: wsoa init

            OPTIONS:
              --plans <DIR>           The plans directory (default: $WSOA_PLANS, else
                                      ./plans).
              --json                  Print machine-readable JSON.
              -h, --help              Show help information.

            """)
    }

    @Test func repeatableOptionsSaySo() {
        #expect(Self.help(["advance", "letter"])
            .contains("  --weakness <TEXT>       A significant weakness named in the letter (can be\n                          repeated).\n"))
    }

    /// An option whose value is recorded text says how much it may hold (the engine's
    /// `TextField` limits), and how often when it may be repeated.
    @Test func textOptionsShowTheirLimits() {
        let add = CommandSpec("add", abstract: "Add something.", options: [
            .value("title", "TEXT", help: "What it is.", field: .title),
            .value("unit", "UNIT", help: "Its unit", field: .unit),
            .repeated("weakness", "TEXT", help: "A weakness, verbatim; repeat for each.", field: .weakness),
            .repeated("sufficient", "W1,…", help: "Weaknesses judged sufficient."),
            .value("due", "DATE", help: "When it is due."),
        ])
        let root = CommandSpec("wsoa", abstract: "Keep plans.", subcommands: [add])
        let help = HelpFormatter.help(for: add, path: ["add"], root: root, globalOptions: [])
        let flat = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("  --title <TEXT>          What it is (at most 300 characters).\n"))
        #expect(help.contains("  --unit <UNIT>           Its unit (at most 40 characters).\n"))
        #expect(flat.contains("--weakness <TEXT> A weakness, verbatim; repeat for each (at most 4000 characters, up to 30 times)."))
        #expect(flat.contains("--sufficient <W1,…> Weaknesses judged sufficient (can be repeated)."))
        #expect(help.contains("  --due <DATE>            When it is due.\n"))
    }

    @Test func aLongLabelPutsItsTextOnTheNextLine() {
        #expect(Self.help(["new"]).contains("  --inspected <START..END>\n                          The days of the inspection.\n"))
    }

    @Test func longUsageLinesWrapUnderTheCommand() {
        #expect(Self.help(["new"]).contains("""
            USAGE: wsoa new PLAN --area NAME --inspected START..END [--la NAME] [--health
                        NAME]
                   wsoa new PLAN --from-letter FILE

            """))
    }

    @Test(arguments: allPaths)
    func everyHelpFitsInEightyColumnsAndIsDeterministic(path: [String]) {
        let help = Self.help(path)
        #expect(help == Self.help(path))
        #expect(help.hasSuffix("\n") && !help.hasSuffix("\n\n"))
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.count <= HelpFormatter.width, "\(path): \(line)")
            #expect(!line.hasSuffix(" "), "\(path): trailing space in '\(line)'")
        }
    }

    @Test func usageIsSynthesisedWhenNotWritten() {
        #expect(HelpFormatter.usageLine(for: Sample.root, path: [], root: Sample.root) == "Usage: wsoa <subcommand>")
        let record = Sample.root.chain(along: ["measure", "record"]).last ?? Sample.root
        #expect(HelpFormatter.usageLine(for: record, path: ["measure", "record"], root: Sample.root)
            == "Usage: wsoa measure record PLAN MEASURE [<options>]")
        let verify = Sample.root.chain(along: ["verify"]).last ?? Sample.root
        #expect(HelpFormatter.usageLine(for: verify, path: ["verify"], root: Sample.root) == "Usage: wsoa verify [PLAN]")

        let nested = CommandSpec(
            "track",
            abstract: "Track.",
            arguments: [ArgumentSpec("PLAN", help: "p"), ArgumentSpec("ID", help: "i", isOptional: true)],
            subcommands: [CommandSpec("add", abstract: "Add.", options: [.flag("x", help: "x")])],
            subcommandAfterPositionals: 1
        )
        let root = CommandSpec("wsoa", abstract: "Root.", subcommands: [nested])
        #expect(HelpFormatter.usageLine(for: nested, path: ["track"], root: root) == "Usage: wsoa track PLAN <subcommand> [ID]")
        let add = nested.subcommands[0]
        #expect(HelpFormatter.usageLine(for: add, path: ["track", "add"], root: root) == "Usage: wsoa track PLAN add [<options>]")
    }

    @Test func usageLineIsTheFirstWrittenLine() {
        let new = Sample.root.chain(along: ["new"]).last ?? Sample.root
        #expect(HelpFormatter.usageLine(for: new, path: ["new"], root: Sample.root)
            == "Usage: wsoa new PLAN --area NAME --inspected START..END [--la NAME] [--health NAME]")
    }

    @Test(arguments: [
        ([String](), "See 'wsoa --help' for more information."),
        (["status"], "See 'wsoa status --help' for more information."),
        (["advance", "submit"], "See 'wsoa advance submit --help' for more information."),
    ])
    func helpHintNamesTheCommand(path: [String], hint: String) {
        #expect(HelpFormatter.helpHint(path: path, root: Sample.root) == hint)
    }

    @Test func shortNamesAndDuplicatesAreRenderedOnce() {
        let command = CommandSpec(
            "report",
            abstract: "Write a report.",
            discussion: "First paragraph.\n\n    wsoa report p1 --output x.html\n",
            options: [.value("output", "FILE", short: "o", help: "Where to write."), .flag("json", help: "Own JSON.")]
        )
        let root = CommandSpec("wsoa", abstract: "Root.", subcommands: [command])
        let help = HelpFormatter.help(for: command, path: ["report"], root: root, globalOptions: Sample.globals)
        #expect(help.contains("  -o, --output <FILE>     Where to write.\n"))
        #expect(help.contains("  --json                  Own JSON.\n"))
        #expect(!help.contains("Print machine-readable JSON."))
        #expect(help.contains("First paragraph.\n\n    wsoa report p1 --output x.html\n"))
    }

    @Test func aPathThatDoesNotLeadToTheCommandStillRenders() {
        let help = HelpFormatter.help(for: Sample.submit, path: ["nope"], root: Sample.root, globalOptions: [])
        #expect(help.hasPrefix("OVERVIEW: Record that the written statement of action was submitted.\n"))
        #expect(help.contains("USAGE: wsoa advance PLAN submit --on DATE\n"))
    }

    @Test func wrapKeepsOverlongWordsWholeAndHangsLaterLines() {
        let word = String(repeating: "x", count: 100)
        #expect(HelpFormatter.wrap("a \(word) b", firstPrefix: "> ", restPrefix: "  ") == "> a\n  \(word)\n  b")
        #expect(HelpFormatter.wrap("", firstPrefix: "  x  ", restPrefix: "") == "  x")
        #expect(HelpFormatter.wrap("one\ntwo", firstPrefix: "", restPrefix: "    ") == "one\n    two")
    }
}
