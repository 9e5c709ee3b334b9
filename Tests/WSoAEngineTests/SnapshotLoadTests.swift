import Foundation
import Testing
@testable import WSoAEngine

/// A plan loaded from a snapshot keeps its evidence and status reports encoded, and every view
/// of it must still be exactly that of a full replay: the plan, its evidence tally, as-of views,
/// and what a tail of new events adds.
@Suite("Loading from a snapshot")
struct SnapshotLoadTests {
    private static let id = "demo-borough-2024"

    /// A copy of the demo plan (968 events: 300 evidence items, 272 status reports) in a
    /// temporary plans directory, and the directory's path to remove.
    private func demo() throws -> (store: PlanStore, path: String) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-snapshotload-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: "\(path)/\(Self.id)", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("plans/\(Self.id)/events.jsonl").path,
                                         toPath: "\(path)/\(Self.id)/events.jsonl")
        return (PlanStore(directory: path), path)
    }

    /// The plan as a full replay of the journal's entries gives it.
    private func replayed(_ store: PlanStore, asOf: Day? = nil) throws -> Plan {
        try #require(Plan.replay(try store.entries(Self.id).map(\.event).filter { event in
            if case .planCreated = event { return true }
            return asOf.map { event.on <= $0 } ?? true
        }))
    }

    @Test("a load from the snapshot equals a full replay, with its lists still encoded and the same tally")
    func sameAsReplay() throws {
        let (store, path) = try demo()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try store.load(Self.id)
        #expect(first.plan.evidence.isDecoded, "a replay builds its lists")
        #expect(FileManager.default.fileExists(atPath: "\(path)/\(Self.id)/snapshot.json"))

        let fromSnapshot = try store.load(Self.id)
        #expect(!fromSnapshot.plan.evidence.isDecoded)
        #expect(fromSnapshot.plan.evidenceTally == EvidenceTally(first.plan.evidence))
        #expect(fromSnapshot.plan.evidence.count == 300)
        #expect(!fromSnapshot.plan.evidence.isDecoded)
        #expect(fromSnapshot.plan == first.plan)
        #expect(fromSnapshot.plan == (try replayed(store)))

        // An as-of view on or after the snapshot's last day may start from it; one before may not.
        for asOf in ["2026-11-20", "2030-01-01", "2025-06-30", "2024-12-31"] {
            let day = try Day(parsing: asOf)
            let view = try store.load(Self.id, asOf: day)
            let expected = try replayed(store, asOf: day)
            #expect(view.plan.evidenceTally == EvidenceTally(expected.evidence), "as of \(asOf)")
            #expect(view.plan == expected, "as of \(asOf)")
        }
    }

    @Test("evidence and status reports recorded after the snapshot add to it without decoding it")
    func tailAfterSnapshot() throws {
        let (store, path) = try demo()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try store.load(Self.id)
        for number in 1...5 {
            _ = try store.append(Self.id, by: "test", recorded: "2026-11-23T12:00:00Z") { plan in
                #expect(!plan.evidence.isDecoded, "deciding on evidence must not decode the list")
                let workstream = try #require(plan.workstreams.first).id
                let action = try #require(plan.actions.first { $0.status != .complete })
                return try Plan.decide(.addEvidence(on: Day(parsing: "2026-11-2\(number)"), workstream: workstream, weakness: nil,
                                                    kind: number % 2 == 0 ? .impact : .voice, title: "Tail item \(number)",
                                                    source: nil, file: nil, link: nil), on: plan)
                    + Plan.decide(.updateAction(on: Day(parsing: "2026-11-2\(number)"), id: action.id, status: .onTrack,
                                                note: "Tail report \(number)"), on: plan)
            }
        }
        let loaded = try store.load(Self.id)
        #expect(!loaded.plan.evidence.isDecoded)
        let expected = try replayed(store)
        #expect(loaded.plan.evidenceTally == EvidenceTally(expected.evidence))
        #expect(loaded.plan.evidenceTally.latest[.impact]?.title == "Tail item 4")
        #expect(loaded.plan == expected)
    }
}
