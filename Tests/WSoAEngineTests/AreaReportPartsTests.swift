import Foundation
import Testing
@testable import WSoAEngine

/// The pieces the area SEND report reader is built from, each on its own: how a line opens,
/// page furniture, the responsible-body column, headings and the item split.
@Suite("Letters: area SEND report reader parts")
struct AreaReportPartsTests {
    // MARK: Openings

    @Test("openings that name who must act start a finding", arguments: [
        "Area leaders need to ensure that there is a partnership",
        "Leaders across the partnership should improve transitions between children’s and",
        "Leaders at Oldham Metropolitan Borough Council and",
        "Leaders in the local partnership should ensure that all expectant parents are able to",
        "Local authority and health leaders must improve the",
        "Strategic leaders across education, health and care should ensure that they provide",
        "The local area partnership should improve the quality of EHC plans so",
        "The partnership should establish more effective processes to ensure that children and",
        "The ICB should make sure that children and young people who are waiting",
        "NHS North East London ICB should reduce the lengthy waits for children and young",
        "Kelbridge City Council and NHS Kelbridge ICB must agree a joint strategy",
        "Commissioners across the partnership should use the information",
    ])
    func subjects(line: String) {
        #expect(AreaReportItemOpening(line) == .subject)
    }

    @Test("a bare actor may carry on or begin a finding", arguments: [
        "Leaders should ensure that plans are completed in a",
        "Leaders should improve their strategic approach to transition planning at all ages so",
        "Leaders must continue to develop their oversight, strategy and commissioning",
    ])
    func bareSubjects(line: String) {
        #expect(AreaReportItemOpening(line) == .bareSubject)
    }

    @Test("openings that carry on the sentence before do not", arguments: [
        "Leaders should also improve the support available while",
        "They should ensure that the strategy for preparation for",
        "This includes speech and language provision, neurodevelopmental",
        "In addition, leaders should check that plans are reviewed",
        "Area leaders should then use this understanding to plan",
        "Health leaders must also ensure that families receive support",
    ])
    func continuations(line: String) {
        #expect(AreaReportItemOpening(line) == .continuation)
    }

    @Test("other capitalised openings are plain, and the rest are not sentence starts", arguments: [
        ("To ensure an improved understanding of the services which are available, the local", AreaReportItemOpening.plain),
        ("Some children and young people with SEND wait too long for neurodevelopmental", .plain),
        ("Children and young people’s needs should be identified at the earliest", .plain),
        ("The time children and young people wait for a specialist place is reduced so", .plain),
        ("young people’s needs should be identified at the earliest", .none),
        ("▪ community paediatrics;", .none),
        ("20 weeks and that advice from health and social care is", .none),
        ("", .none),
    ])
    func plainAndNone(line: String, opening: AreaReportItemOpening) {
        #expect(AreaReportItemOpening(line) == opening)
    }

    // MARK: Page furniture

    @Test("one-line, two-line and wrapped footers, page numbers, form feeds and ◼ are removed", arguments: [
        "a line that\nArea SEND inspection report: Kelbridge Local Area Partnership, 11 to 15 March 2024\n\n4\n\n\u{0C}goes on.",
        "a line that\n\nArea SEND inspection report: Kelbridge Local Area Partnership\n11 to 15 March 2024\n\n4\n\n\u{0C}goes on.",
        "a line that\nArea SEND inspection report: Kelbridge Local Area Partnership, 11 to 15\nMarch 2024\n\n4\n\n\u{0C}goes on.",
        "a line that\nArea SEND inspection report: Kelbridge Local Area\nPartnership, 11 to 15 March 2024\n\n4\n\n\u{0C}goes on.",
        "a line that\r\nArea SEND inspection report: Kelbridge Local Area Partnership, 11 to 15 March 2024\r\n\r\n4\r\n\r\n\u{0C}◼ goes  on.",
    ])
    func footersGo(text: String) {
        let report = AreaReportText(text)
        #expect(report.lines.map(\.text) == ["a line that", "goes on."])
        #expect(report.lines.map(\.gap) == [.none, .page])
        #expect(report.footers.count == 1)
        #expect(report.footers.first?.hasSuffix("March 2024") == true)
    }

