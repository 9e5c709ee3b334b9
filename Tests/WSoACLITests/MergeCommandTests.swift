import Foundation
import Testing
import WSoAEngine

/// `wsoa merge`: another copy of a plan's journal taken into the plan — its sentences, its JSON,
/// its usage errors, a refused merge that writes nothing and `--set-aside` that settles it, the
/// note `history` shows, and the sync tool's copies `verify` and `list` point to.
@Suite struct MergeCommandTests {
    static let plan = "stockton-on-tees-2019"

    /// Stockton taken to monitoring with a workstream, an action (A1), a measure (M1) and one
    /// piece of evidence (E1): 8 lines, in a plans directory of its own.
    static func recorded() throws -> InProcess {
        let wsoa = try InProcess()
        wsoa.recordStockton(through: 4)
        wsoa.succeed(["workstream", "add", plan, "coproduction", "--title", "Co-production with parents",
                      "--addresses", "W1", "--on", "2019-10-20"])
        wsoa.succeed(["action", "add", plan, "--workstream", "coproduction", "--title", "Parent forum charter",
                      "--due", "2020-03-31", "--on", "2019-10-20"])
        wsoa.succeed(["measure", "add", plan, "--workstream", "coproduction", "--title", "Parents who feel listened to",
                      "--unit", "%", "--baseline", "31@2019-04-01", "--target", "60@2021-03-31", "--on", "2019-10-20"])
        wsoa.succeed(["evidence", "add", plan, "--workstream", "coproduction", "--kind", "voice", "--on", "2019-11-01",
                      "--title", "Parent forum minutes"])
        return wsoa
    }

    /// Two plans directories holding the same 8-line Stockton: this copy and the other.
    static func twoCopies() throws -> (this: InProcess, other: InProcess) {
        let this = try recorded()
        let other = try InProcess()
        other.succeed(["init"])
        try FileManager.default.createDirectory(atPath: "\(other.plans)/\(plan)", withIntermediateDirectories: true)
        try Data(try this.journal(plan)).write(to: URL(fileURLWithPath: other.journalPath(plan)))
        #expect(try this.journal(plan).count(of: 0x0A) == 8)
        return (this, other)
    }

    /// Evidence added on `day` with `title`.
    static func evidence(_ title: String, on day: String) -> [String] {
        ["evidence", "add", plan, "--workstream", "coproduction", "--kind", "activity", "--on", day, "--title", title]
    }

    /// The head `verify` prints, and that it is clean.
    static func verified(_ wsoa: InProcess, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let json = try JSONReader.parse(wsoa.succeed(["verify", plan, "--json"], sourceLocation: sourceLocation).stdout)
        #expect(json.arrayValue?.first?["ok"]?.boolValue == true, sourceLocation: sourceLocation)
        return try #require(json.arrayValue?.first?["head"]?.stringValue, sourceLocation: sourceLocation)
    }

    @Test func theSameJournalHasNothingToMerge() throws {
        let (this, other) = try Self.twoCopies()
        let before = try this.journal(Self.plan)
        let head = try Self.verified(this)
        let result = this.succeed(["merge", Self.plan, other.journalPath(Self.plan)])
        #expect(result.stdout == "Nothing to merge: \(other.journalPath(Self.plan)) is the same journal as \(Self.plan)'s (8 lines, head \(head)).\n")
        #expect(try this.journal(Self.plan) == before)
    }

    @Test func anOtherCopyAheadIsTakenAsItIsAndOneBehindChangesNothing() throws {
        let (this, other) = try Self.twoCopies()
        other.succeed(Self.evidence("Survey of parents", on: "2020-01-10"))
        other.succeed(["action", "update", Self.plan, "A1", "--status", "onTrack", "--on", "2020-01-12", "--note", "Charter drafted."])
        let path = other.journalPath(Self.plan)
        let head = try Self.verified(other)

        let result = this.succeed(["merge", Self.plan, path])
        #expect(result.stdout == "Took the 2 lines \(path) has after \(Self.plan)'s 8, as they are: the journal now has 10 lines, head \(head).\n")
        #expect(try this.journal(Self.plan) == other.journal(Self.plan), "the other copy's lines were not taken byte for byte")
        #expect(try Self.verified(this) == head)

        // The other way round, the copy merged is behind: nothing changes.
        let (ahead, behind) = try Self.twoCopies()
        ahead.succeed(Self.evidence("Survey of parents", on: "2020-01-10"))
        let before = try ahead.journal(Self.plan)
        let nothing = ahead.succeed(["merge", Self.plan, behind.journalPath(Self.plan)])
        #expect(nothing.stdout == "Nothing to merge: \(behind.journalPath(Self.plan)) holds only lines \(Self.plan) already has (its 8 lines are the first of \(Self.plan)'s 9).\n")
        #expect(try ahead.journal(Self.plan) == before)
    }

