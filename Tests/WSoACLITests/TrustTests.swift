import Foundation
import Testing
@testable import WSoAEngine
#if canImport(Glibc)
import Glibc
#endif

/// Issue 12's findings, each pinned by the test named after it: the record cannot be changed
/// or broken without anyone being told, and nothing wsoa prints or writes can be turned against
/// its user.
@Suite struct TrustTests {
    static let plan = "stockton-on-tees-2019"

    /// A Stockton plan in monitoring with `extra` pieces of evidence after its first seven
    /// lines, written through the store (so a snapshot follows once a read folds 256 lines).
    static func longPlan(_ wsoa: WSoABinary, extra: Int) throws -> PlanStore {
        try wsoa.recordStockton(through: 4)
        try wsoa.succeed(["workstream", "add", plan, "coproduction", "--title", "Co-production", "--addresses", "W1"])
        let store = PlanStore(directory: wsoa.plans)
        for number in 0..<extra {
            try store.record(.addEvidence(on: Day(year: 2020, month: 1, day: 1 + number % 28)!, workstream: "coproduction",
                                              weaknesses: ["W1"], kind: number % 2 == 0 ? .impact : .voice,
                                              title: "Survey round \(number)", source: nil, file: nil, link: nil),
                                 in: plan, by: "tester", recorded: "2026-11-23T10:00:00Z")
        }
        return store
    }

    // MARK: 1. The snapshot proves itself