    @Test("numbers inside the text are kept; blank lines are noted")
    func numbersStay() {
        let report = AreaReportText("young people aged\n16\nto 25.\n\nNext paragraph.")
        #expect(report.lines.map(\.text) == ["young people aged", "16", "to 25.", "Next paragraph."])
        #expect(report.lines.map(\.gap) == [.none, .none, .none, .blank])
    }

    // MARK: Headings

    @Test("headings are whole lines, perhaps quoted or wrapped, never words inside a sentence")
    func headings() {
        let lines = AreaReportText("to address the identified areas for priority\naction.\nAreas for\nimprovement\n‘Areas for improvement’\nareas for improvement.").lines
        #expect(AreaReportHeading.priorityActions.first(in: lines, from: 0) == nil)
        #expect(AreaReportHeading.improvements.lineCount(in: lines, at: 2) == 2)
        #expect(AreaReportHeading.improvements.lineCount(in: lines, at: 4) == 1)
        #expect(AreaReportHeading.improvements.lineCount(in: lines, at: 5) == nil)
    }

    // MARK: Responsible-body column

    @Test("a cell glued to the front of an action's first line is taken off it", arguments: [
        ("NHS Greater Manchester ICB Leaders at Oldham Metropolitan Borough Council and", "NHS Greater Manchester ICB", "Leaders at Oldham Metropolitan Borough Council and"),
        ("Kelbridge Council and NHS Kelbridge ICB The local area partnership should", "Kelbridge Council and NHS Kelbridge ICB", "The local area partnership should"),
    ])
    func gluedCells(line: String, cell: String, action: String) throws {
        let glued = try #require(PriorityActionTable.gluedCell(line))
        #expect(glued.cell == cell && glued.action == action)
    }

    @Test("action lines are not taken apart", arguments: [
        "Leaders at Oldham Metropolitan Borough Council and",
        "City Council should reduce the time that children and",
        "NHS Greater Manchester ICB, including commissioners",
        "Council Leaders",
    ])
    func notGlued(line: String) {
        #expect(PriorityActionTable.gluedCell(line) == nil)
    }

    @Test("cell lines are told from action lines by their shape", arguments: [
        ("Oldham Metropolitan", true), ("Borough Council and NHS", true), ("and Oldham Metropolitan", true),
        ("Council, Worcestershire", true), ("Children’s First and NHS", true), ("Trust", true),
        ("young people with SEND in Oldham.", false), ("▪ occupational therapy; and", false),
        ("and providers, should act urgently to identify and", false), ("Responsible body", false),
    ])
    func cellLines(line: String, isCell: Bool) {
        #expect(PriorityActionTable.isCellLine(line) == isCell)
    }

    @Test("a block of cells with no blank lines is cut where one name ends and the next begins")
    func blockOfCells() {
        let lines = AreaReportText("""
        Responsible body
        Kelbridge Council, NHS
        Kelbridge ICB and
        Kelbridge Children’s Trust
        NHS Kelbridge ICB
        Kelbridge Council

        Areas for priority action
        Area leaders must act.
        Health leaders must act.
        Local authority leaders must act.
        """).lines
        let table = PriorityActionTable(lines)
        #expect(table.cells.map(\.text) == ["Kelbridge Council, NHS Kelbridge ICB and Kelbridge Children’s Trust", "NHS Kelbridge ICB", "Kelbridge Council"])
        #expect(table.actionLines.map(\.text) == ["Area leaders must act.", "Health leaders must act.", "Local authority leaders must act."])
        let split = AreaReportItemSplitter(lines: table.actionLines, noun: "priority action").split(rows: 3)
        #expect(split.items.count == 3)
        #expect(table.partners(starts: split.starts).partners == ["Kelbridge Council, NHS Kelbridge ICB and Kelbridge Children’s Trust", "NHS Kelbridge ICB", "Kelbridge Council"])
    }

    // MARK: Splitting

    /// Splitter lines from text lines, with a blank line where the text has "".
    private func lines(_ texts: [String]) -> [AreaReportItemSplitter.Line] {
        var result: [AreaReportItemSplitter.Line] = []
        var gap = AreaReportText.Gap.none
        for text in texts {
            if text.isEmpty {
                gap = .blank
                continue
            }
            result.append(AreaReportItemSplitter.Line(text: text, gap: gap, afterCell: false))
            gap = .none
        }
        return result
    }

