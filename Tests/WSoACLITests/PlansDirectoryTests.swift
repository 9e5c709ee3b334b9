import Foundation
import Testing
import WSoAEngine

/// The plans directory: made and marked by `wsoa init`, and the only place wsoa reads or writes
/// plans. A directory without the mark, a symbolic link, or a folder in it that is not a plan is
/// named in one sentence and never written into.
@Suite struct PlansDirectoryTests {
    static let plan = "stockton-on-tees-2019"

    /// The sentence for a directory wsoa will not use, for `reason`.
    static func notAPlansDirectory(_ path: String, _ reason: String) -> String {
        "Error: \(path) is not a wsoa plans directory, so wsoa will not read or write plans there: \(reason).\n"
    }

    @Test func initMakesAndMarksThePlansDirectoryAndIsSafeToRepeat() throws {
        let wsoa = try InProcess()
        let made = wsoa.succeed(["init"])
        #expect(made.stdout == "Created the plans directory \(wsoa.plans).\n")
        #expect(made.stderr.isEmpty)
        let mark = try String(contentsOfFile: "\(wsoa.plans)/.wsoa-plans", encoding: .utf8)
        #expect(mark.hasPrefix("This folder holds wsoa plans"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: wsoa.plans) == [".wsoa-plans"])
        let again = wsoa.succeed(["init"])
        #expect(again.stdout == "The plans directory \(wsoa.plans) already exists; nothing to do.\n")
        let json = try JSONReader.parse(wsoa.succeed(["init", "--json"]).stdout)
        #expect(json == .object(["directory": .string(wsoa.plans), "created": .bool(false), "marked": .bool(false)]))
        #expect(wsoa.run(["init", "--as-of", "2020-01-01"]).status == 64)
    }

    /// A directory of plans made before directories were marked (or copied without its mark)
    /// is refused until `wsoa init` marks it; then it is read as before.
    @Test func anUnmarkedDirectoryIsRefusedUntilInitMarksIt() throws {
        let wsoa = try InProcess()
        wsoa.recordStockton(through: 2)
        let journal = try wsoa.journal(Self.plan)
        try FileManager.default.removeItem(atPath: "\(wsoa.plans)/.wsoa-plans")
        try "Minutes of the SEN strategic group.\n".write(toFile: "\(wsoa.plans)/notes.txt", atomically: true, encoding: .utf8)
        let refusal = Self.notAPlansDirectory(wsoa.plans, "it has no .wsoa-plans file, which 'wsoa init' writes to make it one")
        let commands: [[String]] = [
            ["status", Self.plan], ["list"], ["deadlines"], ["verify"], ["verify", Self.plan], ["history", Self.plan],
            ["report", Self.plan], ["advance", Self.plan, "submit", "--on", "2019-08-12"], ["repair", Self.plan],
            ["new", "middlesbrough-2017", "--area", "Middlesbrough", "--inspected", "2017-11-06..2017-11-10"],
        ]
        for arguments in commands {
            let result = wsoa.run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr == refusal, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
        }
        #expect(try wsoa.journal(Self.plan) == journal)
        #expect(!FileManager.default.fileExists(atPath: "\(wsoa.plans)/middlesbrough-2017"))

        // Plain files beside the plans do not stop init adopting them.
        let marked = wsoa.succeed(["init"])
        #expect(marked.stdout == "Marked \(wsoa.plans), a directory of plans, as the plans directory.\n")
        #expect(wsoa.succeed(["status", Self.plan]).stdout.contains("Phase: statement due   "))
        wsoa.succeed(["advance", Self.plan, "submit", "--on", "2019-08-12"])
    }

