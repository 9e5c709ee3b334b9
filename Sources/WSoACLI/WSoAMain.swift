import Foundation

/// The `wsoa` executable: a thin shell around `CLI.run`, which tests call directly.
@main
struct WSoAMain {
    static func main() {
        // A file-size limit (ulimit -f) should give a clear "file too large" error, not kill us.
        signal(SIGXFSZ, SIG_IGN)
        let code = CLI.run(
            Array(CommandLine.arguments.dropFirst()),
            stdout: { FileHandle.standardOutput.write(Data($0.utf8)) },
            stderr: { FileHandle.standardError.write(Data($0.utf8)) },
            environment: ProcessInfo.processInfo.environment)
        exit(code)
    }
}
