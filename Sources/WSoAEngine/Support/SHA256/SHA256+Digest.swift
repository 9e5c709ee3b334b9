extension SHA256 {
    /// A SHA-256 digest held as its eight state words, for comparing hashes without text.
    ///
    /// Replay checks every line's `prev` against the hash of the line before; making a 64-digit
    /// hex `String` of every line's hash and a `String` of every `prev` only to compare them cost
    /// two heap allocations a line. Two digests are equal exactly when their lower-case hex
    /// forms are, since `hex` writes each word's digits most significant first and `init(hex:)`
    /// reads them back the same way.
    struct Digest: Equatable, Sendable {
        /// H0…H7 after the last block.
        var h0: UInt32, h1: UInt32, h2: UInt32, h3: UInt32, h4: UInt32, h5: UInt32, h6: UInt32, h7: UInt32

        /// The all-zero digest, which is what `prev` on line 1 (64 zeros) reads as.
        static let genesis = Digest(words: (0, 0, 0, 0, 0, 0, 0, 0))

        /// The digest whose state words are `words`.
        init(words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)) {
            (h0, h1, h2, h3, h4, h5, h6, h7) = words
        }

        /// The digest of `bytes`.
        init(of bytes: UnsafeRawBufferPointer) {
            var hasher = SHA256()
            hasher.update(bytes)
            self.init(words: hasher.finalWords())
        }

        /// The digest of `bytes`.
        init(of bytes: ArraySlice<UInt8>) {
            self = bytes.withUnsafeBytes { Digest(of: $0) }
        }

        /// The digest written as 64 lower-case hex digits in `text`; nil for any other text
        /// (upper case included, which `prev` never is).
        ///
        /// Replay reads every line's `prev` this way, so each word's eight digits are checked
        /// and converted together in one 64-bit register rather than one byte at a time.
        init?(hex text: UnsafeBufferPointer<UInt8>) {
            guard text.count == 64, let base = text.baseAddress else { return nil }
            let raw = UnsafeRawPointer(base)
            guard let w0 = Digest.word(raw), let w1 = Digest.word(raw + 8), let w2 = Digest.word(raw + 16),
                  let w3 = Digest.word(raw + 24), let w4 = Digest.word(raw + 32), let w5 = Digest.word(raw + 40),
                  let w6 = Digest.word(raw + 48), let w7 = Digest.word(raw + 56) else { return nil }
            self.init(words: (w0, w1, w2, w3, w4, w5, w6, w7))
        }

        /// The word written as the eight lower-case hex digits at `digits` (most significant
        /// first), or nil when any of them is not `0`–`9` or `a`–`f`.
        @inline(__always)
        private static func word(_ digits: UnsafeRawPointer) -> UInt32? {
            let high: UInt64 = 0x8080_8080_8080_8080
            // First byte in the low bits (little-endian load), whatever the machine's order.
            let x = UInt64(littleEndian: digits.loadUnaligned(as: UInt64.self))
            // With every byte below 0x80, adding n to each byte cannot carry into the next, and
            // a byte's top bit then says whether it is at least 0x80 - n.
            guard x & high == 0 else { return nil }
            let atLeast0 = (x &+ 0x5050_5050_5050_5050) & high  // b >= 0x30, "0"
            let above9 = (x &+ 0x4646_4646_4646_4646) & high    // b >= 0x3A
            let atLeastA = (x &+ 0x1F1F_1F1F_1F1F_1F1F) & high  // b >= 0x61, "a"
            let aboveF = (x &+ 0x1919_1919_1919_1919) & high    // b >= 0x67
            guard (atLeast0 & ~above9) | (atLeastA & ~aboveF) == high else { return nil }
            // "0"–"9" are 0x30–0x39 and "a"–"f" 0x61–0x66: the low nibble, plus 9 for a letter (bit 6).
            let nibbles = (x & 0x0F0F_0F0F_0F0F_0F0F) &+ ((x &>> 6) & 0x0101_0101_0101_0101) &* 9
            // Pair the digits into the even bytes (first digit high), then put the first pair highest.
            let pairs = ((nibbles &<< 4) | (nibbles &>> 8)) & 0x00FF_00FF_00FF_00FF
            let b0 = UInt32(truncatingIfNeeded: pairs) & 0xFF
            let b1 = UInt32(truncatingIfNeeded: pairs &>> 16) & 0xFF
            let b2 = UInt32(truncatingIfNeeded: pairs &>> 32) & 0xFF
            let b3 = UInt32(truncatingIfNeeded: pairs &>> 48) & 0xFF
            return (b0 &<< 24) | (b1 &<< 16) | (b2 &<< 8) | b3
        }

        /// The digest written as 64 lower-case hex digits in `text`; nil for any other text.
        init?(hex text: String) {
            var text = text
            guard let digest = text.withUTF8({ Digest(hex: $0) }) else { return nil }
            self = digest
        }

        /// The digest's 32 bytes, most significant first.
        var bytes: [UInt8] {
            [h0, h1, h2, h3, h4, h5, h6, h7].flatMap { word in
                [UInt8(truncatingIfNeeded: word >> 24), UInt8(truncatingIfNeeded: word >> 16),
                 UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word)]
            }
        }

        /// The digest whose 32 bytes, most significant first, are `bytes`.
        init(bytes: [UInt8]) {
            precondition(bytes.count == 32, "a SHA-256 digest has 32 bytes")
            func word(_ index: Int) -> UInt32 {
                bytes[index * 4 ..< index * 4 + 4].reduce(0) { $0 << 8 | UInt32($1) }
            }
            self.init(words: (word(0), word(1), word(2), word(3), word(4), word(5), word(6), word(7)))
        }

        /// The 64 lower-case hex digits journals store, as `SHA256.hexDigest` writes them.
        var hex: String {
            let words = [h0, h1, h2, h3, h4, h5, h6, h7]
            let digits: StaticString = "0123456789abcdef"
            return String(unsafeUninitializedCapacity: 64) { out in
                digits.withUTF8Buffer { table in
                    for (index, word) in words.enumerated() {
                        for nibble in 0..<8 {
                            out[index &* 8 &+ nibble] = table[Int(truncatingIfNeeded: word &>> UInt32(28 &- nibble &* 4)) & 0x0F]
                        }
                    }
                }
                return 64
            }
        }
    }
}
