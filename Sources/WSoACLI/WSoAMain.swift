import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `wsoa` executable: a thin shell around `CLI.run`, which tests call directly.
@main
struct WSoAMain {
    static func main() {
        // A file-size limit (ulimit -f) should give a clear "file too large" error, not kill us.
        signal(SIGXFSZ, SIG_IGN)
        var outputFailure: Int32 = 0
        let code = CLI.run(
            Array(CommandLine.arguments.dropFirst()),
            stdout: { text in if outputFailure == 0 { outputFailure = write(text, to: STDOUT_FILENO) } },
            stderr: { text in _ = write(text, to: STDERR_FILENO) },
            environment: ProcessInfo.processInfo.environment)
        if outputFailure != 0 {
            // Output redirected to a full disk: say so, and never report success for output that was lost.
            let reason = String(cString: strerror(outputFailure)).lowercased()
            _ = write("Error: Could not write the output to standard output: \(reason).\n", to: STDERR_FILENO)
            exit(code == 0 ? 1 : code)
        }
        exit(code)
    }

    /// Writes all of `text` to `fd`, returning 0 or the `errno` that stopped it.
    ///
    /// Plain `write(2)` rather than `FileHandle.write(_:)`, which traps when the write fails
    /// (stdout redirected to a full disk or past `ulimit -f`).
    private static func write(_ text: String, to fd: Int32) -> Int32 {
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return count < 0 ? errno : EIO }
            written += count
        }
        return 0
    }
}
