#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `flock(2)` on a plan's `.lock` file: exclusive while one writer reads the tail, decides
/// and appends; shared while a reader that found a half-written last line waits for the
/// writer to finish it.
///
/// The kernel releases a flock when its process dies, so a lock file left behind by a crash
/// never blocks anyone; its contents only say who last held it, for the busy message.
final class PlanLock {
    /// The lock file's name in a plan's folder.
    static let fileName = ".lock"

    private let file: OpenFile

    /// Waits up to `timeout` seconds for the plan's exclusive lock, then throws
    /// `WSoAError.lockTimeout` naming the holder if the lock file says who it is.
    init(in folder: OpenFile, plan: String, holder: String, timeout: Double) throws {
        file = try FileSystem.open(PlanLock.fileName, in: folder, flags: O_RDWR | O_CREAT)
        try PlanLock.acquire(file, LOCK_EX, plan: plan, timeout: timeout)
        // Say who holds it; best effort, since the lock itself is what matters.
        _ = ftruncate(file.fd, 0)
        let line = Array("pid \(getpid()): \(holder)\n".utf8)
        _ = line.withUnsafeBytes { pwrite(file.fd, $0.baseAddress, $0.count, 0) }
    }

    /// A shared lock, held while reading; nil when the plan has no lock file (no writer has
    /// ever held one, so none can be writing).
    private init?(sharedIn folder: OpenFile, plan: String, timeout: Double) throws {
        guard let file = try? FileSystem.open(PlanLock.fileName, in: folder, flags: O_RDONLY) else { return nil }
        self.file = file
        try PlanLock.acquire(file, LOCK_SH, plan: plan, timeout: timeout)
    }

    deinit { flock(file.fd, LOCK_UN) }

    /// Runs `body` once any writer of the plan has finished (holding a shared lock, so none
    /// starts meanwhile): what a reader does when it finds the last line half written.
    static func afterWriters<T>(in folder: OpenFile, plan: String, timeout: Double, _ body: () throws -> T) throws -> T {
        let lock = try PlanLock(sharedIn: folder, plan: plan, timeout: timeout)
        return try withExtendedLifetime(lock) { try body() }
    }

    private static func acquire(_ file: OpenFile, _ operation: Int32, plan: String, timeout: Double) throws {
        let deadline = now() + timeout
        while flock(file.fd, operation | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw FileSystem.error(file.path) }
            if now() >= deadline {
                throw WSoAError.lockTimeout(plan: plan, seconds: Int(timeout.rounded(.up)),
                                            holder: liveHolder(described: try? FileSystem.read(file)))
            }
            usleep(10_000)
        }
    }

    /// Who the lock file says holds the lock, if that process is still alive.
    ///
    /// The file is only a note left by the last writer; a process that is gone cannot be holding
    /// a flock, so naming it would mislead.
    static func liveHolder(described bytes: [UInt8]?) -> String? {
        guard let bytes, let line = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first,
              line.hasPrefix("pid "), let colon = line.firstIndex(of: ":"),
              let pid = Int32(line[line.index(line.startIndex, offsetBy: 4)..<colon]), pid > 0,
              kill(pid, 0) == 0 || errno == EPERM
        else { return nil }
        return String(line.prefix(200))
    }

    /// Seconds on the monotonic clock (only for the wait, never for the record).
    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
