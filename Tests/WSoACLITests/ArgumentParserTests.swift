import Foundation
import Testing
import WSoAEngine
@testable import WSoACLI

/// A small command tree mirroring `wsoa`'s, shared by the argument-parsing tests.
enum ArgumentsSample {
    static let plan = ArgumentSpec("PLAN", help: "The plan's id, e.g. stockton-on-tees-2019.")
    static let on = OptionSpec.value("on", "DATE", help: "The day it happened (YYYY-MM-DD).")
    static let note = OptionSpec.value("note", "TEXT", help: "A note kept with the event.")

    static let globals: [OptionSpec] = [
        .value("plans", "DIR", help: "The plans directory (default: $WSOA_PLANS, else ./plans)."),
        .value("as-of", "DATE", help: "View the plan as it stood on this day."),
        .value("by", "NAME", help: "Who is making the change."),
        .flag("json", help: "Print machine-readable JSON."),
    ]

    static let submit = CommandSpec(
        "submit",
        abstract: "Record that the written statement of action was submitted.",
        usage: ["advance PLAN submit --on DATE"],
        options: [on]
    )

    static let advance = CommandSpec(
        "advance",
        abstract: "Show or make the next lifecycle transition of a plan.",
        discussion: "Without a subcommand, lists the transitions possible now and what each still needs.",
        usage: ["advance PLAN", "advance PLAN submit --on DATE"],
        arguments: [plan],
        subcommands: [
            CommandSpec(
                "letter",
                abstract: "Record the inspection outcome letter.",
                options: [
                    on,
                    .value("received", "DATE", help: "The day the letter arrived."),
                    .flag("wsoa", help: "The letter requires a written statement of action."),
                    .flag("no-wsoa", help: "The letter requires no written statement of action."),
                    .repeated("weakness", "TEXT", help: "A significant weakness named in the letter."),
                ]
            ),
            submit,
            CommandSpec(
                "judge",
                abstract: "Record Ofsted and CQC's judgement of the statement.",
                options: [on, .flag("fit", help: "Fit for purpose."), .flag("not-fit", help: "Not fit for purpose."), note]
            ),
            CommandSpec(
                "revisit",
                abstract: "Record the revisit and its findings.",
                options: [
                    on,
                    .value("visited", "START..END", help: "The days of the revisit."),
                    .repeated("sufficient", "W1,…", help: "Weaknesses with sufficient progress."),
                ]
            ),
            CommandSpec("cease", abstract: "Close the plan.", options: [on, note]),
        ],
        subcommandAfterPositionals: 1,
        globals: .viewing
    )

    static let root = CommandSpec(
        "wsoa",
        abstract: "Keep a local area's written statement of action after a SEND inspection.",
        subcommands: [
            CommandSpec("init", abstract: "Create the plans directory.", globals: ["plans", "json"]),
            CommandSpec(
                "new",
                abstract: "Start a plan.",
                usage: [
                    "new PLAN --area NAME --inspected START..END [--la NAME] [--health NAME]",
                    "new PLAN --from-letter FILE",
                ],
                arguments: [plan],
                options: [
                    .value("area", "NAME", help: "The local area's name."),
                    .value("inspected", "START..END", help: "The days of the inspection."),
                    .value("from-letter", "FILE", help: "Read the plan from an outcome letter."),
                ]
            ),
            advance,
            CommandSpec("status", abstract: "Show where a plan stands.", arguments: [plan], globals: .viewing),
            CommandSpec("list", abstract: "List the plans.", globals: .viewing),
            CommandSpec(
                "verify",
                abstract: "Check plans' histories for damage.",
                arguments: [ArgumentSpec("PLAN", help: "Only this plan.", isOptional: true)],
                globals: ["plans", "json"]
            ),
            CommandSpec(
                "lifecycle",
                abstract: "Print the lifecycle.",
                options: [.value("format", "FORMAT", help: "text, mermaid or dot.")],
                globals: ["json"]
            ),
            CommandSpec(
                "measure",
                abstract: "Track a plan's measures.",
                subcommands: [
                    CommandSpec(
                        "record",
                        abstract: "Record a measure's value.",
                        arguments: [plan, ArgumentSpec("MEASURE", help: "The measure, e.g. M1.")],
                        options: [on, .value("value", "V", help: "The value.")]
                    ),
                ]
            ),
        ],
        globals: []
    )

