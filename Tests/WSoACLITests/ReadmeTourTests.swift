import Foundation
import Testing
import WSoAEngine

/// The README's recording tour, run as a new user would type it: every command in the blocks
/// between `<!-- tour -->` and `<!-- /tour -->` must succeed, in order, on a fresh plans directory.
@Suite struct ReadmeTourTests {
    /// The README at the package's root.
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// The commands of the tour, each as the words a shell would pass (continuation lines joined,
    /// comments dropped), without the leading `wsoa`.
    static func tourCommands() throws -> [[String]] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        var commands: [[String]] = []
        var inTour = false, inBlock = false, pending = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("<!-- tour -->") { inTour = true; continue }
            if line.hasPrefix("<!-- /tour -->") { inTour = false; continue }
            guard inTour else { continue }
            if line.hasPrefix("```") { inBlock.toggle(); continue }
            guard inBlock else { continue }
            pending += line
            if pending.hasSuffix("\\") { pending.removeLast(); continue }
            let words = try shellWords(pending)
            pending = ""
            if words.first == "wsoa" { commands.append(Array(words.dropFirst())) }
        }
        return commands
    }

    /// Splits a command line as a POSIX shell would for the quoting the README uses: single and
    /// double quotes, backslash escapes, and `#` starting a comment between words.
    static func shellWords(_ line: String) throws -> [String] {
        var words: [String] = [], word = "", inWord = false
        var quote: Character?
        var characters = line.makeIterator()
        while let c = characters.next() {
            if let open = quote {
                if c == open { quote = nil } else if c == "\\" && open == "\"", let next = characters.next() { word.append(next) } else { word.append(c) }
                continue
            }
            switch c {
            case "'", "\"": quote = c; inWord = true
            case "\\": if let next = characters.next() { word.append(next); inWord = true }
            case " ", "\t":
                if inWord { words.append(word); word = ""; inWord = false }
            case "#" where !inWord: return words
            default: word.append(c); inWord = true
            }
        }
        if quote != nil { throw WSoAError.invalidValue(option: "README", value: line, reason: "a quote is not closed") }
        if inWord { words.append(word) }
        return words
    }

    @Test func theTourRunsAsWritten() throws {
        let commands = try Self.tourCommands()
        #expect(commands.count > 20, "the tour lost its commands")
        let wsoa = try InProcess(today: "2026-12-03")
        for command in commands {
            let result = wsoa.run(command)
            #expect(result.status == 0, "wsoa \(command.joined(separator: " ")) failed: \(result.stderr)")
        }
        wsoa.succeed(["verify"])
    }

    @Test func shellWordsAreSplitAsAShellWould() throws {
        #expect(try Self.shellWords(#"wsoa new a --area "My Area" --x 'it''s' # comment"#) == ["wsoa", "new", "a", "--area", "My Area", "--x", "its"])
        #expect(try Self.shellWords(#"wsoa x --title "Say \"hi\"" --unit %"#) == ["wsoa", "x", "--title", #"Say "hi""#, "--unit", "%"])
    }
}
