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
        init?(hex text: UnsafeBufferPointer<UInt8>) {
            guard text.count == 64, let base = text.baseAddress else { return nil }
            var words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)
            let valid = withUnsafeMutableBytes(of: &words) { raw -> Bool in
                for index in 0..<8 {
                    var word: UInt32 = 0
                    for nibble in 0..<8 {
                        let byte = base[index &* 8 &+ nibble]
                        let value: UInt8
                        switch byte {
                        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte &- UInt8(ascii: "0")
                        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte &- UInt8(ascii: "a") &+ 10
                        default: return false
                        }
                        word = word &<< 4 | UInt32(value)
                    }
                    raw.storeBytes(of: word, toByteOffset: index &* 4, as: UInt32.self)
                }
                return true
            }
            guard valid else { return nil }
            self.init(words: words)
        }

        /// The digest written as 64 lower-case hex digits in `text`; nil for any other text.
        init?(hex text: String) {
            var text = text
            guard let digest = text.withUTF8({ Digest(hex: $0) }) else { return nil }
            self = digest
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
