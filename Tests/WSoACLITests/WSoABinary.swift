import Foundation
import Testing

/// Runs the real `wsoa` binary that `swift test` built, in a temporary plans directory.
///
/// Each instance owns its own directory, so tests never share state; `today` is fixed through
/// `WSOA_TODAY` so output is deterministic.
final class WSoABinary: Sendable {
    /// The temporary folder; `plans` lives inside it.
    let folder: URL
    /// The plans directory the binary is pointed at.
    var plans: String { folder.appendingPathComponent("plans").path }
    /// Extra environment for every run.
    let environment: [String: String]

    /// The outcome of one run.
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    init(today: String = "2026-11-23") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        environment = ["WSOA_PLANS": folder.appendingPathComponent("plans").path, "WSOA_TODAY": today,
                       "WSOA_USER": "tester", "WSOA_LOCK_TIMEOUT": "30"]
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The built executable, beside the test bundle.
    static let executable: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("wsoa"),
            Bundle.main.bundleURL.appendingPathComponent("wsoa"),
            packageRoot.appendingPathComponent(".build/debug/wsoa"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }()

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `wsoa` with `arguments` and waits for it.
    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
        let result = try Shells.spawn(WSoABinary.executable.path, arguments, in: folder, environment: environment.merging(extra) { $1 }
            .merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]) { old, _ in old })
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    /// Runs `wsoa` and requires it to succeed.
    @discardableResult
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        let result = try run(arguments)
        #expect(result.status == 0, "wsoa \(arguments.joined(separator: " ")) failed: \(result.stderr)",
                sourceLocation: sourceLocation)
        return result
    }

    /// The bytes of a plan's journal.
    func journal(_ plan: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: "\(plans)/\(plan)/events.jsonl"))
    }

    /// Stockton-on-Tees's real history, step by step: created, letter, submitted, judged fit,
    /// revisit, monitoring ceased.
    static let stocktonHistory: [[String]] = [
        ["new", "stockton-on-tees-2019", "--area", "Stockton-on-Tees", "--inspected", "2019-02-04..2019-02-08",
         "--la", "Stockton-on-Tees Borough Council"],
        ["advance", "stockton-on-tees-2019", "letter", "--on", "2019-04-24", "--received", "2019-05-02", "--wsoa",
         "--weakness", "Coproduction, engagement and communication with parents are under-developed",
         "--weakness", "The quality of EHC assessments and plans is too variable.",
         "--weakness", "Strategic joint commissioning, in a way that demonstrably improves EHC provision and outcomes for children, young people and families, is not fully embedded.",
         "--weakness", "Local area leaders have not developed an effective approach to measuring and evaluating EHC outcomes for children and young people."],
        ["advance", "stockton-on-tees-2019", "submit", "--on", "2019-08-12"],
        ["advance", "stockton-on-tees-2019", "judge", "--on", "2019-10-17", "--fit", "--note", "Cabinet report date."],
        ["advance", "stockton-on-tees-2019", "revisit", "--on", "2022-09-26", "--visited", "2022-07-11..2022-07-13",
         "--sufficient", "W1,W2,W3,W4"],
        ["advance", "stockton-on-tees-2019", "cease", "--on", "2022-09-26"],
    ]

    /// Records Stockton-on-Tees up to `through` steps of its real history, in a plans directory
    /// made by `wsoa init`.
    func recordStockton(through steps: Int = 6) throws {
        try succeed(["init"])
        for step in Self.stocktonHistory.prefix(steps) { try succeed(step) }
    }
}
