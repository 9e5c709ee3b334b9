import Testing
@testable import WSoAEngine

/// `JSONCursor.attentionMask`, which lets a string scan jump straight to the first byte that
/// needs a look: its lowest bit set must always mark exactly that byte.
@Suite("JSON cursor")
struct JSONCursorTests {
    /// Whether `byte` ends or interrupts a plain run of string text.
    private static func needsLook(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80
    }

    @Test("the lowest bit of the mask marks the first byte that needs a look, whatever the bytes after it")
    func firstByteExactly() throws {
        var random = SeededGenerator(seed: 8)
        for round in 0..<200_000 {
            var bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            if round % 2 == 0 {
                // Mostly plain text, with one or two awkward bytes, so every place gets tested.
                bytes = (0..<8).map { _ in UInt8(0x20 + random.next() % 0x5F) }.map { $0 == 0x22 || $0 == 0x5C ? 0x41 : $0 }
                let specials: [UInt8] = [0x22, 0x5C, 0x00, 0x1F, 0x20, 0x7F, 0x80, 0xFF, 0x21, 0x23, 0x5B, 0x5D, 0xA2, 0xDC]
                for _ in 0..<(1 + random.next() % 2) {
                    bytes[Int(random.next() % 8)] = specials[Int(random.next() % UInt64(specials.count))]
                }
            }
            let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
            let mask = JSONCursor.attentionMask(word)
            let first = bytes.firstIndex(where: Self.needsLook)
            #expect(JSONCursor.needsAttention(word) == (first != nil))
            if let first {
                #expect(mask.trailingZeroBitCount / 8 == first, "\(bytes)")
            } else {
                #expect(mask == 0, "\(bytes)")
            }
        }
    }

    @Test("strings read the same whatever their length and wherever the awkward byte falls")
    func rawStrings() throws {
        for length in 0..<40 {
            for place in -1..<length {
                var text = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                var expectRaw = true
                if place >= 0 {
                    text[place] = UInt8(ascii: "\\")
                    expectRaw = false
                }
                let line = [UInt8(ascii: "\"")] + text + [UInt8(ascii: "\"")] + Array("tail".utf8)
                line.withUnsafeBytes { raw in
                    var cursor = JSONCursor(raw)!
                    let read = cursor.rawString()
                    #expect((read != nil) == expectRaw, "length \(length), backslash at \(place)")
                    if let read {
                        #expect(Array(read) == text)
                        #expect(cursor.pos == length + 2)
                    }
                }
            }
        }
    }
}
