import Foundation
import Testing
@testable import WSoACLI

/// `wsoa` run in this process through `CLI.run`, in a temporary plans directory of its own.
///
/// Faster than the real binary, and it sees exactly what the command wrote to each stream. Like
/// `WSoABinary`, each instance owns its folder and fixes today through `WSOA_TODAY`.
final class InProcess {
    /// The temporary folder; `plans` lives inside it.
    let folder: URL
    /// The environment every run gets.
    let environment: [String: String]
    /// The plans directory `WSOA_PLANS` names.
    var plans: String { folder.appendingPathComponent("plans").path }

    /// The outcome of one run.
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        /// The lines written to stderr.
        var errorLines: [Substring] { stderr.split(separator: "\n") }
    }

    init(today: String = "2026-11-23") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-inproc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        environment = ["WSOA_PLANS": folder.appendingPathComponent("plans").path, "WSOA_TODAY": today, "WSOA_USER": "tester",
                       "WSOA_LOCK_TIMEOUT": "5"]
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Collects what a run writes.
    private final class Streams {
        var out = "", err = ""
    }

    /// Runs `arguments` with the environment, changed by `extra` (a nil value unsets a variable).
    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String?] = [:]) -> Result {
        var environment = self.environment
        for (name, value) in extra { environment[name] = value }
        let streams = Streams()
        let status = CLI.run(arguments, stdout: { streams.out += $0 }, stderr: { streams.err += $0 }, environment: environment)
        return Result(status: status, stdout: streams.out, stderr: streams.err)
    }

    /// Runs `arguments` and requires it to succeed.
    @discardableResult
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Result {
        let result = run(arguments)
        #expect(result.status == 0, "wsoa \(arguments.joined(separator: " ")) failed: \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// The path of `plan`'s journal.
    func journalPath(_ plan: String) -> String { "\(plans)/\(plan)/events.jsonl" }

    /// The bytes of `plan`'s journal.
    func journal(_ plan: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: journalPath(plan)))) }

    /// Records Stockton-on-Tees through `steps` steps of its real history, as `WSoABinary` does.
    func recordStockton(through steps: Int = 6, sourceLocation: SourceLocation = #_sourceLocation) {
        succeed(["init"], sourceLocation: sourceLocation)
        for step in WSoABinary.stocktonHistory.prefix(steps) { succeed(step, sourceLocation: sourceLocation) }
    }
}
