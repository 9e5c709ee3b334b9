/// A file someone offers as evidence, opened and hashed once, ready for the store to keep a
/// copy of exactly the bytes that were hashed.
///
/// The file stays open until the store has copied it; the store hashes the bytes again as it
/// copies and refuses a file that changed in between, so the copy always matches the hash the
/// journal records.
///
/// A symbolic link given as the file is refused rather than followed: the journal records the
/// path of the file the person named, and a link can later be pointed elsewhere, so the record
/// would no longer say which file was evidence. Inside the plans directory no link is followed
/// at any step of the path (a plan's evidence folder replaced by a link to elsewhere), as for
/// every other file wsoa opens there.
public struct EvidenceFile {
    /// What the journal records: the path as given (relative to the plans directory when
    /// inside it), size, SHA-256, and whether a copy is kept.
    public let reference: FileReference
    /// The file, open.
    let file: OpenFile

    /// Opens and hashes the regular file at `path`; `copy` says whether the store is to keep a
    /// copy of it in the plan's folder (false for `--no-copy`).
    ///
    /// Anything but a regular file (a link, a FIFO, a device, a directory) is refused before a
    /// byte is read, so a command can never hang on it.
    public init(opening path: String, plansDirectory: String, copy: Bool) throws {
        let absolute = FileReference.absolute(path)
        let root = FileReference.absolute(plansDirectory)
        let stored: String
        if absolute.hasPrefix(root + "/") {
            stored = String(absolute.dropFirst(root.count + 1))
            file = try FileSystem.openRegularFile(stored, beneath: FileSystem.openDirectory(root))
        } else {
            stored = absolute
            if FileSystem.kind(absolute) == .symbolicLink {
                throw WSoAError.fileSystem(path: path, reason: "it is a symbolic link; give the file it leads to, so the record names the file itself")
            }
            file = try FileSystem.openRegularFile(absolute)
        }
        let (size, digest) = try FileSystem.digest(of: file)
        reference = FileReference(path: stored, size: size, sha256: digest.hex, copied: copy)
    }
}
