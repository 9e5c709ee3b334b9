import Foundation
import Testing
@testable import WSoAEngine

/// `Journal.read`, which reads a long journal on two threads, half each: it must find exactly
/// the bytes, lines and torn tail that `Journal(path:bytes:)` over `FileSystem.read` finds,
/// wherever the halves meet (in a line, at a newline, in a file with no newline at all), and
/// fail the same way on a missing file or a folder.
@Suite("Journal reading")
struct JournalReadingTests {
    /// Checks both ways of reading `bytes` as a file agree.
    private func agree(_ bytes: [UInt8], in directory: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = "\(directory)/events.jsonl"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let expected = Journal(path: path, bytes: try FileSystem.read(path))
        for minimum in [0, 2, bytes.count, Journal.twoThreadReadMinimum] {
            let read = try Journal.read(path, twoThreadsFrom: minimum)
            #expect(read.bytes == expected.bytes, sourceLocation: sourceLocation)
            #expect(read.lines == expected.lines, "\(bytes.count) bytes, from \(minimum)", sourceLocation: sourceLocation)
            #expect(read.tornTail == expected.tornTail, sourceLocation: sourceLocation)
            #expect(read.count == expected.count && read.firstLine == 1 && read.fileOffset == 0, sourceLocation: sourceLocation)
        }
    }

    private func withDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-journalread-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    @Test("small and awkward files: empty, one byte, only newlines, no newline, a newline at the middle")
    func awkwardFiles() throws {
        try withDirectory { directory in
            let cases: [[UInt8]] = [
                [], [0x0A], [0x41], [0x0A, 0x0A], [0x41, 0x0A], [0x0A, 0x41], Array("ab\ncd".utf8), Array("abc\ndef\n".utf8),
                Array("abcd\nefg".utf8), Array(repeating: 0x41, count: 1_000), Array(repeating: 0x0A, count: 1_001),
                Array("{\"seq\":1}\n{\"seq\":2}\n".utf8), Array("x\n".utf8) + Array(repeating: 0x42, count: 99),
            ]
            for bytes in cases { try agree(bytes, in: directory) }
            // A newline at every place around the middle of a short file.
            for place in 0..<40 {
                var bytes = [UInt8](repeating: 0x43, count: 40)
                bytes[place] = 0x0A
                try agree(bytes, in: directory)
                try agree(bytes + [0x0A], in: directory)
            }
        }
    }

    @Test("random files of random lines, with and without a torn tail")
    func randomFiles() throws {
        try withDirectory { directory in
            var random = SeededGenerator(seed: 4_096)
            for round in 0..<200 {
                var bytes: [UInt8] = []
                let lines = Int(random.next() % 60)
                for _ in 0..<lines {
                    bytes += [UInt8](repeating: UInt8(0x61 + random.next() % 26), count: Int(random.next() % (round % 3 == 0 ? 3 : 400)))
                    bytes.append(0x0A)
                }
                if random.next() % 2 == 0 { bytes += [UInt8](repeating: 0x7A, count: Int(random.next() % 50)) }
                try agree(bytes, in: directory)
            }
        }
    }

    @Test("a missing file and a folder fail as FileSystem.read fails")
    func failures() throws {
        try withDirectory { directory in
            for path in ["\(directory)/missing.jsonl", directory] {
                let expected = Result { try FileSystem.read(path) }.map { _ in 0 }
                let read = Result { try Journal.read(path, twoThreadsFrom: 0) }.map { _ in 0 }
                #expect("\(read)" == "\(expected)")
                if case .success = read { Issue.record("\(path) was read") }
            }
        }
    }
}
