import Testing
import WSoAEngine

/// SHA-256 against FIPS 180 example vectors and values computed with Python's `hashlib`.
@Suite("SHA-256")
struct SHA256Tests {
    /// FIPS 180-2 appendix B and the NIST example messages.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
        ("{\"seq\":1}\n", "40fe96e5dc9e9822902a3f343389fa3cd531c145a19eb55881b0be5e9b0962e7"),
    ])
    func exampleVectors(message: String, expected: String) {
        #expect(SHA256.hexDigest(Array(message.utf8)) == expected)
        #expect(SHA256.hexDigest(message.utf8) == expected)
    }

    /// One million `a`, the long FIPS vector.
    @Test func oneMillionA() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hexDigest(message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths either side of the padding boundaries (55/56 bytes fit one or two final blocks).
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (127, "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a"),
        (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
        (129, "c12cb024a2e5551cca0e08fce8f1c5e314555cc3fef6329ee994a3db752166ae"),
    ])
    func blockBoundaries(length: Int, expected: String) {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: length)
        #expect(SHA256.hexDigest(message) == expected)
    }

    /// Feeding the same bytes in odd-sized pieces gives the one-shot digest.
    @Test(arguments: [1, 3, 7, 13, 63, 64, 65, 127, 1000])
    func incrementalEqualsOneShot(chunk: Int) {
        let message = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        var hasher = SHA256()
        var start = 0
        while start < message.count {
            let stop = min(start + chunk, message.count)
            hasher.update(message[start..<stop])
            start = stop
        }
        let digest = hasher.finalize()
        #expect(digest == SHA256.hash(message))
        #expect(SHA256.hexDigest(message) == "6e97d8601cb17906a4819e0fcc8d03150d3e4331353ecaa516c0084cadad54dd")
    }

    /// Raw-pointer updates, including empty ones, agree with the collection overload.
    @Test func rawBufferUpdates() {
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        var hasher = SHA256()
        hasher.update(UnsafeRawBufferPointer(start: nil, count: 0))
        message.withUnsafeBytes { bytes in
            hasher.update(UnsafeRawBufferPointer(rebasing: bytes[0..<5]))
            hasher.update(UnsafeRawBufferPointer(rebasing: bytes[5...]))
        }
        #expect(hasher.finalize() == SHA256.hash(message))
    }

    /// Non-contiguous collections take the copying path and still agree.
    @Test func nonContiguousCollection() {
        let message = Array("abc".utf8)
        let lazyBytes = message.lazy.map { $0 }
        #expect(SHA256.hash(lazyBytes) == SHA256.hash(message))
        #expect(SHA256.hash(message).count == 32)
    }
}
