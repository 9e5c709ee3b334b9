import Testing
@testable import WSoAEngine

/// The snapshot's checksum must not depend on how the writer's buffer split the bytes, and
/// must change with any byte.
@Suite("Snapshot checksum")
struct SnapshotChecksumTests {
    @Test("the same bytes added in any pieces give the same checksum", arguments: [0, 1, 31, 32, 33, 100, 1_000])
    func splitDoesNotMatter(length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let whole = bytes.withUnsafeBytes { SnapshotChecksum.of($0) }
        for piece in [1, 3, 7, 31, 32, 33, 64] {
            var checksum = SnapshotChecksum()
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + piece + start % 5)
                bytes[start..<end].withUnsafeBytes { checksum.add($0) }
                start = end
            }
            #expect(checksum.value == whole, "pieces of \(piece)")
        }
    }

    @Test("any changed byte, and the length, change the checksum")
    func everyByteCounts() {
        let bytes = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        let original = bytes.withUnsafeBytes { SnapshotChecksum.of($0) }
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= 0x01
            #expect(changed.withUnsafeBytes { SnapshotChecksum.of($0) } != original, "byte \(index)")
        }
        #expect((bytes + [0]).withUnsafeBytes { SnapshotChecksum.of($0) } != original)
        #expect(bytes.dropLast().withUnsafeBytes { SnapshotChecksum.of($0) } != original)
    }
}