    static func parse(_ arguments: [String]) throws -> ParsedArguments {
        try ArgumentParser.parse(arguments, root: root, globalOptions: globals)
    }

    static func attempt(_ arguments: [String]) -> ArgumentParser.Attempt {
        ArgumentParser.attempt(arguments, root: root, globalOptions: globals)
    }

    /// The error parsing `arguments` throws, or `nil` if it succeeds.
    static func error(_ arguments: [String]) -> WSoAError? {
        attempt(arguments).error
    }
}

@Suite("ArgumentParser")
struct ArgumentParserTests {
    typealias Sample = ArgumentsSample

    // MARK: Commands and positionals

    @Test func noArgumentsIsTheRootWithNothingRequested() throws {
        let parsed = try Sample.parse([])
        #expect(parsed == ParsedArguments(rootName: "wsoa"))
        #expect(parsed.commandName == "wsoa")
    }

    @Test func selectsACommandAndItsPositional() throws {
        let parsed = try Sample.parse(["status", "stockton-on-tees-2019"])
        #expect(parsed.commandPath == ["status"])
        #expect(parsed.positionals == ["stockton-on-tees-2019"])
        #expect(parsed.commandName == "wsoa status")
    }

    @Test func subcommandComesAfterTheDeclaredLeadingPositionals() throws {
        let parsed = try Sample.parse(["advance", "p1", "submit", "--on", "2020-01-02"])
        #expect(parsed.commandPath == ["advance", "submit"])
        #expect(parsed.positionals == ["p1"])
        #expect(parsed.value("on") == "2020-01-02")
    }

    @Test func aCommandWithSubcommandsRunsWithoutOne() throws {
        let parsed = try Sample.parse(["advance", "p1"])
        #expect(parsed.commandPath == ["advance"])
        #expect(parsed.positionals == ["p1"])
    }

    @Test func aSubcommandNameInAPositionalSlotIsThePositional() throws {
        let parsed = try Sample.parse(["advance", "submit", "submit", "--on", "2020-01-02"])
        #expect(parsed.commandPath == ["advance", "submit"])
        #expect(parsed.positionals == ["submit"])
    }

    @Test func subcommandPositionalsFollowTheSubcommandWord() throws {
        let parsed = try Sample.parse(["measure", "record", "p1", "M1", "--value", "3"])
        #expect(parsed.commandPath == ["measure", "record"])
        #expect(parsed.positionals == ["p1", "M1"])
        #expect(try parsed.positional(1, name: "MEASURE") == "M1")
    }

    @Test func anOptionalPositionalMayBeLeftOut() throws {
        #expect(try Sample.parse(["verify"]).positionals == [])
        #expect(try Sample.parse(["verify", "p1"]).positionals == ["p1"])
    }

    @Test func aLoneDashIsAPositional() throws {
        #expect(try Sample.parse(["status", "-"]).positionals == ["-"])
    }

    // MARK: Options

    @Test(arguments: [
        ["--json", "--plans", "d", "status", "p1"],
        ["status", "--json", "p1", "--plans", "d"],
        ["status", "p1", "--plans=d", "--json"],
        ["--plans", "d", "status", "--json", "p1"],
    ])
    func globalOptionsGoAnywhere(arguments: [String]) throws {
        let parsed = try Sample.parse(arguments)
        #expect(parsed.commandPath == ["status"])
        #expect(parsed.positionals == ["p1"])
        #expect(parsed.flag("json"))
        #expect(parsed.value("plans") == "d")
    }

    @Test func globalOptionsGoAmongASubcommandsArguments() throws {
        let parsed = try Sample.parse(["--by", "Ann", "advance", "--plans", "d", "p1", "--json", "submit", "--on", "2020-01-02"])
        #expect(parsed.commandPath == ["advance", "submit"])
        #expect(parsed.positionals == ["p1"])
        #expect(parsed.value("by") == "Ann")
        #expect(parsed.value("plans") == "d")
        #expect(parsed.flag("json"))
    }

