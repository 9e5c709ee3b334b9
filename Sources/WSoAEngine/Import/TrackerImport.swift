/// A tracker (CSV) read against a plan: for each row, what it adds or changes, as the commands
/// a person would have run — or, when any row cannot be imported, every such row with its
/// column and rule, and nothing to record.
///
/// Each row is matched to an item by its id, or, without one, by its title (and workstream):
/// a row that matches no item adds one. Every command is decided against the plan as the rows
/// before it leave it, exactly as `wsoa` would decide it, so a tracker that imports here is
/// one the store will accept in full. A row that asks for nothing new changes nothing, so
/// importing the same file twice records nothing the second time. Pure apart from
/// `evidenceFile`, which opens the files a tracker of evidence names.
public struct TrackerImport {
    /// One command a row asks for, in words.
    public struct Step: Hashable, Sendable {
        /// The spreadsheet's row number.
        public let row: Int
        /// The item it adds or changes, e.g. `A4`.
        public let item: String
        /// What it records, in words: "added to workstream 'send-data', due 2024-03-31".
        public let words: String
        /// The command.
        public let command: PlanCommand
    }

    /// What the tracker holds.
    public let kind: ImportKind
    /// The file's name, as refusals and notes name it.
    public let file: String
    /// Every command to record, in row order.
    public let steps: [Step]
    /// The rows that ask for nothing the plan does not already hold.
    public let unchanged: [Int]
    /// Headers that name no column of `kind`, whose cells are not imported.
    public let unusedHeaders: [String]
    /// Headers of columns wsoa counts itself (``ImportColumn/isCounted``), read by nothing.
    public let countedHeaders: [String]
    /// The evidence files the steps record, opened and hashed, for the store to copy.
    public let files: [EvidenceFile]

    /// The commands, in order.
    public var commands: [PlanCommand] { steps.map(\.command) }

    /// Reads `records` (the header first) as a tracker of `kind` for `plan`, whose next
    /// journal line is `nextLine`, recording on `today`.
    ///
    /// `evidenceFile` opens a file a row of evidence names (by its name alone). Throws
    /// ``WSoAError/trackerRefused(file:problems:)`` listing every row that cannot be imported.
    public init(_ records: [CSVReader.Record], kind: ImportKind, file: String, into plan: Plan, nextLine: Int, today: Day,
                personalDataAllowed: Bool = false, evidenceFile: (String) throws -> EvidenceFile) throws {
        guard let header = records.first else {
            throw WSoAError.trackerRefused(file: file, problems: [ImportProblem(row: 1, column: nil, rule: ImportRule.headerRow.rawValue,
                                                                                reason: "the file is empty, so it has no header row")])
        }
        let (named, unused, headerProblems) = Self.columns(of: header, kind: kind)
        let columns = named.filter { !$0.column.isCounted }
        // The importer keeps the opener only while the rows are read.
        let (taken, problems) = withoutActuallyEscaping(evidenceFile) { evidenceFile in
            var importer = Importer(kind: kind, file: file, plan: plan, nextLine: nextLine, today: today,
                                    personalDataAllowed: personalDataAllowed, evidenceFile: evidenceFile)
            var problems = headerProblems
            if problems.isEmpty {
                for record in records.dropFirst() {
                    if let problem = importer.take(record, columns: columns, width: header.fields.count) { problems.append(problem) }
                }
            }
            return ((importer.steps, importer.unchanged, importer.files), problems)
        }
        guard problems.isEmpty else { throw WSoAError.trackerRefused(file: file, problems: problems) }
        self.kind = kind
        self.file = file
        (self.steps, self.unchanged, self.files) = taken
        self.unusedHeaders = unused
        self.countedHeaders = named.filter(\.column.isCounted).map(\.header)
    }

    /// Which column each field of the header row is, the headers that name none, and what is
    /// wrong with the header row (a column twice, no way to tell which item a row is).
    static func columns(of header: CSVReader.Record, kind: ImportKind)
        -> (columns: [(index: Int, column: ImportColumn, header: String)], unused: [String], problems: [ImportProblem]) {
        var columns: [(index: Int, column: ImportColumn, header: String)] = []
        var unused: [String] = []
        var problems: [ImportProblem] = []
        for (index, text) in header.fields.enumerated() {
            guard let column = ImportColumn.named(text, in: kind) else {
                unused.append(text.isBlank ? "(column \(index + 1), no header)" : text)
                continue
            }
            if let first = columns.first(where: { $0.column == column }) {
                problems.append(ImportProblem(row: header.row, column: text, rule: ImportRule.headerRow.rawValue,
                                              reason: "it is the same column as \"\(first.header)\", so the row would say two things"))
                continue
            }
            columns.append((index, column, text))
        }
        let identifying: ImportColumn = kind == .readings ? .measure : .title
        if problems.isEmpty, !columns.contains(where: { $0.column == .id || $0.column == identifying }) {
            let names = [ImportColumn.id, identifying].map { $0.headers(for: kind)[0] }
            // A spreadsheet set to a European locale saves "CSV" with semicolons: one cell of headers.
            let reason = header.fields.count == 1 && header.fields[0].contains(";")
                ? "the header row is one cell holding semicolons, so the file is separated by semicolons, not commas; save it as 'CSV UTF-8 (Comma delimited)'"
                : "the header row has neither \"\(names[0])\" nor \"\(names[1])\", so no row can be matched to \(kind.oneItem)"
            problems.append(ImportProblem(row: header.row, column: nil, rule: ImportRule.headerRow.rawValue, reason: reason))
        }
        return (columns, unused, problems)
    }
}

