/// A file reference as journal lines keep it, in an evidence line's `file` and in an
/// amendment's `changes.file`: `{"copied":true,"path":"…","sha256":"<64 hex>","size":1234}`.
extension FileReference {
    /// The reference as a journal line's object. `copied` is always written, so a line
    /// recorded with `--no-copy` says so and `verify` knows not to expect a copy.
    var encoded: JSONValue {
        .object(["path": .string(path), "size": .int(size), "sha256": .string(sha256), "copied": .bool(copied)])
    }
}

extension JSONObjectReader {
    /// The value of `key`, a file reference object or `null`.
    ///
    /// A line without `copied` was written before copies were kept, so it has none. The hash
    /// must be 64 lower-case hex digits: it names the copy in the plan's folder, so a forged
    /// line could otherwise point wsoa at another file (`../../…`).
    mutating func fileReference(_ key: JSONKey) throws -> FileReference? {
        try optionalObject(key) { fields in
            var path: String?, size: Int64?, sha256: String?, copied: Bool?
            while let key = try fields.nextKey() {
                switch key {
                case "copied": copied = try fields.bool(key)
                case "path": path = try fields.string(key)
                case "sha256": sha256 = try fields.string(key)
                case "size": size = try fields.int(key)
                default: throw fields.unknownField(key)
                }
            }
            let hash = try fields.required(sha256, "sha256"), bytes = try fields.required(size, "size")
            guard FileReference.isHash(hash) else {
                throw WSoAError.invalidEvent(reason: "\(fields.context) 'sha256' is not 64 lower-case hex digits")
            }
            guard bytes >= 0 else { throw WSoAError.invalidEvent(reason: "\(fields.context) 'size' \(bytes) is negative") }
            return FileReference(path: try fields.required(path, "path"), size: bytes, sha256: hash, copied: copied ?? false)
        }
    }
}