    @Test("1. a snapshot edited by hand is never believed: status shows the journal's plan, with a notice")
    func editedSnapshotIsIgnored() throws {
        let wsoa = try WSoABinary()
        _ = try Self.longPlan(wsoa, extra: 300)
        let snapshot = "\(wsoa.plans)/\(Self.plan)/\(Snapshot.fileName)"
        try? FileManager.default.removeItem(atPath: snapshot)
        let truth = try wsoa.succeed(["status", Self.plan]).stdout
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: snapshot)))
        // One byte changed at a time, across the whole file: never a different plan.
        for position in stride(from: 0, to: written.count, by: max(1, written.count / 97)) {
            var edited = written
            edited[position] ^= 0x01
            try Data(edited).write(to: URL(fileURLWithPath: snapshot))
            let result = try wsoa.run(["status", Self.plan])
            #expect(result.status == 0)
            #expect(result.stdout == truth, "byte \(position) changed what status printed")
            #expect(result.stderr.contains("Notice: The snapshot of plan"), "byte \(position): no notice")
        }
    }

    @Test("1. a snapshot forged with a recomputed checksum is found by verify, and no decision is based on a naive forgery")
    func forgedSnapshotIsFoundByVerify() throws {
        let wsoa = try WSoABinary()
        _ = try Self.longPlan(wsoa, extra: 300)
        let snapshotPath = "\(wsoa.plans)/\(Self.plan)/\(Snapshot.fileName)"
        _ = try wsoa.succeed(["status", Self.plan])
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: snapshotPath)))
        let genuine = try Snapshot(bytes: bytes, planID: Self.plan)
        #expect(try wsoa.run(["verify", Self.plan]).status == 0)

        // A forger who knows the format: a phase that would let monitoring cease.
        var plan = genuine.plan
        plan.phase = .cessationRecommended
        let forged = Snapshot(plan: plan, seq: genuine.seq, lineHash: genuine.lineHash, lineStart: genuine.lineStart,
                              lastOn: genuine.lastOn)
        try Data(forged.bytes).write(to: URL(fileURLWithPath: snapshotPath))
        let verify = try wsoa.run(["verify", Self.plan])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("differs from a fresh fold of the journal"))
        // No other command could tell it is wrong, so verify removes it: the next command reads
        // the journal (the genuine phase) and writes a genuine snapshot, which verify accepts.
        #expect(!FileManager.default.fileExists(atPath: snapshotPath))
        #expect(try wsoa.succeed(["status", Self.plan]).stdout.contains("Phase: monitoring"))
        #expect(FileManager.default.fileExists(atPath: snapshotPath))
        #expect(try wsoa.run(["verify", Self.plan]).status == 0)

        // A naive forgery (the phase's bytes edited in place) is refused before any decision.
        var naive = bytes
        let phase = Array("monitoring".utf8), closed = Array("cessationRecommended".utf8)
        if let at = naive.indices.first(where: { naive[$0...].starts(with: phase) }) {
            naive.replaceSubrange(at..<(at + phase.count), with: closed)
        }
        try Data(naive).write(to: URL(fileURLWithPath: snapshotPath))
        let before = try wsoa.journal(Self.plan)
        let cease = try wsoa.run(["advance", Self.plan, "cease", "--on", "2022-09-26"])
        #expect(cease.status == 1)
        #expect(cease.stderr.contains("Rule lifecycle refuses 'monitoring ceased'"))
        #expect(try wsoa.journal(Self.plan) == before)
    }

    @Test("1. the report vouches for the head only after checking every line, whatever the snapshot says")
    func reportHeadIsTheJournals() throws {
        let wsoa = try WSoABinary()
        _ = try Self.longPlan(wsoa, extra: 300)
        let head = try #require(try JSONReader.parse(wsoa.succeed(["verify", Self.plan, "--json"]).stdout).arrayValue?.first?["head"]?.stringValue)
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: "\(wsoa.plans)/\(Self.plan)/\(Snapshot.fileName)"))
        let report = try JSONReader.parse(try wsoa.succeed(["report", Self.plan, "--format", "json"]).stdout)
        #expect(report["record"]?["chainChecked"]?.boolValue == true)
        #expect(report["record"]?["head"]?.stringValue == head)
    }

    // MARK: 2. No valid command can brick a plan

    @Test("2. text over its field's limit is refused before anything is written, naming the field and the limit")
    func oversizedTextIsRefused() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        let before = try wsoa.journal(Self.plan)
        let huge = String(repeating: "A", count: 120_000)
        let visit = try wsoa.run(["visit", Self.plan, "--on", "2020-01-10"] + Array(repeating: ["--adviser", huge], count: 10).flatMap { $0 })
        #expect(visit.status == 1)
        #expect(visit.stderr.contains("Rule text-limit refuses 'monitoring visit'"))
        #expect(visit.stderr.contains("adviser is 120000 characters long, and may be at most 200 (--adviser)"))
        #expect(try wsoa.journal(Self.plan) == before)

        let by = try wsoa.run(["advance", Self.plan, "revisit", "--on", "2022-09-26", "--visited", "2022-07-11..2022-07-13",
                               "--sufficient", "W1,W2,W3,W4", "--by", String(repeating: "b", count: 500)])
        #expect(by.status == 1)
        #expect(by.stderr.contains("(--by)"))
        #expect(try wsoa.journal(Self.plan) == before)
        #expect(try wsoa.succeed(["verify", Self.plan]).status == 0)
    }

    @Test("2. a letter holding a weakness far longer than any letter's is refused, and the plan is not made")
    func hugeLetterWeaknessIsRefused() throws {
        let wsoa = try WSoABinary()
        try wsoa.succeed(["init"])
        let seed = WSoABinary.packageRoot.appendingPathComponent("Tests/Fixtures/seeds/003_70c40259de6038c0.txt")
        var letter = try String(contentsOf: seed, encoding: .utf8)
        let anchor = "- Poor shared understanding of the needs"
        #expect(letter.contains(anchor))
        letter = letter.replacingOccurrences(of: anchor, with: "- Poor shared understanding " + String(repeating: "know enough ", count: 100_000) + "of the needs")
        let file = wsoa.folder.appendingPathComponent("letter.txt")
        try letter.write(to: file, atomically: true, encoding: .utf8)
        let result = try wsoa.run(["new", "redcar-2018", "--from-letter", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Rule text-limit refuses 'letter published' for redcar-2018: the weakness is 1200147 characters long, and may be at most 4000"))
        #expect(!FileManager.default.fileExists(atPath: "\(wsoa.plans)/redcar-2018"))
    }

    // MARK: 3. No symbolic link is followed inside the plans directory

    @Test("3. a journal that is a symbolic link is refused, and the file it points to is untouched")
    func symlinkedJournalIsRefused() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        let outside = wsoa.folder.appendingPathComponent("outside.jsonl")
        let journal = wsoa.journalPath(Self.plan)
        try FileManager.default.moveItem(atPath: journal, toPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: journal, withDestinationPath: outside.path)
        let before = try Data(contentsOf: outside)
        let result = try wsoa.run(["visit", Self.plan, "--on", "2020-01-10"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("symbolic link"))
        #expect(try Data(contentsOf: outside) == before)
        let verify = try wsoa.run(["verify"])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("symbolic link"))
    }

    @Test("3. a lock file that is a symbolic link is never opened through it")
    func symlinkedLockIsRefused() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        let target = wsoa.folder.appendingPathComponent("target.txt")
        try Data("keep me\n".utf8).write(to: target)
        let lock = "\(wsoa.plans)/\(Self.plan)/.lock"
        try? FileManager.default.removeItem(atPath: lock)
        try FileManager.default.createSymbolicLink(atPath: lock, withDestinationPath: target.path)
        let result = try wsoa.run(["visit", Self.plan, "--on", "2020-01-10"])
        #expect(result.status == 1)
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me\n")
    }

    @Test("3. a snapshot that is a symbolic link is never read through it: the journal is read, with a notice")
    func symlinkedSnapshotIsIgnored() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        let truth = try wsoa.succeed(["status", Self.plan]).stdout
        let target = wsoa.folder.appendingPathComponent("target.bin")
        try Data("keep me\n".utf8).write(to: target)
        let snapshot = "\(wsoa.plans)/\(Self.plan)/\(Snapshot.fileName)"
        try? FileManager.default.removeItem(atPath: snapshot)
        try FileManager.default.createSymbolicLink(atPath: snapshot, withDestinationPath: target.path)
        let status = try wsoa.run(["status", Self.plan])
        #expect(status.status == 0)
        #expect(status.stdout == truth)
        #expect(status.stderr == "Notice: The snapshot of plan '\(Self.plan)' could not be read (it is a symbolic link, which wsoa does not follow here); the plan was read from its journal instead.\n")
        #expect(try wsoa.run(["verify", Self.plan]).status == 1)
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me\n")
    }

    // MARK: 4. Output never replaces wsoa's own files

    @Test("4. report --output into a plan's folder is refused and the journal kept", arguments: ["events.jsonl", "new.html", ".lock"])
    func reportOutputInsidePlanIsRefused(_ name: String) throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        let before = try wsoa.journal(Self.plan)
        // Also through a symbolic link to the folder.
        let link = wsoa.folder.appendingPathComponent("alias")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "\(wsoa.plans)/\(Self.plan)")
        for path in ["\(wsoa.plans)/\(Self.plan)/\(name)", "\(link.path)/\(name)", "\(wsoa.plans)/../plans/\(Self.plan)/\(name)"] {
            let result = try wsoa.run(["report", Self.plan, "--output", path])
            #expect(result.status == 1, "\(path) was written")
            #expect(result.stderr.contains("inside a plan's folder"))
        }
        #expect(try wsoa.journal(Self.plan) == before)
    }

    @Test("4. report --output never replaces a pipe, a device or a link with a file")
    func reportOutputReplacesOnlyFiles() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        let pipe = wsoa.folder.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let link = wsoa.folder.appendingPathComponent("link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: wsoa.folder.appendingPathComponent("target.md").path)
        for (path, says) in [(pipe, "it is a device, a pipe or a socket"), (link, "it is a symbolic link"), ("/dev/null", "it is a device")] {
            let result = try wsoa.run(["report", Self.plan, "--output", path])
            #expect(result.status == 1, "\(path) was replaced")
            #expect(result.stderr.contains(says), "\(path): \(result.stderr)")
        }
        var info = stat()
        #expect(lstat(pipe, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    }

    // MARK: 5. Control characters are shown, never obeyed

    @Test("5. control characters in recorded text and in --by are shown escaped by history and status")
    func controlCharactersAreEscaped() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        try wsoa.succeed(["workstream", "add", Self.plan, "coproduction", "--title", "Co\u{1B}[31mproduction\u{07}",
                          "--addresses", "W1", "--by", "Eve\n8.  2019-01-01  forged line\r"])
        for command in [["history", Self.plan], ["status", Self.plan]] {
            let output = try wsoa.succeed(command).stdout
            #expect(!output.utf8.contains(0x1B) && !output.utf8.contains(0x07) && !output.utf8.contains(0x0D), "\(command)")
            #expect(output.contains("Co\\u{1B}[31mproduction\\u{7}"), "\(command)")
            #expect(!output.split(separator: "\n").contains { $0.hasPrefix("8.  2019-01-01") }, "\(command) printed a forged line")
        }
        let json = try wsoa.succeed(["history", Self.plan, "--json"]).stdout
        #expect(json.contains("Co\\u001b[31mproduction\\u0007"))
    }

    // MARK: 6. A FIFO never makes a command wait

    @Test("6. evidence add --file on a FIFO is refused at once, and verify does not hang on one")
    func fifoIsRefused() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        try wsoa.succeed(["workstream", "add", Self.plan, "coproduction", "--title", "Co-production", "--addresses", "W1"])
        let fifo = wsoa.folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let add = try wsoa.runLimited(["evidence", "add", Self.plan, "--workstream", "coproduction", "--kind", "data",
                                       "--on", "2020-01-10", "--title", "Figures", "--file", fifo], timeout: 20)
        #expect(!add.timedOut && add.code == 1)
        #expect(add.stderr.contains("not a regular file"))

        let file = wsoa.folder.appendingPathComponent("figures.csv").path
        try Data("a,b\n".utf8).write(to: URL(fileURLWithPath: file))
        // Recorded without a copy, so verify reads the file where it was recorded.
        try wsoa.succeed(["evidence", "add", Self.plan, "--workstream", "coproduction", "--kind", "data",
                          "--on", "2020-01-10", "--title", "Figures", "--file", file, "--no-copy"])
        try FileManager.default.removeItem(atPath: file)
        #expect(mkfifo(file, 0o644) == 0)
        let verify = try wsoa.runLimited(["verify", Self.plan], timeout: 20)
        #expect(!verify.timedOut && verify.code == 1)
        #expect(verify.stderr.contains("can no longer be read as a regular file"))
    }

    // MARK: 7. Nothing in the plans directory is passed over in silence

    @Test("7. list, deadlines and verify name a plan folder with no journal, or whose journal is not a file, and exit 1")
    func unreadableFoldersAreNamed() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        try FileManager.default.createDirectory(atPath: "\(wsoa.plans)/empty-folder", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(wsoa.plans)/odd-2020/events.jsonl", withIntermediateDirectories: true)
        for command in ["list", "deadlines", "verify"] {
            let result = try wsoa.run([command])
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("empty-folder") && result.stderr.contains("odd-2020"), "\(command): \(result.stderr)")
        }
        try FileManager.default.removeItem(atPath: wsoa.journalPath(Self.plan))
        let verify = try wsoa.run(["verify"])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains(Self.plan))
    }

    // MARK: 8. A directory that is not a plans directory is never written into

    @Test("8. a directory wsoa did not make a plans directory is refused, and nothing is written there")
    func unmarkedDirectoryIsRefused() throws {
        let wsoa = try WSoABinary()
        let elsewhere = wsoa.folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        let result = try wsoa.run(["new", "tmp", "--area", "X", "--inspected", "2026-03-02..2026-03-06"],
                                  environment: ["WSOA_PLANS": elsewhere.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not a wsoa plans directory"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.appendingPathComponent("tmp").path).isEmpty)
        let adopt = try wsoa.run(["init"], environment: ["WSOA_PLANS": elsewhere.path])
        #expect(adopt.status == 1, "init adopted a directory holding a folder that is not a plan")
    }

    // MARK: 9. verify checks the rules and what a printed head vouched for

    @Test("9. lines cut from the journal's end are found: by the snapshot, and by the head a report printed")
    func cutTailIsFound() throws {
        let wsoa = try WSoABinary()
        _ = try Self.longPlan(wsoa, extra: 300)
        // A fold of the whole journal leaves a snapshot of its last line.
        try? FileManager.default.removeItem(atPath: "\(wsoa.plans)/\(Self.plan)/\(Snapshot.fileName)")
        _ = try wsoa.succeed(["status", Self.plan])
        let printed = try #require(try JSONReader.parse(wsoa.succeed(["verify", Self.plan, "--json"]).stdout).arrayValue?.first?["head"]?.stringValue)
        #expect(try wsoa.run(["verify", Self.plan, "--head", String(printed)]).status == 0)
        var lines = try wsoa.journal(Self.plan).split(separator: 0x0A, omittingEmptySubsequences: false)
        lines.removeLast(4)  // the empty end and three lines
        try Data(lines.joined(separator: [0x0A]) + [0x0A]).write(to: URL(fileURLWithPath: wsoa.journalPath(Self.plan)))
        let verify = try wsoa.run(["verify", Self.plan])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("lines were cut from its end"))
        // A command that reads the plan is told too, and reads the journal instead.
        let status = try wsoa.run(["status", Self.plan])
        #expect(status.status == 0)
        #expect(status.stderr.contains("no longer holds its last line as it was: lines were cut from its end or rewritten, as reverting the commit that recorded them (git revert) or putting the journal back to an earlier version"),
                "\(status.stderr)")
        try FileManager.default.removeItem(atPath: "\(wsoa.plans)/\(Self.plan)/\(Snapshot.fileName)")
        let head = try wsoa.run(["verify", Self.plan, "--head", String(printed)])
        #expect(head.status == 1)
        #expect(head.stderr.contains("does not vouch for the record printed with head \(printed)"))
    }

    @Test("9. a line with a correct chain that the rules would have refused is damage, with its line and rule")
    func ruleBreakingLineIsDamage() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 2)
        let journal = try wsoa.journal(Self.plan)
        let lines = journal.split(separator: 0x0A)
        // A second letter, chained correctly, which the lifecycle never allows.
        let forged = JournalEntry(seq: 3, prev: SHA256.hexDigest(Array(lines[1])), recorded: "2026-11-23T10:00:00Z", by: "forger",
                                  event: .letterPublished(.init(on: Day(year: 2019, month: 5, day: 1)!, statementRequired: false,
                                                                weaknesses: [])))
        try Data(journal + forged.lineBytes + [0x0A]).write(to: URL(fileURLWithPath: wsoa.journalPath(Self.plan)))
        let verify = try wsoa.run(["verify", Self.plan])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("damaged at line 3: rule lifecycle refuses it"))
    }

    // MARK: 10. Readers, writers, temporary files and the environment

    @Test("10. a value given in the environment that cannot be used is an error, never ignored",
          arguments: [("WSOA_LOCK_TIMEOUT", "abc"), ("WSOA_LOCK_TIMEOUT", "-1"), ("WSOA_TODAY", "2026-13-01"), ("WSOA_PLANS", "")])
    func environmentIsStrict(_ name: String, _ value: String) throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 2)
        let result = try wsoa.run(["status", Self.plan], environment: [name: value])
        #expect(result.status == 64)
        #expect(result.stderr.contains("The environment variable \(name)="))
    }

    @Test("10. no temporary file outlives a command, even one killed while it writes", .enabled(if: LongTests.enabled, LongTests.skipped))
    func noTemporaryFileIsLeft() throws {
        let wsoa = try WSoABinary()
        _ = try Self.longPlan(wsoa, extra: 300)
        let folder = "\(wsoa.plans)/\(Self.plan)"
        for attempt in 0..<40 {
            try? FileManager.default.removeItem(atPath: "\(folder)/\(Snapshot.fileName)")
            let child = try wsoa.spawn(["status", Self.plan])
            usleep(UInt32(1_000 * (attempt % 20)))
            child.send(SIGKILL)
            _ = child.wait(timeout: 10)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "left behind: \(leftovers)")
    }

    @Test("10. readers never report damage for a line a writer is still appending", .enabled(if: LongTests.enabled, LongTests.skipped))
    func readersRacingWritersSeeNoDamage() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        try wsoa.succeed(["workstream", "add", Self.plan, "coproduction", "--title", "Co-production", "--addresses", "W1"])
        // Long lines (each about 8,000 bytes, more than one write is atomic for) appended while others read.
        let note = String(repeating: "Long note about the forum. ", count: 140).prefix(3_900)
        let advisers = (1...20).map { " --adviser \"Adviser \($0) " + String(repeating: "x", count: 180) + "\"" }.joined()
        // One visit a day (rule once-a-day), each a day after the last.
        let days = (1...80).map { Day(year: 2020, month: 1, day: 10)!.adding(days: $0).description }.joined(separator: " ")
        let script = "i=0; for d in \(days); do i=$((i+1)); \"$0\" visit \(Self.plan) --on $d\(advisers) --note \"Visit $i. \(note)\" "
            + ">/dev/null || exit 1; done"
        let writer = try ChildProcess("/bin/sh", ["-c", script, WSoABinary.executable.path], environment: wsoa.childEnvironment())
        var damaged: [String] = []
        for _ in 0..<300 {
            let result = try wsoa.run(["status", Self.plan])
            if result.status != 0 { damaged.append(result.stderr) }
        }
        let wrote = writer.wait(timeout: 300)
        #expect(wrote.code == 0, "the writer failed: \(wrote.stderr)")
        #expect(damaged.isEmpty, "\(damaged.first ?? "")")
    }

    // MARK: 11. The personal-data guard

    @Test("11. NHS numbers in any common grouping are refused; UK telephone numbers are not",
          arguments: [("943.476.5919", 1), ("9434 765 919", 1), ("943-476-5919", 1), ("+44 161 496 0003", 0), ("0161 496 0003", 0)])
    func personalDataGuard(_ text: String, _ status: Int32) throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        let result = try wsoa.run(["visit", Self.plan, "--on", "2020-01-10", "--note", "Call about \(text) please"])
        #expect(result.status == status, "\(text): \(result.stderr)")
        if status == 1 { #expect(result.stderr.contains("Rule personal-data refuses")) }
    }
}