    @Test func initRefusesADirectoryHoldingOtherThings() throws {
        let wsoa = try InProcess()
        for name in ["Documents", "Photos"] {
            try FileManager.default.createDirectory(atPath: "\(wsoa.plans)/\(name)", withIntermediateDirectories: true)
        }
        let result = wsoa.run(["init"])
        #expect(result.status == 1)
        #expect(result.stderr == Self.notAPlansDirectory(
            wsoa.plans, "it already holds things that are not plans, such as Documents, Photos; choose an empty directory, or one that holds only plans"))
        #expect(!FileManager.default.fileExists(atPath: "\(wsoa.plans)/.wsoa-plans"))
        #expect(wsoa.run(["new", Self.plan, "--area", "Stockton-on-Tees", "--inspected", "2019-02-04..2019-02-08"]).status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: wsoa.plans).sorted() == ["Documents", "Photos"])
    }

    /// Symbolic links are never followed: not to the plans directory, nor to a plan's folder or
    /// journal inside it.
    @Test func symbolicLinksAreRefused() throws {
        let wsoa = try InProcess()
        wsoa.recordStockton(through: 2)
        let link = wsoa.folder.appendingPathComponent("link-to-plans").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: wsoa.plans)
        let viaLink = wsoa.run(["status", Self.plan, "--plans", link])
        #expect(viaLink.status == 1)
        #expect(viaLink.stderr == Self.notAPlansDirectory(link, "it is a symbolic link; give the directory it leads to"))
        #expect(wsoa.run(["init", "--plans", link]).stderr
            == Self.notAPlansDirectory(link, "it is a symbolic link; give the directory it leads to"))

        // A plan folder that is a link to a real plan elsewhere.
        let elsewhere = try InProcess()
        elsewhere.recordStockton(through: 2)
        try FileManager.default.createSymbolicLink(atPath: "\(wsoa.plans)/linked-2019", withDestinationPath: "\(elsewhere.plans)/\(Self.plan)")
        let folder = wsoa.run(["status", "linked-2019"])
        #expect(folder.status == 1)
        #expect(folder.stderr == "Error: The folder \(wsoa.plans)/linked-2019 is not a plan wsoa made: it is a symbolic link, which wsoa does not follow.\n")

        // A plan folder whose journal is a link.
        try FileManager.default.createDirectory(atPath: "\(wsoa.plans)/journal-link-2019", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: wsoa.journalPath("journal-link-2019"), withDestinationPath: elsewhere.journalPath(Self.plan))
        let before = try elsewhere.journal(Self.plan)
        for arguments in [["status", "journal-link-2019"], ["advance", "journal-link-2019", "submit", "--on", "2019-08-12"]] {
            let result = wsoa.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr == "Error: The folder \(wsoa.plans)/journal-link-2019 is not a plan wsoa made: its journal is a symbolic link, which wsoa does not follow.\n")
        }
        #expect(try elsewhere.journal(Self.plan) == before)
    }

    /// `list`, `deadlines` and `verify` show every plan they can read, and name every folder of
    /// the plans directory they cannot (a name that is no plan id, a folder with no journal),
    /// then exit 1. Hidden entries and plain files are not plans and are passed over.
    @Test func listDeadlinesAndVerifyNameEveryFolderTheyCannotRead() throws {
        let wsoa = try InProcess(today: "2019-06-01")
        wsoa.recordStockton(through: 2)
        for name in ["Board Papers", "empty-2020", ".git"] {
            try FileManager.default.createDirectory(atPath: "\(wsoa.plans)/\(name)", withIntermediateDirectories: false)
        }
        try "x".write(toFile: "\(wsoa.plans)/README.txt", atomically: true, encoding: .utf8)
        let badName = "Error: The folder \(wsoa.plans)/Board Papers is not a plan wsoa made: its name is not a plan id (lower-case letters, digits and hyphens)."
        let noJournal = "Error: The folder \(wsoa.plans)/empty-2020 is not a plan wsoa made: it has no journal (events.jsonl)."

        let list = wsoa.run(["list"])
        #expect(list.status == 1)
        #expect(list.errorLines == [Substring(badName), Substring(noJournal)])
        #expect(list.stdout == """
            PLAN                   AREA              FRAMEWORK  PHASE          NEXT DEADLINE
            Board Papers           ?                 ?          unreadable     —
            empty-2020             ?                 ?          unreadable     —
            stockton-on-tees-2019  Stockton-on-Tees  2016       statement due  written statement due 2019-08-12 (pending)

            """)
        let listJSON = try JSONReader.parse(wsoa.run(["list", "--json"]).stdout)
        #expect(listJSON.arrayValue?.map { $0["phase"]?.stringValue } == ["unreadable", "unreadable", "statementDue"])
        #expect(listJSON.arrayValue?.first?["error"]?.stringValue == String(badName.dropFirst("Error: ".count)))

        let deadlines = wsoa.run(["deadlines"])
        #expect(deadlines.status == 1)
        #expect(deadlines.errorLines == [Substring(badName), Substring(noJournal)])
        #expect(deadlines.stdout.contains("2019-08-12  pending: 51 working days left  stockton-on-tees-2019  written statement due"),
                "\(deadlines.stdout)")

        let verify = wsoa.run(["verify"])
        #expect(verify.status == 1)
        #expect(verify.errorLines == [Substring(badName), Substring(noJournal)])
        #expect(verify.stdout.hasPrefix("stockton-on-tees-2019: ok — 2 events, every line checked against the hash chain and the rules, head "))
        let verifyJSON = try JSONReader.parse(wsoa.run(["verify", "--json"]).stdout)
        #expect(verifyJSON.arrayValue?.map { $0["ok"]?.boolValue } == [false, false, true])
        #expect(verifyJSON.arrayValue?.map { $0["id"]?.stringValue } == ["Board Papers", "empty-2020", Self.plan])

        // Named, a folder that is not a plan is refused the same way; a plan that is not there is not found.
        #expect(wsoa.run(["status", "empty-2020"]).stderr == noJournal + "\n")
        #expect(wsoa.run(["verify", "empty-2020"]).stderr == noJournal + "\n")
        #expect(wsoa.run(["verify", "nowhere-2020"]).stderr
            == "Error: There is no plan 'nowhere-2020' in \(wsoa.plans); 'wsoa list' shows the plans there.\n")
        // Once they are gone, all is well again.
        for name in ["Board Papers", "empty-2020"] { try FileManager.default.removeItem(atPath: "\(wsoa.plans)/\(name)") }
        #expect(wsoa.run(["list"]).status == 0)
        #expect(wsoa.run(["verify"]).status == 0)
        #expect(wsoa.run(["deadlines"]).status == 0)
    }

    @Test func anEmptyPlansDirectorySaysSo() throws {
        let wsoa = try InProcess()
        wsoa.succeed(["init"])
        #expect(wsoa.succeed(["list"]).stdout == "No plans in \(wsoa.plans) yet; open one with 'wsoa new'.\n")
        #expect(wsoa.succeed(["verify"]).stdout == "No plans to verify in \(wsoa.plans).\n")
        #expect(wsoa.succeed(["deadlines"]).stdout == "No open deadlines as of 23 November 2026.\n")
    }
}
