import Testing
@testable import WSoAEngine

/// `SHA256.digests(of:in:)`, which hashes several messages at once, one per SIMD lane: every
/// digest must be the one-message `SHA256`'s, whatever the lengths, their mix, the number of
/// messages, and where the bytes sit in memory.
@Suite("SHA-256 lanes")
struct SHA256LanesTests {
    /// Messages laid end to end in one buffer, with each one's range, as a journal holds its lines.
    struct Batch {
        /// All the messages' bytes, with a newline after each as in a journal.
        var bytes: [UInt8] = []
        /// Each message's range in `bytes`.
        var ranges: [Range<Int>] = []

        /// Appends `message`.
        mutating func append<C: Collection>(_ message: C) where C.Element == UInt8 {
            let start = bytes.count
            bytes.append(contentsOf: message)
            ranges.append(start..<bytes.count)
            bytes.append(0x0A)
        }

        /// A batch of the given messages, in order.
        init<C: Collection>(_ messages: [C]) where C.Element == UInt8 {
            for message in messages { append(message) }
        }

        /// Each message's digest by the one-message hasher, to compare with.
        var expected: [SHA256.Digest] {
            ranges.map { SHA256.Digest(of: bytes[$0]) }
        }

        /// Each message's digest by the lanes.
        var digests: [SHA256.Digest] {
            SHA256.digests(of: ranges, in: bytes)
        }
    }

    /// `count` bytes from `random`.
    static func randomBytes(_ count: Int, _ random: inout SeededGenerator) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    /// FIPS 180-2 example messages and their digests.
    static let vectors: [(message: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    /// Each vector in each lane position, so every lane's state and padding are checked against a known digest.
    @Test("the FIPS example vectors, in every lane position among other messages",
          arguments: vectors.indices, 0...SHA256.laneCount)
    func knownVectors(vector: Int, position: Int) {
        let (message, digest) = Self.vectors[vector]
        var fillers: [[UInt8]] = (0..<SHA256.laneCount + 1).map { Array(repeating: UInt8(ascii: "x"), count: $0 * 37) }
        fillers.insert(Array(message.utf8), at: position)
        let digests = Batch(fillers).digests
        #expect(digests[position].hex == digest)
    }

    /// The vectors side by side: lengths 0, 3, 56 and 112 bytes finish at different steps.
    @Test("all the FIPS example vectors in one batch")
    func knownVectorsTogether() {
        let digests = Batch(Self.vectors.map { Array($0.message.utf8) }).digests
        #expect(digests.map(\.hex) == Self.vectors.map(\.digest))
    }

    /// The long FIPS vector, which takes the scalar path, between two that take the lanes.
    @Test("one million a among short messages")
    func oneMillionA() {
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let digests = Batch([Array("abc".utf8), million, Array("abc".utf8)]).digests
        #expect(digests.map(\.hex) == [
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ])
    }

    /// Every length up to almost five blocks, shortest first: lanes finish and refill at every step.
    @Test("every length from 0 to 300 bytes, in one batch")
    func everyLength() {
        var random = SeededGenerator(seed: 300)
        let batch = Batch((0...300).map { Self.randomBytes($0, &random) })
        #expect(batch.digests == batch.expected)
    }

    /// The same lengths longest first, so lanes run out of messages at different times.
    @Test("every length from 0 to 300 bytes, longest first")
    func everyLengthDescending() {
        var random = SeededGenerator(seed: 301)
        let batch = Batch((0...300).reversed().map { Self.randomBytes($0, &random) })
        #expect(batch.digests == batch.expected)
    }

    /// Lengths where the padding needs one block or two (55/56) and where whole blocks end.
    @Test("padding boundary lengths, each among messages of other lengths",
          arguments: [55, 56, 63, 64, 119, 120, 127, 128])
    func boundaryLength(length: Int) {
        var random = SeededGenerator(seed: UInt64(length))
        let others = [0, 1, 200, 64, 3, 129, 57]
        for position in 0...others.count {
            var lengths = others
            lengths.insert(length, at: position)
            let batch = Batch(lengths.map { Self.randomBytes($0, &random) })
            #expect(batch.digests == batch.expected, "at position \(position)")
        }
    }

    /// Only boundary lengths, so lanes needing one padding block and lanes needing two run side by side.
    @Test("all the padding boundary lengths together, several times over")
    func boundaryLengthsTogether() {
        var random = SeededGenerator(seed: 128)
        let lengths = [55, 56, 63, 64, 119, 120, 127, 128]
        let batch = Batch((lengths + lengths.reversed() + lengths).map { Self.randomBytes($0, &random) })
        #expect(batch.digests == batch.expected)
    }

