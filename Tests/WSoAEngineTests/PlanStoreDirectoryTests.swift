import Foundation
import Testing
@testable import WSoAEngine

/// The plans directory as the store sees it: only a directory `initialize()` marked is read
/// or written; every folder in it that should be a plan is listed (with its problem when it
/// cannot be read); symbolic links are never followed into plans; and what wsoa writes for
/// people (`export`) never lands inside a plan's folder.
@Suite("Plan store: the plans directory")
struct PlanStoreDirectoryTests {
    /// A fresh path under the temporary directory (nothing there yet).
    static func freshPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-directory-\(UUID().uuidString)").path
    }

    @Test("initialize makes and marks a directory, marks one of plans, and refuses one holding other things")
    func initialize() throws {
        let path = Self.freshPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = PlanStore(directory: path)
        #expect(throws: WSoAError.plansDirectoryMissing(path: path)) { try store.portfolio() }
        #expect(try store.initialize() == .created)
        #expect(try store.initialize() == .alreadyPlans)
        #expect(FileManager.default.fileExists(atPath: "\(path)/.wsoa-plans"))
        try StocktonHistory.record(in: store, lines: 2)

        // The same plans, and a plain file, copied into an unmarked directory: marked as they are.
        let copy = Self.freshPath()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.createDirectory(atPath: "\(copy)/\(stocktonID)", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(path)/\(stocktonID)/events.jsonl", toPath: "\(copy)/\(stocktonID)/events.jsonl")
        try Data("notes".utf8).write(to: URL(fileURLWithPath: "\(copy)/README.txt"))
        let copied = PlanStore(directory: copy)
        for attempt in [{ _ = try copied.view(stocktonID) },
                        { _ = try copied.create(TestJournals.stockton(id: "middlesbrough-2017"), by: lead, recorded: recordedAt) }]
            as [() throws -> Void] {
            let error = try #require(throws: WSoAError.self) { try attempt() }
            guard case let .notAPlansDirectory(path, reason) = error else {
                Issue.record("expected notAPlansDirectory, got \(error)")
                continue
            }
            #expect(path == copy && reason.contains(".wsoa-plans"))
        }
        #expect(!FileManager.default.fileExists(atPath: "\(copy)/middlesbrough-2017"))
        #expect(try copied.initialize() == .marked)
        #expect(try copied.view(stocktonID).events == 2)

        // A directory holding something that is not a plan is never marked.
        let home = Self.freshPath()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: "\(home)/Documents", withIntermediateDirectories: true)
        let error = try #require(throws: WSoAError.self) { try PlanStore(directory: home).initialize() }
        guard case let .notAPlansDirectory(refused, reason) = error else {
            Issue.record("expected notAPlansDirectory, got \(error)")
            return
        }
        #expect(refused == home && reason.contains("Documents"))
        #expect(!FileManager.default.fileExists(atPath: "\(home)/.wsoa-plans"))
    }

    @Test("a plans directory given as a symbolic link is refused, and so is a file")
    func directoryItselfChecked() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        let link = Self.freshPath()
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: plans.path)
        defer { try? FileManager.default.removeItem(atPath: link) }
        let error = try #require(throws: WSoAError.self) { try PlanStore(directory: link).portfolio() }
        guard case .notAPlansDirectory(link, _) = error else {
            Issue.record("expected notAPlansDirectory, got \(error)")
            return
        }
        #expect(throws: WSoAError.notAPlansDirectory(path: "\(plans.path)/.wsoa-plans", reason: "it is not a directory")) {
            try PlanStore(directory: "\(plans.path)/.wsoa-plans").portfolio()
        }
    }

    @Test("a plan folder or journal that is a symbolic link is not followed")
    func symbolicLinks() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store, lines: 2)
        let elsewhere = Self.freshPath()
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        try FileManager.default.copyItem(atPath: plans.folder(stocktonID), toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: plans.folder("linked-2019"), withDestinationPath: elsewhere)
        #expect(throws: WSoAError.notAPlan(path: plans.folder("linked-2019"), reason: "it is a symbolic link, which wsoa does not follow")) {
            try plans.store.view("linked-2019")
        }
        try FileManager.default.createDirectory(atPath: plans.folder("journal-link"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: plans.journalPath("journal-link"), withDestinationPath: "\(elsewhere)/events.jsonl")
        #expect(throws: WSoAError.notAPlan(path: plans.folder("journal-link"),
                                            reason: "its journal is a symbolic link, which wsoa does not follow")) {
            try plans.store.verify("journal-link")
        }
        #expect(throws: WSoAError.self) {
            try plans.store.record(.submit(on: Day(parsing: "2019-08-12"), note: nil), in: "journal-link", by: lead, recorded: recordedAt)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(elsewhere)/events.jsonl")) == Data(try plans.journal(stocktonID)))
    }

    @Test("the portfolio and verifyAll name every folder that should be a plan, in id order, each with its view or its problem")
    func portfolio() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store, lines: 4)
        _ = try plans.store.create(TestJournals.stockton(id: "middlesbrough-2017"), by: lead, recorded: recordedAt)
        // Damaged: its journal's last line is torn.
        _ = try plans.store.create(TestJournals.stockton(id: "redcar-and-cleveland-2018"), by: lead, recorded: recordedAt)
        try plans.writeJournal("redcar-and-cleveland-2018", Array(try plans.journal("redcar-and-cleveland-2018").dropLast()))
        // Not plans: a folder without a journal, a folder whose name is no plan id; left out: hidden entries and files.
        for folder in ["empty-2020", "Not A Plan", ".git", ".new-x-1-2"] {
            try FileManager.default.createDirectory(atPath: plans.folder(folder), withIntermediateDirectories: false)
        }
        try Data("notes".utf8).write(to: URL(fileURLWithPath: "\(plans.path)/README.md"))

        let portfolio = try plans.store.portfolio()
        #expect(portfolio.map(\.id) == ["Not A Plan", "empty-2020", "middlesbrough-2017", "redcar-and-cleveland-2018", stocktonID])
        func problem(_ id: String) -> WSoAError? {
            guard case let .failure(error)? = portfolio.first(where: { $0.id == id })?.view else { return nil }
            return error
        }
        #expect(problem("Not A Plan") == .notAPlan(path: plans.folder("Not A Plan"),
                                                   reason: "its name is not a plan id (lower-case letters, digits and hyphens)"))
        #expect(problem("empty-2020") == .notAPlan(path: plans.folder("empty-2020"), reason: "it has no journal (events.jsonl)"))
        guard case .damagedJournal(_, 1, _)? = problem("redcar-and-cleveland-2018") else {
            Issue.record("expected damage at line 1, got \(String(describing: problem("redcar-and-cleveland-2018")))")
            return
        }
        #expect((try? portfolio.last?.view.get())?.plan.phase == .monitoring)
        #expect((try? portfolio[2].view.get())?.plan.phase == .inspected)

        let verified = try plans.store.verifyAll()
        #expect(verified.map(\.id) == portfolio.map(\.id))
        #expect((try? verified.last?.verification.get())?.events == 4)
        guard case .failure(.damagedJournal)? = verified.first(where: { $0.id == "redcar-and-cleveland-2018" })?.verification else {
            Issue.record("verifyAll did not report the torn journal")
            return
        }

        // As of a day before the inspections: each plan is listed with that problem.
        let early = try plans.store.portfolio(asOf: Day(parsing: "2019-02-03"))
        #expect(early.map(\.id) == portfolio.map(\.id))
        for entry in early where ["middlesbrough-2017", stocktonID].contains(entry.id) {
            guard case .failure(.notYetInspected)? = Optional(entry.view) else {
                Issue.record("\(entry.id) as of 2019-02-03: \(entry.view)")
                continue
            }
        }
    }

    @Test("export writes a file whole, anywhere but inside a plan's folder or over wsoa's own files")
    func export() throws {
        let plans = try TemporaryPlans()
        defer { plans.remove() }
        try StocktonHistory.record(in: plans.store, lines: 2)
        let out = Self.freshPath()
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: out) }

        try plans.store.export(Array("first".utf8), to: "\(out)/report.md")
        try plans.store.export(Array("second".utf8), to: "\(out)/report.md")
        #expect(try String(contentsOfFile: "\(out)/report.md", encoding: .utf8) == "second")
        // Beside the plans, under a name that is neither hidden nor a plan's, is allowed.
        try plans.store.export(Array("board".utf8), to: "\(plans.path)/board-report.html")

        let link = "\(out)/into-plan"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: plans.folder(stocktonID))
        let refusedPaths = [
            plans.journalPath(stocktonID), "\(plans.folder(stocktonID))/report.md", "\(plans.path)/\(stocktonID)/../\(stocktonID)/x.md",
            "\(link)/report.md", "\(plans.path)/.wsoa-plans", "\(plans.path)/\(stocktonID)", "\(plans.path)/.lock",
        ]
        let journal = try plans.journal(stocktonID)
        for path in refusedPaths {
            let error = try #require(throws: WSoAError.self, "\(path)") { try plans.store.export(Array("x".utf8), to: path) }
            guard case let .fileSystem(reported, _) = error else {
                Issue.record("expected fileSystem, got \(error)")
                continue
            }
            #expect(reported == path)
        }
        #expect(try plans.journal(stocktonID) == journal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: plans.folder(stocktonID)).sorted() == [".lock", "events.jsonl"])

        #expect(throws: WSoAError.fileSystem(path: "\(out)/nowhere/report.md", reason: "its folder \(out)/nowhere does not exist")) {
            try plans.store.export([], to: "\(out)/nowhere/report.md")
        }
        #expect(throws: WSoAError.fileSystem(path: "\(out)/", reason: "it names a folder, not a file")) {
            try plans.store.export([], to: "\(out)/")
        }
        try FileManager.default.createDirectory(atPath: "\(out)/folder", withIntermediateDirectories: false)
        #expect(throws: WSoAError.fileSystem(path: "\(out)/folder", reason: "it is a directory, not a file")) {
            try plans.store.export([], to: "\(out)/folder")
        }
    }
}
