/// Where a command's words go: stdout for results, stderr for errors.
///
/// Text meant for people is written a line at a time, and any control character inside a line
/// (a newline, a carriage return, an escape sequence) is shown escaped, never written raw: a
/// title recorded with control characters can then neither forge extra lines of output nor
/// recolour the terminal. JSON, help and reports are written as they are (`write`), since
/// their own writers escape what they hold.
final class Output {
    /// Writes to standard output.
    let out: (String) -> Void
    /// Writes to standard error.
    let err: (String) -> Void

    init(out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        self.out = out
        self.err = err
    }

    /// Writes text to stdout exactly as it is.
    func write(_ text: String) { out(text) }

    /// Writes one line for people to stdout.
    func line(_ text: String = "") { out(text.visible + "\n") }

    /// Writes lines for people to stdout.
    func lines(_ texts: [String]) {
        for text in texts { line(text) }
    }

    /// Writes `Error: <sentence>` to stderr.
    func error(_ sentence: String) { err("Error: \(sentence.visible)\n") }

    /// Writes a one-line notice to stderr (something the user should know that did not stop the command).
    func notice(_ sentence: String) { err("Notice: \(sentence.visible)\n") }

    /// Writes one line to stderr as it is (usage lines and hints, which hold no recorded text).
    func errorLine(_ text: String) { err(text + "\n") }
}

extension String {
    /// The text with every control character shown as an escape such as `\u{1B}`: C0 and C1
    /// controls, DEL, line and paragraph separators, and the bidirectional overrides that can
    /// make a line read differently from what it holds.
    var visible: String {
        guard hasInvisibleControl else { return self }
        var result = ""
        for scalar in unicodeScalars {
            if scalar.isInvisibleControl {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension String {
    /// Whether any scalar `isInvisibleControl`, answered from the UTF-8 bytes: every line of
    /// output is asked, and decoding each into scalars was a noticeable part of `status`.
    var hasInvisibleControl: Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            for index in bytes.indices {
                switch bytes[index] {
                case 0x00...0x1F, 0x7F: return true
                case 0xC2:  // U+0080–U+009F
                    if index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
                case 0xE2:  // U+2028–U+202E, U+2066–U+2069
                    guard index + 2 < bytes.count else { continue }
                    switch (bytes[index + 1], bytes[index + 2]) {
                    case (0x80, 0xA8...0xAE), (0x81, 0xA6...0xA9): return true
                    default: continue
                    }
                default: continue
                }
            }
            return false
        } ?? unicodeScalars.contains(where: \.isInvisibleControl)
    }
}

extension Unicode.Scalar {
    /// Whether a terminal would act on this scalar, or not show it as itself.
    var isInvisibleControl: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
