import Foundation
import Testing
import WSoAEngine

/// Evidence kept with the record: `--file` copies the file into the plan's folder by its
/// SHA-256, `--no-copy` records the hash alone, `evidence revise` adds a version, `verify`
/// names every damaged file, and no symbolic link is followed.
@Suite struct EvidenceFileTests {
    /// The demo plan of `DeliveryRecordTests` (E1 and E2 recorded, without files), viewed on 1 June 2024.
    static func demo() throws -> InProcess {
        let wsoa = try InProcess(today: "2024-06-01")
        for step in DeliveryRecordTests.demoSteps { wsoa.succeed(step) }
        return wsoa
    }

    /// Writes `text` to a file called `name` in the test's folder, outside the plans directory.
    static func file(_ wsoa: InProcess, _ name: String, _ text: String) throws -> String {
        let path = wsoa.folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `evidence add` for the demo plan's ehc workstream, with `extra` options.
    static func add(_ title: String, _ extra: [String]) -> [String] {
        ["evidence", "add", "demo", "--workstream", "ehc", "--kind", "impact", "--on", "2023-06-01", "--title", title] + extra
    }

    /// The plan's evidence folder.
    static func evidenceFolder(_ wsoa: InProcess) -> String { "\(wsoa.plans)/demo/evidence" }

    /// The names in the plan's evidence folder (none when it is not there).
    static func copies(_ wsoa: InProcess) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: evidenceFolder(wsoa))) ?? []).sorted()
    }

    /// The `file` object of the journal's last line.
    static func lastFile(_ wsoa: InProcess) throws -> JSONValue {
        let journal = String(decoding: try wsoa.journal("demo"), as: UTF8.self)
        let last = try JSONReader.parse(String(try #require(journal.split(separator: "\n").last)))
        return try #require(last["data"]?["file"] ?? last["data"]?["changes"]?["file"])
    }

    /// Runs a command that must be refused, and checks it wrote nothing and kept no copy.
    static func refused(_ wsoa: InProcess, _ arguments: [String], status: Int32 = 1,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let before = try wsoa.journal("demo"), copies = Self.copies(wsoa)
        let result = wsoa.run(arguments)
        #expect(result.status == status, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try wsoa.journal("demo") == before, "a refused command wrote", sourceLocation: sourceLocation)
        #expect(Self.copies(wsoa) == copies, "a refused command left a copy", sourceLocation: sourceLocation)
        return result.stderr
    }

    // MARK: Copies

    @Test func aFileIsCopiedIntoThePlanFolderNamedByItsHash() throws {
        let wsoa = try Self.demo()
        let text = "EHC audit, June 2023: 31 of 40 plans good or better.\n"
        let path = try Self.file(wsoa, "EHC audit June 2023.txt", text)
        let hash = SHA256.hexDigest(Array(text.utf8))
        let result = wsoa.succeed(Self.add("EHC audit", ["--file", path]))
        #expect(result.stdout.contains("A copy of EHC audit June 2023.txt (SHA-256 \(hash.prefix(12))…) is kept in the plan's folder as demo/evidence/\(hash)."))
        #expect(Self.copies(wsoa) == [hash], "one copy, named by the hash alone: no original name in the folder")
        let copy = "\(Self.evidenceFolder(wsoa))/\(hash)"
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(text.utf8))
        // Copies can hold personal data: not readable by other users of the machine.
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int)
        #expect(mode & 0o007 == 0)
        let folderMode = try #require(try FileManager.default.attributesOfItem(atPath: Self.evidenceFolder(wsoa))[.posixPermissions] as? Int)
        #expect(folderMode & 0o007 == 0)
        // The journal keeps what people knew the file as, and that a copy is kept.
        let file = try Self.lastFile(wsoa)
        #expect(file["path"]?.stringValue == path)
        #expect(file["sha256"]?.stringValue == hash)
        #expect(file["copied"] == .bool(true))
        // The original can now change or go: the record holds the evidence itself.
        try FileManager.default.removeItem(atPath: path)
        let verified = wsoa.succeed(["verify", "demo"]).stdout
        #expect(verified.contains("1 evidence file matches the record: 1 kept as a copy in the plan's folder"))
        #expect(!FileManager.default.fileExists(atPath: "\(Self.evidenceFolder(wsoa))/.\(hash)"), "no temporary file is left behind")
    }

    @Test func theSameContentRecordedTwiceIsStoredOnce() throws {
        let wsoa = try Self.demo()
        let first = try Self.file(wsoa, "minutes.txt", "Board minutes, 5 June 2023.\n")
        let second = try Self.file(wsoa, "minutes (copy).txt", "Board minutes, 5 June 2023.\n")
        wsoa.succeed(Self.add("Minutes", ["--file", first]))
        let again = wsoa.succeed(Self.add("Minutes again", ["--file", second]))
        #expect(again.stdout.contains("minutes (copy).txt (SHA-256"))
        #expect(again.stdout.contains("is already kept in the plan's folder as demo/evidence/"))
        #expect(Self.copies(wsoa).count == 1)
        let checks = try #require(try JSONReader.parse(wsoa.succeed(["verify", "demo", "--json"]).stdout).arrayValue?.first?["evidenceFiles"]?.arrayValue)
        #expect(checks.map { $0["evidence"]?.stringValue } == ["E3", "E4"])
        #expect(checks.allSatisfy { $0["outcome"]?.stringValue == "intact" })
    }

    @Test func noCopyRecordsTheHashAloneAndSaysSo() throws {
        let wsoa = try Self.demo()
        let path = try Self.file(wsoa, "case-file-audit.txt", "Kept in the council's document store.\n")
        let result = wsoa.succeed(Self.add("Case file audit", ["--file", path, "--no-copy"]))
        #expect(result.stdout.contains("No copy of case-file-audit.txt (SHA-256"))
        #expect(Self.copies(wsoa).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: Self.evidenceFolder(wsoa)), "no evidence folder is made for it")
        let file = try Self.lastFile(wsoa)
        #expect(file["copied"] == .bool(false))
        #expect(file["sha256"]?.stringValue == SHA256.hexDigest(Array("Kept in the council's document store.\n".utf8)))
        #expect(wsoa.run(Self.add("Loose flag", ["--no-copy"])).status == 64, "--no-copy needs a --file")
    }

    @Test func aRefusedEvidenceCommandLeavesNoCopy() throws {
        let wsoa = try Self.demo()
        let path = try Self.file(wsoa, "survey.txt", "Survey: 61% feel listened to.\n")
        // Refused by a rule: decided under the lock before anything is copied.
        #expect(try Self.refused(wsoa, ["evidence", "add", "demo", "--workstream", "nope", "--kind", "voice", "--on", "2023-06-01",
                                        "--title", "Survey", "--file", path]).contains("Rule known-reference"))
        #expect(try Self.refused(wsoa, Self.add("Child 943 476 5919", ["--file", path])).contains("Rule personal-data"))
        // Refused once decided, when its line is made: still before the copy.
        let longName = String(repeating: "x", count: 201)
        #expect(try Self.refused(wsoa, Self.add("Survey", ["--file", path, "--by", longName])).contains("Rule text-limit"))
        // Refused as a revision of evidence that has no file.
        #expect(try Self.refused(wsoa, ["evidence", "revise", "demo", "E1", "--file", path, "--reason", "r"])
                    .contains("E1 has no file to revise"))
        #expect(Self.copies(wsoa).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: Self.evidenceFolder(wsoa)))
    }

    // MARK: Versions

    @Test func aRevisedFileIsVersionTwoAndTheReportShowsIt() throws {
        let wsoa = try Self.demo()
        let first = try Self.file(wsoa, "survey-draft.txt", "Survey: 61% feel listened to (n=200).\n")
        wsoa.succeed(["evidence", "add", "demo", "--workstream", "coproduction", "--kind", "voice", "--on", "2024-05-01",
                      "--weakness", "W1", "--title", "Parent survey 2024", "--file", first])
        let second = try Self.file(wsoa, "survey-final.txt", "Survey: 63% feel listened to (n=212).\n")
        let revised = wsoa.succeed(["evidence", "revise", "demo", "E3", "--file", second, "--reason", "Final count from the forum"])
        #expect(revised.stdout.contains("Recorded a correction of E3 for demo"))
        #expect(Self.copies(wsoa).count == 2, "both versions are kept")
        let hash = SHA256.hexDigest(Array("Survey: 63% feel listened to (n=212).\n".utf8))

        // The report shows the current version and how many came before, by name and hash only.
        let markdown = wsoa.succeed(["report", "demo"]).stdout
        #expect(markdown.contains("file survey-final.txt, version 2; 1 earlier (SHA-256 \(hash.prefix(12))…)"))
        let items = try #require(JSONReader.parse(wsoa.succeed(["report", "demo", "--format", "json"]).stdout)["weaknesses"]?
            .arrayValue?.first?["evidence"]?["items"]?.arrayValue)
        let e3 = try #require(items.first { $0["id"]?.stringValue == "E3" })
        #expect(e3["file"]?.stringValue == "survey-final.txt" && e3["fileVersion"]?["version"]?.intValue == 2)
        let json = try JSONReader.parse(wsoa.succeed(["report", "demo", "--format", "json"]).stdout)
        let latest = try #require(json["weaknesses"]?.arrayValue?.first?["evidence"]?["latestVoice"])
        #expect(latest["id"]?.stringValue == "E3")
        #expect(latest["file"]?.stringValue == "survey-final.txt")
        #expect(latest["fileVersion"]?["sha256"]?.stringValue == hash)
        #expect(latest["fileVersion"]?["version"]?.intValue == 2)
        #expect(latest["fileVersion"]?["earlierVersions"]?.intValue == 1)
        let html = wsoa.succeed(["report", "demo", "--format", "html"]).stdout
        #expect(html.contains("survey-final.txt, version 2; 1 earlier"))
        // Never where a copy is kept, nor the folders the original came from.
        for report in [markdown, html, JSONWriter.pretty(json)] {
            #expect(!report.contains("evidence/\(hash)") && !report.contains(wsoa.folder.path) && !report.contains("63% feel"))
        }

        // The original line stays; the history shows both versions.
        let history = wsoa.succeed(["history", "demo", "--kind", "evidence"]).stdout
        #expect(history.contains("E3 [coproduction, W1] voice: Parent survey 2024"))
        #expect(history.contains("file “survey-final.txt”, SHA-256 \(hash.prefix(12))…, a copy kept"))
        let checks = try #require(try JSONReader.parse(wsoa.succeed(["verify", "demo", "--json"]).stdout).arrayValue?.first?["evidenceFiles"]?.arrayValue)
        #expect(checks.map { "\($0["evidence"]?.stringValue ?? "") v\($0["version"]?.intValue ?? 0)" } == ["E3 v1", "E3 v2"])
        // The same file again is no revision.
        #expect(try Self.refused(wsoa, ["evidence", "revise", "demo", "E3", "--file", second, "--reason", "again"])
                    .contains("the file is the same as E3's current version (version 2"))
    }

    // MARK: Verify

    @Test func verifyNamesEveryChangedOrMissingFileByIDAndVersion() throws {
        let wsoa = try Self.demo()
        let one = try Self.file(wsoa, "one.txt", "One.\n"), two = try Self.file(wsoa, "two.txt", "Two.\n")
        let three = try Self.file(wsoa, "three.txt", "Three.\n"), four = try Self.file(wsoa, "four.txt", "Four.\n")
        wsoa.succeed(Self.add("One", ["--file", one]))
        wsoa.succeed(Self.add("Two", ["--file", two]))
        wsoa.succeed(["evidence", "revise", "demo", "E4", "--file", three, "--reason", "Revised"])
        wsoa.succeed(Self.add("Four", ["--file", four, "--no-copy"]))
        wsoa.succeed(["verify", "demo"])
        let folder = Self.evidenceFolder(wsoa)
        func copy(_ text: String) -> String { "\(folder)/\(SHA256.hexDigest(Array(text.utf8)))" }
        try Data("One, edited.\n".utf8).write(to: URL(fileURLWithPath: copy("One.\n")))
        try FileManager.default.removeItem(atPath: copy("Two.\n"))
        try FileManager.default.removeItem(atPath: copy("Three.\n"))
        try Data("Four, edited.\n".utf8).write(to: URL(fileURLWithPath: four))

        let result = wsoa.run(["verify", "demo"])
        #expect(result.status == 1)
        let error = result.stderr
        #expect(error.hasPrefix("Error: Plan 'demo' has 4 evidence files that no longer match the record: "))
        #expect(error.contains("E3 version 1 (one.txt): its copy demo/evidence/\(SHA256.hexDigest(Array("One.\n".utf8))) has changed since it was recorded"))
        #expect(error.contains("E4 version 1 (two.txt): its copy demo/evidence/\(SHA256.hexDigest(Array("Two.\n".utf8))) has gone"))
        #expect(error.contains("E4 version 2 (three.txt): its copy demo/evidence/\(SHA256.hexDigest(Array("Three.\n".utf8))) has gone"))
        #expect(error.contains("E5 version 1 (four.txt): the file \(four) has changed since it was recorded"))
        let json = try #require(try JSONReader.parse(wsoa.run(["verify", "demo", "--json"]).stdout).arrayValue?.first)
        #expect(json["ok"] == .bool(false))
        let files = try #require(json["evidenceFiles"]?.arrayValue)
        #expect(files.map { "\($0["evidence"]?.stringValue ?? "") v\($0["version"]?.intValue ?? 0) \($0["outcome"]?.stringValue ?? "")" }
                    == ["E3 v1 changed", "E4 v1 missing", "E4 v2 missing", "E5 v1 changed"])
        // Verify across every plan fails the same way, and verifying changed nothing.
        #expect(wsoa.run(["verify"]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: copy("Two.\n")))
    }

    @Test func aWithdrawnEvidencesCopyMayBeRemoved() throws {
        let wsoa = try Self.demo()
        let path = try Self.file(wsoa, "wrong.txt", "A case note that should never have been kept.\n")
        wsoa.succeed(Self.add("Wrong file", ["--file", path]))
        wsoa.succeed(["evidence", "withdraw", "demo", "E3", "--reason", "Holds a child's case note"])
        for name in Self.copies(wsoa) { try FileManager.default.removeItem(atPath: "\(Self.evidenceFolder(wsoa))/\(name)") }
        let verified = wsoa.succeed(["verify", "demo"]).stdout
        #expect(verified.contains("E3 version 1 (wrong.txt): its copy demo/evidence/"))
        #expect(verified.contains("has gone, and the evidence was withdrawn, so that is not damage"))
    }

    // MARK: Links

    @Test func aSymbolicLinkGivenAsTheFileIsRefused() throws {
        let wsoa = try Self.demo()
        let target = try Self.file(wsoa, "real.txt", "The real file.\n")
        let link = wsoa.folder.appendingPathComponent("shortcut.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try Self.refused(wsoa, Self.add("Via a link", ["--file", link]))
                    .contains("Could not use \(link): it is a symbolic link; give the file it leads to"))
        #expect(try Self.refused(wsoa, Self.add("Via a link", ["--file", link, "--no-copy"])).contains("it is a symbolic link"))
        // A link inside the plans directory is refused too, at whatever step of the path it is.
        let inside = "\(wsoa.plans)/demo/shortcut.txt"
        try FileManager.default.createSymbolicLink(atPath: inside, withDestinationPath: target)
        #expect(try Self.refused(wsoa, Self.add("Via a link", ["--file", inside])).contains("it is a symbolic link"))
        // The file it leads to is recorded as itself.
        wsoa.succeed(Self.add("The real file", ["--file", target]))
        #expect(try Self.lastFile(wsoa)["path"]?.stringValue == target)
    }

    @Test func aSymlinkedEvidenceFolderIsNeverFollowed() throws {
        let wsoa = try Self.demo()
        let path = try Self.file(wsoa, "audit.txt", "Audit.\n")
        wsoa.succeed(Self.add("Audit", ["--file", path]))
        let hash = SHA256.hexDigest(Array("Audit.\n".utf8))
        // The evidence folder moved elsewhere and replaced by a link to it.
        let elsewhere = wsoa.folder.appendingPathComponent("elsewhere").path
        try FileManager.default.moveItem(atPath: Self.evidenceFolder(wsoa), toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: Self.evidenceFolder(wsoa), withDestinationPath: elsewhere)

        let verify = wsoa.run(["verify", "demo"])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("E3 version 1 (audit.txt): its copy demo/evidence/\(hash) can no longer be read as a regular file (its folder is a symbolic link, which wsoa does not follow"))
        // Nothing is written through it, and a file reached through it is not read.
        let other = try Self.file(wsoa, "other.txt", "Other.\n")
        #expect(try Self.refused(wsoa, Self.add("Other", ["--file", other])).contains("is a symbolic link, which wsoa does not follow"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere) == [hash])
        #expect(try Self.refused(wsoa, Self.add("Through the link", ["--file", "\(Self.evidenceFolder(wsoa))/\(hash)"]))
                    .contains("Could not use \(Self.evidenceFolder(wsoa)): it is a symbolic link, which wsoa does not follow inside the plans directory"))
    }
}
