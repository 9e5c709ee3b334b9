import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileReference {
    /// Hashes the regular file at `path` now, recording its path relative to the plans
    /// directory when it lies inside it (so a plans folder can be moved or shared), else as an
    /// absolute path.
    ///
    /// Anything but a regular file (a FIFO, a device, a directory) is refused before a byte is
    /// read, so a command can never hang on it.
    public init(hashing path: String, plansDirectory: String) throws {
        let absolute = FileReference.absolute(path)
        let (size, digest) = try FileReference.hash(absolute)
        let root = FileReference.absolute(plansDirectory)
        let stored = absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : absolute
        self.init(path: stored, size: size, sha256: digest)
    }

    /// Why the file no longer matches what was recorded, or nil when it does.
    public func problem(plansDirectory: String) -> String? {
        let full = path.hasPrefix("/") ? path : "\(plansDirectory)/\(path)"
        if FileSystem.kind(full) == .missing { return "the file \(path) has gone" }
        guard let (size, digest) = try? FileReference.hash(full) else {
            return "the file \(path) can no longer be read as a regular file"
        }
        if size != self.size || digest != sha256 { return "the file \(path) has changed since it was recorded (SHA-256 differs)" }
        return nil
    }

    /// The size and SHA-256 (hex) of the regular file at `path`, read in pieces so a large
    /// file is never held whole.
    private static func hash(_ path: String) throws -> (size: Int64, sha256: String) {
        let file = try FileSystem.openRegularFile(path, following: true)
        var hasher = SHA256()
        var size: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(file.fd, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { throw FileSystem.error(path) }
            if got == 0 { break }
            hasher.update(buffer[..<got])
            size += Int64(got)
        }
        return (size, SHA256.Digest(words: hasher.finalWords()).hex)
    }

    /// `path` made absolute against the working directory, with `.` and `..` resolved.
    private static func absolute(_ path: String) -> String {
        let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: base).standardizedFileURL.path
    }
}
