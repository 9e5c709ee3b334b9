import Foundation
import Testing

/// Help and version texts, pinned with golden files.
///
/// Set `WSOA_RECORD_GOLDEN=1` to rewrite the files from the current output after a deliberate change.
@Suite struct HelpTests {
    static let goldenFolder = WSoABinary.packageRoot.appendingPathComponent("Tests/WSoACLITests/Golden")

    @Test(arguments: [
        (["--help"], "help-root.txt"),
        (["advance", "--help"], "help-advance.txt"),
        (["advance", "x", "letter", "--help"], "help-advance-letter.txt"),
        (["status", "--help"], "help-status.txt"),
        (["deadlines", "-h"], "help-deadlines.txt"),
        (["action", "update", "--help"], "help-action-update.txt"),
        (["verify", "--help"], "help-verify.txt"),
        (["import", "--help"], "help-import.txt"),
        (["merge", "--help"], "help-merge.txt"),
        (["git", "setup", "--help"], "help-git-setup.txt"),
        (["init", "--help"], "help-init.txt"),
    ])
    func helpMatchesGolden(_ arguments: [String], _ file: String) throws {
        let wsoa = try WSoABinary()
        let result = try wsoa.succeed(arguments)
        let url = HelpTests.goldenFolder.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["WSOA_RECORD_GOLDEN"] == "1" {
            try result.stdout.write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(result.stdout == golden)
    }

    @Test func everyCommandHasHelp() throws {
        let wsoa = try WSoABinary()
        for command in ["init", "new", "advance", "visit", "list", "status", "history", "deadlines", "verify", "lifecycle"] {
            let result = try wsoa.succeed([command, "--help"])
            #expect(result.stdout.hasPrefix("OVERVIEW: "))
            #expect(result.stdout.contains("USAGE: wsoa \(command)"))
        }
    }

    @Test func versionPrints() throws {
        let wsoa = try WSoABinary()
        #expect(try wsoa.succeed(["--version"]).stdout == "wsoa 0.1.0\n")
    }
}
