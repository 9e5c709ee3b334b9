import Foundation
import Testing
@testable import WSoAEngine

/// The store's copies of evidence files: kept only for a decided command, exactly the bytes
/// hashed, and named only by a hash the journal line proves is one.
@Suite struct EvidenceCopyTests {
    private static func day(_ text: String) throws -> Day { try Day(parsing: text) }

    /// Stockton through fit for purpose with a workstream, and a file to record outside the plans directory.
    static func setUp() throws -> (plans: TemporaryPlans, file: String) {
        let plans = try TemporaryPlans()
        try StocktonHistory.record(in: plans.store, lines: 4)
        try plans.store.record(.addWorkstream(on: day("2019-10-20"), workstream: Workstream(id: "ws", title: "Workstream", addresses: ["W1"])),
                               in: stocktonID, by: lead, recorded: recordedAt)
        let file = "\(plans.path)-survey.pdf"
        try Data("survey results".utf8).write(to: URL(fileURLWithPath: file))
        return (plans, file)
    }

    /// Evidence of `file`, titled `title` (the same evidence twice on a day is refused: rule once-a-day).
    static func addEvidence(_ file: FileReference?, title: String = "Survey") throws -> PlanCommand {
        .addEvidence(on: try day("2019-11-01"), workstream: "ws", weaknesses: ["W1"], kind: .voice, title: title, source: nil,
                     file: file, link: nil)
    }

