import Testing
@testable import WSoAEngine

/// `SHA256.Digest`, which replay compares instead of hex strings: it must read exactly the
/// strings `prev` may hold (64 lower-case hex digits) and write them back exactly, so comparing
/// digests says what comparing the strings would.
@Suite("SHA-256 digests")
struct SHA256DigestTests {
    /// Messages of many lengths, around the block boundaries included.
    private static func messages() -> [[UInt8]] {
        var random = SeededGenerator(seed: 256)
        return [0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 128, 319, 1000].map { length in
            (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
    }

    @Test("a digest's hex is the hex digest, and reads back to the same digest")
    func roundTrip() throws {
        for message in Self.messages() {
            let digest = SHA256.Digest(of: message[...])
            let hex = SHA256.hexDigest(message)
            #expect(digest.hex == hex)
            #expect(SHA256.Digest(hex: hex) == digest)
        }
        #expect(SHA256.Digest.genesis.hex == JournalEntry.genesisHash)
        #expect(SHA256.Digest(hex: JournalEntry.genesisHash) == .genesis)
    }

    @Test("every byte at every place: only lower-case hex digits read, and read back unchanged")
    func everyByte() throws {
        let base = Array(SHA256.hexDigest(Array("abc".utf8)).utf8)
        let digits = Set("0123456789abcdef".utf8)
        for place in 0..<64 {
            for byte in UInt8.min...UInt8.max {
                var text = base
                text[place] = byte
                let digest = text.withUnsafeBufferPointer { SHA256.Digest(hex: $0) }
                if digits.contains(byte) {
                    #expect(digest?.hex == String(decoding: text, as: UTF8.self))
                } else {
                    #expect(digest == nil, "byte \(byte) at \(place) was read as a digit")
                }
            }
        }
    }

    @Test("other lengths are refused, and digests are equal exactly when their hex strings are")
    func lengthsAndEquality() throws {
        let hex = SHA256.hexDigest(Array("abc".utf8))
        #expect(SHA256.Digest(hex: String(hex.dropLast())) == nil)
        #expect(SHA256.Digest(hex: hex + "0") == nil)
        #expect(SHA256.Digest(hex: "") == nil)
        #expect(SHA256.Digest(hex: hex.uppercased()) == nil)
        let hexes = Self.messages().map { SHA256.hexDigest($0) } + [JournalEntry.genesisHash]
        for left in hexes {
            for right in hexes {
                #expect((SHA256.Digest(hex: left) == SHA256.Digest(hex: right)) == (left == right))
            }
        }
        // Digests differing in one digit of one word differ.
        var changed = Array(hex.utf8)
        changed[37] = changed[37] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        #expect(SHA256.Digest(hex: String(decoding: changed, as: UTF8.self)) != SHA256.Digest(hex: hex))
    }
}
