#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock(2)` on a plan's `.lock` file, held while one writer reads the tail,
/// decides and appends.
///
/// The kernel releases a flock when its process dies, so a lock file left behind by a crash
/// never blocks anyone; its contents only say who last held it, for the busy message.
final class PlanLock {
    private let fd: Int32

    /// Waits up to `timeout` seconds for the lock, then throws `WSoAError.lockTimeout` naming
    /// the holder if the lock file says who it is.
    init(path: String, plan: String, holder: String, timeout: Double) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystem.error(path) }
        let deadline = PlanLock.now() + timeout
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let failure = FileSystem.error(path)
                close(fd)
                throw failure
            }
            if PlanLock.now() >= deadline {
                let holder = PlanLock.liveHolder(described: try? FileSystem.read(path))
                close(fd)
                throw WSoAError.lockTimeout(plan: plan, seconds: Int(timeout.rounded(.up)), holder: holder)
            }
            usleep(10_000)
        }
        self.fd = fd
        // Say who holds it; best effort, since the lock itself is what matters.
        _ = ftruncate(fd, 0)
        let line = Array("pid \(getpid()): \(holder)\n".utf8)
        _ = line.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
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
