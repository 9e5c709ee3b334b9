import Foundation
import WSoAEngine

/// The git program, run for `wsoa init --git` and `wsoa git setup` in the plans directory.
///
/// Only those two commands run it, to make a repository and to set the merge driver in its
/// local configuration (which a clone does not bring, so each clone runs `wsoa git setup`).
struct Git {
    /// Where git runs: the plans directory.
    let directory: String
    /// The environment it runs in (git finds its own configuration through it).
    let environment: [String: String]

    /// What a run of git printed, and its exit status.
    struct Run {
        let status: Int32
        let output: String
        let error: String
    }

    /// Runs `git arguments…` in the plans directory; throws only when git cannot be run at all.
    func run(_ arguments: [String]) throws -> Run {
        guard let git = executable() else {
            throw WSoAError.fileSystem(path: "git", reason: "git is not installed, or not on PATH; install git, then run this again")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = ["-C", directory] + arguments
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw WSoAError.fileSystem(path: git, reason: "it could not be run (\(error.localizedDescription))")
        }
        // Read both before waiting, so a full pipe cannot stall git.
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                   error: String(decoding: err, as: UTF8.self))
    }

    /// Runs git and throws, with what git said, unless it succeeds.
    @discardableResult
    func require(_ arguments: [String], doing what: String) throws -> String {
        let run = try run(arguments)
        guard run.status == 0 else {
            let said = run.error.split(separator: "\n").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? "exit status \(run.status)"
            throw WSoAError.fileSystem(path: directory, reason: "git could not \(what) (\(said))")
        }
        return run.output
    }

    /// The top of the work tree holding the plans directory, or nil when it is in none.
    func topLevel() throws -> String? {
        let run = try run(["rev-parse", "--show-toplevel"])
        guard run.status == 0 else { return nil }
        return run.output.trimmingCharacters(in: .newlines)
    }

    /// Sets wsoa's merge driver in the repository's local configuration, running `executable`.
    func configureDriver(executable: String) throws {
        try require(["config", "--local", "merge.wsoa.name", "wsoa: merge two copies of a plan's journal"], doing: "set the merge driver")
        try require(["config", "--local", "merge.wsoa.driver", "\(executable.shellQuoted) git merge-driver %O %A %B %P"],
                    doing: "set the merge driver")
    }

    /// The path of the git program on PATH.
    private func executable() -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/git" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The path of the running wsoa, which git is to run as the merge driver.
    static var runningExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
