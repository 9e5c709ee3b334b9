/// A file offered as evidence: where it was, what its bytes were when recorded, and whether
/// wsoa keeps a copy of them in the plan's folder.
public struct FileReference: Hashable, Sendable {
    /// The path it was recorded from, relative to the plans directory when it lies inside it:
    /// what people knew the file as. Never the path of wsoa's copy, which follows from `sha256`.
    public let path: String
    /// Its size in bytes when recorded.
    public let size: Int64
    /// SHA-256 of its bytes when recorded (lower-case hex), so a later change shows in `verify`.
    public let sha256: String
    /// Whether a copy of the bytes is kept in the plan's folder (`evidence/<sha256>`); false for
    /// a file recorded with `--no-copy`, or before copies were kept, which `verify` checks
    /// where it was recorded instead.
    public let copied: Bool

    /// Makes a file reference.
    public init(path: String, size: Int64, sha256: String, copied: Bool = false) {
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.copied = copied
    }

    /// The file's name, the last part of its path: all a report shows of where it was, since
    /// the folders above it can say more than a board paper should (a case, a family).
    public var name: String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The first 12 hex digits of the hash, enough for people to tell versions apart.
    public var shortHash: String { String(sha256.prefix(12)) }

    /// Whether `text` can be a SHA-256 as the journal keeps it: 64 lower-case hex digits. Only
    /// such a hash ever names a copy, so no journal line can point wsoa at another path.
    public static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
