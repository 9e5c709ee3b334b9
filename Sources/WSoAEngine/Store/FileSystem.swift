#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the store needs, each turning `errno` into a one-sentence
/// `WSoAError.fileSystem` that names the path.
///
/// The store uses POSIX directly (not FileManager) because appends need `O_APPEND`, one
/// `write`, `fsync` and `flock`, and because errors must say exactly what went wrong.
enum FileSystem {
    /// What is at a path.
    enum Kind { case missing, file, directory, other }

    /// What is at `path`, following symlinks.
    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// Whether `path` itself is a symbolic link.
    static func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// The absolute path with every symbolic link resolved, or nil when it cannot be resolved.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The file's bytes from `offset` to its end, and the byte just before `offset` (nil at
    /// 0); nil when the file is shorter than `offset`, cannot be read or is not a regular file.
    static func read(_ path: String, from offset: Int) -> (bytes: [UInt8], before: UInt8?)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, offset >= 0, offset <= Int(info.st_size) else {
            return nil
        }
        let start = max(0, offset - 1)
        let count = Int(info.st_size) - start
        var filled = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            while filled < count {
                let read = pread(fd, buffer.baseAddress! + filled, count - filled, off_t(start + filled))
                if read < 0 && errno == EINTR { continue }
                if read <= 0 { break }
                filled += read
            }
            initialized = filled
        }
        if offset == 0 { return (bytes, nil) }
        guard let before = bytes.first else { return nil }
        return (Array(bytes[1...]), before)
    }

    /// Reads exactly `count` bytes at `offset` of an open file into `target`, with `pread` so
    /// several threads may read parts of one descriptor at once; false on an error or when the
    /// file ends sooner (it changed meanwhile), and the caller then reads it again another way.
    static func readFully(_ fd: Int32, into target: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int) -> Bool {
        var filled = 0
        while filled < count {
            let got = pread(fd, target + filled, count - filled, off_t(offset + filled))
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            filled += got
        }
        return true
    }

    /// The whole file's bytes.
    static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error(path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw error(path) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw WSoAError.fileSystem(path: path, reason: "it is not a regular file")
        }
        // Uninitialised, so a big journal is not first filled with zeros only to be overwritten.
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var filled = 0
            while filled < size {
                let count = Glibc.read(fd, buffer.baseAddress! + filled, size - filled)
                if count < 0 && errno == EINTR { continue }
                guard count >= 0 else {
                    failed = true
                    break
                }
                if count == 0 { break }  // The file shrank while reading; keep what is there.
                filled += count
            }
            initialized = filled
        }
        guard !failed else { throw error(path) }
        return bytes
    }

    /// Writes all of `bytes` to an open descriptor, retrying short writes and interruptions.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw error(path) }
            written += count
        }
    }

    /// Appends `bytes` to the file at `path` (creating it when `create`) and fsyncs it.
    ///
    /// All or nothing: when a write fails part-way (a full disk, a file-size limit) or the fsync
    /// fails, the file is cut back to its old length (a file it created is removed), so a
    /// failed append leaves no torn line behind. The caller holds the plan's lock, so nobody
    /// else appends in between.
    static func append(_ bytes: [UInt8], to path: String, create: Bool) throws {
        let flags = O_WRONLY | O_APPEND | O_CLOEXEC | (create ? O_CREAT | O_EXCL : 0)
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else { throw error(path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw error(path) }
        do {
            try writeAll(fd, bytes, path: path)
            guard fsync(fd) == 0 else { throw error(path) }
        } catch {
            _ = ftruncate(fd, info.st_size)
            _ = fsync(fd)
            if create { unlink(path) }
            throw error
        }
    }

    /// Replaces the file at `path` atomically: write a temporary file beside it, then rename.
    ///
    /// `durable: false` skips the fsync, for caches whose reader refuses a partial file.
    static func replace(_ path: String, with bytes: [UInt8], durable: Bool = true) throws {
        try replace(path, durable: durable) { write in try write(bytes) }
    }

    /// Replaces the file at `path` atomically with what `produce` writes, in as many pieces as
    /// it likes (so a large file need not be held in memory whole): write a temporary file
    /// beside it, then rename. If `produce` throws, the temporary file is removed.
    static func replace(_ path: String, durable: Bool = true,
                        producing produce: (_ write: @escaping ([UInt8]) throws -> Void) throws -> Void) throws {
        // Unique per call, so two writers in one process never share a temporary file.
        let temporary = path + ".tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw error(temporary) }
        do {
            try produce { bytes in try writeAll(fd, bytes, path: temporary) }
            guard !durable || fsync(fd) == 0 else { throw error(temporary) }
            close(fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let failure = error(path)
            unlink(temporary)
            throw failure
        }
    }

    /// Makes a directory; false when it already exists.
    @discardableResult
    static func makeDirectory(_ path: String) throws -> Bool {
        if mkdir(path, 0o755) == 0 { return true }
        if errno == EEXIST, kind(path) == .directory { return false }
        throw error(path)
    }

    /// The names in a directory, sorted.
    static func contents(of path: String) throws -> [String] {
        guard let directory = opendir(path) else { throw error(path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// A `WSoAError.fileSystem` for the current `errno`, in words.
    static func error(_ path: String) -> WSoAError {
        let code = errno
        let reason: String
        switch code {
        case ENOENT: reason = "it does not exist"
        case EACCES, EPERM: reason = "permission denied"
        case EISDIR: reason = "it is a directory, not a file"
        case ENOTDIR: reason = "part of the path is not a directory"
        case ENOSPC: reason = "the disk is full"
        case EDQUOT: reason = "the disk quota is exceeded"
        case EROFS: reason = "the file system is read-only"
        case EEXIST: reason = "it already exists"
        case EFBIG: reason = "the file is too large (file size limit reached)"
        default: reason = String(cString: strerror(code)).lowercased()
        }
        return .fileSystem(path: path, reason: reason)
    }
}
