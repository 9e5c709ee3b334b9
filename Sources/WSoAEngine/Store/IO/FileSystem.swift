#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX calls the store needs, each turning `errno` into a one-sentence
/// `WSoAError.fileSystem` that names the path.
///
/// Everything inside the plans directory is opened relative to an open directory and never
/// through a symbolic link (`O_NOFOLLOW`), so a link planted in a plan folder cannot make wsoa
/// read or write a file elsewhere. POSIX rather than FileManager, because appends need
/// `O_APPEND`, one `write`, `fsync` and `flock`, and errors must say exactly what went wrong.
enum FileSystem {
    /// What is at a name, without following a symbolic link there.
    enum Kind { case missing, file, directory, symbolicLink, other }

    /// What is at `name` in `directory` (or at the path `name` when `directory` is nil).
    static func kind(_ name: String, in directory: OpenFile? = nil) -> Kind {
        var info = stat()
        guard fstatat(directory?.fd ?? AT_FDCWD, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Opens `name` in `directory` (or the path `name`) with `flags`, never following a
    /// symbolic link at its last step.
    static func open(_ name: String, in directory: OpenFile? = nil, flags: Int32, mode: mode_t = 0o644) throws -> OpenFile {
        let path = directory.map { "\($0.path)/\(name)" } ?? name
        let fd = openat(directory?.fd ?? AT_FDCWD, name, flags | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw error(path) }
        return OpenFile(fd: fd, path: path)
    }

    /// Opens the directory `name` in `directory` (or the path `name`) for use with the other calls.
    static func openDirectory(_ name: String, in directory: OpenFile? = nil) throws -> OpenFile {
        try open(name, in: directory, flags: O_RDONLY | O_DIRECTORY)
    }

    /// Opens the regular file `name` in `directory` (or the path `name`) for reading; anything
    /// else (a directory, a FIFO, a device) is refused before it is read, so nothing can hang.
    static func openRegularFile(_ name: String, in directory: OpenFile? = nil, following: Bool = false) throws -> OpenFile {
        let file: OpenFile
        if following {
            let fd = openat(directory?.fd ?? AT_FDCWD, name, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { throw error(name) }
            file = OpenFile(fd: fd, path: name)
        } else {
            file = try open(name, in: directory, flags: O_RDONLY | O_NONBLOCK)
        }
        guard try file.status().st_mode & S_IFMT == S_IFREG else {
            throw WSoAError.fileSystem(path: file.path, reason: "it is not a regular file")
        }
        return file
    }

    /// The file's bytes from `offset` to its end, however long it has grown meanwhile.
    static func read(_ file: OpenFile, from offset: Int = 0) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var position = offset
        // Sized to the file as it is now, plus one byte to notice that it has grown. The buffer
        // is left uninitialised, so a long journal is not first filled with zeros.
        var expected = max(0, Int(try file.status().st_size) - offset)
        while true {
            var failure: Int32 = 0
            let part = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
                count = 0
                while count < buffer.count {
                    let got = pread(file.fd, buffer.baseAddress! + count, buffer.count - count, off_t(position + count))
                    if got < 0 && errno == EINTR { continue }
                    if got < 0 { failure = errno }
                    if got <= 0 { break }
                    count += got
                }
            }
            guard failure == 0 else {
                errno = failure
                throw error(file.path)
            }
            if bytes.isEmpty { bytes = part } else { bytes += part }
            position += part.count
            if part.count <= expected { return bytes }
            expected = 1 << 16
        }
    }

    /// Writes all of `bytes` to an open file, retrying short writes and interruptions.
    static func writeAll(_ file: OpenFile, _ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try writeAll(file, $0) }
    }

    /// Writes all of `bytes` to an open file, retrying short writes and interruptions.
    static func writeAll(_ file: OpenFile, _ bytes: UnsafeRawBufferPointer) throws {
        var written = 0
        while written < bytes.count {
            let count = write(file.fd, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw error(file.path) }
            written += count
        }
    }

    /// Appends `bytes` to an open file (opened with `O_APPEND`) in one write and fsyncs it.
    ///
    /// All or nothing: when a write fails part-way (a full disk, a file-size limit) or the
    /// fsync fails, the file is cut back to its old length, so a failed append leaves no torn
    /// line behind. The caller holds the plan's lock, so nobody else appends in between.
    static func append(_ bytes: [UInt8], to file: OpenFile) throws {
        let length = try file.status().st_size
        do {
            try writeAll(file, bytes)
            guard fsync(file.fd) == 0 else { throw error(file.path) }
        } catch {
            _ = ftruncate(file.fd, length)
            _ = fsync(file.fd)
            throw error
        }
    }

    /// Replaces `name` in `directory` atomically with `bytes`: a reader sees the old file or
    /// the new one, never half of one.
    ///
    /// The bytes go first into an unnamed file (`O_TMPFILE`), which vanishes by itself if the
    /// process is killed while writing; only once it is complete does it get a name, which is
    /// renamed over `name` at once. Where the file system cannot make unnamed files, a named
    /// temporary file is used and removed on any failure. `durable: false` skips the fsync,
    /// for caches whose reader refuses a partial file.
    static func replace(_ name: String, in directory: OpenFile, with bytes: [UInt8], durable: Bool = true) throws {
        try replace(name, in: directory, durable: durable) { try writeAll($0, bytes) }
    }