    @Test("a plain opening after a short line starts a finding, with a warning; after a full line it does not")
    func shortLineCue() {
        let short = AreaReportItemSplitter(lines: lines([
            "The partnership should improve how it identifies needs quickly and accurately so that",
            "children are helped earlier.",
            "Some children and young people wait too long for an assessment of their needs in the",
            "area.",
        ]), noun: "area for improvement").split(rows: nil)
        #expect(split(short) == ["The partnership", "Some children"])
        #expect(short.warnings.count == 1)
        let full = AreaReportItemSplitter(lines: lines([
            "The partnership should improve how it identifies needs quickly and accurately so that",
            "children are helped earlier in their lives and in their schools than they are today.",
            "Some children and young people wait too long for an assessment of their needs in the",
            "area.",
        ]), noun: "area for improvement").split(rows: nil)
        #expect(split(full) == ["The partnership"])
    }

    @Test("the row count drops the weakest subject boundary, merging the shortest tail")
    func rowCountMerges() {
        let result = AreaReportItemSplitter(lines: lines([
            "Area leaders must make sure that the new joint commissioning",
            "arrangements are based on an accurate assessment of need.",
            "Health leaders must reduce the time that children and young",
            "people wait for an autism assessment and other services too.",
            "Health leaders must support families while they wait longer.",
        ]), noun: "priority action").split(rows: 2)
        #expect(split(result) == ["Area leaders", "Health leaders"])
        #expect(result.items[1].hasSuffix("while they wait longer."))
        #expect(result.warnings.count == 1)
    }

    @Test("the row count takes a paragraph that carries on when nothing else can make up the rows")
    func rowCountAdds() {
        let result = AreaReportItemSplitter(lines: lines([
            "Area leaders must make sure that plans are done well and on time for every",
            "child.",
            "They should check every plan.",
        ]), noun: "priority action").split(rows: 2)
        #expect(split(result) == ["Area leaders", "They should"])
        #expect(result.warnings.count == 1)
    }

    @Test("a bare 'Leaders should' after a short line starts a finding with a warning when there is no row count, and not otherwise")
    func bareSubjectCue() {
        let texts = [
            "The local area partnership should evaluate the quality and impact of services and joint",
            "working more effectively in order to inform improvements that lead to better outcomes",
            "and experiences for children and young people with SEND.",
            "Leaders should improve their strategic approach to transition planning at all ages so",
            "that children and young people receive the right help and support they need to lead",
            "successful lives.",
            "They should also check every plan.",
        ]
        let unnumbered = AreaReportItemSplitter(lines: lines(texts), noun: "area for improvement").split(rows: nil)
        #expect(split(unnumbered) == ["The local", "Leaders should"])
        #expect(unnumbered.warnings.count == 1)
        #expect(unnumbered.warnings.first?.contains("though it could carry on the one before; check it.") == true, "\(unnumbered.warnings)")
        // With one row, the bare subject carries on, and nothing is warned about.
        let oneRow = AreaReportItemSplitter(lines: lines(texts), noun: "priority action").split(rows: 1)
        #expect(split(oneRow) == ["The local"])
        #expect(oneRow.warnings.isEmpty)
        // With two, it is taken before the continuation "They should also …" is.
        let twoRows = AreaReportItemSplitter(lines: lines(texts), noun: "priority action").split(rows: 2)
        #expect(split(twoRows) == ["The local", "Leaders should"])
        // After a full line, a bare subject is the sentence going on.
        let wrapped = AreaReportItemSplitter(lines: lines([
            "The local area partnership should evaluate the quality and impact of services and joint",
            "working more effectively in order to inform improvements that lead to better outcomes.",
            "Leaders should improve their strategic approach to transition planning at all ages so",
            "that children and young people receive the right help.",
        ]), noun: "area for improvement").split(rows: nil)
        #expect(split(wrapped) == ["The local"])
    }

    /// The first two words of each item.
    private func split(_ result: AreaReportItemSplitter.Result) -> [String] {
        result.items.map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
    }
}
