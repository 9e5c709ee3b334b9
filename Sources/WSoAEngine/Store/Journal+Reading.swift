import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Journal {
    /// Journal files at least this long are read and cut into lines by two threads.
    static let twoThreadReadMinimum = 8 << 20

    /// The journal file at `path`, read whole and cut into lines.
    ///
    /// A long journal is read by two threads, half each, and each cuts its half into lines: a
    /// replay cannot start until the file is read, and copying 30 MB into fresh memory (the
    /// page faults as much as the copy) is much of what comes before. The result, and every
    /// error, is what `Journal(path:bytes:)` over `FileSystem.read` gives (`JournalReadingTests`);
    /// should either half come back short (the file changed meanwhile) or fail, the file is read
    /// again that way.
    static func read(_ path: String, twoThreadsFrom minimum: Int = twoThreadReadMinimum) throws -> Journal {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystem.error(path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileSystem.error(path) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw WSoAError.fileSystem(path: path, reason: "it is not a regular file")
        }
        let size = Int(info.st_size)
        guard size >= max(minimum, 2) else { return Journal(path: path, bytes: try FileSystem.read(path)) }
        let half = size / 2
        let second = SecondHalf()
        var lines: [Range<Int>] = []
        var rest = 0
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            let base = buffer.baseAddress!
            adviseHugePages(base, size)
            let shared = SharedPointer(base: base)
            Thread.detachNewThread {
                let base = shared.base
                if FileSystem.readFully(fd, into: base + half, count: size - half, at: half) {
                    // Lines wholly in this half start after its first newline.
                    if let found = memchr(base + half, 0x0A, size - half) {
                        let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                        second.firstNewline = newline
                        (second.lines, second.rest) = cut(base, from: newline + 1, to: size)
                    }
                    second.read = true
                }
                second.done.signal()
            }
            let firstRead = FileSystem.readFully(fd, into: base, count: half, at: 0)
            if firstRead { (lines, rest) = cut(base, from: 0, to: half) }
            second.done.wait()
            guard firstRead, second.read else {
                initialized = 0
                return
            }
            // The line across the halves ends at the second half's first newline, if it has one.
            if let newline = second.firstNewline {
                lines.append(rest..<newline)
                lines += second.lines
                rest = second.rest
            }
            complete = true
            initialized = size
        }
        guard complete else { return Journal(path: path, bytes: try FileSystem.read(path)) }
        return Journal(path: path, bytes: bytes, lines: lines, tornTail: rest < size ? rest..<size : nil)
    }

    /// A journal whose lines were found already.
    private init(path: String, bytes: [UInt8], lines: [Range<Int>], tornTail: Range<Int>?) {
        self.path = path
        self.bytes = bytes
        self.lines = lines
        self.tornTail = tornTail
        self.firstLine = 1
        self.fileOffset = 0
    }

    /// The lines ending in `from..<to` (each without its newline), and where the unfinished
    /// rest begins (`to` when the last byte is a newline).
    private static func cut(_ base: UnsafeMutablePointer<UInt8>, from: Int, to end: Int) -> (lines: [Range<Int>], rest: Int) {
        var lines: [Range<Int>] = []
        lines.reserveCapacity((end - from) / 256)
        var start = from
        while start < end, let found = memchr(base + start, 0x0A, end - start) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            lines.append(start..<index)
            start = index + 1
        }
        return (lines, start)
    }

    /// Asks for 2 MB pages for the aligned middle of a long buffer about to be filled: it spares
    /// thousands of page faults. Only a hint, ignored where unsupported.
    private static func adviseHugePages(_ base: UnsafeMutablePointer<UInt8>, _ size: Int) {
        #if os(Linux)
        let huge = 2 << 20
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1), end = (Int(bitPattern: base) + size) & ~(huge - 1)
        if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
        #endif
    }

    /// The buffer, handed to the second thread; each thread writes only its own half.
    private struct SharedPointer: @unchecked Sendable {
        let base: UnsafeMutablePointer<UInt8>
    }

    /// What the second thread found in its half, written before it signals `done`.
    private final class SecondHalf: @unchecked Sendable {
        /// Whether the half was read in full.
        var read = false
        /// Where the half's first newline is, if it has one.
        var firstNewline: Int?
        /// The lines after that newline.
        var lines: [Range<Int>] = []
        /// Where the unfinished rest after the last newline begins.
        var rest = 0
        /// Signalled when the thread is done.
        let done = DispatchSemaphore(value: 0)
    }
}