extension TrackerImport {
    /// Reads a tracker's rows one by one against the plan as the rows before leave it.
    struct Importer {
        /// A command a row asks for, before it is decided, with the column it comes from.
        struct Pending {
            let words: String
            let command: PlanCommand
            /// The column a refusal is about, unless it is about a date.
            let column: ImportColumn?
            /// The column of the day the command is recorded on, which a refusal for a date is about.
            var dated: ImportColumn? = nil
            /// The column naming what the command refers to (a workstream), which a refusal
            /// under known-reference is about.
            var referenced: ImportColumn? = nil
        }

        let kind: ImportKind
        let file: String
        /// The plan with every row taken so far applied.
        var plan: Plan
        var nextLine: Int
        let today: Day
        let personalDataAllowed: Bool
        let evidenceFile: (String) throws -> EvidenceFile
        var steps: [Step] = []
        var unchanged: [Int] = []
        var files: [EvidenceFile] = []
        /// The row that named each item, so a second row for it is refused.
        var seen: [String: Int] = [:]
        /// The items of the tracker's kind by title, made when a row first has no id.
        var titles: TitleIndex?

        init(kind: ImportKind, file: String, plan: Plan, nextLine: Int, today: Day, personalDataAllowed: Bool,
             evidenceFile: @escaping (String) throws -> EvidenceFile) {
            self.kind = kind
            self.file = file
            self.plan = plan
            self.nextLine = nextLine
            self.today = today
            self.personalDataAllowed = personalDataAllowed
            self.evidenceFile = evidenceFile
        }

        /// Takes one data row of a tracker whose header row has `width` fields: works out what
        /// it asks for and decides each command; returns why the row cannot be imported, if it
        /// cannot.
        mutating func take(_ record: CSVReader.Record, columns: [(index: Int, column: ImportColumn, header: String)], width: Int) -> ImportProblem? {
            var cells: [ImportColumn: String] = [:]
            var headers: [ImportColumn: String] = [:]
            for (index, column, header) in columns {
                headers[column] = header
                if index < record.fields.count { cells[column] = record.fields[index] }
            }
            let row = TrackerRow(row: record.row, cells: cells, headers: headers, kind: kind)
            if let stray = record.fields.indices.first(where: { $0 >= width && !record.fields[$0].isBlank }) {
                return row.problem(nil, .headerRow, "it has a cell in column \(stray + 1), beyond the header row's \(width) columns, "
                                     + "so no header says what it is")
            }
            do {
                let (item, pending) = try request(row)
                if let first = seen[item] {
                    throw row.problem(.id, .oneRowEach, "\(item) is also on row \(first); give each \(kind.itemWord) one row")
                }
                seen[item] = row.row
                // Even when a step is refused: the steps before it are applied.
                defer { titles?.note(item, in: plan, kind: kind) }
                // Applied in place, not to a copy per row (which would make a long tracker cost the
                // square of its length): a row refused part-way leaves its earlier steps applied,
                // which only the rows after it see, in a tracker that is refused anyway.
                for step in pending {
                    do {
                        for event in try Plan.decide(step.command, on: plan, allowingPersonalData: personalDataAllowed, recordedOn: today) {
                            plan.apply(event, line: nextLine)
                            nextLine += 1
                        }
                    } catch let WSoAError.refused(refusal) {
                        let dateRules: [Rule] = [.notInFuture, .afterInspection, .datesInOrder, .actionDatesInOrder]
                        let column = Self.column(for: refusal)
                            ?? (dateRules.contains(refusal.rule) ? step.dated : refusal.rule == .knownReference ? step.referenced : nil)
                            ?? step.column
                        throw ImportProblem(row: row.row, column: column.map(row.header),
                                            rule: refusal.rule.rawValue, reason: refusal.reason + Self.hint(for: refusal, row: row))
                    }
                }
                if pending.isEmpty { unchanged.append(row.row) }
                steps += pending.map { Step(row: row.row, item: item, words: $0.words, command: $0.command) }
                return nil
            } catch let problem as ImportProblem {
                return problem
            } catch {
                return row.problem(nil, .validValue, "\(error)")
            }
        }

        /// The item a row is about and the commands it asks for, by kind.
        mutating func request(_ row: TrackerRow) throws -> (String, [Pending]) {
            switch kind {
            case .actions: return try actionRequest(row)
            case .measures: return try measureRequest(row)
            case .readings: return try readingRequest(row)
            case .evidence: return try evidenceRequest(row)
            }
        }

        /// The reason a correction made from a tracker records, when the row gives none.
        func importedReason(_ row: TrackerRow) -> String {
            row.reason(or: "Imported from the tracker \(file), row \(row.row).")
        }

        /// The column a refusal is about, when it names a text field.
        static func column(for refusal: Refusal) -> ImportColumn? {
            if refusal.rule == .dueAfterAdded { return .due }
            switch refusal.field {
            case .title?: return .title
            case .lead?, .owner?: return .lead
            case .reason?: return .reason
            case .agreedWith?: return .agreedWith
            case .unit?: return .unit
            case .source?: return .source
            case .link?: return .link
            case .file?: return .file
            case .note?: return .note
            case .area?, .localAuthority?, .healthPartner?, .weakness?, .priorityAction?, .partner?, .improvement?, .previousInspection?,
                 .adviser?, .attendee?, .followUp?, .accountable?, .issuer?, .recorder?, nil:
                return nil
            }
        }

        /// What a tracker can do about a refusal, where the rule alone does not say.
        static func hint(for refusal: Refusal, row: TrackerRow) -> String {
            if refusal.rule == .dueAfterAdded, row.text(.added) == nil { return "; give the day it was added in an \"Added on\" column" }
            if refusal.rule == .reopenWithReason { return " (in a \"Note\" column)" }
            if refusal.rule == .personalData { return "; remove it, or give --allow-personal-data if it must be kept" }
            return ""
        }
    }
}
