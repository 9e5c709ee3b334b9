import Foundation
import Testing
import WSoAEngine

/// The lifecycle commands driven through the real binary.
@Suite struct LifecycleCommandsTests {
    @Test func stocktonsHistoryEndsClosedWithItsClocks() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton()
        let status = try wsoa.succeed(["status", "stockton-on-tees-2019"]).stdout
        #expect(status.contains("Phase: closed"))
        #expect(status.contains("due 12 August 2019 — met on 12 August 2019, on the due day"))
        #expect(status.contains("Journal: 6 events; head "))
        let head = try #require(status.split(separator: "\n").last { $0.hasPrefix("Journal: ") }?.split(separator: " ").last)
        let verify = try wsoa.succeed(["verify"]).stdout
        #expect(verify == "stockton-on-tees-2019: ok — 6 events, every line checked against the hash chain and the rules, head \(head)\n")
    }

    @Test func statusJSONHasTheContractKeys() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 3)
        let output = try wsoa.succeed(["status", "stockton-on-tees-2019", "--json", "--as-of", "2019-06-01"]).stdout
        let json = try JSONReader.parse(output)
        let keys = Set(try #require(json.objectValue).keys)
        #expect(keys.isSuperset(of: ["id", "area", "framework", "phase", "asOf", "events", "head", "partners",
                                     "inspection", "weaknesses", "workstreams", "clocks"]))
        #expect(json["phase"]?.stringValue == "statementDue")
        #expect(json["asOf"]?.stringValue == "2019-06-01")
        let clock = try #require(json["clocks"]?.arrayValue?.first)
        #expect(clock["name"]?.stringValue == "statement")
        #expect(clock["due"]?.stringValue == "2019-08-12")
        #expect(clock["state"]?.stringValue == "pending")
        #expect(clock["estimated"]?.boolValue == false)
        #expect(json["weaknesses"]?.arrayValue?.count == 4)
    }

    @Test func deadlinesAsOfShowTheStatementClock() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton()
        let output = try wsoa.succeed(["deadlines", "--as-of", "2019-06-01"]).stdout
        #expect(output.contains("2019-08-12"))
        #expect(output.contains("stockton-on-tees-2019"))
        #expect(output.contains("written statement due"))
        let later = try wsoa.succeed(["deadlines", "--as-of", "2019-08-05", "--json"]).stdout
        let clocks = try #require(try JSONReader.parse(later).arrayValue)
        #expect(clocks.first?["state"]?.stringValue == "dueSoon")
        #expect(clocks.first?["plan"]?.stringValue == "stockton-on-tees-2019")
    }

    @Test func advanceListsWhatCanHappenNext() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 2)
        let json = try JSONReader.parse(try wsoa.succeed(["advance", "stockton-on-tees-2019", "--json"]).stdout)
        let steps = try #require(json.arrayValue)
        let submit = try #require(steps.first { $0["event"]?.stringValue == "statementSubmitted" })
        #expect(submit["allowed"]?.boolValue == true)
        let cease = try #require(steps.first { $0["event"]?.stringValue == "monitoringCeased" })
        #expect(cease["allowed"]?.boolValue == false)
        #expect(cease["missing"]?.arrayValue?.first?.stringValue?.contains("and the plan is statement due") == true)
    }

    @Test func mixedRevisitEntersAcceleratedProgress() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 4)
        try wsoa.succeed(["visit", "stockton-on-tees-2019", "--on", "2020-01-15", "--adviser", "DfE", "--adviser", "NHS England"])
        try wsoa.succeed(["advance", "stockton-on-tees-2019", "revisit", "--on", "2022-09-26",
                          "--visited", "2022-07-11..2022-07-13", "--sufficient", "W1,W3", "--insufficient", "W2,W4"])
        let json = try JSONReader.parse(try wsoa.succeed(["status", "stockton-on-tees-2019", "--json"]).stdout)
        #expect(json["phase"]?.stringValue == "acceleratedProgress")
        // Judged sufficient, W1 and W3 stay monitored until DfE/NHS England release them.
        let weaknesses = try #require(json["weaknesses"]?.arrayValue)
        #expect(weaknesses.map { $0["monitored"]?.boolValue } == [true, true, true, true])
        #expect(weaknesses.map { $0["standing"]?.stringValue } == ["sufficientAwaitingRelease", "inAcceleratedProgressPlan",
                                                                   "sufficientAwaitingRelease", "inAcceleratedProgressPlan"])
        let names = json["clocks"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names?.contains("appReview") == true)
    }

    @Test func lifecycleDiagramsRender() throws {
        let wsoa = try WSoABinary()
        #expect(try wsoa.succeed(["lifecycle", "--format", "mermaid"]).stdout.hasPrefix("stateDiagram-v2\n"))
        #expect(try wsoa.succeed(["lifecycle", "--format", "dot"]).stdout.hasPrefix("digraph lifecycle {"))
        #expect(try wsoa.succeed(["lifecycle"]).stdout.contains("statementUnderReview"))
    }

    /// The shipped `plans/` folder is a marked plans directory whose plans all verify. It is
    /// copied first (mark included), so reading it never leaves a snapshot in the repository.
    @Test func shippedExamplePlansVerifyAndShowStockton() throws {
        let wsoa = try WSoABinary()
        let shipped = WSoABinary.packageRoot.appendingPathComponent("plans")
        #expect(FileManager.default.fileExists(atPath: shipped.appendingPathComponent(".wsoa-plans").path))
        try FileManager.default.copyItem(at: shipped, to: URL(fileURLWithPath: wsoa.plans))
        let status = try wsoa.succeed(["status", "stockton-on-tees-2019"]).stdout
        #expect(status.contains("Phase: closed"))
        let list = try wsoa.succeed(["list", "--json"]).stdout
        let phases = try #require(try JSONReader.parse(list).arrayValue).map { $0["phase"]?.stringValue ?? "" }
        #expect(phases == ["monitoring", "cessationRecommended", "nextInspectionAwaited", "statementDue", "acceleratedProgress", "closed", "noStatementRequired"])
        let verify = try wsoa.succeed(["verify"]).stdout
        #expect(verify.split(separator: "\n").filter { $0.contains(": ok — ") }.count == 7, "\(verify)")
        let again = try wsoa.succeed(["init"])
        #expect(again.stdout == "The plans directory \(wsoa.plans) already exists; nothing to do.\n")
    }
}
