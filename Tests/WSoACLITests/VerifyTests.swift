import Foundation
import Testing
import WSoAEngine

/// `wsoa verify`: every line against the chain and the rules, the snapshot against a fresh fold,
/// and `--head` for the record a printed report came from.
@Suite struct VerifyTests {
    static let plan = "stockton-on-tees-2019"

    /// The head `verify` prints for the plan.
    static func head(_ wsoa: InProcess, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let json = try JSONReader.parse(wsoa.succeed(["verify", plan, "--json"], sourceLocation: sourceLocation).stdout)
        return try #require(json.arrayValue?.first?["head"]?.stringValue, sourceLocation: sourceLocation)
    }

    @Test func anIntactJournalIsOkWithItsHead() throws {
        let wsoa = try InProcess()
        wsoa.recordStockton()
        let head = try Self.head(wsoa)
        let result = wsoa.succeed(["verify", Self.plan])
        #expect(result.stdout == "\(Self.plan): ok — 6 events, every line checked against the hash chain and the rules, head \(head)\n")
        #expect(result.stderr.isEmpty)
        let json = try JSONReader.parse(wsoa.succeed(["verify", Self.plan, "--json"]).stdout)
        #expect(json == .array([.object(["id": .string(Self.plan), "ok": .bool(true), "events": .int(6), "head": .string(head)])]))
        // The head is the one status shows and the report prints.
        #expect(wsoa.succeed(["status", Self.plan]).stdout.contains("Journal: 6 events; head \(head)\n"))
        let report = try JSONReader.parse(wsoa.succeed(["report", Self.plan, "--format", "json"]).stdout)
        #expect(report["record"]?["head"]?.stringValue == head)
        #expect(report["record"]?["chainChecked"]?.boolValue == true)
    }

    /// `--head` ties a printed report to the journal: the line it was printed from must still be
    /// there, with every line after it chaining from it.
    @Test func headVouchesForAPrintedRecordUntilItIsCut() throws {
        let wsoa = try InProcess()
        wsoa.recordStockton(through: 3)
        let printed = try Self.head(wsoa)
        let same = wsoa.succeed(["verify", Self.plan, "--head", printed])
        #expect(same.stdout.hasSuffix("\n  the printed head \(printed) is line 3, still the journal's last line: nothing was recorded after it\n"))
        // Two more lines since the report: still vouched for.
        for step in WSoABinary.stocktonHistory[3...4] { wsoa.succeed(step) }
        let later = wsoa.succeed(["verify", Self.plan, "--head", printed])
        #expect(later.stdout.contains("ok — 5 events"))
        #expect(later.stdout.hasSuffix("\n  the printed head \(printed) is line 3, and the 2 lines recorded after it chain from it\n"))
        let json = try JSONReader.parse(wsoa.succeed(["verify", Self.plan, "--head", printed, "--json"]).stdout)
        #expect(json.arrayValue?.first?["headLine"]?.intValue == 3)

        // The journal cut back to two lines (and the rest rewritten): the printed line is gone.
        let lines = try wsoa.journal(Self.plan).split(separator: 0x0A, omittingEmptySubsequences: false)
        try Data(lines.prefix(2).joined(separator: [0x0A]) + [0x0A]).write(to: URL(fileURLWithPath: wsoa.journalPath(Self.plan)))
        let cut = wsoa.run(["verify", Self.plan, "--head", printed])
        #expect(cut.status == 1)
        let now = try Self.head(wsoa)
        #expect(cut.stderr == "Error: The journal of plan '\(Self.plan)' does not vouch for the record printed with head \(printed): no line of its journal (2 lines, head \(now)) has that hash, so the line the record was printed from has since been cut from the journal or changed; if a commit cut the lines (git log on the journal shows it), git revert of that commit puts them back, keeping any recorded since, as a journal is only added to (a line recorded by mistake stays, and is corrected or withdrawn in the open).\n")
        #expect(cut.stdout.isEmpty)

        // A head belongs to one plan.
        let everyPlan = wsoa.run(["verify", "--head", printed])
        #expect(everyPlan.status == 64)
        #expect(everyPlan.errorLines.first == "Error: The value '\(printed)' of '--head' cannot be used: a head belongs to one plan; name the plan too.")
        // A head is 64 hex digits; anything else is a usage error, not a search.
        for malformed in [String(printed.dropLast()), String(printed.dropLast()) + "g", printed + "0"] {
            let refused = wsoa.run(["verify", Self.plan, "--head", malformed])
            #expect(refused.status == 64)
            #expect(refused.errorLines.first == "Error: The value '\(malformed)' of '--head' cannot be used: a head is 64 hex digits, as a report prints it.")
        }
        // Upper-case digits are the same head.
        #expect(wsoa.succeed(["verify", Self.plan, "--head", now.uppercased()]).stdout.contains("ok — 2 events"))
    }

