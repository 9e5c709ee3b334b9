import Foundation
import Testing
import WSoAEngine

/// The journal's hash chain and lock, tested through the real binary.
@Suite struct JournalIntegrityTests {
    /// Byte offsets into line 2 (of 6) to flip; each must be caught at line 3.
    @Test(arguments: [0, 1, 17, 40, 100, 200])
    func editingAnEarlierLineBreaksTheChainAtTheNext(_ offset: Int) throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton()
        var bytes = [UInt8](try wsoa.journal("stockton-on-tees-2019"))
        let lineStart = try #require(bytes.firstIndex(of: 0x0A)) + 1
        let lineEnd = try #require(bytes[lineStart...].firstIndex(of: 0x0A))
        let index = lineStart + min(offset, lineEnd - lineStart - 1)
        bytes[index] = bytes[index] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        let path = "\(wsoa.plans)/stockton-on-tees-2019/events.jsonl"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try wsoa.run(["verify", "stockton-on-tees-2019"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("events.jsonl is damaged at line 2") || result.stderr.contains("events.jsonl is damaged at line 3"),
                "stderr was: \(result.stderr)")
        #expect([UInt8](try wsoa.journal("stockton-on-tees-2019")) == bytes, "verify changed a damaged journal")
        #expect(try wsoa.run(["status", "stockton-on-tees-2019"]).status == 1)
    }

    @Test func aTornLastLineIsReportedWithItsLine() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 3)
        let path = "\(wsoa.plans)/stockton-on-tees-2019/events.jsonl"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"by":"x","data":{"#.utf8))
        try handle.close()
        let result = try wsoa.run(["verify", "stockton-on-tees-2019"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("damaged at line 4: the last line is incomplete"))
        let refused = try wsoa.run(["advance", "stockton-on-tees-2019", "judge", "--on", "2019-10-17", "--fit"])
        #expect(refused.status == 1)
    }

    @Test func twoProcessesAppendingAtOnceLeaveAGaplessChain() async throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        try wsoa.succeed(["workstream", "add", "stockton-on-tees-2019", "ws", "--title", "Co-production", "--addresses", "W1",
                          "--on", "2019-10-20"])
        let perWriter = 200
        // Evidence, not visits: a plan has one visit a day, and visits must come in date order.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    for index in 0..<perWriter {
                        let result = try wsoa.run(["evidence", "add", "stockton-on-tees-2019", "--workstream", "ws", "--kind", "activity",
                                                   "--on", "2020-01-15", "--title", "writer \(writer) item \(index)"])
                        #expect(result.status == 0, "\(result.stderr)")
                    }
                }
            }
            try await group.waitForAll()
        }
        let verify = try wsoa.succeed(["verify", "stockton-on-tees-2019", "--json"]).stdout
        let report = try #require(try JSONReader.parse(verify).arrayValue?.first)
        #expect(report["events"]?.intValue == Int64(5 + 2 * perWriter))
        let entries = try PlanStore(directory: wsoa.plans).history("stockton-on-tees-2019")
        #expect(entries.map(\.seq) == Array(1...(5 + 2 * perWriter)))
        let titles = Set(entries.compactMap { entry -> String? in
            guard case let .evidenceAdded(added) = entry.event else { return nil }
            return added.title
        })
        #expect(titles.count == 2 * perWriter)
    }
}