    @Test func twoCopiesThatBothAddedE2AreMergedWithTheLaterOneRenumbered() throws {
        let (this, other) = try Self.twoCopies()
        this.succeed(Self.evidence("Survey of parents", on: "2020-01-10"))
        other.succeed(Self.evidence("Forum workshop", on: "2020-01-15"))
        other.succeed(["evidence", "amend", Self.plan, "E2", "--title", "Forum workshop, January", "--reason", "Month added."])
        let path = other.journalPath(Self.plan)

        let result = this.succeed(["merge", Self.plan, path])
        let head = try Self.verified(this)
        #expect(result.stdout == """
            Merged \(path) into \(Self.plan): after the 8 lines both copies share, 1 from this copy, 2 from the other, in the order they took effect; the journal now has 11 lines, head \(head).
              Ids given anew, as both copies had used them: the other copy's E2 is now E3.

            """)
        let text = this.succeed(["history", Self.plan]).stdout
        #expect(text.contains("E2 [coproduction] activity: Survey of parents") && text.contains("E3 [coproduction] activity: Forum workshop"), "\(text)")
        #expect(text.contains("Forum workshop, January"), "\(text)")
        // The amendment followed its item to E3.
        let history = try JSONReader.parse(this.succeed(["history", Self.plan, "--json"]).stdout)
        let events = try #require(history.arrayValue ?? history["events"]?.arrayValue)
        #expect(events.count == 11)

        // Merging the same copy again: its two lines are in already, so there is nothing to do,
        // and no ids to name as given anew.
        let before = try this.journal(Self.plan)
        let again = this.succeed(["merge", Self.plan, path])
        #expect(again.stdout.hasPrefix("Nothing to merge: \(Self.plan) already holds every line of "), "\(again.stdout)")
        #expect(!again.stdout.contains("Ids given anew"), "\(again.stdout)")
        #expect(try this.journal(Self.plan) == before, "merging the same copy twice changed the journal")
        #expect(try Self.verified(this) == head, "merging the same copy twice changed the journal")
    }

    @Test func eitherCopyMayBeTheOneMergedIntoWithTheSameResult() throws {
        let (this, other) = try Self.twoCopies()
        this.succeed(Self.evidence("Survey of parents", on: "2020-01-10"))
        this.succeed(["measure", "record", Self.plan, "M1", "--on", "2020-02-01", "--value", "35"])
        other.succeed(Self.evidence("Forum workshop", on: "2020-01-15"))
        other.succeed(["action", "update", Self.plan, "A1", "--status", "atRisk", "--on", "2020-01-20", "--note", "Chair left."])
        let thisCopy = this.folder.appendingPathComponent("this.jsonl").path
        try Data(try this.journal(Self.plan)).write(to: URL(fileURLWithPath: thisCopy))
        this.succeed(["merge", Self.plan, other.journalPath(Self.plan)])
        other.succeed(["merge", Self.plan, thisCopy])
        #expect(try this.journal(Self.plan) == other.journal(Self.plan), "the two merges differ")
        _ = try Self.verified(this)
    }

    @Test func aDryRunSaysWhatItWouldDoAndWritesNothing() throws {
        let (this, other) = try Self.twoCopies()
        this.succeed(Self.evidence("Survey of parents", on: "2020-01-10"))
        other.succeed(Self.evidence("Forum workshop", on: "2020-01-15"))
        let before = try this.journal(Self.plan)
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(this.plans)/\(Self.plan)").sorted()
        let path = other.journalPath(Self.plan)

        let result = this.succeed(["merge", Self.plan, path, "--dry-run"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 3, "\(result.stdout)")
        #expect(lines[0].hasPrefix("Would merge \(path) into \(Self.plan): after the 8 lines both copies share, 1 from this copy, 1 from the other, in the order they took effect; the journal would have 10 lines, head "))
        #expect(lines[1] == "  Ids given anew, as both copies had used them: the other copy's E2 is now E3.")
        #expect(lines[2] == "Nothing was written (--dry-run).")
        #expect(try this.journal(Self.plan) == before, "a dry run changed the journal")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(this.plans)/\(Self.plan)").sorted() == files)

        // The head it names is the head the merge then gives.
        let done = this.succeed(["merge", Self.plan, path])
        let head = try Self.verified(this)
        #expect(lines[0].hasSuffix("head \(head)."))
        #expect(done.stdout.contains("head \(head)."))
    }

    @Test func theJSONSaysWhatWasDone() throws {
        let (this, other) = try Self.twoCopies()
        this.succeed(Self.evidence("Survey of parents", on: "2020-01-10"))
        other.succeed(Self.evidence("Forum workshop", on: "2020-01-15"))
        let path = other.journalPath(Self.plan)

        let dry = try JSONReader.parse(this.succeed(["merge", Self.plan, path, "--dry-run", "--json"]).stdout)
        #expect(dry["dryRun"]?.boolValue == true)
        let json = try JSONReader.parse(this.succeed(["merge", Self.plan, path, "--json"]).stdout)
        let object = try #require(json.objectValue)
        #expect(Set(object.keys) == ["plan", "other", "outcome", "dryRun", "common", "lines", "fromThis", "fromOther", "inBoth",
                                     "head", "renumbered", "setAside", "setAsideFile", "leftOutAgain", "mergedCopy"])
        #expect(json["plan"]?.stringValue == Self.plan)
        #expect(json["other"]?.stringValue == path)
        #expect(json["outcome"]?.stringValue == "merged")
        #expect(json["dryRun"]?.boolValue == false)
        #expect(json["common"]?.intValue == 8)
        #expect(json["lines"]?.intValue == 10)
        #expect(json["fromThis"]?.intValue == 1)
        #expect(json["fromOther"]?.intValue == 1)
        #expect(json["inBoth"]?.intValue == 0)
        #expect(json["head"]?.stringValue == (try Self.verified(this)))
        #expect(json["head"] == dry["head"])
        #expect(json["renumbered"] == .array([.object(["copy": .string("other"), "old": .string("E2"), "new": .string("E3")])]))
        #expect(json["setAside"] == .array([]))
        #expect(json["setAsideFile"]?.isNull == true)
        #expect(json["mergedCopy"]?.isNull == true)
    }

    @Test(arguments: ["x:1", "other:0", "other:abc", "other:-3", "this:3", "other:8", "other:99", "other", ":9"])
    func aBadSetAsideIsAUsageError(_ value: String) throws {
        let (this, other) = try Self.twoCopies()
        this.succeed(Self.evidence("Survey of parents", on: "2020-01-10"))
        other.succeed(Self.evidence("Forum workshop", on: "2020-01-15"))
        let before = try this.journal(Self.plan)
        let result = this.run(["merge", Self.plan, other.journalPath(Self.plan), "--set-aside", value])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("Error: "), "\(result.stderr)")
        #expect(result.stderr.contains("--set-aside"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try this.journal(Self.plan) == before)
    }

    @Test func aLineWithinTheSharedLinesIsNamedAsSuch() throws {
        let (this, other) = try Self.twoCopies()
        this.succeed(Self.evidence("Survey of parents", on: "2020-01-10"))
        other.succeed(Self.evidence("Forum workshop", on: "2020-01-15"))
        let result = this.run(["merge", Self.plan, other.journalPath(Self.plan), "--set-aside", "this:3"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("this copy has line 9 after the 8 both copies share, and only those can be set aside"), "\(result.stderr)")
    }

    @Test func aMissingOtherJournalIsAUsageError() throws {
        let this = try Self.recorded()
        let result = this.run(["merge", Self.plan])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("OTHER-JOURNAL"), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: wsoa merge PLAN OTHER-JOURNAL"), "\(result.stderr)")
    }

    @Test func anOtherJournalThatIsNotThereIsRefused() throws {
        let this = try Self.recorded()
        let before = try this.journal(Self.plan)
        let result = this.run(["merge", Self.plan, this.folder.appendingPathComponent("nowhere.jsonl").path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("Error: "))
        #expect(try this.journal(Self.plan) == before)
    }

    @Test func anotherPlansJournalIsRefused() throws {
        let this = try Self.recorded()
        let elsewhere = try InProcess()
        elsewhere.succeed(["init"])
        elsewhere.succeed(["new", Self.plan, "--area", "Stockton-on-Tees", "--inspected", "2019-02-04..2019-02-08",
                           "--la", "Another Council"])
        let before = try this.journal(Self.plan)
        let result = this.run(["merge", Self.plan, elsewhere.journalPath(Self.plan)])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("first line is not this plan's first line"), "\(result.stderr)")
        #expect(try this.journal(Self.plan) == before)
    }

    /// This copy withdrew E1 on 20 November; the other amended it on 23 November: once the
    /// withdrawal is in, the amendment is refused.
    static func withdrawnHereAmendedThere() throws -> (this: InProcess, other: InProcess) {
        let (this, other) = try twoCopies()
        let withdrawn = this.run(["evidence", "withdraw", plan, "E1", "--reason", "Minutes of another meeting."],
                                 environment: ["WSOA_TODAY": "2026-11-20", "WSOA_USER": "Jo"])
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        let amended = other.run(["evidence", "amend", plan, "E1", "--title", "Parent forum minutes, October", "--reason", "Month added."],
                                environment: ["WSOA_USER": "Sam"])
        #expect(amended.status == 0, "\(amended.stderr)")
        return (this, other)
    }

    @Test func aRefusedMergeWritesNothingNamesBothLinesAndSetAsideSettlesIt() throws {
        let (this, other) = try Self.withdrawnHereAmendedThere()
        let before = try this.journal(Self.plan)
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(this.plans)/\(Self.plan)").sorted()
        let path = other.journalPath(Self.plan)

        let refused = this.run(["merge", Self.plan, path])
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        let lines = refused.errorLines
        try #require(lines.count == 2, "\(refused.stderr)")
        #expect(lines[0].hasPrefix("Error: Plan '\(Self.plan)' was not merged and nothing was written: rule "), "\(lines[0])")
        #expect(lines[0].contains("line 9 of the other copy (\(path); correction on 2026-11-23, recorded by Sam at "), "\(lines[0])")
        #expect(lines[0].contains("line 9 of this copy ("), "\(lines[0])")
        #expect(lines[0].contains("recorded by Jo at"), "\(lines[0])")
        #expect(lines[1] == "Decide which line stands, then leave the other out with: wsoa merge \(Self.plan) '\(path)' --set-aside other:9 (or --set-aside this:9). The line left out is kept beside the journal; record any correction after.")
        #expect(try this.journal(Self.plan) == before, "a refused merge changed the journal")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(this.plans)/\(Self.plan)").sorted() == files)

        let json = this.run(["merge", Self.plan, path, "--json"])
        #expect(json.status == 1)
        #expect(json.stdout.isEmpty)

        let settled = this.succeed(["merge", Self.plan, path, "--set-aside", "other:9", "--reason", "The minutes were of another meeting."])
        let head = try Self.verified(this)
        let setAside = try #require(try FileManager.default.contentsOfDirectory(atPath: "\(this.plans)/\(Self.plan)")
            .first { $0.hasPrefix("events.jsonl.set-aside-") })
        #expect(settled.stdout == """
            Merged \(path) into \(Self.plan): after the 8 lines both copies share, 1 from this copy, 0 from the other, in the order they took effect; the journal now has 10 lines, head \(head).
              Set aside, as the officers decided: other:9, kept in \(this.plans)/\(Self.plan)/\(setAside); the journal's last line names it, for every copy to see.

            """)
        // The journal is this copy's, then a line naming the amendment set aside, which is kept
        // byte for byte beside it.
        #expect(try this.journal(Self.plan).starts(with: before))
        let history = this.succeed(["history", Self.plan, "--kind", "merge"]).stdout
        let otherHead = SHA256.hexDigest(try other.journal(Self.plan).split(separator: 0x0A).last!)
        #expect(history.contains("10.  2026-11-23  line set aside in a merge  line 9 of copy \(otherHead.prefix(8)) (correction E1, took effect 2026-11-23, recorded by Sam at "),
                "\(history)")
        #expect(history.contains(") left out of the merge: The minutes were of another meeting.\n"), "\(history)")
        let otherLines = try other.journal(Self.plan).split(separator: 0x0A)
        let kept = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(this.plans)/\(Self.plan)/\(setAside)")))
        #expect(kept == Array(otherLines[8]) + [0x0A])
    }

    /// A reason that looks like personal data is refused with advice `merge` can follow: it has
    /// no --allow-personal-data, so the refusal does not offer it.
    @Test func aReasonThatLooksLikePersonalDataIsRefusedWithAdviceMergeTakes() throws {
        let (this, other) = try Self.withdrawnHereAmendedThere()
        let before = try this.journal(Self.plan)
        let result = this.run(["merge", Self.plan, other.journalPath(Self.plan), "--set-aside", "other:9",
                               "--reason", "Jo asked by email, jo.bloggs@example.org."])
        #expect(result.status == 1, "\(result.stderr)")
        let first = try #require(result.errorLines.first, "\(result.stderr)")
        #expect(first.contains("looks like personal data") && first.contains("(--reason)."), "\(first)")
        #expect(!result.stderr.contains("--allow-personal-data"), "\(result.stderr)")
        #expect(first.hasSuffix("(--reason). Remove it: 'wsoa merge' cannot keep text that looks like personal data."), "\(first)")
        #expect(try this.journal(Self.plan) == before)
    }

    /// Setting aside settles a conflict; it cannot take out of the record a line the merge would
    /// have taken in: with no conflict, with the other copy behind this one (the way to erase a
    /// line a tester found), or an unrelated line beside the one in conflict.
    @Test(arguments: ["no conflict", "other copy behind", "beside a conflict"])
    func aLineTheMergeDoesNotRefuseCannotBeSetAside(_ situation: String) throws {
        var (this, other) = try Self.twoCopies()
        var setAside = "this:9"
        switch situation {
        case "no conflict":
            this.succeed(Self.evidence("Survey of parents", on: "2020-01-10"))
            other.succeed(Self.evidence("Forum workshop", on: "2020-01-15"))
        case "other copy behind":
            this.succeed(Self.evidence("Survey of parents", on: "2020-01-10"))
            this.succeed(Self.evidence("Forum workshop", on: "2020-01-15"))
        default:
            (this, other) = try Self.withdrawnHereAmendedThere()
            this.succeed(Self.evidence("Survey of parents", on: "2020-01-10"))
            setAside = "other:9,this:10"
        }
        let before = try this.journal(Self.plan)
        let result = this.run(["merge", Self.plan, other.journalPath(Self.plan), "--set-aside", setAside])
        #expect(result.status == 64, "\(result.stderr)")
        let named = situation == "beside a conflict" ? "this:10" : "this:9"
        #expect(result.errorLines.first == "Error: The value '\(named)' of '--set-aside' cannot be used: the merge goes ahead without leaving that line out, and only a line the merge refuses (or one that names what was set aside) can be; a line that should not stand is corrected or withdrawn in the open.",
                "\(result.stderr)")
        #expect(try this.journal(Self.plan) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(this.plans)/\(Self.plan)").allSatisfy { !$0.contains("set-aside") })
    }

    @Test func aReasonWithNothingSetAsideIsAUsageError() throws {
        let (this, other) = try Self.twoCopies()
        other.succeed(Self.evidence("Forum workshop", on: "2020-01-15"))
        let before = try this.journal(Self.plan)
        let result = this.run(["merge", Self.plan, other.journalPath(Self.plan), "--reason", "Because."])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.errorLines.first?.contains("--reason") == true && result.stderr.contains("none is (--set-aside)"), "\(result.stderr)")
        #expect(try this.journal(Self.plan) == before)
    }

    @Test func aCopyMergedBeforeHasNothingToMergeAgain() throws {
        let (this, other) = try Self.twoCopies()
        this.succeed(Self.evidence("Survey of parents", on: "2020-01-10"))
        other.succeed(Self.evidence("Forum workshop", on: "2020-01-15"))
        this.succeed(["merge", Self.plan, other.journalPath(Self.plan)])
        let before = try this.journal(Self.plan)
        let again = this.succeed(["merge", Self.plan, other.journalPath(Self.plan)])
        #expect(again.stdout == "Nothing to merge: \(Self.plan) already holds every line of \(other.journalPath(Self.plan)), merged into it before (\(Self.plan) has 10 lines).\n",
                "\(again.stdout)")
        #expect(try this.journal(Self.plan) == before)
    }

    @Test func aCopyWhoseLinesEndInCRLFIsNamedAsSuch() throws {
        let (this, other) = try Self.twoCopies()
        other.succeed(Self.evidence("Forum workshop", on: "2020-01-10"))
        let converted = try other.journal(Self.plan).flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
        try Data(converted).write(to: URL(fileURLWithPath: other.journalPath(Self.plan)))
        let before = try this.journal(Self.plan)
        let result = this.run(["merge", Self.plan, other.journalPath(Self.plan)])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("its lines end in CR LF, as a Windows tool or a sync may have converted them"), "\(result.stderr)")
        #expect(try this.journal(Self.plan) == before)
    }

    @Test func settingAsideThisCopysLineKeepsTheOthers() throws {
        let (this, other) = try Self.withdrawnHereAmendedThere()
        let path = other.journalPath(Self.plan)
        this.succeed(["merge", Self.plan, path, "--set-aside", "this:9"])
        _ = try Self.verified(this)
        #expect(this.succeed(["history", Self.plan]).stdout.contains("Parent forum minutes, October"), "the other copy's amendment is not in")
        // The line set aside is this copy's withdrawal; the journal is now the other's, then the
        // line that names the withdrawal.
        #expect(try this.journal(Self.plan).starts(with: other.journal(Self.plan)))
        #expect(this.succeed(["history", Self.plan]).stdout.contains("line set aside in a merge  line 9 of copy "))
    }

    /// The line naming what a merge set aside is about the item the line set aside was about:
    /// `--workstream` shows it under that item's workstream and no other, and it is of a kind of
    /// its own (`merge`), as setting aside is not a correction.
    @Test func historyShowsALineSetAsideUnderItsItemsWorkstreamAndAsAMerge() throws {
        let (this, other) = try Self.withdrawnHereAmendedThere()
        this.succeed(["merge", Self.plan, other.journalPath(Self.plan), "--set-aside", "other:9", "--reason", "Minutes of another meeting."])
        this.succeed(["workstream", "add", Self.plan, "sufficiency", "--title", "Sufficiency of specialist places",
                      "--addresses", "W1", "--on", "2026-11-23"])
        let setAside = "10.  2026-11-23  line set aside in a merge  line 9 of copy "
        let coproduction = this.succeed(["history", Self.plan, "--workstream", "coproduction"]).stdout
        #expect(coproduction.contains(setAside), "\(coproduction)")
        #expect(coproduction.contains("9.  2026-11-20  withdrawal"), "\(coproduction)")
        let sufficiency = this.succeed(["history", Self.plan, "--workstream", "sufficiency"]).stdout
        #expect(!sufficiency.contains("line set aside"), "\(sufficiency)")

        let merge = this.succeed(["history", Self.plan, "--kind", "merge"]).stdout
        #expect(merge.hasPrefix(setAside) && merge.split(separator: "\n").count == 2, "\(merge)")
        let corrections = this.succeed(["history", Self.plan, "--kind", "correction"]).stdout
        #expect(!corrections.contains("line set aside") && corrections.contains("9.  2026-11-20  withdrawal"), "\(corrections)")
        let both = this.succeed(["history", Self.plan, "--workstream", "coproduction", "--kind", "merge"]).stdout
        #expect(both == merge, "\(both)")
    }

    @Test func historyNamesTheCopyAMovedLineCameFrom() throws {
        let (this, other) = try Self.twoCopies()
        this.succeed(Self.evidence("Survey of parents", on: "2020-01-15"))
        other.succeed(Self.evidence("Forum workshop", on: "2020-01-10"))
        let thisHead = try Self.verified(this)
        this.succeed(["merge", Self.plan, other.journalPath(Self.plan)])
        let history = this.succeed(["history", Self.plan]).stdout
        // The other copy's line 9 goes first, where it was, and keeps its bytes; this copy's
        // line 9 moves to line 10 and says where it came from, and that its E2 is now E3.
        let notes = history.split(separator: "\n").filter { $0.contains("merged in from copy") }
        #expect(notes.count == 1, "\(history)")
        #expect(notes.first?.hasSuffix("merged in from copy \(thisHead.prefix(8)), where it was line 9 and E2") == true, "\(history)")
        #expect(history.contains("10.  2020-01-15  evidence added  E3 [coproduction] activity: Survey of parents\n"), "\(history)")
        // The shared lines carry no note.
        #expect(history.components(separatedBy: "recorded ").count - 1 == 10, "\(history)")
    }

    @Test func verifyAndListPointToASyncToolsCopyUntilItIsMerged() throws {
        let (this, other) = try Self.twoCopies()
        this.succeed(Self.evidence("Survey of parents", on: "2020-01-10"))
        other.succeed(Self.evidence("Forum workshop", on: "2020-01-15"))
        let copy = "\(this.plans)/\(Self.plan)/events (Jo's conflicted copy).jsonl"
        try Data(try other.journal(Self.plan)).write(to: URL(fileURLWithPath: copy))
        let quoted = "'\(this.plans)/\(Self.plan)/events (Jo'\\''s conflicted copy).jsonl'"
        let command = "wsoa merge \(Self.plan) \(quoted)"
        // The command ends the note unquoted: its path is quoted already, so it can be copied as it stands.
        let note = "a copy of the journal left beside it (by a sync tool, or a git merge that was refused) may hold lines the journal lacks: \(copy); take them in with: \(command)"
        let words = try Shells.spawn("/bin/sh", ["-c", "printf '%s\\n' \(command)"], in: URL(fileURLWithPath: this.plans),
                                     environment: [:])
        #expect(words.stdout == "wsoa\nmerge\n\(Self.plan)\n\(copy)\n", "\(words.stdout)")

        let verify = this.succeed(["verify", Self.plan])
        #expect(verify.stdout.contains("\n  \(note)\n"), "\(verify.stdout)")
        let verifyJSON = try JSONReader.parse(this.succeed(["verify", Self.plan, "--json"]).stdout)
        #expect(verifyJSON.arrayValue?.first?["conflictedCopies"] == .array([.string(copy)]))
        let list = this.succeed(["list"])
        #expect(list.stdout.contains("\(Self.plan): \(note)."), "\(list.stdout)")
        let listJSON = try JSONReader.parse(this.succeed(["list", "--json"]).stdout)
        let entry = try #require(listJSON.arrayValue?.first { $0["id"]?.stringValue == Self.plan } ?? listJSON["plans"]?.arrayValue?.first)
        #expect(entry["conflictedCopies"] == .array([.string(copy)]), "\(listJSON)")

        let merged = this.succeed(["merge", Self.plan, copy])
        #expect(merged.stdout.contains("  The copy merged is now \(copy).merged.\n"), "\(merged.stdout)")
        #expect(!FileManager.default.fileExists(atPath: copy))
        #expect(FileManager.default.fileExists(atPath: copy + ".merged"))

        let after = this.succeed(["verify", Self.plan])
        #expect(!after.stdout.contains("conflicted copy"), "\(after.stdout)")
        let afterJSON = try JSONReader.parse(this.succeed(["verify", Self.plan, "--json"]).stdout)
        #expect(afterJSON.arrayValue?.first?["conflictedCopies"] == nil)
        #expect(!this.succeed(["list"]).stdout.contains("conflicted copy"))
        #expect(!this.succeed(["list", "--json"]).stdout.contains("conflictedCopies"))
    }

    @Test func aMergeOfACopyInAPlansFolderWithADryRunLeavesItThere() throws {
        let (this, other) = try Self.twoCopies()
        other.succeed(Self.evidence("Forum workshop", on: "2020-01-15"))
        let copy = "\(this.plans)/\(Self.plan)/events (Jo's conflicted copy).jsonl"
        try Data(try other.journal(Self.plan)).write(to: URL(fileURLWithPath: copy))
        this.succeed(["merge", Self.plan, copy, "--dry-run"])
        #expect(FileManager.default.fileExists(atPath: copy))
        #expect(!FileManager.default.fileExists(atPath: copy + ".merged"))
    }

    @Test func evidenceCopiesWithoutGitIsAUsageError() throws {
        let wsoa = try InProcess()
        let result = wsoa.run(["init", "--evidence-copies", "shared"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--evidence-copies"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: wsoa.plans), "init made the plans directory though it refused")
    }
}

extension [UInt8] {
    /// How many times `byte` occurs.
    func count(of byte: UInt8) -> Int { reduce(0) { $0 + ($1 == byte ? 1 : 0) } }
}

/// A snapshot made before a merge that moved its line is read again without a damage notice:
/// git merging a colleague's copy is not someone cutting the journal.
@Suite struct MergeSnapshotTests {
    static let plan = "demo-borough-2022"

    @Test func aSnapshotAMergeOutdatedIsReadAgainQuietly() throws {
        let wsoa = try InProcess(today: "2026-12-04")
        wsoa.succeed(["init"])
        let folder = URL(fileURLWithPath: "\(wsoa.plans)/\(Self.plan)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let shipped = try Data(contentsOf: WSoABinary.packageRoot.appendingPathComponent("plans/\(Self.plan)/events.jsonl"))
        try shipped.write(to: folder.appendingPathComponent("events.jsonl"))
        let ancestor = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-ancestor-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: ancestor) }
        try shipped.write(to: ancestor)
        // The colleague's copy: one line, dated before this copy's.
        let colleague = try InProcess(today: "2026-12-04")
        colleague.succeed(["init"])
        try FileManager.default.createDirectory(atPath: "\(colleague.plans)/\(Self.plan)", withIntermediateDirectories: true)
        try shipped.write(to: URL(fileURLWithPath: colleague.journalPath(Self.plan)))
        colleague.succeed(["evidence", "add", Self.plan, "--workstream", "outcomes", "--kind", "data", "--on", "2026-11-18",
                           "--title", "Sam's data"])
        // This copy's line, whose recording folds every line and leaves a snapshot at it.
        wsoa.succeed(["evidence", "add", Self.plan, "--workstream", "outcomes", "--kind", "impact", "--on", "2026-11-20",
                      "--title", "Jo's impact"])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("snapshot.bin").path))
        // What git's driver does: the journal rewritten in place, the snapshot left as it was.
        wsoa.succeed(["git", "merge-driver", ancestor.path, wsoa.journalPath(Self.plan), colleague.journalPath(Self.plan),
                      "plans/\(Self.plan)/events.jsonl"])
        let status = wsoa.succeed(["status", Self.plan])
        #expect(status.stderr == "")
        #expect(try MergeCommandTests.verifiedHead(wsoa, plan: Self.plan) == (try MergeCommandTests.verifiedHead(colleague, plan: Self.plan, merging: wsoa)))
    }
}

extension MergeCommandTests {
    /// The head `verify` prints for `plan` in `wsoa`, after `merging` the journal of another
    /// plans directory into it when given.
    static func verifiedHead(_ wsoa: InProcess, plan: String, merging other: InProcess? = nil) throws -> String {
        if let other { wsoa.succeed(["merge", plan, other.journalPath(plan)]) }
        let json = try JSONReader.parse(wsoa.succeed(["verify", plan, "--json"]).stdout)
        #expect(json.arrayValue?.first?["ok"]?.boolValue == true)
        return try #require(json.arrayValue?.first?["head"]?.stringValue)
    }
}