    /// A journal long enough to leave a snapshot: verify checks the snapshot against a fresh
    /// fold; a damaged snapshot is reported (and only slows the everyday commands, which
    /// rebuild it with a notice).
    @Test func theSnapshotIsCheckedAgainstAFreshFold() throws {
        let wsoa = try InProcess()
        wsoa.recordStockton(through: 4)
        // One visit a day (a plan has one visit a day), from 15 January 2020.
        let first = try Day(parsing: "2020-01-15")
        for index in 1...260 {
            wsoa.succeed(["visit", Self.plan, "--on", first.adding(days: index).description, "--note", "visit \(index)"])
        }
        let snapshot = "\(wsoa.plans)/\(Self.plan)/snapshot.bin"
        try #require(FileManager.default.fileExists(atPath: snapshot))
        let ok = wsoa.succeed(["verify", Self.plan])
        let line = try #require(ok.stdout.split(separator: "\n").last?.firstMatch(of: /\ {2}its snapshot matches a fresh fold of the journal through line (\d+)/)?.1)
        #expect((256...264).contains(Int(line) ?? 0), "\(ok.stdout)")
        let json = try JSONReader.parse(wsoa.succeed(["verify", Self.plan, "--json"]).stdout)
        #expect(json.arrayValue?.first?["snapshotLine"]?.intValue == Int64(line))

        // A byte changed in the middle of the snapshot.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: snapshot)))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: snapshot))
        let damaged = wsoa.run(["verify", Self.plan])
        #expect(damaged.status == 1)
        #expect(damaged.stderr.hasPrefix("Error: The snapshot \(snapshot) cannot be trusted: it "), "\(damaged.stderr)")
        #expect(damaged.stderr.hasSuffix(" (it is ignored and rebuilt by the next command that reads the plan).\n"))
        #expect(damaged.errorLines.count == 1)

        // status still reads the plan, from its journal, saying why, and rebuilds the snapshot.
        let status = wsoa.run(["status", Self.plan])
        #expect(status.status == 0)
        #expect(status.stdout.contains("Journal: 264 events; head "))
        #expect(status.stderr.hasPrefix("Notice: The snapshot of plan '\(Self.plan)' "), "\(status.stderr)")
        #expect(status.stderr.hasSuffix("; the plan was read from its journal instead and the snapshot rebuilt.\n"))
        wsoa.succeed(["verify", Self.plan])

        // Lines cut from the journal's end, below the snapshot's line.
        let lines = try wsoa.journal(Self.plan).split(separator: 0x0A).prefix(200)
        try Data(lines.joined(separator: [0x0A]) + [0x0A]).write(to: URL(fileURLWithPath: wsoa.journalPath(Self.plan)))
        let cut = wsoa.run(["verify", Self.plan])
        #expect(cut.status == 1)
        #expect(cut.stderr.hasPrefix("Error: The journal \(wsoa.journalPath(Self.plan)) is damaged at line 201: its snapshot folded "),
                "\(cut.stderr)")
        #expect(cut.stderr.contains("but the journal has only 200: lines were cut from its end (as reverting the commit that recorded them does, with git revert, or putting the journal back to an earlier version: a git reset, checkout or stash, or a restore from a backup), or the snapshot was forged; if a commit cut the lines (git log on the journal shows it), git revert of that commit puts them back"),
                "\(cut.stderr)")
        let read = wsoa.run(["status", Self.plan])
        #expect(read.status == 0)
        #expect(read.stdout.contains("Journal: 200 events; head "))
        #expect(read.stderr.contains("lines were cut from its end or rewritten, as reverting the commit that recorded them (git revert) or putting the journal back to an earlier version (a git reset, checkout or stash, or a restore from a backup) does; the plan was read from its journal instead. If a commit cut the lines (git log on the journal shows it), git revert of that commit puts them back"),
                "\(read.stderr)")
    }

    /// Every line is checked against the rules too, so a line the engine would have refused is
    /// damage even though the chain is intact (the hostile corpus has one of each kind).
    @Test func aLineThatBreaksARuleIsDamage() throws {
        let wsoa = try InProcess()
        wsoa.recordStockton(through: 4)
        // Append a well-chained status report on an action that does not exist.
        let journal = try wsoa.journal(Self.plan)
        let last = journal.dropLast().split(separator: 0x0A).last ?? []
        let entry = JournalEntry(seq: 5, prev: SHA256.hexDigest(Array(last)), recorded: "2026-11-23T10:00:00Z", by: "tester",
                                 event: .actionUpdated(.init(on: Day(year: 2020, month: 1, day: 10)!, id: "A1", status: .onTrack, note: nil)))
        try Data(journal + entry.lineBytes + [0x0A]).write(to: URL(fileURLWithPath: wsoa.journalPath(Self.plan)))
        let result = wsoa.run(["verify", Self.plan])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: The journal \(wsoa.journalPath(Self.plan)) is damaged at line 5: rule known-reference refuses it: there is no action A1 (the plan has none yet).\n")
        // The everyday commands check the chain, not every rule: they still read the plan.
        #expect(wsoa.run(["status", Self.plan]).status == 0)
    }
}
