extension String {
    /// The text quoted for a POSIX shell, as one word whatever it holds: in single quotes, each
    /// single quote inside written `'\''`.
    ///
    /// For a command a message gives to be copied as it stands (`wsoa merge PLAN '<path>'`,
    /// `git checkout -m '<path>'`), and for the command git runs as wsoa's merge driver.
    public var shellQuoted: String {
        "'" + split(separator: "'", omittingEmptySubsequences: false).joined(separator: #"'\''"#) + "'"
    }
}
