extension SHA256 {
    /// INTERIM (replaced by SHA256+Lanes.swift): the digests of `ranges` of `bytes`, in order.
    static func digests(of ranges: [Range<Int>], in bytes: UnsafeRawBufferPointer) -> [Digest] {
        ranges.map { Digest(of: UnsafeRawBufferPointer(rebasing: bytes[$0])) }
    }
}
