import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        guard let bytes = readBytes(path) else { return nil }
        return Snapshot(encoded: bytes)
    }

    /// Files at least this long are read in two halves at once.
    static let parallelReadBytes = 1 << 21

    /// The whole file's bytes, or nil; a long one is read in two halves, the second on another
    /// thread, because most of the time goes in the kernel faulting in fresh memory for the
    /// copy, and two cores do that in half the time.
    static func readBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var complete = false
        // Uninitialised, so the bytes are not first filled with zeros only to be overwritten.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            guard let base = buffer.baseAddress else { complete = size == 0; return }
            let half = size >= parallelReadBytes ? size / 2 : size
            let second = half < size ? ParallelRead(fd: fd, into: base + half, count: size - half, offset: half) : nil
            let first = FileSystem.readFully(fd, into: base, count: half, at: 0)
            // Always waited for: the other thread writes into `buffer`.
            let secondRead = second?.wait() ?? true
            complete = first && secondRead
            initialized = complete ? size : 0
        }
        return complete ? bytes : nil
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

/// One `pread` of part of a file on a thread of its own, for `Snapshot.readBytes`.
private final class ParallelRead: @unchecked Sendable {
    /// Whether every byte was read; written before `done` is signalled.
    private var succeeded = false
    private let done = DispatchSemaphore(value: 0)

    /// Starts reading `count` bytes at `offset` into `target`, which must stay valid until `wait`.
    init(fd: Int32, into target: UnsafeMutablePointer<UInt8>, count: Int, offset: Int) {
        nonisolated(unsafe) let target = target
        Thread.detachNewThread { [self] in
            succeeded = FileSystem.readFully(fd, into: target, count: count, at: offset)
            done.signal()
        }
    }

    /// Waits for the read; whether every byte was read.
    func wait() -> Bool {
        done.wait()
        return succeeded
    }
}