    /// Fewer messages than lanes, exactly as many, and more.
    @Test("batches of 0, 1, W-1, W, W+1 and 2W+1 messages",
          arguments: [0, 1, SHA256.laneCount - 1, SHA256.laneCount, SHA256.laneCount + 1, 2 * SHA256.laneCount + 1])
    func batchSize(count: Int) {
        var random = SeededGenerator(seed: UInt64(1000 + count))
        let batch = Batch((0..<count).map { Self.randomBytes(100 + 50 * $0, &random) })
        let digests = batch.digests
        #expect(digests.count == count)
        #expect(digests == batch.expected)
    }

    /// Random batches, seeded so a failure repeats, against the one-message hasher.
    @Test("random batches of random lengths", arguments: 1...8)
    func randomBatch(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let count = random.below(200)
        let batch = Batch((0..<count).map { _ in
            // Mostly journal-sized lines, some short, a few up to several blocks past the lane limit.
            let length: Int
            switch random.below(10) {
            case 0: length = random.below(64)
            case 1: length = random.below(SHA256.laneLengthLimit + 1000)
            default: length = 150 + random.below(1850)
            }
            return Self.randomBytes(length, &random)
        })
        #expect(batch.digests == batch.expected)
    }

    /// Messages just under, at and over `laneLengthLimit`, taking the lanes or the scalar path.
    @Test("lengths either side of the lane length limit, which go scalar above it")
    func laneLengthLimit() {
        var random = SeededGenerator(seed: 4096)
        let limit = SHA256.laneLengthLimit
        let batch = Batch([limit - 1, 5, limit, limit + 1, 300, limit + 64, 0].map { Self.randomBytes($0, &random) })
        #expect(batch.digests == batch.expected)
    }

    /// A 1 MiB message first, in the middle or last among short ones.
    @Test("one very long message among short ones", arguments: [0, 7, 19])
    func longMessage(position: Int) {
        var random = SeededGenerator(seed: 77)
        var messages = (0..<19).map { Self.randomBytes(150 + 10 * $0, &random) }
        messages.insert(Self.randomBytes(1_048_576, &random), at: position)
        let batch = Batch(messages)
        #expect(batch.digests == batch.expected)
    }

    /// A long message that stays in a lane (under the limit) while the other lanes go through
    /// many short ones and then run out, so lanes finish at very different steps.
    @Test("a message at the lane limit among many short ones")
    func longestLaneMessage() {
        var random = SeededGenerator(seed: 78)
        var messages = [Self.randomBytes(SHA256.laneLengthLimit, &random)]
        messages += (0..<40).map { Self.randomBytes($0 % 3 == 0 ? 0 : 20 + $0, &random) }
        let batch = Batch(messages)
        #expect(batch.digests == batch.expected)
    }

    /// Messages that start at every offset from a 16-byte boundary, in a buffer that itself
    /// starts at every offset, through the pointer version.
    @Test("unaligned byte offsets", arguments: 0..<16)
    func unaligned(shift: Int) {
        var random = SeededGenerator(seed: UInt64(500 + shift))
        let storage = Self.randomBytes(40_000, &random)
        var ranges: [Range<Int>] = []
        var start = 0
        for index in 0..<60 {
            let length = [0, 1, 55, 56, 64, 100, 320, 1000][index % 8] + index % 5
            ranges.append(start..<start + length)
            start += length + 1 + index % 3
        }
        let expected = storage.withUnsafeBytes { raw in
            let bytes = UnsafeRawBufferPointer(rebasing: raw[shift...])
            return ranges.map { SHA256.Digest(of: UnsafeRawBufferPointer(rebasing: bytes[$0])) }
        }
        let digests = storage.withUnsafeBytes { raw in
            ranges.withUnsafeBufferPointer { SHA256.digests(of: $0, in: UnsafeRawBufferPointer(rebasing: raw[shift...])) }
        }
        #expect(digests == expected)
    }

    /// Identical messages in every lane, and a batch of empty messages (each only the padding block).
    @Test("the same message many times, and empty messages only")
    func repeatedMessages() {
        let line = Array(#"{"seq":1,"prev":"0000","event":{"kind":"note"}}"#.utf8)
        let same = Batch(Array(repeating: line, count: 25))
        #expect(same.digests == same.expected)
        let empty = Batch(Array(repeating: [UInt8](), count: 9))
        #expect(empty.digests.map(\.hex) == Array(repeating: Self.vectors[0].digest, count: 9))
    }
}