    // MARK: Global options a command does not use

    @Test(arguments: [
        (["status", "p1", "--by", "Ann"], "--by", "wsoa status", "it names who records, and this command records nothing"),
        (["--by", "Ann", "list"], "--by", "wsoa list", "it names who records, and this command records nothing"),
        (["lifecycle", "--plans", "d"], "--plans", "wsoa lifecycle", "this command reads no plans"),
        (["verify", "--as-of", "2020-01-01"], "--as-of", "wsoa verify",
         "it only applies to views (list, status, history, deadlines, report and advance PLAN)"),
        // Read before `submit` was selected, but judged against it: a record takes no --as-of.
        (["--as-of", "2020-01-01", "advance", "p1", "submit", "--on", "2020-01-02"], "--as-of", "wsoa advance submit",
         "it only applies to views (list, status, history, deadlines, report and advance PLAN); record the event's own date with --on"),
        (["advance", "p1", "--by", "Ann"], "--by", "wsoa advance", "it names who records, and this command records nothing"),
    ] as [([String], String, String, String)])
    func aGlobalOptionTheCommandDoesNotUseIsAUsageError(arguments: [String], option: String, command: String, reason: String) {
        let error = Sample.error(arguments)
        #expect(error == .optionUnused(option: option, command: command, reason: reason))
        #expect(error?.isUsageError == true)
    }

    @Test func aGlobalOptionIsJudgedAgainstTheCommandAtTheEnd() throws {
        // `advance` alone is a view and takes --as-of; `advance submit` records and takes --by.
        #expect(try Sample.parse(["--as-of", "2020-01-01", "advance", "p1"]).value("as-of") == "2020-01-01")
        #expect(try Sample.parse(["advance", "p1", "--by", "Ann", "submit", "--on", "2020-01-02"]).value("by") == "Ann")
    }

