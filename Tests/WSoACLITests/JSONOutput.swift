import Foundation
import Testing
import WSoAEngine

/// What a `wsoa … --json` run printed, read as JSON.
///
/// `--json` output must be exactly JSON. This build writes it through the human line writer
/// (`Context.printJSON` → `Output.line`), which shows every newline, and every other control or
/// bidirectional character, as an escape such as `\u{A}`, so the output is not JSON at all.
/// Until that is fixed, `parse` records the fault as a known issue where it happens and reads
/// the escapes back, so the tests still check everything else the JSON says.
enum JSONOutput {
    /// The known fault, for `withKnownIssue`.
    static let printJSONEscapesNewlines: Comment = """
        --json output is escaped for a terminal (\\u{A} for each newline), so it is not JSON: \
        Context.printJSON (Sources/WSoACLI/Support/Context.swift) writes with output.line, which applies String.visible; \
        it should write JSONWriter.pretty(value) + "\\n" with output.write
        """

    /// `stdout` parsed as JSON; when it is JSON only once the terminal escapes are read back, the
    /// fault is recorded as a known issue.
    static func parse(_ stdout: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        if let value = try? JSONReader.parse(stdout) { return value }
        let unescaped = stdout.readingVisibleEscapesBack
        guard unescaped != stdout, let value = try? JSONReader.parse(unescaped) else {
            return try JSONReader.parse(stdout)  // throws the reader's own complaint
        }
        withKnownIssue(printJSONEscapesNewlines, sourceLocation: sourceLocation) {
            Issue.record("--json printed terminal escapes instead of JSON: \(stdout.prefix(60).debugDescription)",
                         sourceLocation: sourceLocation)
        }
        return value
    }
}

extension String {
    /// The text with each `\u{HEX}` escape that `String.visible` (in WSoACLI) adds turned back into
    /// its scalar. An escape counts only where its backslash is not itself escaped, so JSON's own
    /// `\\` stays as it is.
    var readingVisibleEscapesBack: String {
        let scalars = Array(unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0, backslashes = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", backslashes % 2 == 0, index + 3 < scalars.count, scalars[index + 1] == "u", scalars[index + 2] == "{",
               let close = scalars[(index + 3)...].prefix(7).firstIndex(of: "}"), close > index + 3,
               let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 3)..<close])), radix: 16),
               let decoded = Unicode.Scalar(value) {
                result.append(decoded)
                index = close + 1
                backslashes = 0
                continue
            }
            backslashes = scalar == "\\" ? backslashes + 1 : 0
            result.append(scalar)
            index += 1
        }
        return String(result)
    }
}
