/// SHA-256 (FIPS 180-4), our own so the journal's hash chain needs no dependency.
///
/// Each journal line's `prev` is the SHA-256 of the previous line's exact bytes, so hashing
/// runs once per line on every read; blocks are therefore compressed straight from the input
/// pointer, with the 64-round schedule unrolled into locals and no allocation per block.
/// Only a partial trailing block (< 64 bytes) is copied into the inline `pending` buffer.
public struct SHA256: Sendable {
    /// The eight working hash words H0…H7.
    private var h0: UInt32 = 0x6a09_e667
    private var h1: UInt32 = 0xbb67_ae85
    private var h2: UInt32 = 0x3c6e_f372
    private var h3: UInt32 = 0xa54f_f53a
    private var h4: UInt32 = 0x510e_527f
    private var h5: UInt32 = 0x9b05_688c
    private var h6: UInt32 = 0x1f83_d9ab
    private var h7: UInt32 = 0x5be0_cd19
    /// Bytes of an incomplete block carried between `update` calls; a tuple so it lives inline.
    private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0)
    /// How many bytes of `pending` are in use (0..<64).
    private var pendingCount: Int = 0
    /// Total message length in bytes, for the final length field.
    private var totalLength: UInt64 = 0

    /// Starts a new, empty hash.
    public init() {}

    /// Feeds more message bytes.
    ///
    /// Whole 64-byte blocks are compressed directly from `bytes`; only the remainder is copied.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var offset = 0
        let count = bytes.count
        totalLength &+= UInt64(count)
        if pendingCount > 0 {
            let take = min(64 - pendingCount, count)
            withUnsafeMutableBytes(of: &pending) { buffer in
                buffer.baseAddress!.advanced(by: pendingCount)
                    .copyMemory(from: base, byteCount: take)
            }
            pendingCount += take
            offset = take
            guard pendingCount == 64 else { return }
            // Copy out first: compressing reads the block while writing the state words.
            var block = pending
            withUnsafeBytes(of: &block) { compress(blocks: $0.baseAddress!, count: 1) }
            pendingCount = 0
        }
        let whole = (count - offset) / 64
        if whole > 0 {
            compress(blocks: base.advanced(by: offset), count: whole)
            offset += whole * 64
        }
        let rest = count - offset
        if rest > 0 {
            withUnsafeMutableBytes(of: &pending) { buffer in
                buffer.baseAddress!.copyMemory(from: base.advanced(by: offset), byteCount: rest)
            }
            pendingCount = rest
        }
    }

    /// Feeds more message bytes from any collection of bytes.
    ///
    /// Contiguous collections (arrays, slices, `String.UTF8View`) take the pointer fast path;
    /// others are copied into an array first.
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { update($0) }
        }
    }

    /// Pads the message and returns the 32-byte digest.
    ///
    /// Consuming, because a finished hash must not be fed more bytes.
    public consuming func finalize() -> [UInt8] {
        let words = finalWords()
        return [UInt8](unsafeUninitializedCapacity: 32) { out, initialized in
            withUnsafeBytes(of: words) { raw in
                for index in 0..<8 {
                    let word = raw.load(fromByteOffset: index &* 4, as: UInt32.self)
                    UnsafeMutableRawPointer(out.baseAddress!)
                        .storeBytes(of: word.bigEndian, toByteOffset: index &* 4, as: UInt32.self)
                }
            }
            initialized = 32
        }
    }

    /// Pads the message and returns H0…H7, without allocating (internal for `SHA256.Digest`).
    consuming func finalWords() -> (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) {
        let bitLength = totalLength &* 8
        // Padding: 0x80, zeros up to 56 mod 64, then the 64-bit big-endian bit length.
        var tail: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                   UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let used = pendingCount
        let tailLength = used < 56 ? 64 : 128
        var block = pending
        withUnsafeMutableBytes(of: &tail) { out in
            withUnsafeBytes(of: &block) { out.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: used) }
            out[used] = 0x80
            out.storeBytes(of: bitLength.bigEndian, toByteOffset: tailLength - 8, as: UInt64.self)
        }
        withUnsafeBytes(of: &tail) { compress(blocks: $0.baseAddress!, count: tailLength / 64) }
        return (h0, h1, h2, h3, h4, h5, h6, h7)
    }

    /// The 32-byte SHA-256 digest of `bytes`.
    public static func hash<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The SHA-256 digest of `bytes` as 64 lower-case hex digits, the form journals store.
    ///
    /// Goes from the state words straight to text: one allocation (the string) per digest.
    public static func hexDigest<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        let words = hasher.finalWords()
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 64) { out in
            digits.withUTF8Buffer { hex in
                withUnsafeBytes(of: words) { raw in
                    for index in 0..<8 {
                        let word = raw.load(fromByteOffset: index &* 4, as: UInt32.self)
                        for nibble in 0..<8 {
                            let value = Int(truncatingIfNeeded: word &>> UInt32(28 &- nibble &* 4)) & 0x0F
                            out[index &* 8 &+ nibble] = hex[value]
                        }
                    }
                }
            }
            return 64
        }
    }

    // MARK: Compression

    /// Rotate right; written with masking shifts so LLVM emits a single `ror`.
    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &>> n) | (x &<< (32 &- n))
    }

    /// σ0 of the message schedule (FIPS 180-4 §4.1.2, 4.6).
    @inline(__always)
    private static func sigma0(_ x: UInt32) -> UInt32 { rotr(x, 7) ^ rotr(x, 18) ^ (x &>> 3) }

    /// σ1 of the message schedule (FIPS 180-4 §4.1.2, 4.7).
    @inline(__always)
    private static func sigma1(_ x: UInt32) -> UInt32 { rotr(x, 17) ^ rotr(x, 19) ^ (x &>> 10) }

    /// One round; the caller rotates the roles of the eight variables instead of moving them.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
        _ k: UInt32, _ w: UInt32
    ) {
        // Σ1(e) = rotr(e,6) ^ rotr(e,11) ^ rotr(e,25), nested to need fewer register copies.
        let s1 = rotr(rotr(rotr(e, 14) ^ e, 5) ^ e, 6)
        let choose = g ^ (e & (f ^ g))
        let t1 = h &+ s1 &+ choose &+ k &+ w
        // Σ0(a) = rotr(a,2) ^ rotr(a,13) ^ rotr(a,22), nested likewise.
        let s0 = rotr(rotr(rotr(a, 9) ^ a, 11) ^ a, 2)
        let majority = (a & b) | (c & (a | b))
        d &+= t1
        h = t1 &+ s0 &+ majority
    }

    /// Compresses `count` consecutive 64-byte blocks starting at `blocks` into the state.
    ///
    /// The schedule lives in sixteen rolling locals (W[t] overwrites W[t-16]) and the round
    /// constants are literals, so nothing is looked up in memory but the input itself.
    private mutating func compress(blocks: UnsafeRawPointer, count: Int) {
        var p = blocks
        for _ in 0..<count {
            @inline(__always) func word(_ i: Int) -> UInt32 {
                UInt32(bigEndian: p.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self))
            }
            var w0 = word(0), w1 = word(1), w2 = word(2), w3 = word(3)
            var w4 = word(4), w5 = word(5), w6 = word(6), w7 = word(7)
            var w8 = word(8), w9 = word(9), w10 = word(10), w11 = word(11)
            var w12 = word(12), w13 = word(13), w14 = word(14), w15 = word(15)
            var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7

            Self.round(a, b, c, &d, e, f, g, &h, 0x428a2f98, w0)
            Self.round(h, a, b, &c, d, e, f, &g, 0x71374491, w1)
            Self.round(g, h, a, &b, c, d, e, &f, 0xb5c0fbcf, w2)
            Self.round(f, g, h, &a, b, c, d, &e, 0xe9b5dba5, w3)
            Self.round(e, f, g, &h, a, b, c, &d, 0x3956c25b, w4)
            Self.round(d, e, f, &g, h, a, b, &c, 0x59f111f1, w5)
            Self.round(c, d, e, &f, g, h, a, &b, 0x923f82a4, w6)
            Self.round(b, c, d, &e, f, g, h, &a, 0xab1c5ed5, w7)
            Self.round(a, b, c, &d, e, f, g, &h, 0xd807aa98, w8)
            Self.round(h, a, b, &c, d, e, f, &g, 0x12835b01, w9)
            Self.round(g, h, a, &b, c, d, e, &f, 0x243185be, w10)
            Self.round(f, g, h, &a, b, c, d, &e, 0x550c7dc3, w11)
            Self.round(e, f, g, &h, a, b, c, &d, 0x72be5d74, w12)
            Self.round(d, e, f, &g, h, a, b, &c, 0x80deb1fe, w13)
            Self.round(c, d, e, &f, g, h, a, &b, 0x9bdc06a7, w14)
            Self.round(b, c, d, &e, f, g, h, &a, 0xc19bf174, w15)
            w0 &+= Self.sigma1(w14) &+ w9 &+ Self.sigma0(w1)
            w1 &+= Self.sigma1(w15) &+ w10 &+ Self.sigma0(w2)
            w2 &+= Self.sigma1(w0) &+ w11 &+ Self.sigma0(w3)
            w3 &+= Self.sigma1(w1) &+ w12 &+ Self.sigma0(w4)
            w4 &+= Self.sigma1(w2) &+ w13 &+ Self.sigma0(w5)
            w5 &+= Self.sigma1(w3) &+ w14 &+ Self.sigma0(w6)
            w6 &+= Self.sigma1(w4) &+ w15 &+ Self.sigma0(w7)
            w7 &+= Self.sigma1(w5) &+ w0 &+ Self.sigma0(w8)
            w8 &+= Self.sigma1(w6) &+ w1 &+ Self.sigma0(w9)
            w9 &+= Self.sigma1(w7) &+ w2 &+ Self.sigma0(w10)
            w10 &+= Self.sigma1(w8) &+ w3 &+ Self.sigma0(w11)
            w11 &+= Self.sigma1(w9) &+ w4 &+ Self.sigma0(w12)
            w12 &+= Self.sigma1(w10) &+ w5 &+ Self.sigma0(w13)
            w13 &+= Self.sigma1(w11) &+ w6 &+ Self.sigma0(w14)
            w14 &+= Self.sigma1(w12) &+ w7 &+ Self.sigma0(w15)
            w15 &+= Self.sigma1(w13) &+ w8 &+ Self.sigma0(w0)
            Self.round(a, b, c, &d, e, f, g, &h, 0xe49b69c1, w0)
            Self.round(h, a, b, &c, d, e, f, &g, 0xefbe4786, w1)
            Self.round(g, h, a, &b, c, d, e, &f, 0x0fc19dc6, w2)
            Self.round(f, g, h, &a, b, c, d, &e, 0x240ca1cc, w3)
            Self.round(e, f, g, &h, a, b, c, &d, 0x2de92c6f, w4)
            Self.round(d, e, f, &g, h, a, b, &c, 0x4a7484aa, w5)
            Self.round(c, d, e, &f, g, h, a, &b, 0x5cb0a9dc, w6)
            Self.round(b, c, d, &e, f, g, h, &a, 0x76f988da, w7)
            Self.round(a, b, c, &d, e, f, g, &h, 0x983e5152, w8)
            Self.round(h, a, b, &c, d, e, f, &g, 0xa831c66d, w9)
            Self.round(g, h, a, &b, c, d, e, &f, 0xb00327c8, w10)
            Self.round(f, g, h, &a, b, c, d, &e, 0xbf597fc7, w11)
            Self.round(e, f, g, &h, a, b, c, &d, 0xc6e00bf3, w12)
            Self.round(d, e, f, &g, h, a, b, &c, 0xd5a79147, w13)
            Self.round(c, d, e, &f, g, h, a, &b, 0x06ca6351, w14)
            Self.round(b, c, d, &e, f, g, h, &a, 0x14292967, w15)
            w0 &+= Self.sigma1(w14) &+ w9 &+ Self.sigma0(w1)
            w1 &+= Self.sigma1(w15) &+ w10 &+ Self.sigma0(w2)
            w2 &+= Self.sigma1(w0) &+ w11 &+ Self.sigma0(w3)
            w3 &+= Self.sigma1(w1) &+ w12 &+ Self.sigma0(w4)
            w4 &+= Self.sigma1(w2) &+ w13 &+ Self.sigma0(w5)
            w5 &+= Self.sigma1(w3) &+ w14 &+ Self.sigma0(w6)
            w6 &+= Self.sigma1(w4) &+ w15 &+ Self.sigma0(w7)
            w7 &+= Self.sigma1(w5) &+ w0 &+ Self.sigma0(w8)
            w8 &+= Self.sigma1(w6) &+ w1 &+ Self.sigma0(w9)
            w9 &+= Self.sigma1(w7) &+ w2 &+ Self.sigma0(w10)
            w10 &+= Self.sigma1(w8) &+ w3 &+ Self.sigma0(w11)
            w11 &+= Self.sigma1(w9) &+ w4 &+ Self.sigma0(w12)
            w12 &+= Self.sigma1(w10) &+ w5 &+ Self.sigma0(w13)
            w13 &+= Self.sigma1(w11) &+ w6 &+ Self.sigma0(w14)
            w14 &+= Self.sigma1(w12) &+ w7 &+ Self.sigma0(w15)
            w15 &+= Self.sigma1(w13) &+ w8 &+ Self.sigma0(w0)
            Self.round(a, b, c, &d, e, f, g, &h, 0x27b70a85, w0)
            Self.round(h, a, b, &c, d, e, f, &g, 0x2e1b2138, w1)
            Self.round(g, h, a, &b, c, d, e, &f, 0x4d2c6dfc, w2)
            Self.round(f, g, h, &a, b, c, d, &e, 0x53380d13, w3)
            Self.round(e, f, g, &h, a, b, c, &d, 0x650a7354, w4)
            Self.round(d, e, f, &g, h, a, b, &c, 0x766a0abb, w5)
            Self.round(c, d, e, &f, g, h, a, &b, 0x81c2c92e, w6)
            Self.round(b, c, d, &e, f, g, h, &a, 0x92722c85, w7)
            Self.round(a, b, c, &d, e, f, g, &h, 0xa2bfe8a1, w8)
            Self.round(h, a, b, &c, d, e, f, &g, 0xa81a664b, w9)
            Self.round(g, h, a, &b, c, d, e, &f, 0xc24b8b70, w10)
            Self.round(f, g, h, &a, b, c, d, &e, 0xc76c51a3, w11)
            Self.round(e, f, g, &h, a, b, c, &d, 0xd192e819, w12)
            Self.round(d, e, f, &g, h, a, b, &c, 0xd6990624, w13)
            Self.round(c, d, e, &f, g, h, a, &b, 0xf40e3585, w14)
            Self.round(b, c, d, &e, f, g, h, &a, 0x106aa070, w15)
            w0 &+= Self.sigma1(w14) &+ w9 &+ Self.sigma0(w1)
            w1 &+= Self.sigma1(w15) &+ w10 &+ Self.sigma0(w2)
            w2 &+= Self.sigma1(w0) &+ w11 &+ Self.sigma0(w3)
            w3 &+= Self.sigma1(w1) &+ w12 &+ Self.sigma0(w4)
            w4 &+= Self.sigma1(w2) &+ w13 &+ Self.sigma0(w5)
            w5 &+= Self.sigma1(w3) &+ w14 &+ Self.sigma0(w6)
            w6 &+= Self.sigma1(w4) &+ w15 &+ Self.sigma0(w7)
            w7 &+= Self.sigma1(w5) &+ w0 &+ Self.sigma0(w8)
            w8 &+= Self.sigma1(w6) &+ w1 &+ Self.sigma0(w9)
            w9 &+= Self.sigma1(w7) &+ w2 &+ Self.sigma0(w10)
            w10 &+= Self.sigma1(w8) &+ w3 &+ Self.sigma0(w11)
            w11 &+= Self.sigma1(w9) &+ w4 &+ Self.sigma0(w12)
            w12 &+= Self.sigma1(w10) &+ w5 &+ Self.sigma0(w13)
            w13 &+= Self.sigma1(w11) &+ w6 &+ Self.sigma0(w14)
            w14 &+= Self.sigma1(w12) &+ w7 &+ Self.sigma0(w15)
            w15 &+= Self.sigma1(w13) &+ w8 &+ Self.sigma0(w0)
            Self.round(a, b, c, &d, e, f, g, &h, 0x19a4c116, w0)
            Self.round(h, a, b, &c, d, e, f, &g, 0x1e376c08, w1)
            Self.round(g, h, a, &b, c, d, e, &f, 0x2748774c, w2)
            Self.round(f, g, h, &a, b, c, d, &e, 0x34b0bcb5, w3)
            Self.round(e, f, g, &h, a, b, c, &d, 0x391c0cb3, w4)
            Self.round(d, e, f, &g, h, a, b, &c, 0x4ed8aa4a, w5)
            Self.round(c, d, e, &f, g, h, a, &b, 0x5b9cca4f, w6)
            Self.round(b, c, d, &e, f, g, h, &a, 0x682e6ff3, w7)
            Self.round(a, b, c, &d, e, f, g, &h, 0x748f82ee, w8)
            Self.round(h, a, b, &c, d, e, f, &g, 0x78a5636f, w9)
            Self.round(g, h, a, &b, c, d, e, &f, 0x84c87814, w10)
            Self.round(f, g, h, &a, b, c, d, &e, 0x8cc70208, w11)
            Self.round(e, f, g, &h, a, b, c, &d, 0x90befffa, w12)
            Self.round(d, e, f, &g, h, a, b, &c, 0xa4506ceb, w13)
            Self.round(c, d, e, &f, g, h, a, &b, 0xbef9a3f7, w14)
            Self.round(b, c, d, &e, f, g, h, &a, 0xc67178f2, w15)

            h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
            h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
            p += 64
        }
    }
}
