import Foundation

/// A cache of a plan folded up to a line, so a long journal need not be replayed from the start.
///
/// It is trusted only while the line it names still hashes the same; otherwise, or when it is
/// missing or unreadable, the journal is replayed in full. Deleting it changes nothing but speed.
struct Snapshot: Codable {
    /// The snapshot format; a different one is ignored.
    var v: Int
    /// The last line folded into `plan`.
    var seq: Int
    /// SHA-256 of that line.
    var lineHash: String
    /// The latest `on` among the folded events, so an `--as-of` view knows whether it may start here.
    var lastOn: Day
    /// The folded plan.
    var plan: Plan

    /// The format this build writes.
    static let version = 1

    /// Reads a snapshot; nil when it is missing, unreadable or of another format.
    static func read(_ path: String) -> Snapshot? {
        guard FileSystem.kind(path) == .file, let bytes = try? FileSystem.read(path),
              let snapshot = try? JSONDecoder().decode(Snapshot.self, from: Data(bytes)),
              snapshot.v == version
        else { return nil }
        return snapshot
    }

    /// Writes the snapshot atomically; failures are ignored because it is only a cache
    /// (a read-only plans directory still reads correctly, just without the speed-up).
    func write(_ path: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try? FileSystem.replace(path, with: [UInt8](data))
    }
}
