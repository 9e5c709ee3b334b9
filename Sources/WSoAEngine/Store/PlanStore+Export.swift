#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PlanStore {
    /// Writes `bytes` (a report, an export) to the file at `path`, replacing it atomically, so a
    /// reader never sees half of it and a failure leaves any earlier file in place.
    ///
    /// Refuses any path inside a plan's folder, or a hidden or plan name at the top of the plans
    /// directory, however it is reached (through `..` or a symbolic link): what wsoa writes for
    /// people must never replace a journal, a snapshot or a lock.
    public func export(_ bytes: [UInt8], to path: String) throws {
        let slash = path.lastIndex(of: "/")
        let folderPath = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty, name != ".", name != ".." else {
            throw WSoAError.fileSystem(path: path, reason: "it names a folder, not a file")
        }
        guard let folderReal = PlanStore.realPath(folderPath) else {
            throw WSoAError.fileSystem(path: path, reason: "its folder \(folderPath) does not exist")
        }
        let folder = try FileSystem.openDirectory(folderReal)
        let existing = FileSystem.kind(name, in: folder)
        if let plansReal = PlanStore.realPath(directory) {
            if folderReal.hasPrefix(plansReal + "/") {
                throw WSoAError.fileSystem(path: path, reason: "it is inside a plan's folder in \(directory), where only wsoa's own files belong; write it elsewhere")
            }
            if folderReal == plansReal, name.hasPrefix(".") || existing == .directory {
                throw WSoAError.fileSystem(path: path, reason: "it would replace one of wsoa's own files or a plan in \(directory); write it elsewhere")
            }
        }
        if existing == .directory { throw WSoAError.fileSystem(path: path, reason: "it is a directory, not a file") }
        try FileSystem.replace(name, in: folder, with: bytes)
    }

    /// The absolute path with every symbolic link resolved, or nil when it cannot be resolved.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