    @Test func anUnusedGlobalOptionGivesWayToHelpAndToEarlierMistakes() {
        #expect(Sample.attempt(["status", "p1", "--by", "Ann", "--help"]).error == nil)
        #expect(Sample.error(["status", "p1", "--by", "Ann", "--bogus"])
            == .unknownOption(option: "--bogus", command: "wsoa status", suggestion: nil))
        // With no command there is nothing to judge it against: the root's help is shown.
        #expect(Sample.error(["--by", "Ann"]) == nil)
    }

    @Test func unusedGlobalOptionsAreNotSuggested() {
        #expect(Sample.error(["status", "p1", "--bi", "Ann"]) == .unknownOption(option: "--bi", command: "wsoa status", suggestion: nil))
        #expect(Sample.error(["advance", "p1", "submit", "--bi", "Ann"])
            == .unknownOption(option: "--bi", command: "wsoa advance submit", suggestion: "--by"))
    }

    @Test func inlineValuesMayBeEmptyOrContainEquals() throws {
        let parsed = try Sample.parse(["advance", "p1", "judge", "--on=", "--note=a=b", "--fit"])
        #expect(parsed.values("on") == [""])
        #expect(parsed.value("note") == "a=b")
        #expect(parsed.flag("fit"))
        #expect(!parsed.flag("not-fit"))
        #expect(parsed.has("on") && parsed.has("fit") && !parsed.has("not-fit"))
    }

    @Test func repeatableOptionsKeepEveryValueInOrder() throws {
        let parsed = try Sample.parse(["advance", "p1", "letter", "--on", "2019-05-01", "--wsoa",
                                       "--weakness", "one", "--weakness=two", "--weakness", "three"])
        #expect(parsed.values("weakness") == ["one", "two", "three"])
        #expect(parsed.values("missing") == [])
        #expect(parsed.value("missing") == nil)
    }

    @Test(arguments: [["--on", "2020-01-01", "--on", "2020-02-02"], ["--on=2020-01-01", "--on", "2020-02-02"],
                      ["--on", "2020-01-01", "--on=2020-02-02"]])
    func aNonRepeatableOptionGivenTwiceIsAUsageError(options: [String]) {
        let error = Sample.error(["advance", "p1", "submit"] + options)
        #expect(error == .optionRepeated(option: "--on", command: "wsoa advance submit", first: "2020-01-01", second: "2020-02-02"))
        #expect(error?.isUsageError == true)
        #expect(error?.description == "The option '--on' of 'wsoa advance submit' takes one value but was given twice ('2020-01-01', then '2020-02-02'); give it once.")
    }

    @Test(arguments: ["-3", "-", "--not-an-option", "-x"])
    func aValueMayStartWithADashUnlessItIsAKnownOption(value: String) throws {
        let parsed = try Sample.parse(["measure", "record", "p1", "M1", "--value", value])
        #expect(parsed.value("value") == value)
    }

    @Test(arguments: ["--json", "--on", "--plans=d", "--"])
    func aKnownOptionIsNotTakenAsAValue(next: String) {
        #expect(Sample.error(["measure", "record", "p1", "M1", "--value", next, "x"])
            == .missingValue(option: "--value", command: "wsoa measure record"))
    }

    @Test func aMissingValueAtTheEndIsAnError() {
        #expect(Sample.error(["status", "p1", "--plans"]) == .missingValue(option: "--plans", command: "wsoa status"))
    }

    @Test func aFlagGivenAValueIsAnError() {
        #expect(Sample.error(["status", "p1", "--json=yes"])
            == .invalidValue(option: "--json", value: "yes", reason: "it is a flag and takes no value"))
    }

    @Test func doubleDashEndsOptionParsing() throws {
        let parsed = try Sample.parse(["status", "--json", "--", "--plans"])
        #expect(parsed.positionals == ["--plans"])
        #expect(parsed.flag("json"))
        #expect(parsed.value("plans") == nil)
        #expect(try Sample.parse(["status", "--", "-h"]).helpRequested == false)
    }

    @Test func optionsBelongToTheCommandThatDeclaresThem() {
        #expect(Sample.error(["status", "p1", "--on", "2020-01-01"])
            == .unknownOption(option: "--on", command: "wsoa status", suggestion: nil))
        // `--on` is submit's: before `submit` it is not known yet.
        #expect(Sample.error(["advance", "p1", "--on", "2020-01-01", "submit"])
            == .unknownOption(option: "--on", command: "wsoa advance", suggestion: nil))
    }

    // MARK: Help and version

    @Test(arguments: [
        ([String](["--help"]), [String]()),
        (["-h"], []),
        (["advance", "--help"], ["advance"]),
        (["--help", "advance"], ["advance"]),
        (["advance", "p1", "submit", "-h"], ["advance", "submit"]),
        (["advance", "p1", "-h", "submit", "--on", "2020-01-01"], ["advance", "submit"]),
        (["help"], []),
        (["help", "advance", "submit"], ["advance", "submit"]),
        (["--json", "help", "status"], ["status"]),
    ])
    func helpAnywhereResolvesTheCommandPath(arguments: [String], path: [String]) throws {
        let parsed = try Sample.parse(arguments)
        #expect(parsed.helpRequested)
        #expect(parsed.commandPath == path)
    }

    @Test(arguments: [
        ["status", "--help"],
        ["advance", "--bogus", "--help"],
        ["advance", "p1", "submit", "--on", "-h"],
        ["advance", "p1", "sumbit", "--help"],
        ["status", "p1", "extra", "--json=1", "--help"],
    ])
    func helpExcusesEveryOtherMistake(arguments: [String]) {
        let attempt = Sample.attempt(arguments)
        #expect(attempt.error == nil)
        #expect(attempt.arguments.helpRequested)
    }

    @Test func helpOnAnUnknownCommandIsAnError() {
        #expect(Sample.error(["help", "stauts"]) == .unknownCommand(name: "stauts", suggestion: "status"))
        #expect(Sample.error(["help", "advance", "sumbit"]) == .unknownCommand(name: "sumbit", suggestion: "submit"))
    }

    @Test func versionAnywhereIsAccepted() throws {
        #expect(try Sample.parse(["--version"]).versionRequested)
        #expect(try Sample.parse(["status", "--version"]).versionRequested)
        #expect(try !Sample.parse(["status", "p1"]).versionRequested)
    }

    // MARK: Errors

    @Test(arguments: [
        ("stauts", "status"),
        ("lst", "list"),
        ("adv", "advance"),
        ("hlep", "help"),
        ("xyzzy", nil),
        ("", nil),
    ] as [(String, String?)])
    func unknownCommandsSuggestTheClosest(word: String, suggestion: String?) {
        #expect(Sample.error([word, "p1"]) == .unknownCommand(name: word, suggestion: suggestion))
    }

    @Test func anUnknownSubcommandInTheSubcommandSlotIsAnUnknownCommand() {
        #expect(Sample.error(["advance", "p1", "sumbit"]) == .unknownCommand(name: "sumbit", suggestion: "submit"))
        #expect(Sample.error(["measure", "recrod"]) == .unknownCommand(name: "recrod", suggestion: "record"))
    }

    @Test(arguments: [
        (["status", "p1", "--plan", "d"], "--plan", "wsoa status", "--plans"),
        (["--as-off", "2020-01-01", "list"], "--as-off", "wsoa", "--as-of"),
        (["list", "--jsno"], "--jsno", "wsoa list", "--json"),
        (["list", "-plans", "d"], "-plans", "wsoa list", "--plans"),
        (["advance", "p1", "letter", "--weaknes", "x"], "--weaknes", "wsoa advance letter", "--weakness"),
        (["list", "-x"], "-x", "wsoa list", nil),
        (["list", "--="], "--=", "wsoa list", nil),
        (["list", "-="], "-=", "wsoa list", nil),
        (["list", "--xyzzy=1"], "--xyzzy", "wsoa list", nil),
    ] as [([String], String, String, String?)])
    func unknownOptionsSuggestTheClosest(arguments: [String], option: String, command: String, suggestion: String?) {
        #expect(Sample.error(arguments) == .unknownOption(option: option, command: command, suggestion: suggestion))
    }

    @Test func extraPositionalsAreUnexpected() {
        #expect(Sample.error(["status", "p1", "p2"]) == .unexpectedArgument(argument: "p2", command: "wsoa status"))
        #expect(Sample.error(["list", "x"]) == .unexpectedArgument(argument: "x", command: "wsoa list"))
        #expect(Sample.error(["advance", "p1", "submit", "x", "--on", "d"])
            == .unexpectedArgument(argument: "x", command: "wsoa advance submit"))
    }

    @Test(arguments: [
        (["status"], "PLAN", "wsoa status"),
        (["advance"], "PLAN", "wsoa advance"),
        (["--json", "advance", "--plans", "x"], "PLAN", "wsoa advance"),
        (["measure", "record", "p1"], "MEASURE", "wsoa measure record"),
    ])
    func missingRequiredPositionalsAreReported(arguments: [String], name: String, command: String) {
        #expect(Sample.error(arguments) == .missingArgument(name: name, command: command))
    }

    @Test func theFirstMistakeWins() {
        #expect(Sample.error(["status", "--plan", "p1", "p2", "--json=1"])
            == .unknownOption(option: "--plan", command: "wsoa status", suggestion: "--plans"))
    }

    @Test func anAttemptKeepsThePathReachedBeforeTheMistake() {
        let attempt = Sample.attempt(["advance", "p1", "submit", "--bogus"])
        #expect(attempt.arguments.commandPath == ["advance", "submit"])
        #expect(attempt.error == .unknownOption(option: "--bogus", command: "wsoa advance submit", suggestion: nil))
    }

    @Test func errorsReadAsOneSentence() {
        #expect(Sample.error(["status", "p1", "--plan", "d"])?.description
            == "Unknown option '--plan' for 'wsoa status'; did you mean '--plans'?")
        #expect(Sample.error(["status"])?.description == "'wsoa status' needs PLAN.")
    }

    // MARK: ParsedArguments helpers

    @Test func requireAndPositionalThrowMissingArgument() throws {
        let parsed = try Sample.parse(["advance", "p1", "submit", "--on", "2020-01-01"])
        #expect(try parsed.require("on") == "2020-01-01")
        #expect(throws: WSoAError.missingArgument(name: "--note", command: "wsoa advance submit")) {
            try parsed.require("note")
        }
        #expect(try parsed.positional(0, name: "PLAN") == "p1")
        #expect(parsed.positional(1) == nil)
        #expect(throws: WSoAError.missingArgument(name: "MEASURE", command: "wsoa advance submit")) {
            try parsed.positional(1, name: "MEASURE")
        }
        #expect(parsed.positional(-1) == nil)
    }

    @Test func listSplitsCommaSeparatedValues() throws {
        let parsed = try Sample.parse(["advance", "p1", "revisit", "--sufficient", "W1, W2,,", "--sufficient=W3,W1"])
        #expect(try parsed.list("sufficient") == ["W1", "W2", "W3", "W1"], "in the order given; the rules refuse the repeat by name")
        #expect(try parsed.list("visited") == [])
        // A value that names nothing is an error, not an empty list (which would mean "none given").
        let empty = try Sample.parse(["advance", "p1", "revisit", "--sufficient", " , "])
        #expect(throws: WSoAError.invalidValue(option: "--sufficient", value: " , ", reason: "it names nothing; leave the option out instead")) {
            try empty.list("sufficient")
        }
    }

    // MARK: Robustness

    @Test(arguments: [
        [""], ["-"], ["--"], ["--="], ["-="], ["="], ["---"], ["--", "--"], ["-", "-", "-"],
        ["ñ"], ["😀", "--😀"], ["-😀"], ["status", "é\u{301}"], ["--plans=😀", "list"],
        ["advance", "", "", ""], ["advance", "p1", "", "--on"], ["help", ""], ["help", "--"],
        ["--plans"], ["-h="], ["--help=1"], ["\u{0}"], ["--\u{0}"], [" ", "\n"],
    ])
    func oddInputNeverTraps(arguments: [String]) {
        _ = Sample.attempt(arguments)
    }

    @Test func randomInputNeverTraps() {
        let pool = ["", "-", "--", "--=", "-h", "--help", "help", "--json", "--plans", "--plans=x",
                    "advance", "p1", "submit", "letter", "--on", "--weakness", "status", "measure",
                    "record", "--value", "-3", "x", "é", "=", "--as-of=", "verify", "--version"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            var arguments: [String] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 60) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                arguments.append(pool[Int(state >> 33) % pool.count])
            }
            _ = Sample.attempt(arguments)
        }
    }

    @Test func tenThousandArguments() throws {
        let values = (0..<5_000).flatMap { ["--weakness", "w\($0)"] }
        let parsed = try Sample.parse(["advance", "p1", "letter"] + values)
        #expect(parsed.values("weakness").count == 5_000)
        #expect(parsed.values("weakness").last == "w4999")

        let extras = Sample.error(["status"] + (0..<10_000).map { "p\($0)" })
        #expect(extras == .unexpectedArgument(argument: "p1", command: "wsoa status"))

        let unknown = Sample.error(["list"] + Array(repeating: "--nope", count: 10_000))
        #expect(unknown == .unknownOption(option: "--nope", command: "wsoa list", suggestion: nil))

        let huge = String(repeating: "x", count: 100_000)
        #expect(Sample.error([huge]) == .unknownCommand(name: huge, suggestion: nil))
    }

    @Test("values are trimmed of spaces and tabs, any Unicode space, but not of line breaks or inner spaces",
          arguments: [("  W1 \t", "W1"), ("\u{00A0}W 1\u{3000}", "W 1"), ("\nW1", "\nW1"), (" \t ", ""), ("", ""), ("é ", "é")])
    func trimmingSpaces(text: String, expected: String) {
        #expect(text.trimmingSpaces == expected)
        #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces))
    }
}
