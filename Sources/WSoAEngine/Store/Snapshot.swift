/// A cache of a plan folded up to a line, so a long journal need not be replayed from the start.
///
/// It is trusted only while the line it names still hashes the same; otherwise, or when it is
/// missing or unreadable, the journal is replayed in full. Deleting it changes nothing but speed.
///
/// It records where its line starts in the journal, so a load reads only the journal from
/// there on: the line itself (to check its hash) and the tail after it. Its format is canonical
/// JSON (keys sorted, as `JSONWriter` writes) with the plan's long lists as positional arrays,
/// read back by a reader that knows that exact shape (`Snapshot+Decoding.swift`), because a
/// plan of a hundred thousand events must come back in a few milliseconds.
struct Snapshot {
    /// The last line folded into `plan`.
    var seq: Int
    /// SHA-256 of that line.
    var lineHash: String
    /// Where that line starts in the journal, in bytes.
    var lineStart: Int
    /// The latest `on` among the folded events, so an `--as-of` view knows whether it may start here.
    var lastOn: Day
    /// The folded plan.
    var plan: Plan

    /// The format this build writes; a snapshot of another is ignored.
    static let version: Int64 = 3

    /// Reads a snapshot; nil when it is missing, unreadable or of another format.
    ///
    /// The file is read into memory, not mapped: its long lists stay there, encoded, until
    /// first used (`DeferredList`), possibly after the file has been replaced.
    static func read(_ path: String) -> Snapshot? {
        guard let bytes = try? FileSystem.read(path) else { return nil }
        return Snapshot(encoded: bytes)
    }

    /// Writes the snapshot atomically; failures are ignored because it is only a cache
    /// (a read-only plans directory still reads correctly, just without the speed-up).
    ///
    /// Not fsynced: after a crash the rename may leave an old, empty or partial file, and each
    /// of those is either still right for its line or refused by the reader.
    func write(_ path: String) {
        try? FileSystem.replace(path, durable: false) { write in try encode(into: write) }
    }
}
