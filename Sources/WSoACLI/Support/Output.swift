/// Where a command's words go: stdout for results, stderr for errors.
final class Output {
    /// Writes to standard output.
    let out: (String) -> Void
    /// Writes to standard error.
    let err: (String) -> Void

    init(out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        self.out = out
        self.err = err
    }

    /// Writes text to stdout as it is.
    func write(_ text: String) { out(text) }

    /// Writes one line to stdout.
    func line(_ text: String = "") { out(text + "\n") }

    /// Writes `Error: <sentence>` to stderr.
    func error(_ sentence: String) { err("Error: \(sentence)\n") }
}
