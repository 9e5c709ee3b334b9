import Testing
@testable import WSoAEngine

/// Trackers read against a plan: matched to its items, turned into the commands a person would
/// run, and refused row by row with the column and the rule.
@Suite struct TrackerImportTests {
    static let today = Day(year: 2026, month: 12, day: 3)!

    static func tracker(_ csv: String, _ kind: ImportKind, into plan: Plan, files: [String: EvidenceFile] = [:]) throws -> TrackerImport {
        try TrackerImport(CSVReader.records(Array(csv.utf8), file: "t.csv"), kind: kind, file: "t.csv", into: plan, nextLine: 100,
                          today: today) { name in
            guard let file = files[name] else { throw WSoAError.fileSystem(path: name, reason: "no such file") }
            return file
        }
    }

    static func problems(_ csv: String, _ kind: ImportKind, into plan: Plan) -> [ImportProblem] {
        do {
            _ = try tracker(csv, kind, into: plan)
            return []
        } catch let WSoAError.trackerRefused(_, problems) {
            return problems
        } catch {
            Issue.record("\(error)")
            return []
        }
    }

    /// A plan in delivery with one workstream (`ws`, addressing W1), actions A1 (open) and A2
    /// (complete), measure M1 with a reading, and evidence E1.
    static func plan() throws -> Plan {
        var plan = Plan(created: PlanEvent.PlanCreated(id: "t-2022", area: "T", visit: try DayRange(parsing: "2022-03-07..2022-03-11")))
        let d = { (text: String) in try! Day(parsing: text) }
        let commands: [PlanCommand] = [
            .publishLetter(on: d("2022-04-22"), received: nil, statementRequired: true, weaknesses: ["Co-production."], note: nil),
            .addWorkstream(on: d("2022-05-02"), workstream: Workstream(id: "ws", title: "Co-production", addresses: ["W1"])),
            .addAction(on: d("2022-05-02"), workstream: "ws", title: "Train SENCOs", lead: "Jo", due: d("2023-03-31")),
            .addAction(on: d("2022-05-02"), workstream: "ws", title: "Refresh the charter", lead: nil, due: d("2023-06-30")),
            .updateAction(on: d("2023-06-01"), id: "A2", status: .complete, note: nil),
            .addMeasure(on: d("2022-05-02"), workstream: "ws", title: "Plans on time", unit: "%", direction: .higherIsBetter,
                        baseline: Reading(on: d("2022-03-31"), value: 40), national: 50, target: Reading(on: d("2024-03-31"), value: 60)),
            .recordMeasure(on: d("2023-03-31"), id: "M1", value: 45),
            .addEvidence(on: d("2023-01-10"), workstream: "ws", weaknesses: ["W1"], kind: .voice, title: "Survey", source: nil, file: nil,
                         link: "https://example.org/survey"),
        ]
        for (offset, command) in commands.enumerated() {
            for event in try Plan.decide(command, on: plan, recordedOn: today) { plan.apply(event, line: offset + 2) }
        }
        return plan
    }