    /// Replaces `name` in `directory` atomically with what `write` writes into the open
    /// temporary file, as `replace(_:in:with:durable:)` does with bytes; for content too large
    /// to hold in memory at once. A throw from `write` leaves `name` as it was and no
    /// temporary file behind. The file is made with `mode` (less the umask).
    static func replace(_ name: String, in directory: OpenFile, mode: mode_t = 0o644, durable: Bool = true,
                        writing write: (OpenFile) throws -> Void) throws {
        let temporary = ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let file: OpenFile
        var named = false
        if let unnamed = try? open(".", in: directory, flags: unnamedFileFlag | O_WRONLY, mode: mode) {
            file = unnamed
        } else {
            file = try open(temporary, in: directory, flags: O_WRONLY | O_CREAT | O_EXCL, mode: mode)
            named = true
        }
        do {
            try write(file)
            guard !durable || fsync(file.fd) == 0 else { throw error(file.path) }
            if !named {
                guard linkat(AT_FDCWD, "/proc/self/fd/\(file.fd)", directory.fd, temporary, AT_SYMLINK_FOLLOW) == 0 else {
                    throw error("\(directory.path)/\(temporary)")
                }
                named = true
            }
            guard renameat(directory.fd, temporary, directory.fd, name) == 0 else { throw error("\(directory.path)/\(name)") }
        } catch {
            if named { unlinkat(directory.fd, temporary, 0) }
            throw error
        }
        if durable { _ = fsync(directory.fd) }
    }

    /// Opens the regular file at `path` below `directory` (`plan/evidence/x.pdf`) one step at a
    /// time, following no symbolic link at any step, so a link anywhere inside the plans
    /// directory (a plan's evidence folder made a link to elsewhere) is refused, never followed.
    static func openRegularFile(_ path: String, beneath directory: OpenFile) throws -> OpenFile {
        var steps = path.split(separator: "/").map(String.init)
        guard let last = steps.popLast(), !steps.contains(".."), last != ".." else {
            throw WSoAError.fileSystem(path: "\(directory.path)/\(path)", reason: "its path leaves the folder it should be in")
        }
        // Said plainly: opening a link as a directory without following it fails as "not a directory".
        func refuseLink(_ step: String, in current: OpenFile) throws {
            guard kind(step, in: current) == .symbolicLink else { return }
            throw WSoAError.fileSystem(path: "\(current.path)/\(step)", reason: "it is a symbolic link, which wsoa does not follow inside the plans directory")
        }
        var current = directory
        for step in steps where step != "." {
            try refuseLink(step, in: current)
            current = try openDirectory(step, in: current)
        }
        try refuseLink(last, in: current)
        return try openRegularFile(last, in: current)
    }

    /// The size and SHA-256 of an open file's bytes, read in pieces from its start (wherever
    /// its offset is), so a large file is never held whole.
    static func digest(of file: OpenFile) throws -> (size: Int64, digest: SHA256.Digest) {
        try copy(file, to: nil)
    }

    /// Copies an open file's bytes from its start to `target` (when given), in pieces,
    /// returning the size and SHA-256 of what was read: the caller compares them with what it
    /// expected, so a file changed in the meantime is never taken for the one hashed before.
    @discardableResult
    static func copy(_ file: OpenFile, to target: OpenFile?) throws -> (size: Int64, digest: SHA256.Digest) {
        var hasher = SHA256()
        var size: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = buffer.withUnsafeMutableBytes { pread(file.fd, $0.baseAddress, $0.count, off_t(size)) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { throw error(file.path) }
            if got == 0 { break }
            try buffer.withUnsafeBytes { raw in
                let piece = UnsafeRawBufferPointer(rebasing: raw[..<got])
                hasher.update(piece)
                if let target { try writeAll(target, piece) }
            }
            size += Int64(got)
        }
        return (size, SHA256.Digest(words: hasher.finalWords()))
    }

    /// `O_TMPFILE` (Linux): open an unnamed regular file in a directory. Not exported by the
    /// C library's headers without `_GNU_SOURCE`; its value is the same on every Linux
    /// architecture Swift supports. Elsewhere 0, which makes the open fail and the named
    /// temporary file be used instead.
    private static var unnamedFileFlag: Int32 {
        #if os(Linux)
        return 0o20000000 | O_DIRECTORY
        #else
        return -1
        #endif
    }

    /// Makes directory `name` in `directory` (or the path) with `mode` (less the umask); false
    /// when a directory is already there.
    @discardableResult
    static func makeDirectory(_ name: String, in directory: OpenFile? = nil, mode: mode_t = 0o755) throws -> Bool {
        if mkdirat(directory?.fd ?? AT_FDCWD, name, mode) == 0 { return true }
        let path = directory.map { "\($0.path)/\(name)" } ?? name
        if errno == EEXIST, kind(name, in: directory) == .directory { return false }
        throw error(path)
    }

    /// The names in an open directory, sorted, without `.` and `..`.
    static func contents(of directory: OpenFile) throws -> [String] {
        // fdopendir takes over the descriptor it is given, so give it a copy.
        let copy = dup(directory.fd)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            throw error(directory.path)
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
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
        case ENOTDIR: reason = "it, or part of the path to it, is not a directory"
        case ELOOP: reason = "it is a symbolic link, which wsoa does not follow here"
        case ENOSPC: reason = "the disk is full"
        case EDQUOT: reason = "the disk quota is exceeded"
        case EROFS: reason = "the file system is read-only"
        case EEXIST: reason = "it already exists"
        case EFBIG: reason = "the file is too large (file size limit reached)"
        case ENXIO: reason = "it is a special file that cannot be opened"
        default: reason = String(cString: strerror(code)).lowercased()
        }
        return .fileSystem(path: path, reason: reason)
    }
}

/// An open file or directory, closed when the last reference goes.
final class OpenFile {
    /// The descriptor.
    let fd: Int32
    /// The path it was opened by, for messages.
    let path: String

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }

    /// Its `fstat`.
    func status() throws -> stat {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileSystem.error(path) }
        return info
    }
}
