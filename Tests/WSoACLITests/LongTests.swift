import Foundation
import Testing

/// The switch for the long fault tests (many processes, kills, a 50 MB line): they run when
/// `WSOA_LONG_TESTS=1`, as `.ci/run` sets it, and are skipped by a plain `swift test`.
enum LongTests {
    /// Whether the long tests run.
    static let enabled = ProcessInfo.processInfo.environment["WSOA_LONG_TESTS"] == "1"
    /// Why they were skipped, for the test report.
    static let skipped: Comment = "a long fault test; set WSOA_LONG_TESTS=1 to run it (.ci/run does)"
}
