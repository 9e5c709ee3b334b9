import Foundation

extension FileReference {
    /// Hashes the regular file at `path` now, as `EvidenceFile(opening:plansDirectory:copy:)`
    /// does, for a reference recorded without a copy (`copied` false).
    public init(hashing path: String, plansDirectory: String) throws {
        self = try EvidenceFile(opening: path, plansDirectory: plansDirectory, copy: false).reference
    }

    /// `path` made absolute against the working directory, with `.` and `..` resolved by
    /// name (not by following links), so whether it lies inside the plans directory is
    /// decided on what was typed.
    static func absolute(_ path: String) -> String {
        let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: base).standardizedFileURL.path
    }
}
