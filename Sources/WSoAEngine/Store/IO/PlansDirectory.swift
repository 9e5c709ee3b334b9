#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The plans directory on disk: a real directory that `wsoa init` marked as wsoa's, holding one
/// folder per plan, each made by wsoa with its journal already in it.
///
/// A directory without the mark is never read as plans or written into, so pointing
/// `--plans` at the wrong place (`/`, a home folder) cannot scatter journals there; a folder in
/// it that is not a plan is never adopted as one.
struct PlansDirectory {
    /// The file `wsoa init` leaves in a plans directory.
    static let markerName = ".wsoa-plans"
    /// What it says, for anyone who finds it.
    private static let markerText = Array("This folder holds wsoa plans: one folder per plan, each with its journal (events.jsonl). Made by 'wsoa init'.\n".utf8)

    /// The path, for messages.
    let path: String
    /// The directory, open.
    let handle: OpenFile

    /// Opens the plans directory at `path`, refusing a link, a file, or a directory wsoa did not mark.
    init(opening path: String) throws {
        switch FileSystem.kind(path) {
        case .missing: throw WSoAError.plansDirectoryMissing(path: path)
        case .symbolicLink:
            throw WSoAError.notAPlansDirectory(path: path, reason: "it is a symbolic link; give the directory it leads to")
        case .file, .other: throw WSoAError.notAPlansDirectory(path: path, reason: "it is not a directory")
        case .directory: break
        }
        handle = try FileSystem.openDirectory(path)
        self.path = path
        guard FileSystem.kind(PlansDirectory.markerName, in: handle) == .file else {
            throw WSoAError.notAPlansDirectory(path: path, reason: "it has no \(PlansDirectory.markerName) file, which 'wsoa init' writes to make it one")
        }
    }

    /// What `initialize` did.
    enum Initialized { case created, marked, alreadyPlans }

    /// Makes `path` a plans directory: creates it, or marks an existing directory that holds
    /// nothing but plans (and plain files).
    static func initialize(_ path: String) throws -> Initialized {
        if FileSystem.kind(path) == .symbolicLink {
            throw WSoAError.notAPlansDirectory(path: path, reason: "it is a symbolic link; give the directory it leads to")
        }
        let created = try FileSystem.makeDirectory(path)
        let directory = try FileSystem.openDirectory(path)
        if FileSystem.kind(markerName, in: directory) == .file { return .alreadyPlans }
        if !created {
            // Adopt only what is already plans: a directory of other things is not one to write into.
            let strangers = try FileSystem.contents(of: directory).filter { name in
                guard !name.hasPrefix("."), FileSystem.kind(name, in: directory) != .file else { return false }
                return !(PlanID.isValid(name) && FileSystem.kind(name, in: directory) == .directory
                         && FileSystem.kind("\(name)/\(Journal.fileName)", in: directory) == .file)
            }
            if !strangers.isEmpty {
                let listed = strangers.prefix(3).joined(separator: ", ") + (strangers.count > 3 ? ", …" : "")
                throw WSoAError.notAPlansDirectory(path: path, reason: "it already holds things that are not plans, such as \(listed); choose an empty directory, or one that holds only plans")
            }
        }
        try FileSystem.replace(markerName, in: directory, with: markerText)
        return created ? .created : .marked
    }

    /// The folder of plan `id`, which must be a real directory holding a journal.
    func folder(_ id: String) throws -> OpenFile {
        try PlanID.validate(id)
        let where_ = "\(path)/\(id)"
        switch FileSystem.kind(id, in: handle) {
        case .missing: throw WSoAError.planNotFound(id: id, directory: path)
        case .symbolicLink: throw WSoAError.notAPlan(path: where_, reason: "it is a symbolic link, which wsoa does not follow")
        case .file, .other: throw WSoAError.notAPlan(path: where_, reason: "it is not a folder")
        case .directory: break
        }
        let folder = try FileSystem.openDirectory(id, in: handle)
        switch FileSystem.kind(Journal.fileName, in: folder) {
        case .file: return folder
        case .missing: throw WSoAError.notAPlan(path: where_, reason: "it has no journal (\(Journal.fileName))")
        case .symbolicLink:
            throw WSoAError.notAPlan(path: where_, reason: "its journal is a symbolic link, which wsoa does not follow")
        case .directory, .other: throw WSoAError.notAPlan(path: where_, reason: "its journal is not a regular file")
        }
    }

    /// The names of everything in the directory that should be a plan: every entry but hidden
    /// ones (the mark, version-control folders, plans being made) and plain files.
    func planNames() throws -> [String] {
        try FileSystem.contents(of: handle).filter { name in
            !name.hasPrefix(".") && FileSystem.kind(name, in: handle) != .file
        }
    }

    /// Makes the folder of plan `id` holding `journal`, all at once: the folder is made under a
    /// hidden name, the journal written and synced, and the folder then renamed into place, so
    /// no half-made plan is ever seen, and of two people making the same plan one wins.
    func createPlan(_ id: String, journal: [UInt8]) throws {
        try PlanID.validate(id)
        if FileSystem.kind(id, in: handle) != .missing {
            if (try? folder(id)) != nil { throw WSoAError.planExists(id: id) }
            throw WSoAError.notAPlan(path: "\(path)/\(id)", reason: "something of that name is already there; move it away or choose another id")
        }
        let temporary = ".new-\(id)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try FileSystem.makeDirectory(temporary, in: handle)
            let folder = try FileSystem.openDirectory(temporary, in: handle)
            let file = try FileSystem.open(Journal.fileName, in: folder, flags: O_WRONLY | O_CREAT | O_EXCL)
            try FileSystem.append(journal, to: file)
            _ = fsync(folder.fd)
            guard renameat(handle.fd, temporary, handle.fd, id) == 0 else {
                let code = errno
                if code == EEXIST || code == ENOTEMPTY || code == ENOTDIR || code == EISDIR {
                    if (try? self.folder(id)) != nil { throw WSoAError.planExists(id: id) }
                    throw WSoAError.notAPlan(path: "\(path)/\(id)", reason: "something of that name is already there; move it away or choose another id")
                }
                errno = code
                throw FileSystem.error("\(path)/\(id)")
            }
        } catch {
            unlinkat(handle.fd, "\(temporary)/\(Journal.fileName)", 0)
            unlinkat(handle.fd, temporary, AT_REMOVEDIR)
            // Named as the plan's folder or journal: the hidden folder they were being made in is gone.
            let hidden = "\(path)/\(temporary)"
            if case let WSoAError.fileSystem(failed, reason) = error, failed.hasPrefix(hidden) {
                throw WSoAError.fileSystem(path: "\(path)/\(id)" + failed.dropFirst(hidden.count), reason: reason)
            }
            throw error
        }
        _ = fsync(handle.fd)
    }
}
