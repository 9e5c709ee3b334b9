import Foundation

extension FileReference {
    /// Hashes the file at `path` now, recording its path relative to the plans directory when it
    /// lies inside it (so a plans folder can be moved or shared), else as an absolute path.
    public init(hashing path: String, plansDirectory: String) throws {
        let absolute = FileReference.absolute(path)
        let bytes = try FileSystem.read(absolute)
        let root = FileReference.absolute(plansDirectory)
        let stored = absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : absolute
        self.init(path: stored, size: Int64(bytes.count), sha256: SHA256.hexDigest(bytes))
    }

    /// Why the file no longer matches what was recorded, or nil when it does.
    public func problem(plansDirectory: String) -> String? {
        let full = path.hasPrefix("/") ? path : "\(plansDirectory)/\(path)"
        guard FileSystem.kind(full) != .missing else { return "the file \(path) has gone" }
        guard let bytes = try? FileSystem.read(full) else { return "the file \(path) can no longer be read" }
        if Int64(bytes.count) != size || SHA256.hexDigest(bytes) != sha256 {
            return "the file \(path) has changed since it was recorded (SHA-256 differs)"
        }
        return nil
    }

    /// `path` made absolute against the working directory, with `.` and `..` resolved.
    private static func absolute(_ path: String) -> String {
        let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: base).standardizedFileURL.path
    }
}
