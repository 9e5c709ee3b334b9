import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Plans directories and journals the file system will not cooperate with: each gets one clear
/// sentence, and the journal is left exactly as it was.
@Suite struct FileFaultTests {
    static let plan = "stockton-on-tees-2019"

    /// Commands that would write to Stockton (once it is being monitored).
    static let writes: [[String]] = [
        ["visit", plan, "--on", "2020-01-15", "--note", "a visit that cannot be written"],
        ["workstream", "add", plan, "coproduction", "--title", "Co-production", "--addresses", "W1", "--on", "2019-10-20"],
        ["advance", plan, "revisit", "--on", "2022-09-26", "--visited", "2022-07-11..2022-07-13", "--sufficient", "W1,W2,W3,W4"],
        ["repair", plan],
    ]

    /// Expects one `Error:` line and nothing else on stderr.
    static func expectOneSentence(_ stderr: String, mentioning: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1 && stderr.hasPrefix("Error: ") && stderr.hasSuffix(".\n"),
                "expected one sentence, got: \(stderr)", sourceLocation: sourceLocation)
        #expect(stderr.contains(mentioning), "stderr was: \(stderr)", sourceLocation: sourceLocation)
        #expect(!stderr.contains("Fatal error"), sourceLocation: sourceLocation)
    }

    // MARK: Read-only

    /// How this test process can make the plans directory read-only for `wsoa`.
    ///
    /// Permission bits do not bind root, so as root `wsoa` is run as `nobody` through
    /// `setpriv`, for whom root's 755 folders and 644 files are read-only; otherwise the
    /// directory tree is made read-only with chmod.
    enum ReadOnly {
        case chmod
        case asNobody(setpriv: String)
        case impossible(String)

        static var available: ReadOnly {
            guard geteuid() == 0 else { return .chmod }
            guard let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
                return .impossible("running as root, where permissions do not bind, and setpriv is not installed to drop to nobody")
            }
            return .asNobody(setpriv: setpriv)
        }

        var isPossible: Bool {
            if case .impossible = self { return false }
            return true
        }
    }

    @Test(.enabled(if: ReadOnly.available.isPossible,
                   "running as root, where permissions do not bind, without setpriv to drop to nobody: a read-only plans directory cannot be made"))
    func aReadOnlyPlansDirectoryRefusesWritesAndStillReads() throws {
        let mode = ReadOnly.available
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        let before = try wsoa.journal(Self.plan)
        let listing = try FileManager.default.contentsOfDirectory(atPath: "\(wsoa.plans)/\(Self.plan)").sorted()
        func run(_ arguments: [String]) throws -> ChildProcess.Outcome {
            switch mode {
            case let .asNobody(setpriv):
                return try ChildProcess(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", "--",
                                                  WSoABinary.executable.path] + arguments,
                                        environment: wsoa.childEnvironment()).wait(timeout: 30)
            case .chmod, .impossible:
                return try wsoa.runLimited(arguments)
            }
        }
        if case .chmod = mode {
            chmod("\(wsoa.plans)/\(Self.plan)/events.jsonl", 0o444)
            chmod("\(wsoa.plans)/\(Self.plan)/.lock", 0o444)
            chmod("\(wsoa.plans)/\(Self.plan)", 0o555)
            chmod(wsoa.plans, 0o555)
        }
        defer {
            chmod(wsoa.plans, 0o755)
            chmod("\(wsoa.plans)/\(Self.plan)", 0o755)
            chmod("\(wsoa.plans)/\(Self.plan)/events.jsonl", 0o644)
            chmod("\(wsoa.plans)/\(Self.plan)/.lock", 0o644)
        }
        for arguments in Self.writes {
            let result = try run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            Self.expectOneSentence(result.stderr, mentioning: "permission denied")
        }
        let new = try run(["new", "middlesbrough-2017", "--area", "Middlesbrough", "--inspected", "2017-11-06..2017-11-10"])
        #expect(new.status == 1)
        Self.expectOneSentence(new.stderr, mentioning: "permission denied")
        // The sentence should name the plan the officer asked for, not the hidden folder wsoa
        // makes it in first (`.new-<id>-<pid>-<random>`).
        Self.expectOneSentence(new.stderr, mentioning: "Could not use \(wsoa.plans)/middlesbrough-2017: permission denied")
        // Reading needs no write access: status and verify still work.
        #expect(try run(["status", Self.plan]).status == 0)
        #expect(try run(["verify", Self.plan]).status == 0)
        #expect(try run(["list"]).status == 0)
        #expect(try wsoa.journal(Self.plan) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(wsoa.plans)/\(Self.plan)").sorted() == listing)
        #expect(!FileManager.default.fileExists(atPath: "\(wsoa.plans)/middlesbrough-2017"))
    }

    // MARK: Missing and misshapen

    @Test func aMissingPlansDirectoryIsNamedAndNotCreated() throws {
        let wsoa = try WSoABinary()
        let commands = Self.writes + [["status", Self.plan], ["verify", Self.plan], ["verify"], ["list"], ["history", Self.plan],
                                      ["new", Self.plan, "--area", "Stockton-on-Tees", "--inspected", "2019-02-04..2019-02-08"]]
        for arguments in commands {
            let result = try wsoa.runLimited(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            Self.expectOneSentence(result.stderr, mentioning: "There is no plans directory at \(wsoa.plans); create it with 'wsoa init'")
        }
        #expect(!FileManager.default.fileExists(atPath: wsoa.plans))
    }

    @Test func aJournalThatIsADirectoryIsNamed() throws {
        let wsoa = try WSoABinary()
        try wsoa.succeed(["init"])
        try FileManager.default.createDirectory(atPath: wsoa.journalPath(Self.plan), withIntermediateDirectories: true)
        for arguments in Self.writes + [["status", Self.plan], ["verify", Self.plan], ["history", Self.plan]] {
            let result = try wsoa.runLimited(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            Self.expectOneSentence(result.stderr, mentioning: "The folder \(wsoa.plans)/\(Self.plan) is not a plan wsoa made: its journal is not a regular file.")
        }
        let new = try wsoa.runLimited(["new", Self.plan, "--area", "Stockton-on-Tees", "--inspected", "2019-02-04..2019-02-08"])
        #expect(new.status == 1)
        Self.expectOneSentence(new.stderr, mentioning: "The folder \(wsoa.plans)/\(Self.plan) is not a plan wsoa made: something of that name is already there; move it away or choose another id.")
        // list and verify name the folder too, and exit 1.
        for arguments in [["list"], ["verify"], ["deadlines"]] {
            let result = try wsoa.runLimited(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            Self.expectOneSentence(result.stderr, mentioning: "The folder \(wsoa.plans)/\(Self.plan) is not a plan wsoa made: its journal is not a regular file.")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: wsoa.journalPath(Self.plan)).isEmpty)
    }

    // MARK: Disk full

    /// `ulimit -f` (512-byte blocks in /bin/sh) set just above the journal's size, so the next
    /// line fits only in part: the write is cut short, as on a full disk.
    @Test func aFullDiskLeavesNoTornLine() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        // Every line longer than the 512 bytes a block can leave free, each text within its limit.
        let long = String(repeating: "A monitoring note long enough to cross the file-size limit. ", count: 40)
        let name = String(repeating: "Co-production — ", count: 12)  // 192 characters, 384 bytes
        let cases: [[String]] = [
            ["visit", Self.plan, "--on", "2020-01-15", "--note", long],
            ["workstream", "add", Self.plan, "coproduction", "--title", name + name.prefix(100), "--lead", name,
             "--accountable", name, "--addresses", "W1", "--on", "2019-10-20"],
            ["advance", Self.plan, "revisit", "--on", "2022-09-26", "--visited", "2022-07-11..2022-07-13",
             "--sufficient", "W1,W2,W3,W4", "--note", long],
        ]
        for arguments in cases {
            let before = try wsoa.journalBytes(Self.plan)
            let blocks = before.count / 512 + 1
            let result = try wsoa.runInShell("ulimit -f \(blocks)", arguments)
            #expect(result.status == 1, "\(arguments.prefix(2)): \(result.stderr)")
            Self.expectOneSentence(result.stderr, mentioning: "Could not use \(wsoa.journalPath(Self.plan)): the file is too large (file size limit reached)")
            #expect(try wsoa.journalBytes(Self.plan) == before, "a failed write left bytes behind")
            try wsoa.succeed(["verify", Self.plan])
            try wsoa.succeed(arguments)
        }
        // With no room at all, a new plan leaves no empty journal behind to block a retry.
        let new = ["new", "middlesbrough-2017", "--area", "Middlesbrough", "--inspected", "2017-11-06..2017-11-10"]
        let full = try wsoa.runInShell("ulimit -f 0", new)
        #expect(full.status == 1)
        Self.expectOneSentence(full.stderr, mentioning: "the file is too large")
        Self.expectOneSentence(full.stderr, mentioning: "Could not use \(wsoa.journalPath("middlesbrough-2017")): the file is too large")
        #expect(!FileManager.default.fileExists(atPath: wsoa.journalPath("middlesbrough-2017")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: wsoa.plans).allSatisfy { !$0.hasPrefix(".new-") },
                "a half-made plan folder was left behind")
        #expect(!(try wsoa.succeed(["list"]).stdout.contains("middlesbrough-2017")))
        try wsoa.succeed(new)
        try wsoa.succeed(["verify"])
    }

    @Test func aFullDiskDuringRepairLeavesTheTornLineInPlace() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 3)
        let torn = try wsoa.journalBytes(Self.plan) + Array(String(repeating: "{\"by\":\"tester\",", count: 80).utf8)
        try Data(torn).write(to: URL(fileURLWithPath: wsoa.journalPath(Self.plan)))
        let result = try wsoa.runInShell("ulimit -f 1", ["repair", Self.plan])
        #expect(result.status == 1)
        Self.expectOneSentence(result.stderr, mentioning: "the file is too large")
        #expect(try wsoa.journalBytes(Self.plan) == torn)
        #expect(try RepairTests.tornFiles(wsoa).isEmpty, "a partial .torn file was left behind")
        try wsoa.succeed(["repair", Self.plan])
        try wsoa.succeed(["verify", Self.plan])
    }
}
