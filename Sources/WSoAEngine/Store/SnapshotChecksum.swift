/// A fast 64-bit checksum of a snapshot's bytes (the rounds of xxHash64, four lanes).
///
/// The snapshot's long lists are kept encoded and decoded only when first read, long after
/// the snapshot was accepted, so a damaged byte inside one must be caught when the file is
/// read, not when the list is used: the checksum covers those lists' counts and bytes
/// (everything else is checked as it is read). It guards a
/// cache against accidents, not against someone forging one (they could as well edit the
/// journal's own cache), so it need not be cryptographic; it runs at several GB/s.
struct SnapshotChecksum {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63

    private var lanes: (UInt64, UInt64, UInt64, UInt64) =
        (prime1 &+ prime2, prime2, 0, 0 &- prime1)
    /// Bytes not yet making up a whole 32-byte block (fewer than 32).
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    @inline(__always)
    private static func round(_ lane: UInt64, _ input: UInt64) -> UInt64 {
        let mixed = lane &+ input &* prime2
        return ((mixed << 31) | (mixed >> 33)) &* prime1
    }

    /// Adds `bytes`; the result does not depend on how the bytes are split between calls.
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        guard var base = bytes.baseAddress, bytes.count > 0 else { return }
        var left = bytes.count
        length &+= UInt64(left)
        if !pending.isEmpty {
            let take = min(32 - pending.count, left)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
            base += take
            left -= take
            guard pending.count == 32 else { return }
            pending.withUnsafeBytes { block(UnsafeRawPointer($0.baseAddress!)) }
            pending.removeAll(keepingCapacity: true)
        }
        while left >= 32 {
            block(base)
            base += 32
            left -= 32
        }
        if left > 0 { pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: left)) }
    }

    /// Adds a list's length, so a changed count is caught as surely as a changed item.
    mutating func add(count: Int) {
        withUnsafeBytes(of: Int64(count).littleEndian) { add($0) }
    }

    @inline(__always)
    private mutating func block(_ base: UnsafeRawPointer) {
        lanes.0 = Self.round(lanes.0, base.loadUnaligned(as: UInt64.self).littleEndian)
        lanes.1 = Self.round(lanes.1, base.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian)
        lanes.2 = Self.round(lanes.2, base.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian)
        lanes.3 = Self.round(lanes.3, base.loadUnaligned(fromByteOffset: 24, as: UInt64.self).littleEndian)
    }

    /// The checksum of every byte added, as the snapshot writes it (a signed JSON integer).
    var value: Int64 {
        func rotate(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
        var hash = rotate(lanes.0, 1) &+ rotate(lanes.1, 7) &+ rotate(lanes.2, 12) &+ rotate(lanes.3, 18)
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] {
            hash = (hash ^ Self.round(0, lane)) &* Self.prime1 &+ Self.prime4
        }
        hash &+= length
        for byte in pending {
            hash ^= UInt64(byte) &* Self.prime3
            hash = rotate(hash, 11) &* Self.prime1
        }
        hash ^= hash >> 33
        hash &*= Self.prime2
        hash ^= hash >> 29
        hash &*= Self.prime3
        hash ^= hash >> 32
        return Int64(bitPattern: hash)
    }

    /// The checksum of `bytes`.
    static func of(_ bytes: UnsafeRawBufferPointer) -> Int64 {
        var checksum = SnapshotChecksum()
        checksum.add(bytes)
        return checksum.value
    }
}
