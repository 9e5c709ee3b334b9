#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The copies of evidence files a plan keeps, content-addressed, in its own folder:
///
/// ```
/// plans/<plan-id>/evidence/<sha256>     the bytes of a file recorded as evidence
/// ```
///
/// - Each copy is named by the SHA-256 of its bytes (64 lower-case hex digits, no extension),
///   so the same content recorded twice, or by two pieces of evidence, is stored once, and a
///   copy is checked against its own name as well as the journal.
/// - The original file name is kept only in the journal (the evidence's `file.path`): names
///   such as "Case audit — J Smith.pdf" can say more than the folder needs to.
/// - The folder is made 0750 and copies 0640 (less the umask): copies can hold personal data
///   (case audits, minutes), so other users of the machine cannot read them.
/// - A copy is written to a temporary file in the same folder, fsynced, then renamed into
///   place, so no half copy is ever seen under a hash's name; the folder is opened from the
///   plan's open folder and nothing in it is opened through a symbolic link.
///
/// Nothing outside `Store/` knows where copies are: reports and exports are made from the
/// plan, which holds only the original name and the hash.
enum EvidenceCopies {
    /// The folder in a plan's folder that holds its copies.
    static let folderName = "evidence"
    /// The folder's mode: its owner and group may list and read it, nobody else.
    static let folderMode: mode_t = 0o750
    /// A copy's mode: its owner and group may read it, nobody else; nobody writes to it.
    static let fileMode: mode_t = 0o640

    /// The copy's path relative to the plans directory, for messages: `demo/evidence/<sha256>`.
    static func path(of reference: FileReference, plan: String) -> String {
        "\(plan)/\(folderName)/\(reference.sha256)"
    }

    /// The plan's evidence folder, open; made when `creating` and absent (nil when absent and
    /// not). A link in its place is refused, never followed.
    static func folder(in plan: OpenFile, creating: Bool) throws -> OpenFile? {
        switch FileSystem.kind(folderName, in: plan) {
        case .missing:
            guard creating else { return nil }
            if try FileSystem.makeDirectory(folderName, in: plan, mode: folderMode) { _ = fsync(plan.fd) }
        case .directory:
            break
        case .symbolicLink, .file, .other:
            throw WSoAError.fileSystem(path: "\(plan.path)/\(folderName)", reason: "it " + (problem(in: plan) ?? "is not a folder"))
        }
        return try FileSystem.openDirectory(folderName, in: plan)
    }

    /// Why the plan's evidence folder cannot hold its copies, completing "it …" or "its folder
    /// …", or nil when it can (or is not there yet).
    static func problem(in plan: OpenFile) -> String? {
        switch FileSystem.kind(folderName, in: plan) {
        case .missing, .directory: return nil
        case .symbolicLink: return "is a symbolic link, which wsoa does not follow; a plan's copies of evidence are kept in its own folder"
        case .file, .other: return "is not a folder, so the plan's copies of evidence cannot be kept there"
        }
    }

    /// Keeps a copy of `reference`'s bytes in `folder` (the plan's evidence folder), from
    /// `source`; returns whether a new copy was made (false: an intact copy was already there).
    ///
    /// A copy already there is hashed, and used only if it still holds the bytes: a damaged
    /// one is replaced by the good copy rather than vouched for. With no `source`, an intact
    /// copy must already be there.
    static func keep(_ reference: FileReference, from source: OpenFile?, in folder: OpenFile) throws -> Bool {
        let name = reference.sha256
        // Only a hash names a copy, so no reference can make wsoa write elsewhere.
        guard FileReference.isHash(name) else {
            throw WSoAError.fileSystem(path: "\(folder.path)/\(name)", reason: "it is not named by a SHA-256, so no copy is kept there")
        }
        if FileSystem.kind(name, in: folder) == .file, let existing = try? FileSystem.openRegularFile(name, in: folder),
           let found = try? FileSystem.digest(of: existing), found.size == reference.size, found.digest.hex == name {
            return false
        }
        guard let source else {
            throw WSoAError.fileSystem(path: "\(folder.path)/\(name)", reason: "no copy of the file is there, and none was given to keep")
        }
        try FileSystem.replace(name, in: folder, mode: fileMode) { copy in
            let copied = try FileSystem.copy(source, to: copy)
            guard copied.size == reference.size, copied.digest.hex == name else {
                throw WSoAError.fileSystem(path: source.path, reason: "it changed while it was being copied, so nothing was recorded; record it again once it is finished")
            }
        }
        return true
    }

    /// Removes the copy named by `sha256` from `folder`: a copy made for lines that could not
    /// then be written.
    static func remove(_ sha256: String, in folder: OpenFile) {
        guard FileReference.isHash(sha256) else { return }
        unlinkat(folder.fd, sha256, 0)
        _ = fsync(folder.fd)
    }
}
