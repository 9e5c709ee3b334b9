import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, for the tests that need more than `Process`
/// gives: a hard time limit, the child's peak memory, its own process group (so a shell loop and
/// the `wsoa` it is running can be killed together) and SIGKILL at a chosen moment.
///
/// Output comes through pipes, drained whenever the child is polled, so a child that prints a
/// lot never blocks, and a file-size limit (`ulimit -f`) set for the child does not apply to
/// what it says.
final class ChildProcess: @unchecked Sendable {
    /// How a child ended.
    struct Outcome: Sendable {
        /// The exit code, when it exited.
        let status: Int32?
        /// The signal that ended it, when one did.
        let signal: Int32?
        /// Whether the test's time limit ran out and the child was killed for it.
        let timedOut: Bool
        /// Wall-clock seconds from start to end.
        let seconds: Double
        /// Peak resident memory of the child, in KiB: its `VmHWM`, sampled every millisecond
        /// while it ran. (`ru_maxrss` would count the test runner's own memory, which a child
        /// made by `posix_spawn` shares until it calls `exec`.)
        let maxRSSKiB: Int
        /// What it wrote to stdout and stderr.
        let stdout: String
        let stderr: String

        /// The exit code, or 128 + the signal number as a shell reports it.
        var code: Int32 { status ?? (128 + (signal ?? 0)) }
    }

    /// The child's process id (and process group id when it was given its own group).
    let pid: pid_t
    private let ownGroup: Bool
    private let started: Double
    private var pipes: [Int32]
    private var output: [[UInt8]] = [[], []]
    private var finished: Outcome?
    private var peakKiB = 0

    /// Starts `executable` with `arguments` and exactly `environment`.
    init(_ executable: String, _ arguments: [String], environment: [String: String], ownGroup: Bool = false) throws {
        self.ownGroup = ownGroup
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            throw SpawnError(description: "pipe failed: \(String(cString: strerror(errno)))")
        }
        // Close-on-exec, so no other child the tests start at the same moment inherits them.
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        pipes = [outPipe[0], errPipe[0]]

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Signals the test runner ignores or blocks must not be inherited by the child.
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        if ownGroup {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        started = ChildProcess.now()
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        for fd in pipes { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        guard result == 0 else {
            for fd in pipes { close(fd) }
            throw SpawnError(description: "posix_spawn \(executable) failed: \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    deinit {
        if finished == nil {
            kill(ownGroup ? -pid : pid, SIGKILL)
            _ = wait(timeout: 10)
        }
        for fd in pipes where fd >= 0 { close(fd) }
    }

    /// Notes the child's peak resident memory so far, from `/proc/<pid>/status`.
    private func sampleMemory() {
        let fd = open("/proc/\(pid)/status", O_RDONLY)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4_096)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        else { return }
        peakKiB = max(peakKiB, kib)
    }

    /// Reads whatever the child has written so far; true when both pipes are at their end.
    @discardableResult
    private func drain() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        for index in pipes.indices where pipes[index] >= 0 {
            while true {
                let count = buffer.withUnsafeMutableBytes { read(pipes[index], $0.baseAddress, $0.count) }
                if count > 0 {
                    output[index] += buffer[0..<count]
                } else if count == 0 {
                    close(pipes[index])
                    pipes[index] = -1
                    break
                } else {
                    break  // EAGAIN (nothing yet) or EINTR: try again on the next poll.
                }
            }
        }
        return pipes.allSatisfy { $0 < 0 }
    }

    /// Sends `signal` to the child (to its whole group when it has one).
    func send(_ signal: Int32) {
        kill(ownGroup ? -pid : pid, signal)
    }

    /// Whether the child has already ended, without waiting.
    var hasEnded: Bool {
        if finished != nil { return true }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        guard reaped == pid else {
            sampleMemory()
            drain()
            return false
        }
        finished = outcome(status: status, timedOut: false)
        return true
    }

    /// Waits for the child to end; after `timeout` seconds it (and its group) is killed and
    /// the outcome says so.
    func wait(timeout: Double) -> Outcome {
        if let finished { return finished }
        let deadline = ChildProcess.now() + timeout
        var status: Int32 = 0
        var timedOut = false
        while true {
            sampleMemory()
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { break }
            if !timedOut && ChildProcess.now() >= deadline {
                timedOut = true
                send(SIGKILL)
                _ = waitpid(pid, &status, 0)
                break
            }
            drain()
            usleep(1_000)
        }
        let result = outcome(status: status, timedOut: timedOut)
        finished = result
        return result
    }

    private func outcome(status: Int32, timedOut: Bool) -> Outcome {
        // Whatever is still in the pipes; a grandchild holding them open gets two seconds.
        let ended = ChildProcess.now()
        while !drain() && ChildProcess.now() < ended + 2 { usleep(1_000) }
        // The <sys/wait.h> macros, which Swift does not import.
        let signal = status & 0x7F
        let exited = signal == 0
        return Outcome(
            status: exited ? (status >> 8) & 0xFF : nil, signal: exited ? nil : signal, timedOut: timedOut,
            seconds: ended - started, maxRSSKiB: peakKiB,
            stdout: String(decoding: output[0], as: UTF8.self), stderr: String(decoding: output[1], as: UTF8.self))
    }

    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// A failure to start a child, as a test error.
    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }
}
