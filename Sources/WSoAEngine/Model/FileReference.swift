/// A file offered as evidence: where it is and what its bytes were when recorded.
public struct FileReference: Hashable, Sendable {
    /// The path, relative to the plans directory when it lies inside it.
    public let path: String
    /// Its size in bytes when recorded.
    public let size: Int64
    /// SHA-256 of its bytes when recorded (lower-case hex), so a later change shows in `verify`.
    public let sha256: String

    /// Makes a file reference.
    public init(path: String, size: Int64, sha256: String) {
        self.path = path
        self.size = size
        self.sha256 = sha256
    }
}
