#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PlanStore {
    /// Writes `bytes` (a report, an export) to the file at `path`, replacing it atomically, so a
    /// reader never sees half of it and a failure leaves any earlier file in place; what is at
    /// `path` already must be a regular file, or nothing.
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
        // Only a regular file is replaced: renaming over a device, a pipe or a link would put
        // the report where that thing was, not into it.
        switch existing {
        case .missing, .file: break
        case .directory: throw WSoAError.fileSystem(path: path, reason: "it is a directory, not a file")
        case .symbolicLink: throw WSoAError.fileSystem(path: path, reason: "it is a symbolic link; give the file it leads to")
        case .other: throw WSoAError.fileSystem(path: path, reason: "it is a device, a pipe or a socket, not a file a report can replace")
        }
        try FileSystem.replace(name, in: folder, with: bytes)
    }

    /// The absolute path with every symbolic link resolved, or nil when it cannot be resolved.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