    static func copies(_ plans: TemporaryPlans) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: "\(plans.folder(stocktonID))/evidence")) ?? []
    }

    @Test("the store copies the bytes it hashed, and returns where the copy is")
    func copyIsKept() throws {
        let (plans, path) = try Self.setUp()
        defer { plans.remove(); try? FileManager.default.removeItem(atPath: path) }
        let file = try EvidenceFile(opening: path, plansDirectory: plans.path, copy: true)
        let recorded = try plans.store.record(Self.addEvidence(file.reference), in: stocktonID, by: lead, recorded: recordedAt,
                                              keeping: [file])
        let hash = SHA256.hexDigest(Array("survey results".utf8))
        #expect(recorded.copies == [EvidenceCopy(reference: file.reference, path: "\(stocktonID)/evidence/\(hash)", alreadyKept: false)])
        #expect(Self.copies(plans) == [hash])
        #expect(try plans.store.verify(stocktonID).evidenceFiles.map(\.outcome) == [.intact])
    }

    @Test("where plans are shared through git with copies kept on each machine, a copy not here is not damage")
    func copyKeptOnAnotherMachine() throws {
        let (plans, path) = try Self.setUp()
        defer { plans.remove(); try? FileManager.default.removeItem(atPath: path) }
        let file = try EvidenceFile(opening: path, plansDirectory: plans.path, copy: true)
        try plans.store.record(Self.addEvidence(file.reference), in: stocktonID, by: lead, recorded: recordedAt, keeping: [file])
        // As on a colleague's clone after a pull: the line came, the copy stayed on the recorder's machine.
        let copy = "\(plans.folder(stocktonID))/evidence/\(file.reference.sha256)"
        try FileManager.default.removeItem(atPath: copy)
        #expect(throws: WSoAError.self) { try plans.store.verify(stocktonID) }

        #expect(try plans.store.shareThroughGit(evidenceCopies: nil).evidenceCopies == .local)
        let found = try plans.store.verify(stocktonID).evidenceFiles
        #expect(found.map(\.outcome) == [.elsewhere])
        #expect(found.first?.description.contains("is not on this machine") == true)

        // Shared copies travel with the repository, so one missing is damage again; a changed one always is.
        #expect(try plans.store.shareThroughGit(evidenceCopies: .shared).evidenceCopies == .shared)
        #expect(throws: WSoAError.self) { try plans.store.verify(stocktonID) }
        _ = try plans.store.shareThroughGit(evidenceCopies: .local)
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: copy))
        #expect(throws: WSoAError.self) { try plans.store.verify(stocktonID) }
    }

    @Test("a file changed between hashing and copying is refused: nothing written, no copy")
    func changedWhileRecorded() throws {
        let (plans, path) = try Self.setUp()
        defer { plans.remove(); try? FileManager.default.removeItem(atPath: path) }
        let file = try EvidenceFile(opening: path, plansDirectory: plans.path, copy: true)
        // Rewritten in place (the same file, still open), as an editor saving over it would.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data("SURVEY".utf8))
        try handle.close()
        let before = try plans.journal(stocktonID)
        let error = try #require(throws: WSoAError.self) {
            try plans.store.record(Self.addEvidence(file.reference), in: stocktonID, by: lead, recorded: recordedAt, keeping: [file])
        }
        #expect(error.description.contains("it changed while it was being copied, so nothing was recorded"))
        #expect(try plans.journal(stocktonID) == before)
        #expect(Self.copies(plans).isEmpty)
    }

    @Test("a reference that says copied is recorded only with the file to copy, or an intact copy already kept")
    func copiedNeedsItsBytes() throws {
        let (plans, path) = try Self.setUp()
        defer { plans.remove(); try? FileManager.default.removeItem(atPath: path) }
        let file = try EvidenceFile(opening: path, plansDirectory: plans.path, copy: true)
        let before = try plans.journal(stocktonID)
        #expect(throws: WSoAError.self) {
            try plans.store.record(Self.addEvidence(file.reference), in: stocktonID, by: lead, recorded: recordedAt)
        }
        #expect(try plans.journal(stocktonID) == before)
        try plans.store.record(Self.addEvidence(file.reference), in: stocktonID, by: lead, recorded: recordedAt, keeping: [file])
        // Now kept: the same bytes may be recorded again without the file.
        let again = try plans.store.record(Self.addEvidence(file.reference, title: "Survey, again"), in: stocktonID, by: lead, recorded: recordedAt)
        #expect(again.copies.map(\.alreadyKept) == [true])
        #expect(Self.copies(plans).count == 1)
    }

    @Test("a damaged copy is replaced by the good bytes when the same content is recorded again, never vouched for")
    func damagedCopyIsReplaced() throws {
        let (plans, path) = try Self.setUp()
        defer { plans.remove(); try? FileManager.default.removeItem(atPath: path) }
        let file = try EvidenceFile(opening: path, plansDirectory: plans.path, copy: true)
        try plans.store.record(Self.addEvidence(file.reference), in: stocktonID, by: lead, recorded: recordedAt, keeping: [file])
        let copy = "\(plans.folder(stocktonID))/evidence/\(file.reference.sha256)"
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: copy))
        #expect(throws: WSoAError.self) { try plans.store.verify(stocktonID) }
        let again = try EvidenceFile(opening: path, plansDirectory: plans.path, copy: true)
        let recorded = try plans.store.record(Self.addEvidence(again.reference, title: "Survey, again"), in: stocktonID, by: lead, recorded: recordedAt,
                                              keeping: [again])
        #expect(recorded.copies.map(\.alreadyKept) == [false])
        #expect(try plans.store.verify(stocktonID).evidenceFiles.map(\.outcome) == [.intact, .intact])
    }

    @Test("a journal line whose hash is not 64 hex digits is refused, so it can never name a file outside the evidence folder",
          arguments: ["../../events.jsonl", String(repeating: "A", count: 64), String(repeating: "a", count: 63), ""])
    func forgedHashIsRefused(_ hash: String) throws {
        let event = PlanEvent.evidenceAdded(PlanEvent.EvidenceAdded(
            on: try Self.day("2019-11-01"), id: "E1", workstream: "ws", kind: .voice, title: "Survey",
            file: FileReference(path: "survey.pdf", size: 1, sha256: hash, copied: true)))
        let entry = JournalEntry(seq: 2, prev: SHA256.Digest.genesis.hex, recorded: recordedAt, by: lead, event: event,
                                 personalDataAllowed: false)
        let line = entry.lineBytes
        #expect(throws: WSoAError.self) { try line.withUnsafeBytes { try JournalLine.decode($0, keepText: false) } }
    }

    @Test("a line written before copies were kept (no 'copied') reads as a file recorded without a copy")
    func lineWithoutCopiedReadsAsNoCopy() throws {
        let hash = String(repeating: "c", count: 64)
        let text = #"{"by":"x","data":{"file":{"path":"survey.pdf","sha256":"\#(hash)","size":3},"id":"E1","kind":"voice","title":"Survey","workstream":"ws"},"on":"2019-11-01","prev":"\#(String(repeating: "0", count: 64))","recorded":"\#(recordedAt)","seq":2,"type":"evidenceAdded","v":1}"#
        let decoded = try Array(text.utf8).withUnsafeBytes { try JournalLine.decode($0, keepText: false) }
        guard case let .evidenceAdded(added) = decoded.event else {
            Issue.record("expected evidenceAdded, got \(decoded.event)")
            return
        }
        #expect(added.file == FileReference(path: "survey.pdf", size: 3, sha256: hash, copied: false))
    }
}