    @Test func aHandLaidTrackerIsMatchedByLooseHeadersAndTurnedIntoCommands() throws {
        let csv = """
            Action ID,WORKSTREAM,Action,Owner,Due_date,Status,RAG,Reason,Last updated,Note
            a1,,,,30/09/2023,At Risk,Amber,Venue lost,01/08/2023,Moved to the autumn term
            ,ws,"Survey families, twice a year",Sam,2027-01-31,,,,,
            A2,,,,,,,,,
            """
        let tracker = try Self.tracker(csv, .actions, into: Self.plan())
        #expect(tracker.unusedHeaders == ["RAG"])
        #expect(tracker.unchanged == [4])
        #expect(tracker.steps.map(\.row) == [2, 2, 3])
        #expect(tracker.commands == [
            .retargetAction(on: try Day(parsing: "2023-08-01"), id: "A1", due: try Day(parsing: "2023-09-30"), reason: "Venue lost", agreedWith: nil),
            .updateAction(on: try Day(parsing: "2023-08-01"), id: "A1", status: .atRisk, note: "Moved to the autumn term"),
            .addAction(on: Self.today, workstream: "ws", title: "Survey families, twice a year", lead: "Sam", due: try Day(parsing: "2027-01-31")),
        ])
    }

    @Test func aRowWithoutAnIDMatchesItsItemByTitleSoASecondImportRecordsNothing() throws {
        var plan = try Self.plan()
        let csv = "Workstream,Title,Due date\r\nws,Survey families,2027-01-31\r\n"
        let first = try Self.tracker(csv, .actions, into: plan)
        #expect(first.steps.map(\.item) == ["A3"])
        for (offset, command) in first.commands.enumerated() {
            for event in try Plan.decide(command, on: plan, recordedOn: Self.today) { plan.apply(event, line: 100 + offset) }
        }
        let second = try Self.tracker(csv, .actions, into: plan)
        #expect(second.steps.isEmpty)
        #expect(second.unchanged == [2])
    }

    @Test func aTrackerThatMovedADueDateOrRevisedAFileImportsTwiceWithTheCountsLeftAsExported() throws {
        var plan = try Self.plan()
        let csv = "ID,Due date,Times retargeted,Reason\r\nA1,2023-09-30,0,Venue lost\r\n"
        let first = try Self.tracker(csv, .actions, into: plan)
        #expect(first.countedHeaders == ["Times retargeted"])
        for (offset, command) in first.commands.enumerated() {
            for event in try Plan.decide(command, on: plan, recordedOn: Self.today) { plan.apply(event, line: 100 + offset) }
        }
        #expect(plan.actions[0].retargets.count == 1)
        #expect(try Self.tracker(csv, .actions, into: plan).steps.isEmpty)
    }

    @Test func aStatusChangedWithoutItsDateIsReportedTodayAndTheSameFileThenChangesNothing() throws {
        var plan = try Self.plan()
        for event in try Plan.decide(.updateAction(on: try Day(parsing: "2023-02-01"), id: "A1", status: .atRisk, note: nil), on: plan,
                                     recordedOn: Self.today) { plan.apply(event, line: 50) }
        let csv = "ID,Status,Last reported on\r\nA1,on track,2023-02-01\r\n"
        let first = try Self.tracker(csv, .actions, into: plan)
        #expect(first.commands == [.updateAction(on: Self.today, id: "A1", status: .onTrack, note: nil)])
        for command in first.commands {
            for event in try Plan.decide(command, on: plan, recordedOn: Self.today) { plan.apply(event, line: 101) }
        }
        #expect(try Self.tracker(csv, .actions, into: plan).steps.isEmpty)
    }

    @Test(arguments: [
        ("ID,Due date\nA1,2023-09-30\n", ImportKind.actions, 2, "Due date", "reason-given"),
        ("ID,Due date\nA9,2023-09-30\n", .actions, 2, "ID", "known-id"),
        ("ID,Status\nA1,purple\n", .actions, 2, "Status", "valid-value"),
        ("ID,Status\nA2,at risk\n", .actions, 2, "Status", "reopen-with-reason"),
        ("ID,Due date\nA1,31/02/2024\n", .actions, 2, "Due date", "valid-value"),
        ("ID,First due date\nA1,2023-01-31\n", .actions, 2, "First due date", "kept-by-wsoa"),
        ("ID,Workstream\nA1,other\n", .actions, 2, "Workstream", "kept-by-wsoa"),
        ("Title,Workstream,Due date\nNew,ws,2026-01-01\n", .actions, 2, "Due date", "due-after-added"),
        ("Title,Workstream,Due date\nNew,nowhere,2027-01-01\n", .actions, 2, "Workstream", "known-reference"),
        ("ID\nA1\nA1\n", .actions, 3, "ID", "one-row-each"),
        ("ID,Better when\nM1,lower\n", .measures, 2, "Better when", "kept-by-wsoa"),
        ("ID,National\nM1,55\n", .measures, 2, "National", "kept-by-wsoa"),
        ("ID,Latest value\nM1,50\n", .measures, 2, "Latest date", "valid-value"),
        ("Measure ID,Date,Value\nM1,2023-04-30,x\n", .readings, 2, "Value", "valid-value"),
        ("Measure ID,Measure,Date,Value\nM1,Other title,2023-04-30,1\n", .readings, 2, "Measure", "known-id"),
        ("Measure ID,Date,Value\nM7,2023-04-30,1\n", .readings, 2, "Measure ID", "known-id"),
        ("Measure ID,Date,Value\nM1,2099-04-30,1\n", .readings, 2, "Date", "not-in-future"),
        ("Workstream,Kind,Date,Title,File\nws,voice,2023-02-01,Notes,../../etc/passwd\n", .evidence, 2, "File", "file-found"),
        ("Workstream,Kind,Date,Title,File\nws,voice,2023-02-01,Notes,notes.pdf\n", .evidence, 2, "File", "file-found"),
        ("ID,SHA-256\nE1,abc\n", .evidence, 2, "SHA-256", "valid-value"),
        ("ID,Kind\nE1,rumour\n", .evidence, 2, "Kind", "valid-value"),
        ("Workstream,Title,Due date\nws,Contact NHS 943 476 5919,2027-01-01\n", .actions, 2, "Title", "personal-data"),
        ("ID,Title\nA1,x,stray\n", .actions, 2, nil, "header-row"),
        ("Due date,Deadline\n2027-01-01,2027-01-01\n", .actions, 1, "Deadline", "header-row"),
        ("Owner,Due date\nJo,2027-01-01\n", .actions, 1, nil, "header-row"),
    ] as [(String, ImportKind, Int, String?, String)])
    func aBadRowIsNamedWithItsColumnAndRule(csv: String, kind: ImportKind, row: Int, column: String?, rule: String) throws {
        let problems = Self.problems(csv, kind, into: try Self.plan())
        let problem = try #require(problems.first)
        #expect(problems.count == 1, "\(problems)")
        #expect(problem.row == row)
        #expect(problem.column == column, "\(problem)")
        #expect(problem.rule == rule, "\(problem)")
    }

    @Test func everyBadRowIsListedAndTheGoodOnesAreNotTaken() throws {
        let csv = "ID,Status,Due date\nA1,at risk,\nA9,,\nA1,,\nA2,purple,\n"
        let problems = Self.problems(csv, .actions, into: try Self.plan())
        #expect(problems.map(\.row) == [3, 4, 5])
        let message = WSoAError.trackerRefused(file: "t.csv", problems: problems).messageLines
        #expect(message[0] == "Nothing was imported from t.csv: 3 rows cannot be imported as they stand.")
        #expect(message.count == 4)
    }

    @Test func aWithdrawalDatedBeforeItsItemWasAddedIsRefused() throws {
        // A1 and E1 were added on 2022-05-02 and dated 2023-01-10: a tracker cannot withdraw
        // them on a day before they existed, nor a new action before the day it is added.
        let plan = try Self.plan()
        let actions = "ID,Workstream,Title,Due date,Added on,Withdrawn on,Reason\n"
            + "A1,,,,,2020-01-01,Duplicate\n"
            + ",ws,Survey families,2027-01-31,2026-06-01,2026-05-01,Duplicate\n"
            + "A2,,,,,2023-06-01,Duplicate\n"
        let problems = Self.problems(actions, .actions, into: plan)
        #expect(problems.map(\.row) == [2, 3])
        #expect(problems.map(\.column) == ["Withdrawn on", "Withdrawn on"])
        #expect(problems.first?.rule == "valid-value")
        #expect(problems.first?.reason.contains("2022-05-02") == true)
        let evidence = Self.problems("ID,Withdrawn on,Reason\nE1,2022-12-31,Duplicate\n", .evidence, into: plan)
        #expect(evidence.map(\.row) == [2])
        #expect(evidence.map(\.column) == ["Withdrawn on"])
    }

    @Test("a number is written as the command line takes it: no hexadecimal, no words", arguments: ["0x10", "0x1p3", "nan", "inf", "1e400", "1,234", "45%"])
    func aNumberIsDigitsOnly(value: String) throws {
        let problems = Self.problems("Measure ID,Date,Value\nM1,2023-06-30,\"\(value)\"\n", .readings, into: try Self.plan())
        #expect(problems.map(\.column) == ["Value"])
        #expect(problems.first?.rule == "valid-value")
    }

    @Test func aTrackerSavedWithSemicolonsIsNamedAsSuch() throws {
        // Excel in much of Europe saves "CSV" with semicolons: the header is then one cell.
        let problems = Self.problems("ID;Workstream;Title;Due date\nA1;ws;Train SENCOs;2023-03-31\n", .actions, into: try Self.plan())
        #expect(problems.map(\.row) == [1])
        #expect(problems.first?.rule == "header-row")
        #expect(problems.first?.reason.contains("semicolons") == true)
        let unnamed = Self.problems("Owner,Due date\nJo,2023-03-31\n", .actions, into: try Self.plan())
        #expect(unnamed.first?.reason.hasSuffix("so no row can be matched to an action") == true)
        let evidence = Self.problems("Kind,Date\nvoice,2023-03-31\n", .evidence, into: try Self.plan())
        #expect(evidence.first?.reason.hasSuffix("so no row can be matched to a piece of evidence") == true)
    }

    @Test func measuresAreAmendedAndTheirLatestReadingRecordedOrCorrected() throws {
        let csv = "ID,Title,Target,Target date,Latest value,Latest date\nM1,Plans issued on time,65,2024-03-31,47,2023-03-31\n"
        let tracker = try Self.tracker(csv, .measures, into: Self.plan())
        var changes = Amendment()
        changes.title = "Plans issued on time"
        changes.target = Reading(on: try Day(parsing: "2024-03-31"), value: 65)
        var value = Amendment()
        value.value = 47
        #expect(tracker.commands == [
            .amend(on: Self.today, target: .measure("M1"), changes: changes, reason: "Imported from the tracker t.csv, row 2."),
            .amend(on: Self.today, target: .reading(measure: "M1", on: try Day(parsing: "2023-03-31")), changes: value,
                   reason: "Imported from the tracker t.csv, row 2."),
        ])
    }

    @Test func readingsAreFoundByMeasureTitleWhenTheRowHasNoID() throws {
        let csv = "Measure,Reading date,Value\nPlans on time,2023-06-30,48\nPlans on time,2023-03-31,45\n"
        let tracker = try Self.tracker(csv, .readings, into: Self.plan())
        #expect(tracker.commands == [.recordMeasure(on: try Day(parsing: "2023-06-30"), id: "M1", value: 48)])
        #expect(tracker.unchanged == [3])
    }

    @Test func aNeutralisedFormulaIsReadAsTheTextThatWasExported() throws {
        let csv = "ID,Title\r\nE1,'=HYPERLINK(\"x\")\r\n"
        let tracker = try Self.tracker(csv, .evidence, into: Self.plan())
        var changes = Amendment()
        changes.title = "=HYPERLINK(\"x\")"
        #expect(tracker.commands == [.amend(on: Self.today, target: .evidence("E1"), changes: changes, reason: "Imported from the tracker t.csv, row 2.")])
    }

    @Test("a plan's own export, imported into it, records nothing", arguments: [3, 41, 977, 2_023])
    func aPlansOwnTrackerChangesNothing(seed: UInt64) throws {
        let plan = try #require(Plan.replay(TestJournals.randomEvents(seed: seed, steps: 500, areaSEND: seed % 2 == 1)))
        for kind in ImportKind.allCases {
            let export = try #require(ExportKind(rawValue: kind.rawValue))
            let records = try CSVReader.records(CSVWriter.bytes(plan.exportTable(export)), file: "t.csv")
            let tracker = try TrackerImport(records, kind: kind, file: "t.csv", into: plan, nextLine: 10_000, today: Self.today) { name in
                throw WSoAError.fileSystem(path: name, reason: "no file is opened for a plan's own tracker")
            }
            #expect(tracker.steps.isEmpty, "\(kind): \(tracker.steps.prefix(3))")
            #expect(tracker.unchanged.count == records.count - 1)
        }
    }

    @Test("a long tracker is read in time linear in its length, matched by id or by title")
    func aLongTrackerWithAndWithoutIdsAddsEveryRowUnderTheNextId() throws {
        // 12,000 new actions, every other one with the id it will get. Its speed is measured in
        // Benchmarks/run.sh (a tracker of 38,000 rows against a 100,000-event plan), not here.
        let count = 12_000
        var csv = "ID,Workstream,Title,Due date\n"
        for number in 1...count { csv += "\(number % 2 == 0 ? "A\(number + 2)" : ""),ws,Generated action \(number),2027-03-31\n" }
        let added = try Self.tracker(csv, .actions, into: Self.plan())
        #expect(added.steps.count == count)
        #expect(added.steps.last?.item == "A\(count + 2)")
    }
}
