/// A file a person names on the command line to be read (a letter's text), read safely.
public enum InputFile {
    /// The bytes of the regular file at `path` (a symbolic link to one is followed), refused
    /// before reading when it is longer than `limit` bytes or not a regular file at all (a FIFO
    /// or a device, which could make the command wait for ever).
    public static func read(_ path: String, limit: Int) throws -> [UInt8] {
        let file = try FileSystem.openRegularFile(path, following: true)
        let size = Int(try file.status().st_size)
        guard size <= limit else { throw WSoAError.letterTooLarge(bytes: size, limit: limit) }
        let bytes = try FileSystem.read(file)
        guard bytes.count <= limit else { throw WSoAError.letterTooLarge(bytes: bytes.count, limit: limit) }
        return bytes
    }
}
