import Foundation

/// The shells on this machine, found on `PATH`, and a way to run a script in one of them.
///
/// bash is always there; zsh and fish may not be, so tests of their scripts check for them
/// rather than fail on a machine without them.
enum Shells {
    /// The outcome of one run.
    struct Result {
        /// The exit code.
        let status: Int32
        /// What it printed on each stream.
        let stdout: String
        let stderr: String
        /// The lines printed, without empty ones.
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// The executable called `name` on `PATH` (then `/bin`, `/usr/bin`), if there is one.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/bin", "/usr/bin"]
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// bash, which every machine the tests run on has.
    static let bash = find("bash") ?? "/bin/bash"
    /// zsh, if installed.
    static let zsh = find("zsh")
    /// fish, if installed.
    static let fish = find("fish")

    /// Runs `executable` with `arguments` in `folder` with `environment` (plus `PATH`, and `HOME`
    /// as the folder, unless given), and waits for it.
    static func run(_ executable: String, _ arguments: [String], in folder: URL,
                    environment: [String: String] = [:]) throws -> Result {
        let inherited = ProcessInfo.processInfo.environment
        return try spawn(executable, arguments, in: folder,
                         environment: environment.merging(["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "HOME": folder.path]) { given, _ in given })
    }

    /// Runs `executable` with `arguments` in `folder` with exactly `environment`, and waits for it.
    static func spawn(_ executable: String, _ arguments: [String], in folder: URL, environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `text` in single quotes for a POSIX shell.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
