import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program as a child process and measures it: wall time and peak resident memory.
///
/// `posix_spawn` plus `wait4`, so the peak RSS is the child's own (`ru_maxrss`), not ours.
struct ChildProcess {
    /// What one run cost.
    struct Run {
        /// Wall-clock seconds from spawn to exit.
        var seconds: Double
        /// The child's peak resident set, in MB.
        var maxRSSMB: Double
        /// The CPU time it used (user + system, all threads), in seconds.
        var cpuSeconds: Double
        /// The exit status.
        var status: Int32
        /// What it printed on standard output (when captured).
        var output: String
    }

    /// Runs `arguments[0]` with `arguments[1...]` and `environment` added to ours.
    ///
    /// Standard output goes to a temporary file (read back into `output`), standard error to
    /// ours when the child fails.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let outputPath = NSTemporaryDirectory() + "wsoa-bench-\(getpid())-out"
        let errorPath = NSTemporaryDirectory() + "wsoa-bench-\(getpid())-err"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = Stopwatch.now()
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw BenchmarkError("could not start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchmarkError("wait4 failed for \(arguments[0])") }
        }
        let seconds = Stopwatch.now() - start
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        if exit != 0 {
            let error = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            FileHandle.standardError.write(Data("[\(arguments.joined(separator: " ")) exited \(exit)]\n\(error.prefix(2000))\n".utf8))
        }
        unlink(outputPath)
        unlink(errorPath)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Run(seconds: seconds, maxRSSMB: Double(usage.ru_maxrss) * 1024 / 1_000_000, cpuSeconds: cpu, status: exit,
                   output: output)
    }
}

extension ChildProcess {
    /// The peak resident set of one run of `arguments`, in MB, measured by `/usr/bin/time -f %M`.
    ///
    /// Not from our own `wait4`: a child spawned from this (large) process inherits its
    /// high-water mark across `exec` on Linux, whereas `time` forks the command from a small
    /// process of its own. Nil when `/usr/bin/time` is missing (`apt-get install time`).
    static func peakRSS(_ arguments: [String], environment: [String: String] = [:]) throws -> Double? {
        try runMeasuringRSS(arguments, environment: environment).rss
    }

    /// One run of `arguments` under `/usr/bin/time` (when there is one), with its peak RSS in MB.
    static func runMeasuringRSS(_ arguments: [String], environment: [String: String] = [:]) throws -> (run: Run, rss: Double?) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
            return (try run(arguments, environment: environment), nil)
        }
        let report = NSTemporaryDirectory() + "wsoa-bench-\(getpid())-rss"
        defer { unlink(report) }
        let measured = try run(["/usr/bin/time", "-f", "%M", "-o", report] + arguments, environment: environment)
        guard let text = try? String(contentsOfFile: report, encoding: .utf8),
              let kilobytes = text.split(separator: "\n").last.flatMap({ Double($0) }) else { return (measured, nil) }
        return (measured, kilobytes * 1024 / 1_000_000)
    }
}

/// A failure of the benchmark itself (not of a budget).
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A monotonic clock and this process's CPU time, in seconds.
enum Stopwatch {
    /// CPU time used so far by every thread of this process.
    static func cpu() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
